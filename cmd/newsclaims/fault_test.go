package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the fault tests run this test binary as the real command,
// in its own process, so that it can be killed.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSCLAIMS_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// faultCorpus writes n article files made from the VOA stories in
// testdata/voa, each one different (the paragraphs rotate and a line
// names the copy), so none is skipped as already stored.
func faultCorpus(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open("../../testdata/voa/stories.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var st struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, st.Text)
	}
	if len(texts) == 0 {
		t.Fatal("no VOA stories in testdata/voa/stories.jsonl")
	}
	dir := t.TempDir()
	for i := range n {
		paras := strings.Split(texts[i%len(texts)], "\n\n")
		k := (i / len(texts)) % len(paras)
		body := strings.Join(append(append([]string{}, paras[k:]...), paras[:k]...), "\n\n")
		body += fmt.Sprintf("\n\nThis is copy %d of the story.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startIngest runs `newsclaims ingest` in a child process.
func startIngest(t *testing.T, dbPath, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "ingest", "--db", dbPath, "--workers", "2", "--log-format", "json", "--published", "2024-01-01", dir)
	cmd.Env = append(os.Environ(), "NEWSCLAIMS_RUN_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd
}

// waitForArticles polls the database (WAL lets a reader in while the
// batch writes) until it holds at least n articles or the process ended.
func waitForArticles(t *testing.T, dbPath string, n int, done <-chan struct{}) int {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return -1
		default:
		}
		if _, err := os.Stat(dbPath); err == nil {
			db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro&_busy_timeout=5000")
			if err != nil {
				t.Fatal(err)
			}
			var got int
			err = db.QueryRow("SELECT count(*) FROM articles").Scan(&got)
			db.Close()
			if err == nil && got >= n {
				return got
			}
			if err != nil && !strings.Contains(err.Error(), "no such table") {
				t.Fatalf("reading while the batch writes: %v", err)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("no article stored within 60s")
	return 0
}

// dumpDB renders everything extracted, per article content, in a stable
// order: two databases with the same dump hold the same facts.
func dumpDB(t *testing.T, dbPath string) string {
	t.Helper()
	db := openSQL(t, dbPath)
	var b strings.Builder
	for _, q := range []string{
		`SELECT a.content_sha256 || ' ' || a.pipeline_version || ' ' || coalesce(a.published_at, '') FROM articles a ORDER BY 1`,
		`SELECT a.content_sha256 || ' E ' || e.kind || ' ' || e.span_start || ' ' || e.span_end || ' ' || coalesce(e.norm, '')
		   FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY 1`,
		`SELECT a.content_sha256 || ' C ' || c.kind || ' ' || c.rule || ' ' || c.span_start || ' ' || coalesce(c.certainty, '') || ' ' ||
		        (SELECT group_concat(role || '=' || span_start || '-' || span_end, ',') FROM (SELECT * FROM claim_args g WHERE g.claim_id = c.id ORDER BY role, span_start))
		   FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY 1`,
		`SELECT a.content_sha256 || ' B ' || k.kind || ' ' || k.span_start FROM blocks k JOIN articles a ON a.id = k.article_id ORDER BY 1`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(s)
			b.WriteByte('\n')
		}
		rows.Close()
	}
	return b.String()
}

func waitDone(cmd *exec.Cmd) chan struct{} {
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	return done
}

// TestFaultKillAndRerun kills a batch with SIGKILL while it writes, runs
// it again, and wants exactly the database a clean run gives: no partial
// article, nothing missing, nothing twice.
func TestFaultKillAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in child processes")
	}
	dir := faultCorpus(t, 400)
	tmp := t.TempDir()
	clean := filepath.Join(tmp, "clean.db")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", clean, "--published", "2024-01-01", "--log-format", "json", dir); code != exitOK {
		t.Fatalf("clean run exit %d: %s", code, stderr)
	}

	killed := filepath.Join(tmp, "killed.db")
	cmd := startIngest(t, killed, dir)
	done := waitDone(cmd)
	if n := waitForArticles(t, killed, 5, done); n < 0 {
		t.Skip("the batch ended before it could be killed; nothing to test on this machine")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-done
	db := openSQL(t, killed)
	partial := count(t, db, "SELECT count(*) FROM articles")
	if partial >= 400 {
		t.Skip("the batch finished before the kill landed")
	}
	// Every stored article is whole: it has the claims and entities the
	// clean run found for the same text.
	if code, _, stderr := runCmd(t, "", "ingest", "--db", killed, "--published", "2024-01-01", "--log-format", "json", dir); code != exitOK {
		t.Fatalf("rerun exit %d: %s", code, stderr)
	} else if want := fmt.Sprintf("%d already stored", partial); !strings.Contains(stderr, want) {
		t.Errorf("rerun after kill with %d articles stored: summary %q lacks %q", partial, stderr, want)
	}
	if a, b := dumpDB(t, clean), dumpDB(t, killed); a != b {
		t.Errorf("killed-and-rerun database differs from a clean run (%d vs %d bytes of dump)", len(a), len(b))
	}
	// The killed run's record stays unfinished: an analyst can see it.
	if n := count(t, db, "SELECT count(*) FROM runs WHERE finished_at IS NULL"); n != 1 {
		t.Errorf("unfinished runs = %d, want 1 (the killed one)", n)
	}
}

// TestFaultTermFinishesArticle sends SIGTERM mid-batch: the run commits
// the articles it has saved, drops the one in hand, records itself as
// interrupted and exits 1; what is stored is whole, nothing is recorded as
// failed, and a rerun completes the batch.
func TestFaultTermFinishesArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in child processes")
	}
	dir := faultCorpus(t, 400)
	tmp := t.TempDir()
	dbPath := filepath.Join(tmp, "term.db")
	cmd := startIngest(t, dbPath, dir)
	done := waitDone(cmd)
	if n := waitForArticles(t, dbPath, 5, done); n < 0 {
		t.Skip("the batch ended before the signal")
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("no exit within 60s of SIGTERM")
	}
	stderr := fmt.Sprint(cmd.Stderr) // a *strings.Builder
	code := cmd.ProcessState.ExitCode()
	if code == exitOK {
		t.Skip("the batch finished before SIGTERM landed")
	}
	if code != exitFailed || !strings.Contains(stderr, "(interrupted)") {
		t.Errorf("SIGTERM: exit %d, stderr %q; want exit 1 and an interrupted summary", code, stderr)
	}
	db := openSQL(t, dbPath)
	if n := count(t, db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL AND exit_status = 1 AND interrupted = 1"); n != 1 {
		t.Errorf("interrupted run not recorded as finished with status 1 (%d rows)", n)
	}
	if n := count(t, db, "SELECT count(*) FROM ingest_errors"); n != 0 {
		t.Errorf("SIGTERM left %d ingest errors; the article in hand is left for the next run, not failed", n)
	}
	clean := filepath.Join(tmp, "clean.db")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", clean, "--published", "2024-01-01", "--log-format", "json", dir); code != exitOK {
		t.Fatalf("clean run exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--published", "2024-01-01", "--log-format", "json", dir); code != exitOK {
		t.Fatalf("rerun exit %d: %s", code, stderr)
	}
	if dumpDB(t, clean) != dumpDB(t, dbPath) {
		t.Error("interrupted-and-rerun database differs from a clean run")
	}
}

