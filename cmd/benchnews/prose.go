package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsclaims/newsclaims/ingest"
)

// proseRun is prose v2's own document pipeline (segmentation,
// tokenization, POS tagging, named entities) over the same texts.
type proseRun struct {
	Articles   int     `json:"articles"`
	Tokens     int     `json:"tokens"` // prose's own token count
	Entities   int     `json:"entities"`
	TextBytes  int64   `json:"text_bytes"`
	LoadSecs   float64 `json:"model_load_seconds"`
	Seconds    float64 `json:"seconds"`
	ArticlesPS float64 `json:"articles_per_s"`
	TokensPS   float64 `json:"tokens_per_s"`
	MBPS       float64 `json:"mb_per_s"`
}

// runProse runs prose.NewDocument over the first limit articles of the
// corpus (all when limit <= 0) on one core, with one model loaded once
// and passed to every document with UsingModel; without it v2 reloads its
// models on every call. Only NewDocument is timed: the texts are read by
// ingest first, so prose sees exactly the Text newsclaims extracts from.
func runProse(ctx context.Context, c corpusStats, limit int) (proseRun, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var r proseRun
	t0 := time.Now()
	model := prose.ModelFromData("en")
	r.LoadSecs = time.Since(t0).Seconds()
	files, err := corpusFiles(c.Dir)
	if err != nil {
		return r, err
	}
	if limit <= 0 {
		limit = c.Articles
	}
	var spent time.Duration
	stop := errors.New("limit reached")
	for _, path := range files {
		err := ingest.ReadFile(path, ingest.Options{}, func(rec ingest.Record) error {
			if rec.Err != nil {
				return rec.Err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if r.Articles >= limit {
				return stop
			}
			start := time.Now()
			d, err := prose.NewDocument(rec.Article.Text, prose.UsingModel(model))
			if err != nil {
				return fmt.Errorf("prose %s: %w", rec.Source, err)
			}
			spent += time.Since(start)
			r.Articles++
			r.Tokens += len(d.Tokens())
			r.Entities += len(d.Entities())
			r.TextBytes += int64(len(rec.Article.Text))
			return nil
		})
		if errors.Is(err, stop) {
			break
		}
		if err != nil {
			return r, err
		}
	}
	if r.Tokens == 0 {
		return r, fmt.Errorf("prose: no tokens from %d articles", r.Articles)
	}
	r.Seconds = spent.Seconds()
	r.ArticlesPS = float64(r.Articles) / r.Seconds
	r.TokensPS = float64(r.Tokens) / r.Seconds
	r.MBPS = float64(r.TextBytes) / 1e6 / r.Seconds
	return r, nil
}
