package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runChild runs the command in a child process, killed after a minute:
// a test of what must never be read (a FIFO) fails instead of hanging.
func runChild(t *testing.T, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSCLAIMS_RUN_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v: killed after a minute (reading a FIFO?): %s", args, stderr.String())
	}
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// TestFolderWalk: a crawl folder that also holds the database, hidden
// files, logs, images, archives, a FIFO and a symbolic link loop. Only the
// articles are read (the extensionless one sniffed, the .gz one
// decompressed); the rest is counted as ignored, the FIFO and the loop
// reported, and the run exits 0, also when run again beside its own
// database files.
func TestFolderWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in child processes")
	}
	src := faultCorpus(t, 3)
	story := func(i int) []byte {
		b, err := os.ReadFile(filepath.Join(src, "a000"+string(rune('0'+i))+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", story(0))
	write("sub/noext", story(1)) // no extension: sniffed, read
	write("sub/c.txt.gz", gzipped(t, story(2)))
	write(".hidden.txt", []byte("Officials said 3 people were killed in Kabul on Monday."))
	write(".git/HEAD", []byte("ref: refs/heads/main\n"))
	write("crawl.log", []byte("GET / 200\n"))
	write("crawl.log.gz", gzipped(t, []byte("GET / 200\n")))
	write("photo.jpg", []byte("\xff\xd8\xff\xe0 not really a jpeg"))
	write("pages.zip", []byte("PK\x03\x04"))
	write("pages.tar.gz", gzipped(t, []byte("tar")))
	write("other.sqlite", []byte("SQLite format 3\x00"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "news.db")

	code, stderr := runChild(t, "ingest", "--db", dbPath, "--log-format", "json", dir)
	if code != exitOK {
		t.Fatalf("exit %d, want 0: %s", code, stderr)
	}
	// Ignored: .hidden.txt, .git, crawl.log, crawl.log.gz, other.sqlite,
	// pages.tar.gz, pages.zip, photo.jpg, the pipe, sub/loop (the folder
	// again), and news.db with its -wal, -shm and .lock, which the run
	// has opened before it walks.
	for _, want := range []string{"3 seen, 3 stored", "0 failed, 14 ignored", "pipe: a named pipe (FIFO): not read",
		"loop: folder already walked"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("first run: stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "crawl.log") {
		t.Errorf("a log file listed without --verbose:\n%s", stderr)
	}
	// The runs row keeps the count the summary line printed.
	if n := count(t, openSQL(t, dbPath), "SELECT count(*) FROM runs WHERE ignored = 14 AND seen = 3"); n != 1 {
		t.Errorf("%d runs rows with ignored = 14, want 1", n)
	}

	// Again, with --verbose.
	code, stderr = runChild(t, "ingest", "--db", dbPath, "--log-format", "json", "--verbose", dir)
	if code != exitOK {
		t.Fatalf("second run: exit %d, want 0: %s", code, stderr)
	}
	for _, want := range []string{"3 already stored", "0 failed, 14 ignored", "news.db: the database's own file",
		"news.db-wal: the database's own file", "news.db.lock: the database's own file", "crawl.log: log file",
		"pages.tar.gz: archive", ".hidden.txt: hidden"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("second run: stderr lacks %q:\n%s", want, stderr)
		}
	}

	// Named on the command line, a hidden file is read, and the FIFO is
	// refused with its reason.
	code, stderr = runChild(t, "ingest", "--db", dbPath, "--log-format", "json",
		filepath.Join(dir, ".hidden.txt"), filepath.Join(dir, "pipe"))
	if code != exitFailed || !strings.Contains(stderr, "1 stored") || !strings.Contains(stderr, "a named pipe (FIFO): not read") {
		t.Errorf("explicit paths: exit %d, want 1 with the hidden file stored and the FIFO refused:\n%s", code, stderr)
	}
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestIgnoreReason(t *testing.T) {
	for name, want := range map[string]string{
		"a.txt": "", "noext": "", "a.html.gz": "", "feed.jsonl": "", "x.JSON": "",
		"news.db": "database file", "news.db-wal": "database file", "x.sqlite-journal": "database file",
		"news.db.lock": "lock file", "run.log": "log file", "run.LOG.gz": "log file", "p.JPG": "image",
		"a.tar.gz": "archive", "a.zip": "archive", "a.tgz": "archive",
	} {
		if got := ignoreReason(name); got != want {
			t.Errorf("ignoreReason(%q) = %q, want %q", name, got, want)
		}
	}
}
