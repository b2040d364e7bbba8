package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
	"github.com/newsclaims/newsclaims/store/report"
)

const ingestHelp = `Usage: newsclaims ingest [flags] PATH...

Reads articles from files and folders (recursively, in name order) or from
standard input (-), extracts entities and claims, and stores each article
with everything found in it in one transaction. Content already stored is
skipped. Bad files are reported and recorded in ingest_errors; the batch
goes on.

Exit status: 0 all stored or already stored, 1 some inputs failed,
2 usage error or nothing could run (database cannot be opened, locked).

Example:
  newsclaims ingest --db news.db seeds/
  zcat crawl.jsonl.gz | newsclaims ingest --published 2021-08-09 -

Flags:
`

type ingestFlags struct {
	db        string
	rules     string
	published string
	maxBytes  int64
	// maxArticle is the largest article text extracted, in bytes;
	// articleTimeout how long one article may take to extract and store.
	maxArticle     int64
	articleTimeout time.Duration
	workers        int
	logFormat      string
	wait           bool
	reprocess      bool
	progress       string
	cpuProf        string
	memProf        string
	verbose        bool
	report         string
	// memLimitMB is the Go runtime's soft memory limit during the batch.
	memLimitMB int64
}

// defaultMemLimitMB is ingest's soft memory limit. The live heap of a
// batch is about 120 MB (GODEBUG=gctrace=1 on benchnews's 2,000 articles),
// but with GOGC=100 the heap grows to about twice that before each
// collection, and that slack, with the models mapped from the binary and
// SQLite's own memory, made a peak RSS of 332 MB where the target is 300.
// At 200 MB the collector runs a little more often (gctrace: about 2% of
// the CPU before) instead of letting garbage stand.
const defaultMemLimitMB = 200

