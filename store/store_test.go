package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

func TestMigrationsNumbered(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("%s: version %d, want %d", m.name, m.version, i+1)
		}
	}
}

// TestReopen: migrations run once; reopening a file database keeps the
// data and the schema version, and applies nothing again.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a, r := articleA(t)
	id := mustSave(t, db, a, r)
	v1, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	if v1 != len(ms) {
		t.Errorf("schema version %d, want %d", v1, len(ms))
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "10000"} {
		var got string
		if err := db.SQL().QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q, %v; want %s", pragma, got, err, want)
		}
	}
	db.Close()

	for range 2 {
		db, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := db.SchemaVersion(ctx); v != v1 {
			t.Errorf("reopened: schema version %d, want %d", v, v1)
		}
		got, inserted, err := db.SaveArticle(ctx, a, r, "0.1.0")
		if err != nil || inserted || got != id {
			t.Errorf("re-save after reopen = %d, %v, %v; want %d, false, nil", got, inserted, err, id)
		}
		db.Close()
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("open a newer schema: err = %v, want an error", err)
	}
}

// spanQueries check the invariant for every row: the stored span slices the
// stored article text to the stored text. It returns the rows that fail.
var spanQueries = map[string]string{
	"entities": `SELECT x.id, x.text, substr(a.text, x.span_start + 1, x.span_end - x.span_start)
		FROM entities x JOIN articles a ON a.id = x.article_id`,
	"claims": `SELECT x.id, x.text, substr(a.text, x.span_start + 1, x.span_end - x.span_start)
		FROM claims x JOIN articles a ON a.id = x.article_id`,
	"claim_args": `SELECT x.id, x.text, substr(a.text, x.span_start + 1, x.span_end - x.span_start)
		FROM claim_args x JOIN claims c ON c.id = x.claim_id JOIN articles a ON a.id = c.article_id`,
}

func checkSpans(t *testing.T, db *DB) {
	t.Helper()
	for table, q := range spanQueries {
		rows, err := db.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id int64
			var text, got string
			if err := rows.Scan(&id, &text, &got); err != nil {
				t.Fatal(err)
			}
			if got != text {
				t.Errorf("%s %d: span slices %q, text %q", table, id, got, text)
			}
			n++
		}
		rows.Close()
		if n == 0 {
			t.Errorf("%s: no rows", table)
		}
	}
}

// TestSpanInvariant saves articles whose text has curly quotes, dashes and
// no-break spaces before the spans, and checks every stored row with
// SQLite's substr. It also checks that the fixture makes bytes and code
// points differ, so that a mix-up cannot pass.
func TestSpanInvariant(t *testing.T) {
	db := mustOpenDB(t)
	a, ra := articleA(t)
	b, rb := articleB(t)
	mustSave(t, db, a, ra)
	mustSave(t, db, b, rb)
	checkSpans(t, db)

	// The last claim of A starts after multi-byte characters: its
	// code-point start must be smaller than its byte start.
	last := ra.Claims[len(ra.Claims)-1]
	var start int
	if err := db.SQL().QueryRow("SELECT span_start FROM claims WHERE text = ?", last.Text).Scan(&start); err != nil {
		t.Fatal(err)
	}
	if start >= last.Start {
		t.Errorf("fixture does not tell bytes from code points: code point %d, byte %d", start, last.Start)
	}
	// Blocks are code points too.
	if n := count(t, db, `SELECT count(*) FROM blocks bl JOIN articles a ON a.id = bl.article_id
		WHERE bl.span_end > length(a.text)`); n != 0 {
		t.Errorf("%d blocks end past the text", n)
	}
}

