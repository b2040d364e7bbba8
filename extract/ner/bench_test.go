package ner_test

import (
	"os"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/extract/ner"
	"github.com/newsclaims/newsclaims/extract/tokens"
)

// BenchmarkRecogniser tags the sentences of the two seed articles with the
// embedded model (inputs and hints prepared outside the timer): the
// recogniser alone, one core. It reports tokens/s.
func BenchmarkRecogniser(b *testing.B) {
	x, err := extract.New(extract.Options{NoModel: true})
	if err != nil {
		b.Fatal(err)
	}
	m, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	tg, err := ner.NewTagger(m)
	if err != nil {
		b.Fatal(err)
	}
	var ins []ner.Input
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
		hints := x.NERHints(text, spans)
		for _, s := range sents {
			ins = append(ins, ner.Input{Words: words[s.First:s.Last], Hints: hints[s.First:s.Last]})
		}
		ntok += len(toks)
	}
	var out []ner.Mention
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, in := range ins {
			out = tg.Tag(in, out[:0])
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
