package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
)

// BenchmarkIngestEndToEnd reads the VOA stories, extracts and stores each
// into a fresh SQLite file, in-process and on one goroutine; one op is the
// whole file. The extractor is loaded once, as a batch run loads it once.
// cmd/benchnews measures the parallel binary and its peak RSS.
func BenchmarkIngestEndToEnd(b *testing.B) {
	const path = "../../testdata/voa/stories.jsonl"
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var size int64
	articles, claims, round := 0, 0, 0
	for b.Loop() {
		b.StopTimer()
		round++
		// A fresh database each round: a second round into the same one
		// would skip every article as already stored.
		db, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("bench%d.db", round)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		size, articles, claims = 0, 0, 0
		err = ingest.ReadFile(path, ingest.Options{}, func(rec ingest.Record) error {
			if rec.Err != nil {
				return rec.Err
			}
			res := process(x, rec.Article)
			if _, inserted, err := db.SaveArticle(ctx, rec.Article, res, Version); err != nil {
				return fmt.Errorf("%s: %w", rec.Source, err)
			} else if !inserted {
				return fmt.Errorf("%s: not inserted", rec.Source)
			}
			size += int64(len(rec.Article.Text))
			articles++
			claims += len(res.Claims)
			return nil
		})
		b.StopTimer()
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	if claims < articles {
		b.Fatalf("only %d claims in %d articles", claims, articles)
	}
	b.SetBytes(size)
	b.ReportMetric(float64(articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(claims), "claims/op")
}
