package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
)

// FuzzPipeline runs arbitrary bytes through the whole pipeline, read as
// plain text, as HTML and as JSON lines: ingest, extract and store into a
// temporary SQLite file (one per fuzzing process, growing as it goes, so
// that articles also meet earlier ones' claims). It checks that nothing
// panics, that every stored entity, claim and argument slices the stored
// text to its own text (the span invariant, in SQL as an analyst reads
// it), and that storing the same article again stores nothing new.
//
//	go test -tags sqlite_fts5 ./cmd/newsclaims -run '^$' -fuzz '^FuzzPipeline$' -fuzztime 10m
func FuzzPipeline(f *testing.F) {
	for _, pattern := range []string{"../../seeds/*.txt", "../../ingest/testdata/*.html"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(`{"title": "Kunduz falls", "text": "KUNDUZ, Afghanistan — The Taliban captured Kunduz on Sunday, officials said.\n\nAt least 27 children were killed, UNICEF said.", "published": "2021-08-09"}` + "\n"))
	f.Add([]byte("Officials said 3 people were killed in Kabul on Monday. “We need help,” he said. “Things are bad.”"))
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		f.Fatal(err)
	}
	db, err := store.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return // long inputs are BenchmarkLongArticle's; here, many short ones
		}
		for _, name := range []string{"fuzz.txt", "fuzz.html", "fuzz.jsonl"} {
			err := ingest.Read(name, bytes.NewReader(data), ingest.Options{MaxBytes: 1 << 20, Published: "2024-01-01"}, func(rec ingest.Record) error {
				if rec.Err != nil {
					return nil // a broken record: reported by ingest, not stored
				}
				fuzzStore(t, ctx, db, x, rec.Article)
				return nil
			})
			_ = err // files ingest refuses (empty, binary) are expected
		}
	})
}

// fuzzStore extracts and stores one article, then checks its rows and
// stores it again.
func fuzzStore(t *testing.T, ctx context.Context, db *store.DB, x *extract.Extractor, a ingest.Article) {
	t.Helper()
	res := process(x, a)
	id, inserted, err := db.SaveArticle(ctx, a, res, Version)
	if err != nil {
		t.Fatalf("%s: save: %v\ntext %q", a.Format, err, a.Text)
	}
	if inserted {
		sqldb := db.SQL()
		for _, q := range []string{
			`SELECT count(*) FROM entities e JOIN articles a ON a.id = e.article_id
			  WHERE e.article_id = ? AND substr(a.text, e.span_start + 1, e.span_end - e.span_start) IS NOT e.text`,
			`SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
			  WHERE c.article_id = ? AND substr(a.text, c.span_start + 1, c.span_end - c.span_start) IS NOT c.text`,
			`SELECT count(*) FROM claim_args g JOIN claims c ON c.id = g.claim_id JOIN articles a ON a.id = c.article_id
			  WHERE c.article_id = ? AND substr(a.text, g.span_start + 1, g.span_end - g.span_start) IS NOT g.text`,
		} {
			var n int
			if err := sqldb.QueryRowContext(ctx, q, id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Fatalf("%s: %d rows break the span invariant (%.60s...)\ntext %q", a.Format, n, q, a.Text)
			}
		}
	}
	before := rowCounts(t, ctx, db, id)
	if again, inserted, err := db.SaveArticle(ctx, a, res, Version); err != nil || inserted || again != id {
		t.Fatalf("%s: storing the article again: id %d (first %d), inserted %v, err %v", a.Format, again, id, inserted, err)
	}
	if after := rowCounts(t, ctx, db, id); after != before {
		t.Fatalf("%s: storing the article again changed the rows: %v -> %v", a.Format, before, after)
	}
}

// rowCounts are the article count and the rows of article id, each an
// index lookup (the fuzzing database grows).
func rowCounts(t *testing.T, ctx context.Context, db *store.DB, id int64) [5]int {
	t.Helper()
	var c [5]int
	for i, q := range []string{
		"SELECT max(id) FROM articles WHERE ? > 0",
		"SELECT count(*) FROM entities WHERE article_id = ?",
		"SELECT count(*) FROM claims WHERE article_id = ?",
		"SELECT count(*) FROM claim_pairs WHERE claim_b IN (SELECT id FROM claims WHERE article_id = ?)",
		"SELECT count(*) FROM claim_args WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)",
	} {
		if err := db.SQL().QueryRowContext(ctx, q, id).Scan(&c[i]); err != nil {
			t.Fatal(err)
		}
	}
	return c
}
