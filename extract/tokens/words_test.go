package tokens

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readParagraphs reads a test input: paragraphs separated by blank lines,
// lines starting with # left out.
func readParagraphs(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(b), "\n\n") {
		var keep []string
		for _, line := range strings.Split(p, "\n") {
			if !strings.HasPrefix(line, "#") {
				keep = append(keep, line)
			}
		}
		if p := strings.TrimSpace(strings.Join(keep, "\n")); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

// conllWords writes the words of each sentence of text as CoNLL-U's ID,
// FORM and MISC columns.
func conllWords(b *strings.Builder, text string) {
	toks, sents := Tokenize(text)
	for _, s := range sents {
		fmt.Fprintf(b, "# text = %s\n", text[s.Start:s.End])
		for i, w := range Words(text, s, toks) {
			misc := "_"
			if !w.SpaceAfter {
				misc = "SpaceAfter=No"
			}
			fmt.Fprintf(b, "%d\t%s\t%s\n", i+1, w.Text, misc)
		}
		b.WriteString("\n")
	}
}

// TestWordsGolden compares the words of testdata/words.txt (sentences
// written for the test and paragraphs of the seeds) with a golden file
// read by hand. -update rewrites it; read every change before committing.
func TestWordsGolden(t *testing.T) {
	var b strings.Builder
	for _, p := range readParagraphs(t, filepath.Join("testdata", "words.txt")) {
		conllWords(&b, p)
	}
	golden := filepath.Join("testdata", "words.golden.conllu")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s line %d:\n got  %q\n want %q", golden, i+1, g, w)
			}
		}
	}
}

// TestWordsExact checks the invariants every segmentation must keep on the
// golden input: each word is its span of the text, words are in order,
// do not overlap, lie inside their sentence and leave out only white
// space.
func TestWordsExact(t *testing.T) {
	for _, p := range readParagraphs(t, filepath.Join("testdata", "words.txt")) {
		if err := checkWords(p); err != nil {
			t.Error(err)
		}
	}
}

// checkWords verifies the invariants of Tokenize and Words on text.
func checkWords(text string) error {
	toks, sents := Tokenize(text)
	prevTok := 0
	for i, tk := range toks {
		if tk.Start < prevTok || tk.End <= tk.Start || tk.End > len(text) || tk.Text != text[tk.Start:tk.End] {
			return fmt.Errorf("token %d %q at %v: not an exact, ordered span of %q", i, tk.Text, tk.Span, text)
		}
		prevTok = tk.End
	}
	prevSent := 0
	for si, s := range sents {
		if s.First >= s.Last || s.Start < prevSent || s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			return fmt.Errorf("sentence %d %v: bad span or token range in %q", si, s, text)
		}
		prevSent = s.End
		for k := s.First + 1; k < s.Last; k++ {
			if strings.Count(text[toks[k-1].End:toks[k].Start], "\n") > 1 {
				return fmt.Errorf("sentence %d %q runs over a blank line", si, text[s.Start:s.End])
			}
		}
		if s.Last-s.First > MaxTokens {
			return fmt.Errorf("sentence %d has %d tokens, over MaxTokens", si, s.Last-s.First)
		}
		pos := s.Start
		for wi, w := range Words(text, s, toks) {
			if w.Start < pos || w.End <= w.Start || w.End > s.End || w.Text != text[w.Start:w.End] {
				return fmt.Errorf("sentence %d word %d %q at %v: not an exact, ordered span inside %v of %q", si, wi, w.Text, w.Span, s.Span, text)
			}
			if strings.TrimSpace(text[pos:w.Start]) != "" {
				return fmt.Errorf("sentence %d word %d %q: text %q before it belongs to no word", si, wi, w.Text, text[pos:w.Start])
			}
			if w.Tok < s.First || w.Tok >= s.Last || w.Start < toks[w.Tok].Start || w.Start >= toks[w.Tok].End {
				return fmt.Errorf("sentence %d word %d %q: Tok %d does not hold its start", si, wi, w.Text, w.Tok)
			}
			pos = w.End
		}
		if strings.TrimSpace(text[pos:s.End]) != "" {
			return fmt.Errorf("sentence %d: text %q at its end belongs to no word", si, text[pos:s.End])
		}
	}
	return nil
}

// FuzzWords runs arbitrary text through Tokenize and Words: no panic,
// and every span exact, in order, without overlap, inside its sentence
// (checkWords). make fuzz runs it.
func FuzzWords(f *testing.F) {
	for _, p := range readParagraphs(f, filepath.Join("testdata", "words.txt")) {
		f.Add(p)
	}
	for _, s := range []string{"", "don't", "U.S.-led", "a\n\nb", "\u201c", "x'", "n't", "'s", "...", "e-", "1,", "www.", "@", "a.m.\n", "Mr.", "[1]", "\xff\xfe", "\u00a0\n\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if err := checkWords(text); err != nil {
			t.Fatal(err)
		}
	})
}
