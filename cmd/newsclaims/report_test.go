package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestReport: ingest --report writes the page of what the run
// stored; a re-run that stores nothing still reports the run before.
func TestIngestReport(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "news.db")
	out := filepath.Join(dir, "morning.html")
	for i := range 2 {
		code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "--report", out, "../../seeds")
		if code != exitOK {
			t.Fatalf("ingest %d: exit %d: %s", i, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, want := range []string{"Covers the articles stored by run 1", "<b>2</b> articles", `id="report-data"`, "UNICEF"} {
			if !strings.Contains(page, want) {
				t.Errorf("ingest %d: the report does not contain %q", i, want)
			}
		}
		if i == 1 && !strings.Contains(page, "run 2 stored none") {
			t.Error("the second report does not say its run stored nothing")
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".report-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestReportUsage(t *testing.T) {
	dir := t.TempDir()
	if code, _, _ := runCmd(t, "", "report", "--db", filepath.Join(dir, "none.db")); code != exitUsage {
		t.Errorf("missing database: exit %d, want %d", code, exitUsage)
	}
	dbPath := filepath.Join(dir, "news.db")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "../../seeds"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "report", "--db", dbPath, "--since", "2021-02-30"); code != exitUsage || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("bad date: exit %d, %q", code, stderr)
	}
	code, stdout, stderr := runCmd(t, "", "report", "--db", dbPath, "--kind", "casualty", "--since", "2021-08-01", "-o", "-")
	if code != exitOK || !strings.HasPrefix(stdout, "<!DOCTYPE html>") || !strings.Contains(stdout, "filtered by since 2021-08-01, kind casualty") {
		t.Errorf("report to stdout: exit %d, %q…: %s", code, stdout[:min(len(stdout), 200)], stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err == nil {
		t.Error("-o - also wrote report.html")
	}
}

// TestIngestReportFails: when the report cannot be written the process
// exits 1 and the run's row says so too (it used to keep the 0 it was
// finished with before the report was attempted).
func TestIngestReportFails(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "news.db")
	out := filepath.Join(dir, "no-such-folder", "morning.html")
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "--report", out, "../../seeds")
	if code != exitFailed {
		t.Fatalf("ingest with an unwritable report: exit %d, want %d: %s", code, exitFailed, stderr)
	}
	db := openSQL(t, dbPath)
	if n := count(t, db, "SELECT count(*) FROM runs WHERE stored = 2 AND exit_status = 1 AND finished_at IS NOT NULL"); n != 1 {
		t.Errorf("runs rows with the stored articles and exit status 1: %d, want 1", n)
	}
}