func runIngest(ctx context.Context, env *environ, args []string) int {
	fset := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fset.SetOutput(env.stderr)
	var f ingestFlags
	fset.StringVar(&f.db, "db", "", "SQLite database file (default $NEWSCLAIMS_DB or newsclaims.db)")
	fset.StringVar(&f.rules, "rules", "", "folder of extra rule files (*.yaml) added to the built-in rules")
	fset.StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	fset.Int64Var(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest input file accepted, in bytes")
	fset.Int64Var(&f.maxArticle, "max-article-bytes", defaultMaxArticleBytes, "largest article text extracted, in bytes (0: no limit); a longer one is refused and recorded in ingest_errors")
	fset.DurationVar(&f.articleTimeout, "article-timeout", defaultArticleTimeout, "longest one article may take to extract and store (0: no limit); a slower one is abandoned and recorded in ingest_errors")
	fset.IntVar(&f.workers, "workers", runtime.NumCPU(), "parallel readers and extractors (one writer)")
	fset.StringVar(&f.logFormat, "log-format", "", "log format: text or json (default: text on a terminal, json otherwise)")
	fset.BoolVar(&f.wait, "wait", false, "wait for another running ingest instead of exiting")
	fset.BoolVar(&f.reprocess, "reprocess", false, "re-extract stored articles whose pipeline_version is older")
	fset.StringVar(&f.progress, "progress", "auto", "progress on stderr: auto (when a terminal), always, never")
	fset.BoolVar(&f.verbose, "verbose", false, "list the files passed over in folders (the database's own, hidden, logs, images, archives) with the reason")
	fset.StringVar(&f.cpuProf, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	fset.StringVar(&f.memProf, "memprofile", "", "write a heap profile to this file after the last article (go tool pprof; inuse is what the run holds besides articles)")
	fset.StringVar(&f.report, "report", "", "at the end, write the HTML report of what this run stored to this file (see newsclaims report)")
	fset.Int64Var(&f.memLimitMB, "memory-limit-mb", defaultMemLimitMB, "soft limit of the Go heap and runtime, in MB (0: none; $GOMEMLIMIT, when set, wins over the default); the collector runs more often near it")
	fset.Usage = func() { fmt.Fprint(env.stderr, ingestHelp); fset.PrintDefaults() }
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if f.memLimitMB < 0 {
		fmt.Fprintf(env.stderr, "newsclaims ingest: --memory-limit-mb %d: want 0 or more\n", f.memLimitMB)
		return exitUsage
	}
	if limit, ok := memoryLimit(fset, f.memLimitMB, env.getenv); ok {
		// The limit is the process's, so it is put back when the batch
		// ends (tests run several batches in one process).
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	if fset.NArg() == 0 && !f.reprocess {
		fmt.Fprintln(env.stderr, "newsclaims ingest: no PATH given (use - for standard input)")
		fset.Usage()
		return exitUsage
	}
	if f.published != "" {
		if _, err := time.Parse("2006-01-02", f.published); err != nil {
			if _, err := time.Parse(time.RFC3339, f.published); err != nil {
				fmt.Fprintf(env.stderr, "newsclaims ingest: --published %q: want YYYY-MM-DD or RFC 3339\n", f.published)
				return exitUsage
			}
		}
	}
	if f.workers < 1 {
		f.workers = 1
	}
	logger, err := newLogger(env.stderr, f.logFormat)
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims ingest: %v\n", err)
		return exitUsage
	}
	if f.cpuProf != "" {
		pf, err := os.Create(f.cpuProf)
		if err == nil {
			err = pprof.StartCPUProfile(pf)
		}
		if err != nil {
			fmt.Fprintf(env.stderr, "newsclaims ingest: --cpuprofile: %v\n", err)
			return exitUsage
		}
		defer pf.Close()
		defer pprof.StopCPUProfile()
	}
	b := &batch{env: env, flags: f, log: logger}
	return b.run(ctx, fset.Args())
}

// writeHeapProfile writes the heap profile to path; x is kept alive
// until then so that the extractor's memory is in it.
func writeHeapProfile(path string, x *extract.Extractor) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = pprof.WriteHeapProfile(f)
	runtime.KeepAlive(x)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	if format == "" {
		format = "json"
		if isTerminal(w) {
			format = "text"
		}
	}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// batch is one ingest run: parallel readers and extractors, one writer.
// Per-article limits. Real articles are far shorter than the text
// limit: the 181 news pages of the extraction benchmark have bodies of
// 3.2 KB (median) to 96 KB, the 66 VOA stories at most 7.2 KB. 1 MiB is
// ten times the longest of them and still extracts and stores in a few
// seconds (BenchmarkLongArticle); a crawl's 20 MB "article" (a log, a
// feed, a dump) is refused instead of holding the batch. The deadline
// bounds what the limit does not foresee: a slow pattern, a slow disk.
const (
	defaultMaxArticleBytes = 1 << 20
	defaultArticleTimeout  = time.Minute
)

type batch struct {
	env   *environ
	flags ingestFlags
	log   *slog.Logger

	seen, stored, skipped, failed int
	ignored                       int // passed over in folders (collectPaths)

	cur      *store.Batch // the open write batch, nil when none
	curStart time.Time
}

// item is one input (an article or a failure) on its way to the writer.
type item struct {
	source string
	art    ingest.Article
	res    extract.Result
	sha    string
	known  bool // content already stored: skip
	err    error
	dur    time.Duration
	// fileEnd marks the end of an input file, for the progress line.
	fileEnd bool
}

func (b *batch) run(ctx context.Context, paths []string) int {
	dbPath := b.env.dbPath(b.flags.db)
	unlock, err := lockDB(dbPath, b.flags.wait)
	if err != nil {
		fmt.Fprintf(b.env.stderr, "newsclaims ingest: %v\n", err)
		return exitUsage
	}
	defer unlock()

	db, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintf(b.env.stderr, "newsclaims ingest: open database %s: %v\n", dbPath, err)
		return exitUsage
	}
	defer db.Close()
	x, err := extract.New(extract.Options{RulesDir: b.flags.rules})
	if err != nil {
		fmt.Fprintf(b.env.stderr, "newsclaims ingest: load extractor:\n%v\n", err)
		return exitUsage
	}
	models, err := extract.ModelsHash()
	if err != nil {
		fmt.Fprintf(b.env.stderr, "newsclaims ingest: load models:\n%v\n", err)
		return exitUsage
	}
	runID, err := db.StartRun(ctx, Version, x.RulesHash(), models)
	if err != nil {
		fmt.Fprintf(b.env.stderr, "newsclaims ingest: %v\n", err)
		return exitUsage
	}

	in := collectPaths(paths, dbPath)
	for _, we := range in.errs {
		b.seen++
		b.fail(ctx, db, runID, we.path, we.err)
	}
	b.ignored = len(in.ignored)
	for _, ig := range in.ignored {
		if ig.notice || b.flags.verbose {
			fmt.Fprintf(b.env.stderr, "newsclaims ingest: ignored %s: %s\n", ig.path, ig.reason)
		}
	}
	files := in.files
	if b.flags.reprocess {
		if err := b.reprocess(ctx, db, x); err != nil {
			b.log.Error("reprocess", "err", err)
			b.failed++
		}
	}
	b.pipeline(ctx, db, x, runID, files)
	if b.flags.memProf != "" {
		// After the last article, while the extractor is still alive: the
		// profile's inuse figures are what a run holds besides articles.
		runtime.GC()
		if err := writeHeapProfile(b.flags.memProf, x); err != nil {
			fmt.Fprintf(b.env.stderr, "newsclaims ingest: --memprofile: %v\n", err)
		}
	}

	code := exitOK
	if b.failed > 0 {
		code = exitFailed
	}
	interrupted := ctx.Err() != nil
	if interrupted {
		code = exitFailed
	}
	// Planner statistics for the analysts' queries, refreshed when a
	// table has grown fourfold since they were taken; skipped when
	// interrupted.
	if b.stored > 0 && !interrupted {
		start := time.Now()
		if ran, err := db.Analyze(ctx); err != nil {
			b.log.Error("analyze", "err", err)
		} else if ran {
			b.log.Info("analyzed", "ms", time.Since(start).Milliseconds())
		}
	}
	// The run record is written even when interrupted; use a fresh context.
	counts := store.RunCounts{Seen: b.seen, Stored: b.stored, Skipped: b.skipped, Failed: b.failed, Ignored: b.ignored, Interrupted: interrupted}
	if err := db.FinishRun(context.WithoutCancel(ctx), runID, counts, code); err != nil {
		b.log.Error("finish run", "err", err)
	}
	// The report reads the finished run (its scope is the last run that
	// stored articles), so it comes after FinishRun; when it cannot be
	// written the run's exit status is set again, so the runs row says
	// what the process returned.
	if b.flags.report != "" && !interrupted {
		if err := writeReport(context.WithoutCancel(ctx), b.env, db, report.Options{}, b.flags.report); err != nil {
			b.log.Error("report", "err", err)
			code = exitFailed
			if err := db.FinishRun(context.WithoutCancel(ctx), runID, counts, code); err != nil {
				b.log.Error("finish run", "err", err)
			}
		} else {
			b.log.Info("report", "file", b.flags.report)
		}
	}
	b.log.Info("finished", "seen", b.seen, "stored", b.stored, "skipped", b.skipped, "failed", b.failed, "ignored", b.ignored,
		"peak_rss_mb", peakRSSMB())
	msg := fmt.Sprintf("newsclaims ingest: %d seen, %d stored, %d already stored, %d failed, %d ignored",
		b.seen, b.stored, b.skipped, b.failed, b.ignored)
	if interrupted {
		msg += " (interrupted)"
	}
	fmt.Fprintln(b.env.stderr, msg)
	return code
}

// pipeline reads the files in order on one goroutine (reading is a small
// share of the work), extracts their articles on b.flags.workers
// goroutines, and stores them on this one in input order, so article ids
// are stable from run to run. The unit of work is an article, not a file:
// one large JSON-lines file uses every core. At most 4*workers articles
// are in flight, so memory does not grow with the batch.
func (b *batch) pipeline(ctx context.Context, db *store.DB, x *extract.Extractor, runID int64, files []string) {
	type job struct {
		it  item
		out chan item
	}
	jobs := make(chan job)
	order := make(chan chan item, 4*b.flags.workers)
	var wg sync.WaitGroup
	for range b.flags.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- b.extractItem(ctx, db, x, j.it)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for _, p := range files {
			if ctx.Err() != nil {
				return
			}
			b.readFile(ctx, p, func(it item) {
				out := make(chan item, 1)
				order <- out
				jobs <- job{it, out}
			})
			end := make(chan item, 1)
			end <- item{fileEnd: true}
			order <- end
		}
	}()
	prog := newProgress(b.env.stderr, b.flags.progress, len(files))
	for out := range order {
		it := <-out
		switch {
		case it.fileEnd:
			prog.step()
		case ctx.Err() != nil:
			// drain; nothing more is stored once interrupted
		default:
			b.write(ctx, db, runID, it)
		}
	}
	b.flush(ctx, db, runID)
	prog.done()
	wg.Wait()
}