// TestConcurrentRun: a second ingest on the same database while one runs
// exits at once with status 2 and a clear message.
func TestConcurrentRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in child processes")
	}
	dir := faultCorpus(t, 400)
	dbPath := filepath.Join(t.TempDir(), "c.db")
	cmd := startIngest(t, dbPath, dir)
	done := waitDone(cmd)
	if n := waitForArticles(t, dbPath, 1, done); n < 0 {
		t.Skip("the first batch ended too soon")
	}
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, dir)
	if code != exitUsage || !strings.Contains(stderr, "another newsclaims ingest is running") {
		t.Errorf("second run: exit %d, %q", code, stderr)
	}
	<-done
}

// longArticleDir writes a folder of a few small articles and, last in
// name order, one of 10 MB of a repeated news sentence: far more than 30
// seconds of extraction and storing.
func longArticleDir(t *testing.T) string {
	t.Helper()
	dir := faultCorpus(t, 3)
	long := strings.Repeat(repeatedSentence, (10<<20)/len(repeatedSentence))
	if err := os.WriteFile(filepath.Join(dir, "z-long.txt"), []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startLong runs ingest on dir with no per-article limits, its stderr in
// a file, and returns once the small articles are saved (their "stored"
// log lines), that is while the long one is in hand.
func startLong(t *testing.T, dbPath, dir string) (*exec.Cmd, chan struct{}, string) {
	t.Helper()
	errPath := filepath.Join(t.TempDir(), "stderr")
	ef, err := os.Create(errPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ef.Close() })
	cmd := exec.Command(os.Args[0], "ingest", "--db", dbPath, "--workers", "2", "--log-format", "json",
		"--published", "2024-01-01", "--max-article-bytes", "0", "--article-timeout", "0", dir)
	cmd.Env = append(os.Environ(), "NEWSCLAIMS_RUN_MAIN=1")
	cmd.Stderr = ef
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	done := waitDone(cmd)
	deadline := time.Now().Add(60 * time.Second)
	for {
		b, _ := os.ReadFile(errPath)
		if strings.Count(string(b), `"msg":"stored"`) >= 3 {
			break
		}
		select {
		case <-done:
			t.Fatalf("ingest ended before the long article: %s", b)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the small articles were not stored within 60s: %s", b)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // into the long article
	return cmd, done, errPath
}

// TestFaultTermLongArticle sends SIGTERM while a 10 MB article is
// extracted: the run ends long before the article would have (the bound
// only a hang fails), the long article is not stored, the small ones
// saved before it are, the run is recorded as interrupted with status 1,
// and nothing is recorded as failed.
func TestFaultTermLongArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in child processes")
	}
	dir := longArticleDir(t)
	dbPath := filepath.Join(t.TempDir(), "long.db")
	cmd, done, errPath := startLong(t, dbPath, dir)
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("no exit within 20s of SIGTERM while a 10 MB article was in hand")
	}
	t.Logf("exit %v after SIGTERM", time.Since(sent).Round(time.Millisecond))
	stderr, _ := os.ReadFile(errPath)
	if code := cmd.ProcessState.ExitCode(); code != exitFailed || !strings.Contains(string(stderr), "(interrupted)") {
		t.Errorf("SIGTERM: exit %d, stderr %s; want exit 1 and an interrupted summary", code, stderr)
	}
	db := openSQL(t, dbPath)
	if n := count(t, db, "SELECT count(*) FROM articles WHERE source_path LIKE '%z-long.txt'"); n != 0 {
		t.Error("the long article was stored though SIGTERM came while it was in hand")
	}
	if n := count(t, db, "SELECT count(*) FROM articles"); n != 3 {
		t.Errorf("%d articles stored, want the 3 saved before the signal", n)
	}
	if n := count(t, db, "SELECT count(*) FROM runs WHERE interrupted = 1 AND exit_status = 1 AND finished_at IS NOT NULL"); n != 1 {
		t.Errorf("the run is not recorded as interrupted with status 1 (%d rows)", n)
	}
	if n := count(t, db, "SELECT count(*) FROM ingest_errors"); n != 0 {
		t.Errorf("%d ingest errors; an interrupted article is not a failed one", n)
	}
}

