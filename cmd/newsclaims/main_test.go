package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	"github.com/newsclaims/newsclaims/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/golden files")

// runCmd runs the CLI in-process and returns exit code, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func seedFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) != 2 {
		t.Fatalf("want the two seeds in seeds/, got %v %v", files, err)
	}
	return files
}

func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestIngestSeedsSpans is the span invariant over every stored row: for each
// entity, claim and argument, substr(articles.text, span_start+1,
// span_end-span_start) is exactly its stored text. The seeds' curly quotes,
// dashes and no-break spaces make a byte/code-point mix-up fail here.
func TestIngestSeedsSpans(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "t.db")
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "../../seeds")
	if code != exitOK {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "2 seen, 2 stored, 0 already stored, 0 failed") {
		t.Errorf("summary line missing: %s", stderr)
	}
	db := openSQL(t, dbPath)
	for _, tc := range []struct{ table, join string }{
		{"entities", "JOIN articles a ON a.id = x.article_id"},
		{"claims", "JOIN articles a ON a.id = x.article_id"},
		{"claim_args", "JOIN claims c ON c.id = x.claim_id JOIN articles a ON a.id = c.article_id"},
	} {
		total := count(t, db, "SELECT count(*) FROM "+tc.table)
		if total == 0 {
			t.Errorf("%s: no rows after ingesting the seeds", tc.table)
		}
		bad := count(t, db, "SELECT count(*) FROM "+tc.table+" x "+tc.join+
			" WHERE substr(a.text, x.span_start + 1, x.span_end - x.span_start) IS NOT x.text")
		if bad != 0 {
			t.Errorf("%s: %d of %d rows break the span invariant", tc.table, bad, total)
		}
	}
	// The invariant must be able to fail: the seeds have multi-byte runes
	// before spans, so byte offsets would not slice the same text.
	if n := count(t, db, "SELECT count(*) FROM articles WHERE length(text) <> length(CAST(text AS BLOB))"); n != 2 {
		t.Errorf("want both seed texts to contain multi-byte characters, got %d", n)
	}
	// Across the two seeds: the 27 children killed (UNICEF's figure, in
	// both) corroborate; Kunduz's population (more than 340,000 in one,
	// 375,000 in the other) contradicts.
	if n := count(t, db, `SELECT count(*) FROM corroborations WHERE kind = 'casualty'
		AND value_a = 27 AND value_b = 27 AND article_a <> article_b`); n == 0 {
		t.Error("the 27 children killed in both seeds do not corroborate")
	}
	if n := count(t, db, `SELECT count(*) FROM contradictions WHERE kind = 'quantity'
		AND key = 'population|subject=kunduz'`); n != 1 {
		t.Errorf("Kunduz population contradictions = %d, want 1", n)
	}
	// The analyst's question of issue 6, on a view.
	if n := count(t, db, `SELECT count(*) FROM casualty_claims
		WHERE outcome = 'killed' AND count = 27 AND source_norm = 'UNICEF'`); n == 0 {
		t.Error("casualty_claims has no UNICEF figure of 27 killed")
	}
	// Stored text is the seed's bytes (plain text is kept as written).
	for _, f := range seedFiles(t) {
		b, _ := os.ReadFile(f)
		sum := sha256.Sum256(b)
		if n := count(t, db, "SELECT count(*) FROM articles WHERE content_sha256 = ?", hex.EncodeToString(sum[:])); n != 1 {
			t.Errorf("%s: stored text differs from the file", f)
		}
	}
}

func TestReingestSkips(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "t.db")
	for i, want := range []string{"2 stored, 0 already stored", "0 stored, 2 already stored"} {
		code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "../../seeds")
		if code != exitOK || !strings.Contains(stderr, want) {
			t.Fatalf("run %d: exit %d, want %q in %s", i, code, want, stderr)
		}
	}
	db := openSQL(t, dbPath)
	if n := count(t, db, "SELECT count(*) FROM articles"); n != 2 {
		t.Errorf("articles = %d after two runs", n)
	}
	if n := count(t, db, "SELECT count(*) FROM runs"); n != 2 {
		t.Errorf("runs = %d after two runs", n)
	}
	// Each run names the models it extracted with.
	models, err := extract.ModelsHash()
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM runs WHERE models_hash = ?", models); n != 2 {
		t.Errorf("runs with models_hash %s = %d, want 2", models, n)
	}
}

func TestIngestBadFilesGoOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seed, _ := os.ReadFile(seedFiles(t)[0])
	write("a_good.txt", seed)
	write("b_empty.txt", nil)
	write("c_binary.txt", append([]byte("\x00\x01\x02\x03garbage"), bytes.Repeat([]byte{0, 0xff}, 200)...))
	write("d_broken.jsonl", []byte("{\"title\":\"ok\",\"text\":\"Gunmen killed 12 people in Kano on Sunday, police said.\"}\n{broken\n"))
	dbPath := filepath.Join(t.TempDir(), "t.db")
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", dir)
	if code != exitFailed {
		t.Errorf("exit %d, want %d (some failed): %s", code, exitFailed, stderr)
	}
	for _, want := range []string{"b_empty.txt", "c_binary.txt", "d_broken.jsonl:2", "2 stored", "3 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	db := openSQL(t, dbPath)
	if n := count(t, db, "SELECT count(*) FROM ingest_errors"); n != 3 {
		t.Errorf("ingest_errors = %d, want 3", n)
	}
	if n := count(t, db, "SELECT count(*) FROM articles"); n != 2 {
		t.Errorf("articles = %d, want 2", n)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nosuch"}, {"ingest"}, {"ingest", "--published", "yesterday", "x"}, {"extract"}} {
		if code, _, _ := runCmd(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	// The database cannot be opened: nothing can run.
	if code, _, stderr := runCmd(t, "", "ingest", "--db", "/nonexistent/dir/x.db", "../../seeds"); code != exitUsage {
		t.Errorf("unopenable db: exit %d, want %d: %s", code, exitUsage, stderr)
	}
	for _, cmd := range []string{"ingest", "extract", "claims", "entities", "search", "stats"} {
		code, _, stderr := runCmd(t, "", cmd, "--help")
		if code != exitOK || !strings.Contains(stderr, "Example") {
			t.Errorf("%s --help: exit %d, no example:\n%s", cmd, code, stderr)
		}
	}
}

func TestDBFromEnvironment(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "env.db")
	env := &environ{getenv: func(k string) string {
		if k == "NEWSCLAIMS_DB" {
			return dbPath
		}
		return ""
	}}
	if got := env.dbPath(""); got != dbPath {
		t.Errorf("dbPath = %q, want $NEWSCLAIMS_DB", got)
	}
	if got := env.dbPath("flag.db"); got != "flag.db" {
		t.Errorf("flag must win, got %q", got)
	}
	env.getenv = func(string) string { return "" }
	if got := env.dbPath(""); got != "newsclaims.db" {
		t.Errorf("default = %q", got)
	}
}

// TestGoldenSeeds compares `newsclaims extract --format json` of each seed
// with testdata/golden/<seed>.json. The golden records the seed's SHA-256,
// so an edited seed fails instead of quietly re-baselining.
func TestGoldenSeeds(t *testing.T) {
	for _, f := range seedFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			code, out, stderr := runCmd(t, "", "extract", "--format", "json", f)
			if code != exitOK {
				t.Fatalf("extract exit %d: %s", code, stderr)
			}
			var doc extractOutput
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(f)
			sum := sha256.Sum256(b)
			golden := filepath.Join("../../testdata/golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run make golden, then read the diff)", err)
			}
			var wantDoc extractOutput
			if err := json.Unmarshal(want, &wantDoc); err != nil {
				t.Fatal(err)
			}
			if len(wantDoc.Articles) == 0 || wantDoc.Articles[0].SourceSHA256 != hex.EncodeToString(sum[:]) {
				t.Fatalf("golden %s is for other seed bytes: the seed was edited", golden)
			}
			if out != string(want) {
				t.Errorf("extraction of %s changed; diff the output of\n  newsclaims extract --format json %s\nagainst %s", name, f, golden)
				diffLines(t, string(want), out)
			}
		})
	}
}

// diffLines reports the first differing lines, enough to see what changed.
func diffLines(t *testing.T, want, got string) {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			t.Errorf("line %d:\n  want %s\n  got  %s", i+1, wl, gl)
			shown++
		}
	}
}

// TestExtractExplain: --explain prints under each claim its rule, where
// the rule is written, and what each pattern part matched, in code points
// like every span of extract; JSON carries the same.
func TestExtractExplain(t *testing.T) {
	in := "Zaranj fell to the Taliban on Friday. Diyar said: \"The café is closed.\"\n"
	code, out, stderr := runCmd(t, in, "extract", "--format", "text", "--explain", "--published", "2021-08-09", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"why: surface rule capture.fell_to (rules/capture.yaml:",
		"place:[place|name]",
		`[0,6) "Zaranj"`,
		`[7,11) "fell"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	code, out, stderr = runCmd(t, in, "extract", "--explain", "--published", "2021-08-09", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc extractOutput
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.Articles[0].Text)
	n := 0
	for _, c := range doc.Articles[0].Claims {
		if c.Explain == nil {
			t.Fatalf("claim %s without explanation", c.Rule)
		}
		for _, p := range c.Explain.Parts {
			n++
			if string(text[p.Start:p.End]) != p.Text {
				t.Errorf("part %q [%d,%d) is %q in code points, not %q", p.Elem, p.Start, p.End, string(text[p.Start:p.End]), p.Text)
			}
		}
	}
	if n == 0 {
		t.Error("no explanation parts")
	}
	code, out, _ = runCmd(t, in, "extract", "--published", "2021-08-09", "-")
	if code != exitOK || strings.Contains(out, `"explain"`) {
		t.Errorf("explanations without --explain (exit %d)", code)
	}
}
