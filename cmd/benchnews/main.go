// Command benchnews measures newsclaims on varied copies of the VOA
// stories and the seeds, in one run and on the same texts: end-to-end
// ingest (the built binary, all CPUs, its peak RSS), a one-core stage
// breakdown, prose v2's own pipeline as the baseline, peak RSS on a larger
// batch, and optionally the store's analyst-query benchmark.
//
//	make build && go run -tags sqlite_fts5 ./cmd/benchnews -shared ../shared -out /tmp/bench.json
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/store"
)

// version is stored with the in-process stage run's articles; the
// subprocess stores its own pipeline version.
const version = "bench"

func main() {
	store.TuneAllocator() // as newsclaims does, for the in-process stage run
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "benchnews:", err)
		}
		os.Exit(1)
	}
}

type config struct {
	shared, bin, out string
	n, big, perFile  int
	proseN           int
	queries          bool
	queryArticles    int
	keep             bool
	cpuProfile       string
}

// report is everything measured, written as JSON with -out.
type report struct {
	CPUs      int          `json:"cpus"`
	GoVersion string       `json:"go_version"`
	GOOS      string       `json:"goos"`
	GOARCH    string       `json:"goarch"`
	Sources   []string     `json:"sources"`
	Stories   int          `json:"stories"`
	Corpus    corpusStats  `json:"corpus"`
	Ingest    ingestRun    `json:"ingest"`
	Stages    stageRun     `json:"stages_1core"`
	Prose     proseRun     `json:"prose_1core"`
	Big       *ingestRun   `json:"ingest_big,omitempty"`
	Queries   []queryTime  `json:"queries,omitempty"`
	QueryArts int          `json:"query_articles,omitempty"`
	Ratios    ratioFigures `json:"ratios"`
}

// ratioFigures are newsclaims over prose, each on the same texts.
type ratioFigures struct {
	IngestAllCores float64 `json:"ingest_all_cores_vs_prose"`
	Pipeline1Core  float64 `json:"pipeline_1core_vs_prose"`
	Extract1Core   float64 `json:"extract_1core_vs_prose"`
	ExtractTokens  float64 `json:"extract_tokens_per_s_vs_prose"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchnews", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.shared, "shared", "../shared", "shared folder (corpus/voa/stories.jsonl); testdata/voa is used when absent")
	fs.StringVar(&c.bin, "bin", "bin/newsclaims", "newsclaims binary for the end-to-end runs (make build)")
	fs.StringVar(&c.out, "out", "", "also write every figure to this JSON file")
	fs.IntVar(&c.n, "n", 2000, "articles in the main batch")
	fs.IntVar(&c.big, "big", 10000, "articles in the large batch for the peak-RSS check (0: skip)")
	fs.IntVar(&c.perFile, "per-file", 100, "articles per generated JSONL file (ingest runs one file per worker)")
	fs.IntVar(&c.proseN, "prose-n", 0, "articles prose runs over (0: all of -n)")
	fs.BoolVar(&c.queries, "queries", false, "also run store's BenchmarkAnalystQueries (slow)")
	fs.IntVar(&c.queryArticles, "query-articles", 100000, "articles in the analyst-query database")
	fs.BoolVar(&c.keep, "keep", false, "keep the temporary folder (corpus and databases)")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the one-core stage run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.n < 1 || c.perFile < 1 {
		return fmt.Errorf("-n and -per-file must be at least 1")
	}
	if _, err := os.Stat(c.bin); err != nil {
		return fmt.Errorf("end-to-end binary: %w (run make build first)", err)
	}
	bin, err := filepath.Abs(c.bin)
	if err != nil {
		return err
	}

	stories, sources, err := loadStories(c.shared)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "benchnews-")
	if err != nil {
		return err
	}
	if c.keep {
		fmt.Fprintln(stderr, "benchnews: keeping", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	logf := func(format string, a ...any) {
		fmt.Fprintf(stderr, "benchnews: %s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, a...)...)
	}

	rep := report{CPUs: runtime.NumCPU(), GoVersion: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH,
		Sources: sources, Stories: len(stories)}
	rep.Corpus, err = writeCorpus(filepath.Join(tmp, "corpus"), stories, c.n, c.perFile)
	if err != nil {
		return fmt.Errorf("write corpus: %w", err)
	}
	logf("%d articles from %d stories, %.1f MB of text, in %d files", c.n, len(stories), float64(rep.Corpus.TextBytes)/1e6, rep.Corpus.Files)

	logf("end-to-end ingest on %d CPUs: %s", rep.CPUs, bin)
	if rep.Ingest, err = runIngest(ctx, bin, filepath.Join(tmp, "ingest.db"), rep.Corpus); err != nil {
		return err
	}

	x, err := extract.New(extract.Options{})
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	logf("stage breakdown on one core")
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	rep.Stages, err = runStages(ctx, x, rep.Corpus, filepath.Join(tmp, "stages.db"), version)
	if c.cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	logf("prose v2 pipeline on one core")
	if rep.Prose, err = runProse(ctx, rep.Corpus, c.proseN); err != nil {
		return err
	}

	if c.big > 0 {
		dir := filepath.Join(tmp, "big")
		bc, err := writeCorpus(dir, stories, c.big, c.perFile)
		if err != nil {
			return fmt.Errorf("write large corpus: %w", err)
		}
		logf("end-to-end ingest of %d articles for peak RSS", c.big)
		db := filepath.Join(tmp, "big.db")
		big, err := runIngest(ctx, bin, db, bc)
		if err != nil {
			return err
		}
		rep.Big = &big
		if !c.keep {
			os.RemoveAll(dir) // hundreds of MB at large sizes
			os.Remove(db)
		}
	}
	if c.queries {
		logf("store BenchmarkAnalystQueries on %d articles", c.queryArticles)
		if rep.Queries, _, err = runQueries(ctx, c.queryArticles); err != nil {
			return err
		}
		rep.QueryArts = c.queryArticles
	}

	p := rep.Prose
	rep.Ratios = ratioFigures{
		IngestAllCores: rep.Ingest.MBPS / p.MBPS,
		Pipeline1Core:  float64(rep.Stages.TextBytes) / 1e6 / rep.Stages.Seconds / p.MBPS,
		Extract1Core:   rep.Stages.ExtractMBPS / p.MBPS,
		ExtractTokens:  rep.Stages.ExtractTokensPS / p.TokensPS,
	}
	printReport(stdout, rep)
	if c.out != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.out, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}
