package extract_test

import (
	"bufio"
	"encoding/json"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/newsclaims/newsclaims/extract"
)

// benchDoc is one VOA story as Extract sees it.
type benchDoc struct {
	doc  extract.Doc
	ntok int
}

// benchVOA reads the public-domain VOA copy kept in the repository, so
// the figures compare across machines and clones without ../shared.
func benchVOA(b *testing.B) (docs []benchDoc, size, ntok int) {
	b.Helper()
	const path = "../testdata/voa/stories.jsonl"
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("VOA corpus: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		var st struct {
			Text      string `json:"text"`
			Published string `json:"published"`
		}
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			b.Fatalf("%s:%d: %v", path, line, err)
		}
		toks, _ := extract.Tokenize(st.Text)
		// "2025-03-14 20:30:26Z": the date part is what Extract resolves
		// relative dates against.
		pub := st.Published
		if len(pub) >= 10 {
			pub = pub[:10]
		}
		docs = append(docs, benchDoc{extract.Doc{Text: st.Text, Published: pub}, len(toks)})
		size += len(st.Text)
		ntok += len(toks)
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	if len(docs) == 0 {
		b.Fatalf("%s: no stories", path)
	}
	return docs, size, ntok
}

// BenchmarkTokenize times the tokenizer and sentence splitter over the
// VOA stories; one op is the whole corpus.
func BenchmarkTokenize(b *testing.B) {
	docs, size, ntok := benchVOA(b)
	b.SetBytes(int64(size))
	got := 0
	for b.Loop() {
		got = 0
		for _, d := range docs {
			toks, _ := extract.Tokenize(d.doc.Text)
			got += len(toks)
		}
	}
	if got != ntok {
		b.Fatalf("%d tokens, want %d", got, ntok)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkExtract times the whole Extract, article by article, over the
// VOA stories; one op is the whole corpus. The claim count guards against
// a broken path looking fast.
func BenchmarkExtract(b *testing.B) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	docs, size, ntok := benchVOA(b)
	b.SetBytes(int64(size))
	claims, ents := 0, 0
	c0 := cpuTime()
	for b.Loop() {
		claims, ents = 0, 0
		for _, d := range docs {
			r := x.Extract(d.doc)
			claims += len(r.Claims)
			ents += len(r.Entities)
		}
	}
	if claims < len(docs) {
		b.Fatalf("only %d claims in %d stories", claims, len(docs))
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(ntok)*float64(b.N)/secs, "tokens/s")
	// Per CPU second too: on a shared machine wall time mostly measures
	// the other processes (run it with GOMAXPROCS=1 for one core's figure).
	b.ReportMetric(float64(ntok)*float64(b.N)/(cpuTime()-c0).Seconds(), "tokens/cpu-s")
	b.ReportMetric(float64(len(docs))*float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(claims), "claims/op")
	b.ReportMetric(float64(ents), "entities/op")
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
