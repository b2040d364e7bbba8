// Command benchhtml runs newsclaims' HTML ingest over the article-extraction
// benchmark pages, writes a predictions file for its score.py, and times
// go-trafilatura alone (same options) on the same pages for comparison.
//
//	go run ./cmd/benchhtml -bench ../shared/bench/article-extraction -out /tmp/pred.json
//	python3 ../shared/bench/article-extraction/score.py /tmp/pred.json
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/newsclaims/newsclaims/ingest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "benchhtml:", err)
		}
		os.Exit(1)
	}
}

type page struct {
	id   string
	html []byte
}

type prediction struct {
	ArticleBody string `json:"articleBody"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchhtml", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bench := fs.String("bench", "../shared/bench/article-extraction", "benchmark folder (holds html/*.html.gz)")
	out := fs.String("out", "benchhtml.json", "predictions file written for score.py")
	trafOut := fs.String("trafilatura-out", "", "if set, also write go-trafilatura's own predictions here")
	rounds := fs.Int("rounds", 1, "times each extractor runs over all pages (for steadier timings)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pages, err := loadPages(filepath.Join(*bench, "html"))
	if err != nil {
		return err
	}
	if len(pages) == 0 {
		return fmt.Errorf("no pages in %s", filepath.Join(*bench, "html"))
	}

	preds := map[string]prediction{}
	failed := 0
	var ours time.Duration
	for r := 0; r < *rounds; r++ {
		for _, p := range pages {
			if err := ctx.Err(); err != nil {
				return err
			}
			var body string
			start := time.Now()
			err := ingest.Read(p.id+".html", bytes.NewReader(p.html), ingest.Options{}, func(rec ingest.Record) error {
				if rec.Err == nil {
					body = rec.Article.Text
				}
				return nil
			})
			ours += time.Since(start)
			if err != nil && r == 0 {
				failed++
				fmt.Fprintf(stderr, "benchhtml: %s: %v\n", p.id, err)
			}
			preds[p.id] = prediction{body}
		}
	}
	if err := writeJSON(*out, preds); err != nil {
		return err
	}

	trafPreds := map[string]prediction{}
	var alone time.Duration
	for r := 0; r < *rounds; r++ {
		for _, p := range pages {
			if err := ctx.Err(); err != nil {
				return err
			}
			start := time.Now()
			res, err := trafilatura.Extract(bytes.NewReader(p.html), ingest.TrafilaturaOptions())
			alone += time.Since(start)
			if err == nil && res != nil {
				trafPreds[p.id] = prediction{res.ContentText}
			}
		}
	}
	if *trafOut != "" {
		if err := writeJSON(*trafOut, trafPreds); err != nil {
			return err
		}
	}

	n := float64(len(pages) * *rounds)
	oursRate, aloneRate := n/ours.Seconds(), n/alone.Seconds()
	fmt.Fprintf(stdout, "pages: %d (%d failed), predictions: %s\n", len(pages), failed, *out)
	fmt.Fprintf(stdout, "newsclaims ingest:      %7.1f pages/s\n", oursRate)
	fmt.Fprintf(stdout, "go-trafilatura alone:   %7.1f pages/s\n", aloneRate)
	fmt.Fprintf(stdout, "ingest / trafilatura:   %7.2f\n", oursRate/aloneRate)
	return nil
}

// loadPages reads and decompresses every page first, so that the timings
// measure extraction, not disk and gzip.
func loadPages(dir string) ([]page, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	pages := make([]page, 0, len(names))
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		pages = append(pages, page{id: strings.TrimSuffix(filepath.Base(name), ".html.gz"), html: data})
	}
	return pages, nil
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
