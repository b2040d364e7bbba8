package ner_test

import (
	"os"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/extract/ner"
	"github.com/newsclaims/newsclaims/extract/tokens"
)

// BenchmarkRecogniser tags the sentences of the two seed articles with the
// embedded model (inputs and hints prepared outside the timer, the
// document codes inside it, as ner.DocCodes is the recogniser's; a
// tagger per document): the
// recogniser alone, one core. The part-of-speech tags a model trained
// with them reads are the tagger's (extract.NERTags), also prepared
// outside the timer: tagging is the syntax stage's work. It reports
// tokens/s.
func BenchmarkRecogniser(b *testing.B) {
	x, err := extract.New(extract.Options{NoModel: true})
	if err != nil {
		b.Fatal(err)
	}
	m, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		words  []string
		hints  []uint32
		pos    [][]string // per sentence
		starts []int
		sents  []tokens.Sentence
	}
	var docs []doc
	size, ntok := 0, 0
	for _, f := range []string{"../../seeds/000_23266be43dcebdac.txt", "../../seeds/001_73cd811f6837bda6.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		size += len(text)
		toks, sents := tokens.Tokenize(text)
		spans := make([]tokens.Span, len(toks))
		words := make([]string, len(toks))
		for i, t := range toks {
			spans[i], words[i] = t.Span, t.Text
		}
		d := doc{words: words, hints: x.NERHints(text, spans), sents: sents}
		for _, s := range sents {
			d.starts = append(d.starts, s.First)
			var pos []string
			if m.POS() != "" {
				pos = x.NERTags(text, spans[s.First:s.Last])
			}
			d.pos = append(d.pos, pos)
		}
		docs = append(docs, d)
		ntok += len(toks)
	}
	var out []ner.Mention
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			// A tagger per document, as the pipeline makes: its caches
			// start empty.
			tg, err := ner.NewTagger(m)
			if err != nil {
				b.Fatal(err)
			}
			codes := ner.DocCodes(d.words, d.starts, d.hints)
			for si, s := range d.sents {
				out = tg.Tag(ner.Input{Words: d.words[s.First:s.Last], POS: d.pos[si], Hints: d.hints[s.First:s.Last], Doc: codes[s.First:s.Last]}, out[:0])
			}
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