// readFile reads one file and passes each article (or broken record, or
// the file's own error) to emit, in file order.
func (b *batch) readFile(ctx context.Context, path string, emit func(item)) {
	opt := ingest.Options{MaxBytes: b.flags.maxBytes, Published: b.flags.published}
	fn := func(rec ingest.Record) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		emit(item{source: rec.Source, art: rec.Article, err: rec.Err})
		return nil
	}
	var err error
	if path == "-" {
		err = ingest.Read("-", b.env.stdin, opt, fn)
	} else {
		err = ingest.ReadFile(path, opt, fn)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		emit(item{source: path, err: err})
	}
}

// extractItem skips content already stored and extracts the rest.
func (b *batch) extractItem(ctx context.Context, db *store.DB, x *extract.Extractor, it item) item {
	if it.err != nil {
		return it
	}
	if n := int64(len(it.art.Text)); b.flags.maxArticle > 0 && n > b.flags.maxArticle {
		it.err = fmt.Errorf("article text is %d bytes, more than --max-article-bytes %d: refused", n, b.flags.maxArticle)
		return it
	}
	sum := sha256.Sum256([]byte(it.art.Text))
	it.sha = hex.EncodeToString(sum[:])
	known, err := db.HasContent(ctx, it.sha)
	switch {
	case err != nil:
		it.err = err
	case known:
		it.known = true
	default:
		start := time.Now()
		actx, cancel := b.articleContext(ctx, start)
		it.res, err = processContext(actx, x, it.art, false)
		cancel()
		it.dur = time.Since(start)
		if err != nil && ctx.Err() == nil {
			it.err = b.abandoned("extracting", err)
		}
	}
	return it
}