// TestBadSpan: a span that is out of range, splits a rune, or does not
// slice the text to its Text is an error wrapping ErrSpan, and nothing of
// the article is stored.
func TestBadSpan(t *testing.T) {
	nbsp := strings.Index(textA, "\u00a0") // 2-byte rune
	tests := []struct {
		name   string
		mutate func(r *extract.Result)
	}{
		{"entity text differs", func(r *extract.Result) { r.Entities[0].Text = "Kundus" }},
		{"entity end past text", func(r *extract.Result) { r.Entities[0].End = len(textA) + 1 }},
		{"entity negative start", func(r *extract.Result) { r.Entities[0].Start = -1 }},
		{"entity end before start", func(r *extract.Result) { r.Entities[0].Start, r.Entities[0].End = 5, 4 }},
		{"entity inside a rune", func(r *extract.Result) {
			r.Entities[0].Span = extract.Span{Start: nbsp + 1, End: nbsp + 2}
			r.Entities[0].Text = textA[nbsp+1 : nbsp+2]
		}},
		{"code-point offsets instead of bytes", func(r *extract.Result) {
			// What a caller that already converted would pass.
			c := &r.Claims[len(r.Claims)-1]
			s := len([]rune(textA[:c.Start]))
			c.Span = extract.Span{Start: s, End: s + len(c.Text)}
		}},
		{"last argument of last claim", func(r *extract.Result) {
			c := &r.Claims[len(r.Claims)-1]
			c.Args[len(c.Args)-1].Text += "!"
		}},
		{"unknown entity kind", func(r *extract.Result) { r.Entities[len(r.Entities)-1].Kind = "weapon" }},
		{"unknown qualifier", func(r *extract.Result) { r.Claims[0].Args[2].Qualifier = "roughly" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustOpenDB(t)
			a, r := articleA(t)
			tt.mutate(&r)
			id, inserted, err := db.SaveArticle(context.Background(), a, r, "0.1.0")
			if err == nil {
				t.Fatalf("SaveArticle = %d, %v, nil; want an error", id, inserted)
			}
			if !errors.Is(err, ErrSpan) && !errors.Is(err, ErrInvalid) {
				t.Errorf("err = %v, want ErrSpan or ErrInvalid", err)
			}
			for _, table := range []string{"articles", "blocks", "entities", "claims", "claim_args", "claim_keys"} {
				if n := count(t, db, "SELECT count(*) FROM "+table); n != 0 {
					t.Errorf("%s: %d rows left after a failed save", table, n)
				}
			}
			if n := count(t, db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Kunduz'"); n != 0 {
				t.Errorf("articles_fts: %d rows left after a failed save", n)
			}
		})
	}
}

func TestBadText(t *testing.T) {
	db := mustOpenDB(t)
	for _, text := range []string{"bad \xff byte", "nul \x00 byte"} {
		a, _ := articleA(t)
		a.Text, a.Blocks = text, nil
		if _, _, err := db.SaveArticle(context.Background(), a, extract.Result{}, "0.1.0"); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: err = %v, want ErrInvalid", text, err)
		}
	}
}

// TestResave: the same content is stored once, whatever the source path.
func TestResave(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	a, r := articleA(t)
	if ok, err := db.HasContent(ctx, ContentSHA256(a.Text)); err != nil || ok {
		t.Fatalf("HasContent before save = %v, %v", ok, err)
	}
	id := mustSave(t, db, a, r)
	before := tableCounts(t, db)
	a.SourcePath = "copy-of-a.txt"
	got, inserted, err := db.SaveArticle(ctx, a, r, "0.2.0")
	if err != nil || inserted || got != id {
		t.Fatalf("re-save = %d, %v, %v; want %d, false, nil", got, inserted, err, id)
	}
	if after := tableCounts(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("re-save changed counts: %v -> %v", before, after)
	}
	if ok, err := db.HasContent(ctx, ContentSHA256(a.Text)); err != nil || !ok {
		t.Errorf("HasContent after save = %v, %v", ok, err)
	}
	var sha, ingested string
	if err := db.SQL().QueryRow("SELECT content_sha256, ingested_at FROM articles WHERE id = ?", id).Scan(&sha, &ingested); err != nil {
		t.Fatal(err)
	}
	if sha != ContentSHA256(textA) || ingested != "2021-08-11T06:00:00Z" {
		t.Errorf("sha %s, ingested_at %s", sha, ingested)
	}
}

func tableCounts(t *testing.T, db *DB) map[string]int {
	t.Helper()
	m := map[string]int{}
	for _, table := range []string{"articles", "blocks", "entities", "claims", "claim_args", "claim_keys"} {
		m[table] = count(t, db, "SELECT count(*) FROM "+table)
	}
	return m
}

// TestAtomicCancel: a context cancelled before the commit leaves nothing.
func TestAtomicCancel(t *testing.T) {
	db := mustOpenDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a, r := articleA(t)
	if _, _, err := db.SaveArticle(ctx, a, r, "0.1.0"); err == nil {
		t.Fatal("SaveArticle with a cancelled context succeeded")
	}
	if n := count(t, db, "SELECT count(*) FROM articles"); n != 0 {
		t.Errorf("%d articles after a cancelled save", n)
	}
}

