package syntax

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// BenchmarkProse is prose v2's tokenizer and tagger on the sentences of
// BenchmarkAnalyze (their # text, no segmentation or entity extraction),
// so that one `go test -bench 'Analyze|Prose'` run measures both (issue
// 12). prose has no parser; its figure includes its own tokenizer.
func BenchmarkProse(b *testing.B) {
	ss := readTestdata(b, "ewt-dev-200.conllu")
	pm := prose.ModelFromData("en")
	nbytes := 0
	for _, s := range ss {
		nbytes += len(s.Text) + 1
	}
	ntok := 0
	b.SetBytes(int64(nbytes))
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		for _, s := range ss {
			d, err := prose.NewDocument(s.Text, prose.UsingModel(pm), prose.WithSegmentation(false), prose.WithExtraction(false))
			if err != nil {
				b.Fatal(err)
			}
			ntok += len(d.Tokens())
		}
	}
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(ntok)/(cpuTime()-c0).Seconds(), "tokens/cpu-s")
}