// articleContext is ctx with the article's deadline, start plus
// --article-timeout (none when it is 0).
func (b *batch) articleContext(ctx context.Context, start time.Time) (context.Context, context.CancelFunc) {
	if b.flags.articleTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithDeadline(ctx, start.Add(b.flags.articleTimeout))
}

// abandoned is the error recorded for an article over its deadline.
func (b *batch) abandoned(stage string, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("abandoned while %s: took longer than --article-timeout %v", stage, b.flags.articleTimeout)
	}
	return err
}

func (b *batch) write(ctx context.Context, db *store.DB, runID int64, it item) {
	b.seen++
	if it.err != nil {
		b.fail(ctx, db, runID, it.source, it.err)
		return
	}
	if it.known {
		b.skipped++
		b.log.Debug("already stored", "source", it.source)
		return
	}
	// The batch transaction outlives a signal (the articles already saved
	// in it are whole, and committed at the end); the article itself is
	// saved under ctx and what is left of --article-timeout, and rolled
	// back when either ends first (Batch.Save).
	wctx := context.WithoutCancel(ctx)
	if b.cur == nil {
		cur, err := db.Begin(wctx)
		if err != nil {
			b.fail(ctx, db, runID, it.source, err)
			return
		}
		b.cur, b.curStart = cur, time.Now()
	}
	// The article's time left after extraction, from now: time spent
	// waiting for the articles before it is not its own.
	actx, cancel := context.WithCancel(ctx)
	if b.flags.articleTimeout > 0 {
		actx, cancel = context.WithTimeout(ctx, b.flags.articleTimeout-it.dur)
	}
	id, inserted, err := b.cur.Save(actx, it.art, it.res, Version)
	cancel()
	if err != nil && ctx.Err() != nil {
		b.log.Info("interrupted", "source", it.source)
		return // not stored; the next run stores it
	}
	if err != nil {
		b.fail(ctx, db, runID, it.source, b.abandoned("storing", err))
		return
	}
	if !inserted {
		b.skipped++
		return
	}
	b.stored++
	b.log.Info("stored", "source", it.source, "article_id", id, "entities", len(it.res.Entities),
		"claims", len(it.res.Claims), "extract_ms", it.dur.Milliseconds())
	if b.cur.Len() >= batchArticles || time.Since(b.curStart) >= batchWait {
		b.flush(ctx, db, runID)
	}
}

