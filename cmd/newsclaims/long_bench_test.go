package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
)

// repeatedSentence is the line of issue 11's quadratic store: one news
// sentence with a casualty claim, a statement and three claim keys.
const repeatedSentence = "Officials said 3 people were killed in Kabul on Monday. "

// longText is one article of about size bytes: repeated is the sentence
// above over and over; varied is the paragraphs of the VOA stories in a
// fixed shuffled order, a new order for each pass over them.
func longText(tb testing.TB, kind string, size int) string {
	tb.Helper()
	if kind == "repeated" {
		return strings.Repeat(repeatedSentence, size/len(repeatedSentence))
	}
	f, err := os.Open("../../testdata/voa/stories.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var paras []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var st struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			tb.Fatal(err)
		}
		for _, p := range strings.Split(st.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) == 0 {
		tb.Fatal("no VOA paragraphs")
	}
	rng := rand.New(rand.NewPCG(11, 3))
	var b strings.Builder
	for b.Len() < size {
		rng.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		for _, p := range paras {
			if b.Len() >= size {
				break
			}
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkLongArticle times extraction and storing of one article of 50
// KB to 2 MB, separately, with ns/byte for each: both stages are linear
// when ns/byte is flat across sizes (issue 11: the store was quadratic in
// an article's similar claims). One op is one article.
//
//	go test -tags sqlite_fts5 -run '^$' -bench LongArticle -benchtime 3x ./cmd/newsclaims
func BenchmarkLongArticle(b *testing.B) {
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range []string{"repeated", "varied"} {
		for _, size := range []int{50 << 10, 200 << 10, 1 << 20, 2 << 20} {
			text := longText(b, kind, size)
			var art ingest.Article
			err := ingest.Read("long.txt", strings.NewReader(text), ingest.Options{Published: "2024-01-01"}, func(rec ingest.Record) error {
				art = rec.Article
				return rec.Err
			})
			if err != nil {
				b.Fatal(err)
			}
			name := fmt.Sprintf("%s/%dKB", kind, size>>10)
			var res extract.Result
			b.Run(name+"/extract", func(b *testing.B) {
				runtime.GC() // the garbage of the previous benchmark is not this one's
				cpu := cpuTime()
				for b.Loop() {
					res = process(x, art)
				}
				perByte(b, len(art.Text), cpuTime()-cpu)
				b.ReportMetric(float64(len(res.Claims)), "claims")
			})
			dir := b.TempDir()
			b.Run(name+"/store", func(b *testing.B) {
				if res.Claims == nil { // the extract benchmark was filtered out
					res = process(x, art)
				}
				if len(res.Claims) == 0 {
					b.Fatalf("%s: no claims", name)
				}
				round := 0
				var cpu time.Duration
				for b.Loop() {
					b.StopTimer()
					round++
					db, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("long%d.db", round)))
					if err != nil {
						b.Fatal(err)
					}
					runtime.GC() // CPU time counts every thread: no GC left over from extraction
					b.StartTimer()
					start := cpuTime()
					_, inserted, err := db.SaveArticle(ctx, art, res, Version)
					cpu += cpuTime() - start
					b.StopTimer()
					if err == nil && !inserted {
						err = fmt.Errorf("not inserted")
					}
					if cerr := db.Close(); err == nil {
						err = cerr
					}
					if err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				perByte(b, len(art.Text), cpu)
			})
		}
	}
}

// perByte reports wall and CPU time per byte of text. The CPU figure is
// the one to compare across sizes on a shared machine: wall time there
// measures the other jobs too.
func perByte(b *testing.B, n int, cpu time.Duration) {
	b.SetBytes(int64(n))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/byte")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/byte")
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