func TestReplaceExtraction(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	a, r := articleA(t)
	id := mustSave(t, db, a, r)
	b, rb := articleB(t)
	mustSave(t, db, b, rb)

	// Reprocess A with only its quantity claim and one entity.
	r2 := extract.Result{Entities: r.Entities[:1], Claims: r.Claims[:1]}
	if err := db.ReplaceExtraction(ctx, id, r2, "0.2.0"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM claims WHERE article_id = ?", id); n != 1 {
		t.Errorf("%d claims after replace, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM entities WHERE article_id = ?", id); n != 1 {
		t.Errorf("%d entities after replace, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM claim_keys WHERE article_id = ?", id); n != 1 {
		t.Errorf("%d claim keys after replace, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM articles WHERE id = ? AND pipeline_version = '0.2.0'", id); n != 1 {
		t.Error("pipeline_version not updated")
	}
	// The old claims left the full-text index.
	hits, err := db.SearchClaims(ctx, "fallen", 10)
	if err != nil || len(hits) != 0 {
		t.Errorf("SearchClaims(fallen) after replace = %v, %v; want none", hits, err)
	}
	checkSpans(t, db)

	// A bad span leaves the previous extraction in place.
	bad := extract.Result{Claims: []extract.Claim{r.Claims[1]}}
	bad.Claims[0].Text = "nope"
	if err := db.ReplaceExtraction(ctx, id, bad, "0.3.0"); !errors.Is(err, ErrSpan) {
		t.Errorf("replace with a bad span: err = %v, want ErrSpan", err)
	}
	if n := count(t, db, "SELECT count(*) FROM claims WHERE article_id = ?", id); n != 1 {
		t.Errorf("%d claims after a failed replace, want 1", n)
	}
	if err := db.ReplaceExtraction(ctx, 999, r2, "0.2.0"); !errors.Is(err, ErrNotFound) {
		t.Errorf("replace a missing article: err = %v, want ErrNotFound", err)
	}
}

func TestArticlesOlderThan(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	a, r := articleA(t)
	b, rb := articleB(t)
	idA := mustSave(t, db, a, r)
	if _, _, err := db.SaveArticle(ctx, b, rb, "0.10.0"); err != nil {
		t.Fatal(err)
	}
	arts, err := db.ArticlesOlderThan(ctx, "0.9.0")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].ID != idA {
		t.Fatalf("ArticlesOlderThan(0.9.0) = %d articles, want article %d only", len(arts), idA)
	}
	got := arts[0].Article
	if got.Text != a.Text || got.PublishedAt != a.PublishedAt || got.Title != a.Title || got.SourcePath != a.SourcePath {
		t.Errorf("article read back differs: %+v", got)
	}
	// Blocks come back in byte offsets, as ingest made them.
	if !reflect.DeepEqual(got.Blocks, a.Blocks) {
		t.Errorf("blocks read back = %v, want %v", got.Blocks, a.Blocks)
	}
	if arts, _ := db.ArticlesOlderThan(ctx, "0.1.0"); len(arts) != 0 {
		t.Errorf("ArticlesOlderThan(0.1.0) = %d articles, want 0", len(arts))
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"0.1.0", "0.1.0", 0},
		{"0.1.0", "0.2.0", -1},
		{"0.10.0", "0.9.1", 1},
		{"v1.2.3", "1.2.3", 0},
		{"1.2", "1.2.1", -1},
		{"0.1.0-dev", "0.1.0-dev", 0},
		{"2021.08.01", "2021.8.2", -1},
	}
	for _, tt := range tests {
		if got := CompareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := CompareVersions(tt.b, tt.a); got != -tt.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestRuns(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	id, err := db.StartRun(ctx, "0.1.0", "abc123", "def456")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.RecordError(ctx, "bad.html", "binary file (not text)", id); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordError(ctx, "worse.html", "no article body found", 0); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, id, RunCounts{Seen: 3, Stored: 1, Skipped: 1, Failed: 1, Ignored: 2}, 1); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, id+1, RunCounts{}, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("FinishRun of a missing run: err = %v, want ErrNotFound", err)
	}
	r, err := db.LastRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exit := 1
	want := Run{ID: id, StartedAt: "2021-08-11T06:00:00Z", FinishedAt: "2021-08-11T06:00:00Z", Version: "0.1.0",
		RulesHash: "abc123", ModelsHash: "def456", RunCounts: RunCounts{Seen: 3, Stored: 1, Skipped: 1, Failed: 1, Ignored: 2}, ExitStatus: &exit}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("LastRun = %+v, want %+v", r, want)
	}
	if n := count(t, db, "SELECT count(*) FROM ingest_errors WHERE run_id = ?", id); n != 1 {
		t.Errorf("%d errors for run %d, want 1", n, id)
	}
}

