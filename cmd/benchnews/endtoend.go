package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/newsclaims/newsclaims/store"
)

// ingestRun is one `newsclaims ingest` subprocess over a corpus.
type ingestRun struct {
	Articles   int     `json:"articles"`
	Stored     int     `json:"stored"`
	TextMB     float64 `json:"text_mb"`
	Seconds    float64 `json:"seconds"`
	ArticlesPS float64 `json:"articles_per_s"`
	MBPS       float64 `json:"mb_per_s"`
	PeakRSSMB  float64 `json:"peak_rss_mb"`
	DBBytes    int64   `json:"db_bytes"`
	DBPerArt   float64 `json:"db_bytes_per_article"`
}

// runIngest runs the built binary as the cron job would, on all CPUs
// (its -workers default), into a fresh database. Running it as its own
// process is what makes its peak RSS measurable: Maxrss of a child
// counts that child alone, not this benchmark's own memory.
func runIngest(ctx context.Context, bin, dbPath string, c corpusStats) (ingestRun, error) {
	r := ingestRun{Articles: c.Articles, TextMB: float64(c.TextBytes) / 1e6}
	cmd := exec.CommandContext(ctx, bin, "ingest", "--db", dbPath, "--log-format", "json", "--progress", "never", c.Dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr // one JSON line per article; discarded unless the run fails
	start := time.Now()
	err := cmd.Run()
	r.Seconds = time.Since(start).Seconds()
	if err != nil {
		tail := stderr.Bytes()
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return r, fmt.Errorf("%s ingest %s: %w\n%s", bin, c.Dir, err, tail)
	}
	// The child's own figure (VmHWM) from its "finished" log line:
	// getrusage of a child also keeps the peak of the memory it shared
	// with this process before exec (246 MB reported for a 200 MB run once
	// the extractor and prose's model are loaded here). Maxrss is the
	// fallback.
	if mb, ok := finishedRSS(stderr.Bytes()); ok {
		r.PeakRSSMB = mb
	} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.PeakRSSMB = float64(ru.Maxrss) / 1024 // Linux reports kilobytes
	}
	r.ArticlesPS = float64(c.Articles) / r.Seconds
	r.MBPS = r.TextMB / r.Seconds

	stored, err := countArticles(ctx, dbPath)
	if err != nil {
		return r, err
	}
	r.Stored = stored
	if stored != c.Articles {
		return r, fmt.Errorf("%s: stored %d articles of %d; a broken path must not look fast", dbPath, stored, c.Articles)
	}
	r.DBBytes = fileSize(dbPath) + fileSize(dbPath+"-wal")
	r.DBPerArt = float64(r.DBBytes) / float64(stored)
	return r, nil
}

func countArticles(ctx context.Context, path string) (int, error) {
	db, err := store.Open(ctx, path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles in %s: %w", path, err)
	}
	return n, nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// finishedRSS reads peak_rss_mb from the "finished" JSON log line of a
// newsclaims ingest run.
func finishedRSS(log []byte) (float64, bool) {
	lines := bytes.Split(bytes.TrimSpace(log), []byte("\n"))
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-5; i-- {
		var rec struct {
			Msg       string   `json:"msg"`
			PeakRSSMB *float64 `json:"peak_rss_mb"`
		}
		if json.Unmarshal(lines[i], &rec) == nil && rec.Msg == "finished" && rec.PeakRSSMB != nil {
			return *rec.PeakRSSMB, true
		}
	}
	return 0, false
}