// TestFaultSecondSignal: a second SIGINT exits at once, with status 1.
func TestFaultSecondSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in child processes")
	}
	dir := longArticleDir(t)
	cmd, done, errPath := startLong(t, filepath.Join(t.TempDir(), "second.db"), dir)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	// The second signal once the first is handled: two signals that
	// arrive together are one for the kernel.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(time.Millisecond) {
		b, _ := os.ReadFile(errPath)
		if strings.Contains(string(b), "stopping") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("first signal not reported: %s", b)
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); errors.Is(err, os.ErrProcessDone) {
		t.Skip("the run stopped before the second signal")
	} else if err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("no exit within 20s of a second SIGINT")
	}
	stderr, _ := os.ReadFile(errPath)
	if code := cmd.ProcessState.ExitCode(); code != exitFailed {
		t.Errorf("second signal: exit %d, want 1", code)
	}
	if !strings.Contains(string(stderr), "again: exiting now") && strings.Contains(string(stderr), "(interrupted)") {
		t.Skip("the run stopped before the second signal")
	}
	if !strings.Contains(string(stderr), "again: exiting now") {
		t.Errorf("second signal not reported: %s", stderr)
	}
}

// TestArticleLimits: an article over --article-timeout is abandoned and
// recorded with the reason, one over --max-article-bytes is refused
// before extraction, and the batch goes on to the articles after them.
func TestArticleLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a long article")
	}
	dir := faultCorpus(t, 2) // a0000.txt, a0001.txt
	// 3 MB: over the default text limit, and several seconds of
	// extraction, well over the 1 s deadline below.
	long := strings.Repeat(repeatedSentence, (3<<20)/len(repeatedSentence))
	if err := os.WriteFile(filepath.Join(dir, "a0000-long.txt"), []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "limits.db")
	start := time.Now()
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "--published", "2024-01-01",
		"--max-article-bytes", "0", "--article-timeout", "1s", dir)
	t.Logf("3 MB article abandoned, batch done in %v", time.Since(start).Round(time.Millisecond))
	if code != exitFailed {
		t.Errorf("exit %d, want 1 (one input failed): %s", code, stderr)
	}
	db := openSQL(t, dbPath)
	var reason string
	if err := db.QueryRow("SELECT reason FROM ingest_errors WHERE path LIKE '%a0000-long.txt'").Scan(&reason); err != nil {
		t.Fatalf("no ingest error for the long article: %v (%s)", err, stderr)
	}
	if !strings.Contains(reason, "abandoned") || !strings.Contains(reason, "--article-timeout 1s") {
		t.Errorf("reason %q does not say the article was abandoned at its deadline", reason)
	}
	if n := count(t, db, "SELECT count(*) FROM articles"); n != 2 {
		t.Errorf("%d articles stored, want the 2 short ones (the batch goes on)", n)
	}

	// The same folder under the default text limit: refused at once, not
	// extracted.
	dbPath = filepath.Join(t.TempDir(), "limit.db")
	code, _, stderr = runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "--published", "2024-01-01", dir)
	if code != exitFailed {
		t.Errorf("exit %d, want 1: %s", code, stderr)
	}
	db = openSQL(t, dbPath)
	if err := db.QueryRow("SELECT reason FROM ingest_errors WHERE path LIKE '%a0000-long.txt'").Scan(&reason); err != nil {
		t.Fatalf("no ingest error for the long article: %v (%s)", err, stderr)
	}
	if want := fmt.Sprintf("more than --max-article-bytes %d", defaultMaxArticleBytes); !strings.Contains(reason, want) {
		t.Errorf("reason %q lacks %q", reason, want)
	}
	if n := count(t, db, "SELECT count(*) FROM articles"); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
}

// TestHugeArticle: a single 20 MB article (the file limit) is refused by
// the text limit with its reason, within a minute (a bound only a hang
// or a quadratic stage fails; it takes seconds).
func TestHugeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 20 MB file")
	}
	path := filepath.Join(t.TempDir(), "huge.txt")
	huge := strings.Repeat(repeatedSentence, (20<<20)/len(repeatedSentence)-1)
	if err := os.WriteFile(path, []byte(huge), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "huge.db")
	start := time.Now()
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", path)
	took := time.Since(start)
	t.Logf("20 MB article refused in %v", took.Round(time.Millisecond))
	if took > time.Minute {
		t.Errorf("a 20 MB article took %v to refuse", took)
	}
	if code != exitFailed || !strings.Contains(stderr, "more than --max-article-bytes") {
		t.Errorf("exit %d, stderr %q; want 1 and the text limit named", code, stderr)
	}
	if n := count(t, openSQL(t, dbPath), "SELECT count(*) FROM ingest_errors WHERE reason LIKE '%--max-article-bytes%'"); n != 1 {
		t.Errorf("%d ingest errors naming the text limit, want 1", n)
	}
}
