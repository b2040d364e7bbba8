package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seededDB ingests the seeds into a fresh database and returns its path.
func seededDB(t *testing.T) string {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "q.db")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "../../seeds"); code != exitOK {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	return dbPath
}

func TestClaimsCommand(t *testing.T) {
	dbPath := seededDB(t)
	code, out, stderr := runCmd(t, "", "claims", "--db", dbPath, "--kind", "casualty", "--source", "UNICEF", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rows []struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
		Args []struct {
			Role  string   `json:"role"`
			Value *float64 `json:"value"`
		} `json:"args"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := false
	for _, r := range rows {
		if r.Kind != "casualty" {
			t.Errorf("kind filter let %q through", r.Kind)
		}
		for _, a := range r.Args {
			found = found || a.Role == "count" && a.Value != nil && *a.Value == 27
		}
	}
	if !found {
		t.Errorf("no UNICEF casualty claim with count 27:\n%s", out)
	}
	// CSV has a header and one row per claim; a filter value is data,
	// never SQL.
	code, out, _ = runCmd(t, "", "claims", "--db", dbPath, "--place", "x' OR 1=1 --", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil || len(recs) != 1 {
		t.Errorf("injection-shaped place: exit %d, %d records, %v", code, len(recs), err)
	}
	code, out, _ = runCmd(t, "", "claims", "--db", dbPath, "--kind", "capture", "--since", "2021-08-08", "--until", "2021-08-08", "--format", "jsonl")
	if code != exitOK || strings.Count(out, "\n") == 0 {
		t.Errorf("captures on 2021-08-08: exit %d, %q", code, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, `"event_date":"2021-08-08"`) {
			t.Errorf("date filter let through: %s", line)
		}
	}
	if code, _, stderr := runCmd(t, "", "claims", "--db", dbPath, "--since", "last week"); code != exitFailed && code != exitUsage {
		t.Errorf("bad date: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "claims", "--db", filepath.Join(t.TempDir(), "none.db")); code != exitUsage || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing database: exit %d %s", code, stderr)
	}
}

func TestEntitiesSearchStats(t *testing.T) {
	dbPath := seededDB(t)
	code, out, _ := runCmd(t, "", "entities", "--db", dbPath, "--kind", "place", "--country", "AF", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil || len(recs) < 10 {
		t.Fatalf("entities: exit %d, %d rows, %v", code, len(recs), err)
	}
	for _, r := range recs[1:] {
		if r[2] != "place" || r[8] != "AF" {
			t.Errorf("filtered row %v", r)
		}
	}
	code, out, _ = runCmd(t, "", "search", "--db", dbPath, "Kunduz", "population")
	if code != exitOK || !strings.Contains(out, "«") {
		t.Errorf("search: exit %d, no highlighted snippet:\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "search", "--db", dbPath, "--claims", "--format", "json", `"have been killed"`)
	if code != exitOK || !strings.Contains(out, "casualty") {
		t.Errorf("claim search: exit %d:\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "stats", "--db", dbPath, "--format", "json")
	var st struct {
		Articles     int            `json:"articles"`
		ClaimsByKind map[string]int `json:"claims_by_kind"`
	}
	if err := json.Unmarshal([]byte(out), &st); code != exitOK || err != nil || st.Articles != 2 || st.ClaimsByKind["capture"] == 0 {
		t.Errorf("stats: exit %d %v %+v", code, err, st)
	}
}

// TestReprocess: articles stored by an older pipeline version are
// re-extracted in place by --reprocess; the rest is left alone.
func TestReprocess(t *testing.T) {
	dbPath := seededDB(t)
	db := openSQL(t, dbPath)
	before := count(t, db, "SELECT count(*) FROM claims")
	if _, err := db.Exec("UPDATE articles SET pipeline_version = '0.0.1' WHERE id = 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM claims WHERE article_id = 1"); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--reprocess", "--log-format", "json")
	if code != exitOK {
		t.Fatalf("reprocess exit %d: %s", code, stderr)
	}
	if n := count(t, db, "SELECT count(*) FROM articles WHERE pipeline_version = ?", Version); n != 2 {
		t.Errorf("articles at version %s = %d, want 2", Version, n)
	}
	if after := count(t, db, "SELECT count(*) FROM claims"); after != before {
		t.Errorf("claims after reprocess = %d, want %d", after, before)
	}
}

// TestStdin reads one article from standard input.
func TestStdin(t *testing.T) {
	b, err := os.ReadFile("../../seeds/000_23266be43dcebdac.txt")
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "s.db")
	code, _, stderr := runCmd(t, string(b), "ingest", "--db", dbPath, "--log-format", "json", "-")
	if code != exitOK || !strings.Contains(stderr, "1 stored") {
		t.Errorf("stdin: exit %d %s", code, stderr)
	}
}
