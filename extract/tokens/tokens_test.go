package tokens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/ingest"
)

// TestParagraphsNeverJoined reads a plain-text article through ingest, as
// the pipeline does, and checks that no sentence runs from one paragraph
// into the next, even where a paragraph lacks a full stop, and that a
// hard-wrapped paragraph is read as one.
func TestParagraphsNeverJoined(t *testing.T) {
	raw := "Taliban Took Control of Provincial Capitals\n\n" +
		"The Taliban seized two more provincial capitals on Monday, officials\n" +
		"said, as foreign troops prepare to leave\n\n" +
		"according to a report published in ABC News,\n\n" +
		"the city fell after a week of fighting.\n"
	var arts []ingest.Article
	err := ingest.Read("story.txt", strings.NewReader(raw), ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		arts = append(arts, r.Article)
		return nil
	})
	if err != nil || len(arts) != 1 {
		t.Fatalf("ingest: %v, %d articles", err, len(arts))
	}
	text := arts[0].Text
	_, sents := Tokenize(text)
	var got []string
	for _, s := range sents {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"Taliban Took Control of Provincial Capitals",
		"The Taliban seized two more provincial capitals on Monday, officials\nsaid, as foreign troops prepare to leave",
		"according to a report published in ABC News,",
		"the city fell after a week of fighting.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got  %q\n want %q", got, want)
	}
	for _, b := range arts[0].Blocks {
		if b.Kind != ingest.BlockParagraph {
			continue
		}
		for _, s := range sents {
			if s.Start < b.End && s.End > b.End || s.Start < b.Start && s.End > b.Start {
				t.Errorf("sentence %q crosses the edge of paragraph %q", text[s.Start:s.End], text[b.Start:b.End])
			}
		}
	}
}

// TestSentenceCap checks that a run of text with no sentence end is cut
// into sentences of at most MaxTokens tokens, at a comma or semicolon
// when there is one in reach.
func TestSentenceCap(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString("word ")
		if i%100 == 99 {
			b.WriteString("; ")
		} else if i%37 == 36 {
			b.WriteString(", ")
		}
	}
	text := b.String()
	toks, sents := Tokenize(text)
	if len(sents) < 1000/MaxTokens+1 {
		t.Fatalf("%d sentences for %d tokens", len(sents), len(toks))
	}
	for i, s := range sents {
		if n := s.Last - s.First; n > MaxTokens {
			t.Errorf("sentence %d has %d tokens", i, n)
		}
		if i+1 < len(sents) && toks[s.Last-1].Text != ";" {
			t.Errorf("sentence %d ends at %q, not at the semicolon in reach", i, toks[s.Last-1].Text)
		}
		if i > 0 && s.First != sents[i-1].Last {
			t.Errorf("sentence %d does not start where %d ends", i, i-1)
		}
	}
	if err := checkWords(text); err != nil {
		t.Error(err)
	}
}

// seedText is the two seed articles, the benchmarks' input.
func seedText(b *testing.B) string {
	var s strings.Builder
	for _, name := range []string{"000_23266be43dcebdac.txt", "001_73cd811f6837bda6.txt"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "seeds", name))
		if err != nil {
			b.Fatal(err)
		}
		s.Write(raw)
		s.WriteString("\n\n")
	}
	return s.String()
}

// BenchmarkTokenize is the baseline for BenchmarkWords: tokens and
// sentences only.
func BenchmarkTokenize(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
}

// BenchmarkWords is Tokenize and then the words of every sentence.
func BenchmarkWords(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		toks, sents := Tokenize(text)
		for _, s := range sents {
			Words(text, s, toks)
		}
	}
}