// Articles are committed in batches of at most batchArticles, or after
// batchWait: SQLite and FTS5 then write their pages once per batch. A
// kill loses at most one batch, which the next run stores again.
const (
	batchArticles = 128
	batchWait     = time.Second
)

// flush commits the open batch, if any. A failed commit fails every
// article of the batch.
func (b *batch) flush(ctx context.Context, db *store.DB, runID int64) {
	if b.cur == nil {
		return
	}
	cur := b.cur
	b.cur = nil
	if err := cur.Commit(); err != nil {
		b.stored -= cur.Len()
		b.failed += cur.Len()
		fmt.Fprintf(b.env.stderr, "newsclaims ingest: %v\n", err)
		if rerr := db.RecordError(context.WithoutCancel(ctx), "(batch)", err.Error(), runID); rerr != nil {
			b.log.Error("record error", "err", rerr)
		}
	}
}

func (b *batch) fail(ctx context.Context, db *store.DB, runID int64, source string, err error) {
	b.flush(ctx, db, runID) // the error row is written outside the batch
	b.failed++
	fmt.Fprintf(b.env.stderr, "newsclaims ingest: %s: %v\n", source, err)
	if rerr := db.RecordError(context.WithoutCancel(ctx), source, err.Error(), runID); rerr != nil {
		b.log.Error("record error", "source", source, "err", rerr)
	}
}

// reprocess re-extracts stored articles of an older pipeline version.
func (b *batch) reprocess(ctx context.Context, db *store.DB, x *extract.Extractor) error {
	arts, err := db.ArticlesOlderThan(ctx, Version)
	if err != nil {
		return err
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	for _, a := range arts {
		if ctx.Err() != nil {
			return nil
		}
		res, err := processContext(ctx, x, a.Article, false)
		if err != nil {
			return nil // interrupted
		}
		if err := db.ReplaceExtraction(ctx, a.ID, res, Version); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("article %d: %w", a.ID, err)
		}
		b.log.Info("reprocessed", "article_id", a.ID, "claims", len(res.Claims))
	}
	return nil
}

// lockDB takes an exclusive lock on DB.lock so that two batches never run
// at once. With wait, it blocks until the other run ends.
func lockDB(dbPath string, wait bool) (func(), error) {
	if dbPath == ":memory:" {
		return func() {}, nil
	}
	lp := dbPath + ".lock"
	f, err := os.OpenFile(lp, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", lp, err)
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another newsclaims ingest is running on %s (lock %s); use --wait to wait for it", dbPath, lp)
		}
		return nil, fmt.Errorf("lock %s: %w", lp, err)
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

// progress prints "files done/total" on one line of a terminal.
type progress struct {
	w     io.Writer
	on    bool
	total int
	n     int
}

func newProgress(w io.Writer, mode string, total int) *progress {
	on := mode == "always" || mode == "auto" && isTerminal(w)
	return &progress{w: w, on: on, total: total}
}

func (p *progress) step() {
	p.n++
	if p.on {
		fmt.Fprintf(p.w, "\r%d/%d files", p.n, p.total)
	}
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintln(p.w)
	}
}

// memoryLimit is the soft memory limit to set for a batch, in bytes, and
// whether to set one: the flag when given, else $GOMEMLIMIT when set (the
// runtime has read it already), else the default; 0 MB sets none.
func memoryLimit(fset *flag.FlagSet, mb int64, getenv func(string) string) (int64, bool) {
	given := false
	fset.Visit(func(fl *flag.Flag) { given = given || fl.Name == "memory-limit-mb" })
	if !given && getenv("GOMEMLIMIT") != "" {
		return 0, false
	}
	if mb == 0 {
		return math.MaxInt64, true
	}
	return mb << 20, true
}

// peakRSSMB is this process's peak resident memory in MB. It reads VmHWM
// from /proc/self/status: getrusage's maxrss also keeps the peak of the
// memory the process had before exec, which for a child started by Go
// (vfork) is its parent's (a 200 MB run reported 246 MB under a parent
// holding prose's model).
func peakRSSMB() float64 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				if kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB")); err == nil {
					return float64(kb) / 1024
				}
			}
		}
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Maxrss) / 1024
}
