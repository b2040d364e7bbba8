package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
)

// stage is the time one pipeline stage took over the whole corpus.
type stage struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
	Share   float64 `json:"share"`
}

// stageRun is the one-core, in-process run of the pipeline, timed stage
// by stage.
type stageRun struct {
	Articles   int     `json:"articles"`
	Tokens     int     `json:"tokens"`
	Entities   int     `json:"entities"`
	Claims     int     `json:"claims"`
	TextBytes  int64   `json:"text_bytes"`
	Seconds    float64 `json:"seconds"`
	ArticlesPS float64 `json:"articles_per_s"`
	// ExtractTokensPS is tokens per second of Extract alone (which
	// tokenizes again inside), the figure to set beside prose's.
	ExtractTokensPS float64 `json:"extract_tokens_per_s"`
	ExtractMBPS     float64 `json:"extract_mb_per_s"`
	// PipelineTokensPS is tokens per second of read+extract+store.
	PipelineTokensPS float64 `json:"pipeline_tokens_per_s"`
	Stages           []stage `json:"stages"`
}

// batchArticles mirrors newsclaims ingest's write batches (package main
// there, so not importable): one transaction per 128 articles.
const batchArticles = 128

// runStages reads, extracts and stores the corpus on one core, one
// article at a time and committed in batches as newsclaims ingest does,
// and times each stage.
//
// extract exposes Tokenize and Extract, not its entity and claim passes,
// so "entities + claims" is Extract's time less a separate Tokenize call
// on the same text; Extract tokenizes again inside, which is why the
// tokenize time is subtracted and not added.
func runStages(ctx context.Context, x *extract.Extractor, c corpusStats, dbPath, version string) (stageRun, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var r stageRun
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return r, err
	}
	defer db.Close()
	files, err := corpusFiles(c.Dir)
	if err != nil {
		return r, err
	}

	var tokT, extT, storeT, inside time.Duration
	var batch *store.Batch
	defer func() {
		if batch != nil {
			batch.Rollback()
		}
	}()
	start := time.Now()
	for _, path := range files {
		err := ingest.ReadFile(path, ingest.Options{}, func(rec ingest.Record) error {
			t0 := time.Now()
			defer func() { inside += time.Since(t0) }()
			if rec.Err != nil {
				return rec.Err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			a := rec.Article
			toks, _ := extract.Tokenize(a.Text)
			t1 := time.Now()
			res := x.Extract(doc(a))
			t2 := time.Now()
			if batch == nil {
				if batch, err = db.Begin(ctx); err != nil {
					return err
				}
			}
			if _, inserted, err := batch.Save(ctx, a, res, version); err != nil {
				return fmt.Errorf("store %s: %w", rec.Source, err)
			} else if !inserted {
				return fmt.Errorf("store %s: not inserted (content already stored)", rec.Source)
			}
			if batch.Len() >= batchArticles {
				err, batch = batch.Commit(), nil
				if err != nil {
					return err
				}
			}
			t3 := time.Now()
			tokT += t1.Sub(t0)
			extT += t2.Sub(t1)
			storeT += t3.Sub(t2)
			r.Articles++
			r.Tokens += len(toks)
			r.Entities += len(res.Entities)
			r.Claims += len(res.Claims)
			r.TextBytes += int64(len(a.Text))
			return nil
		})
		if err != nil {
			return r, err
		}
	}
	if batch != nil {
		t0 := time.Now()
		err, batch = batch.Commit(), nil
		storeT += time.Since(t0)
		inside += time.Since(t0)
		if err != nil {
			return r, err
		}
	}
	total := time.Since(start)
	readT := total - inside
	if r.Articles != c.Articles {
		return r, fmt.Errorf("stages: processed %d articles of %d", r.Articles, c.Articles)
	}
	if r.Claims == 0 {
		return r, fmt.Errorf("stages: no claims found in %d articles; the extractor is broken", r.Articles)
	}
	entClaimT := extT - tokT
	// The separate Tokenize call is the benchmark's own extra work: the
	// pipeline's time is the total without it.
	r.Seconds = (total - tokT).Seconds()
	r.ArticlesPS = float64(r.Articles) / r.Seconds
	r.ExtractTokensPS = float64(r.Tokens) / extT.Seconds()
	r.ExtractMBPS = float64(r.TextBytes) / 1e6 / extT.Seconds()
	r.PipelineTokensPS = float64(r.Tokens) / r.Seconds
	for _, s := range []struct {
		name string
		d    time.Duration
	}{
		{"ingest (read, normalise)", readT},
		{"tokenize", tokT},
		{"entities + claims", entClaimT},
		{"store (SQLite)", storeT},
	} {
		r.Stages = append(r.Stages, stage{Name: s.name, Seconds: s.d.Seconds(), Share: s.d.Seconds() / r.Seconds})
	}
	return r, nil
}

// doc turns an article into extract's input; it mirrors process in
// cmd/newsclaims/pipeline.go, which is in package main and so cannot be
// imported.
func doc(a ingest.Article) extract.Doc {
	regions := make([]extract.Region, len(a.Blocks))
	for i, b := range a.Blocks {
		regions[i] = extract.Region{Kind: b.Kind, Span: extract.Span{Start: b.Start, End: b.End}}
	}
	return extract.Doc{Text: a.Text, Published: a.PublishedAt, Regions: regions}
}
