// Command benchsyntax scores the syntax model (extract/syntax) on the UD
// English EWT and GUM (CC BY) test files, on gold tokens and from each
// sentence's raw text through the tokenizer (words aligned on
// characters), and scores prose v2's tagger on the same raw texts (Penn
// tags). It also measures tagging+parsing speed on one core. make
// bench-syntax runs it; the README table comes from its output.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsclaims/newsclaims/extract/syntax"
)

type result struct {
	File         string         `json:"file"`
	Sentences    int            `json:"sentences"`
	Gold         syntax.Scores  `json:"gold_tokens"`
	Raw          syntax.Scores  `json:"raw_text"`
	RawSkipped   int            `json:"raw_skipped_sentences"`
	ProseXPOS    float64        `json:"prose_xpos_raw_text"`
	Speed        float64        `json:"tokens_per_s"`
	ProseSpeed   float64        `json:"prose_tokens_per_s"`
	ProseSkipped int            `json:"prose_skipped_sentences"`
	Extra        map[string]any `json:"extra,omitempty"`
}

func read(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return syntax.ReadCoNLLU(zr, path)
}

func main() {
	shared := flag.String("shared", "../shared", "directory with corpus/ud")
	out := flag.String("out", "", "also write the results as JSON here")
	files := flag.String("files", "en_ewt-test.conllu.gz,en_gum-ccby-test.conllu.gz", "test files under corpus/ud")
	flag.Parse()
	runtime.GOMAXPROCS(1)
	t0, c0 := time.Now(), cpu()
	m, err := syntax.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchsyntax:", err)
		os.Exit(1)
	}
	load, loadCPU := time.Since(t0), cpu()-c0
	fmt.Printf("model load %.3fs wall, %.3fs CPU (sha256 %s)\n", load.Seconds(), loadCPU.Seconds(), m.Sum[:16])
	pm := prose.ModelFromData("en")
	var results []result
	for _, name := range strings.Split(*files, ",") {
		ss, err := read(filepath.Join(*shared, "corpus", "ud", name))
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchsyntax:", err)
			os.Exit(1)
		}
		r := result{File: name, Sentences: len(ss)}
		r.Gold = syntax.Evaluate(m, ss)
		r.Raw, r.RawSkipped = syntax.EvaluateText(m, ss)
		r.Speed = speed(m, ss)
		r.ProseXPOS, r.ProseSpeed, r.ProseSkipped = proseScore(pm, ss)
		fmt.Printf("%s (%d sentences)\n  gold tokens: %v\n  raw text:    %v (%d sentences not alignable)\n",
			name, len(ss), r.Gold, r.Raw, r.RawSkipped)
		fmt.Printf("  prose v2 XPOS from raw text %.4f (%d not alignable); ours %.4f (%+.4f)\n",
			r.ProseXPOS, r.ProseSkipped, r.Raw.XPOS, r.Raw.XPOS-r.ProseXPOS)
		fmt.Printf("  speed, one core, per CPU second: ours tag+lemma+parse %.0f words/s; prose tokenize+tag %.0f tokens/s (%.1fx)\n",
			r.Speed, r.ProseSpeed, r.Speed/r.ProseSpeed)
		results = append(results, r)
	}
	if *out != "" {
		b, _ := json.MarshalIndent(map[string]any{"load_seconds": load.Seconds(), "results": results}, "", "  ")
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "benchsyntax:", err)
			os.Exit(1)
		}
	}
}

// cpu is this process's user+system CPU time: on a shared machine it is
// a steadier clock than the wall (the process runs on one core).
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// speed is words per CPU second of Analyze on gold words (best of 3 passes).
func speed(m *syntax.Model, ss []syntax.Sentence) float64 {
	words := make([][]syntax.Word, len(ss))
	n := 0
	for i, s := range ss {
		words[i] = make([]syntax.Word, len(s.Words))
		for j, w := range s.Words {
			words[i][j].Form = w.Form
		}
		n += len(s.Words)
	}
	best := 0.0
	for range 3 {
		t := cpu()
		for _, w := range words {
			m.Analyze(w)
		}
		best = max(best, float64(n)/(cpu()-t).Seconds())
	}
	return best
}

// proseScore tags each sentence's raw text with prose v2 (its own
// tokenizer, no segmentation) and scores its Penn tags against the gold
// XPOS, tokens aligned on characters (a prose token is found by its text
// from where the previous one ended).
func proseScore(pm *prose.Model, ss []syntax.Sentence) (acc, tokPerS float64, skipped int) {
	right, total, ntok := 0, 0, 0
	var spent time.Duration
	for _, s := range ss {
		spans, ok := syntax.GoldSpans(s)
		if !ok {
			skipped++
			continue
		}
		total += len(s.Words)
		t := cpu()
		d, err := prose.NewDocument(s.Text, prose.UsingModel(pm), prose.WithSegmentation(false), prose.WithExtraction(false))
		spent += cpu() - t
		if err != nil {
			continue
		}
		tags := map[[2]int]string{}
		pos := 0
		for _, tk := range d.Tokens() {
			ntok++
			i := strings.Index(s.Text[pos:], tk.Text)
			if i < 0 {
				continue
			}
			st := pos + i
			tags[[2]int{st, st + len(tk.Text)}] = tk.Tag
			pos = st + len(tk.Text)
		}
		for j, g := range s.Words {
			if tags[[2]int{spans[j].Start, spans[j].End}] == g.XPOS {
				right++
			}
		}
	}
	return float64(right) / float64(max(total, 1)), float64(ntok) / spent.Seconds(), skipped
}