// TestBatch: a failed article inside a batch leaves the others whole, a
// duplicate inside the batch is skipped, and nothing is visible before the
// commit.
func TestBatch(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	good := ingest.Article{SourcePath: "a", Format: "text", Text: "Kabul fell."}
	r := extract.Result{Entities: []extract.Entity{{Kind: extract.KindPlace, Span: extract.Span{Start: 0, End: 5}, Text: "Kabul"}}}
	if _, ins, err := b.Save(ctx, good, r, "1"); err != nil || !ins {
		t.Fatalf("save: %v %v", ins, err)
	}
	bad := ingest.Article{SourcePath: "b", Format: "text", Text: "Herat fell."}
	badR := extract.Result{Entities: []extract.Entity{{Kind: extract.KindPlace, Span: extract.Span{Start: 0, End: 4}, Text: "Herat"}}}
	if _, _, err := b.Save(ctx, bad, badR, "1"); err == nil {
		t.Fatal("a span that does not slice to its text must fail")
	}
	if _, ins, err := b.Save(ctx, good, r, "1"); err != nil || ins {
		t.Fatalf("duplicate in batch: inserted=%v err=%v", ins, err)
	}
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil || n != 0 {
		t.Fatalf("before commit: %d articles visible (%v)", n, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var arts, ents int
	db.SQL().QueryRow("SELECT count(*) FROM articles").Scan(&arts)
	db.SQL().QueryRow("SELECT count(*) FROM entities").Scan(&ents)
	if arts != 1 || ents != 1 || b.Len() != 1 {
		t.Errorf("after commit: %d articles, %d entities, Len %d; want 1, 1, 1", arts, ents, b.Len())
	}
	// Later batches reuse the writer connection: a rolled-back one leaves
	// nothing, the next one commits, and the writer keeps its large cache.
	for i, commit := range []bool{false, true} {
		b, err := db.Begin(ctx)
		if err != nil {
			t.Fatalf("batch %d: %v", i+2, err)
		}
		a := ingest.Article{SourcePath: "c", Format: "text", Text: "Herat fell."}
		if _, ins, err := b.Save(ctx, a, extract.Result{}, "1"); err != nil || !ins {
			t.Fatalf("batch %d save: %v %v", i+2, ins, err)
		}
		if commit {
			err = b.Commit()
		} else {
			err = b.Rollback()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	db.SQL().QueryRow("SELECT count(*) FROM articles").Scan(&arts)
	if arts != 2 {
		t.Errorf("after a rolled-back and a committed batch: %d articles, want 2", arts)
	}
	var cache int
	if err := db.writer.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil || cache != -writerCacheKiB {
		t.Errorf("writer cache_size = %d (%v), want %d", cache, err, -writerCacheKiB)
	}
	// 2 is MEMORY: the savepoints' sub-journals never go to a file.
	var temp int
	if err := db.writer.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil || temp != 2 {
		t.Errorf("writer temp_store = %d (%v), want 2 (memory)", temp, err)
	}
}

// TestAnalyze: statistics are taken on the first call and again only when
// the articles table has grown fourfold.
func TestAnalyze(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	add := func(n int) {
		for i := 0; i < n; i++ {
			a := ingestArticle(fmt.Sprintf("%d.txt", i), fmt.Sprintf("Article %d of the test %s.", i, t.Name()), "2024-03-10")
			a.Text += fmt.Sprint(count(t, db, "SELECT count(*) FROM articles"))
			if _, _, err := db.SaveArticle(ctx, a, extract.Result{}, "1"); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(2)
	for i, want := range []bool{true, false} {
		ran, err := db.Analyze(ctx)
		if err != nil || ran != want {
			t.Fatalf("call %d: Analyze = %v, %v; want %v", i+1, ran, err, want)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'articles'"); n == 0 {
		t.Fatal("no statistics for articles after Analyze")
	}
	add(5) // 7 articles: less than 4 x 2
	if ran, _ := db.Analyze(ctx); ran {
		t.Error("Analyze ran after growth below fourfold")
	}
	add(2) // 9 articles
	if ran, _ := db.Analyze(ctx); !ran {
		t.Error("Analyze did not run after fourfold growth")
	}
}
