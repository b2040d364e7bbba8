package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// requireBrowser makes a missing Chromium a failure instead of a skip
// (.ci/run sets it, after installing Chromium).
const requireBrowser = "NEWSCLAIMS_REQUIRE_BROWSER"

// chromium finds the browser: $NEWSCLAIMS_CHROMIUM, else chromium on PATH.
// Without one the test skips, or fails when $NEWSCLAIMS_REQUIRE_BROWSER is
// set.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NEWSCLAIMS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium on PATH (apt-get install --no-install-recommends chromium, or set NEWSCLAIMS_CHROMIUM): the report is not tested in a browser"
	if os.Getenv(requireBrowser) != "" {
		t.Fatalf("%s, and %s is set", msg, requireBrowser)
	}
	t.Skip(msg)
	return ""
}

// page is a report open in headless Chromium, with the errors its console
// reported.
type page struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func (p *page) consoleErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// openPage starts Chromium with the flags a container needs and opens the
// file, collecting console errors and uncaught exceptions.
func openPage(t *testing.T, file string, width, height int) *page {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 45*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	p := &page{ctx: ctx}
	// Start the browser and its tab, then subscribe before navigating so
	// that no message of the page is lost.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				p.mu.Lock()
				p.errors = append(p.errors, m.String())
				p.mu.Unlock()
			}
		}
	}()
	url := "file://" + file
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady("#claim-rows")); err != nil {
		t.Fatalf("open %s in Chromium: %v", url, err)
	}
	return p
}

// check fails on console errors, and on anything the page loaded besides
// itself: it must work offline.
func (p *page) check(t *testing.T) {
	t.Helper()
	var loaded []string
	p.eval(t, `performance.getEntriesByType('resource').map(e => e.name)`, &loaded)
	for _, r := range loaded {
		t.Errorf("the page loaded %s", r)
	}
	for _, e := range p.consoleErrors() {
		t.Errorf("console: %s", e)
	}
}

func (p *page) eval(t *testing.T, js string, out any) {
	t.Helper()
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("evaluate %s: %s: %v", js, raw, err)
	}
}

// set changes a filter input as a person would: a new value and an input
// event.
func (p *page) set(t *testing.T, id, value string) {
	t.Helper()
	var ok bool
	p.eval(t, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q;
		e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`, id, value), &ok)
}

// listed is the number of claims the page says pass its filters, and
// the rows it shows on the first page.
func (p *page) listed(t *testing.T) (matching, shown int) {
	t.Helper()
	var s string
	p.eval(t, `document.getElementById('f-count').textContent`, &s)
	if _, err := fmt.Sscanf(strings.ReplaceAll(s, ",", ""), "%d of", &matching); err != nil {
		t.Fatalf("claim count %q: %v", s, err)
	}
	p.eval(t, `document.querySelectorAll('#claim-rows tr.claim').length`, &shown)
	return matching, shown
}

// TestReportInBrowser opens the report of the seeds and the VOA stories in
// headless Chromium and checks the rendered page against SQL: one map
// point per place with coordinates, one timeline bar per day and event
// kind, filters that change the rows, and a console without errors.
func TestReportInBrowser(t *testing.T) {
	chromium(t) // skip early, before ingesting
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "news.db")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "../../seeds", "../../testdata/voa/stories.jsonl"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "report.html")
	if code, _, stderr := runCmd(t, "", "report", "--db", dbPath); code != exitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	db := openSQL(t, dbPath)
	// What SQL says, written here independently of store/report: a
	// claim's day is its event_date (the UTC date of the publication
	// time when it is the publication date); its place the first place
	// argument, named by norm (else text) in any case, and country.
	const from = `FROM claims c JOIN articles a ON a.id = c.article_id
		LEFT JOIN claim_args p ON p.claim_id = c.id AND p.role = 'place' AND p.ord = 0
		LEFT JOIN entities e ON e.id = p.entity_id`
	const day = `coalesce(CASE WHEN c.event_date = substr(a.published_at, 1, 10) AND length(a.published_at) > 10
		THEN date(a.published_at) END, c.event_date, date(a.published_at), '')`
	wantPoints := count(t, db, `SELECT count(DISTINCT lower(coalesce(p.norm, p.text)) || '|' || coalesce(p.country, e.country, '')) `+from+`
		WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL`)
	wantBars := count(t, db, `SELECT count(*) FROM (SELECT DISTINCT `+day+` AS d, c.kind `+from+`
		WHERE c.kind IN ('capture', 'casualty', 'attack', 'surrender', 'withdrawal') AND d != '')`)
	wantClaims := count(t, db, `SELECT count(*) FROM claims`)
	wantCasualties := count(t, db, `SELECT count(*) FROM claims WHERE kind = 'casualty'`)
	if wantPoints < 10 || wantBars < 10 || wantCasualties < 10 {
		t.Fatalf("too little to test: %d places, %d bars, %d casualty claims", wantPoints, wantBars, wantCasualties)
	}

	t.Logf("SQL: %d places with coordinates, %d (day, event kind) bars, %d claims, %d casualty claims", wantPoints, wantBars, wantClaims, wantCasualties)
	p := openPage(t, out, 1280, 1000)
	var points, bars int
	p.eval(t, `document.querySelectorAll('#map-points circle').length`, &points)
	p.eval(t, `document.querySelectorAll('#timeline-svg rect.bar').length`, &bars)
	if points != wantPoints {
		t.Errorf("map points: %d drawn, SQL says %d places with coordinates", points, wantPoints)
	}
	if bars != wantBars {
		t.Errorf("timeline bars: %d drawn, SQL says %d (day, event kind) pairs", bars, wantBars)
	}
	all, shown := p.listed(t)
	if all != wantClaims || shown != min(50, wantClaims) {
		t.Errorf("unfiltered: %d claims match and %d rows shown, want %d and %d", all, shown, wantClaims, min(50, wantClaims))
	}

	// Kind filter: the casualty claims only, every row a casualty.
	p.set(t, "f-kind", "casualty")
	n, shown := p.listed(t)
	if n != wantCasualties || shown != min(50, wantCasualties) {
		t.Errorf("kind=casualty: %d claims match and %d rows shown, want %d and %d", n, shown, wantCasualties, min(50, wantCasualties))
	}
	var kinds []string
	p.eval(t, `[...document.querySelectorAll('#claim-rows tr.claim td:nth-child(2)')].map(td => td.textContent)`, &kinds)
	for _, k := range kinds {
		if k != "casualty" {
			t.Errorf("kind=casualty shows a %q row", k)
		}
	}
	var casBars int
	p.eval(t, `document.querySelectorAll('#timeline-svg rect.bar').length`, &casBars)
	wantCasBars := count(t, db, `SELECT count(DISTINCT `+day+`) `+from+` WHERE c.kind = 'casualty' AND `+day+` != ''`)
	if casBars != wantCasBars {
		t.Errorf("kind=casualty: %d timeline bars, SQL says %d days", casBars, wantCasBars)
	}

	// A place from the map, then a word of the evidence.
	p.set(t, "f-kind", "")
	p.set(t, "f-place", "Afghanistan")
	wantAF := count(t, db, `SELECT count(*) `+from+` WHERE lower(coalesce(p.norm, p.text)) LIKE '%afghanistan%'`)
	if n, _ := p.listed(t); n != wantAF || n == 0 {
		t.Errorf("place=Afghanistan: %d claims match, SQL says %d", n, wantAF)
	}
	var afPoints int
	p.eval(t, `document.querySelectorAll('#map-points circle').length`, &afPoints)
	if afPoints != 1 {
		t.Errorf("place=Afghanistan: %d map points, want 1", afPoints)
	}
	p.set(t, "f-place", "")
	p.set(t, "f-q", "UNICEF")
	wantUNICEF := count(t, db, `SELECT count(*) FROM claims WHERE text LIKE '%unicef%'`)
	if n, _ := p.listed(t); n < wantUNICEF || n == 0 || n >= wantClaims {
		t.Errorf("search UNICEF: %d claims match, want at least the %d whose evidence says it", n, wantUNICEF)
	}

	p.check(t)
}

// TestReportInjection ingests an article whose title, publisher, URL and
// text hold </script>, comments, tags and event handlers, and a failed
// input whose name does, and checks in the browser that none of it ran or
// became markup: the page still parses its data and shows the text as
// text.
func TestReportInjection(t *testing.T) {
	chromium(t)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "news.db")
	evil := filepath.Join(dir, "evil.jsonl")
	rec := `{"url": "javascript:window.__pwned=1", "title": "Evil </script><script>window.__pwned=1</script> title",` +
		` "published": "2021-08-09T10:00:00Z", "publisher": "<b onmouseover=window.__pwned=1>Pub</b>",` +
		` "text": "At least 12 people were killed in Kabul on Monday </script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>, police said.\n\n` +
		`Governor Jane Doe said “<!-- </script> <script>window.__pwned=1</script> it is grave.”"}` + "\n"
	if err := os.WriteFile(evil, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "<img src=x onerror=window.__pwned=1>.html")
	if err := os.WriteFile(bad, []byte("<html><body></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", evil, bad)
	if code != exitFailed {
		t.Fatalf("ingest: exit %d, want %d (the empty page fails): %s", code, exitFailed, stderr)
	}
	out := filepath.Join(dir, "report.html")
	if code, _, stderr := runCmd(t, "", "report", "--db", dbPath, "-o", out); code != exitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	p := openPage(t, out, 1000, 800)
	var pwned bool
	p.eval(t, `window.__pwned === 1`, &pwned)
	if pwned {
		t.Fatal("a script from the article ran in the report")
	}
	var scripts, imgs, bolds int
	p.eval(t, `document.scripts.length`, &scripts)
	p.eval(t, `document.querySelectorAll('img').length`, &imgs)
	p.eval(t, `document.querySelectorAll('b[onmouseover]').length`, &bolds)
	if scripts != 2 || imgs != 0 || bolds != 0 {
		t.Errorf("the article's markup became elements: %d scripts (want the page's 2), %d img, %d b with a handler", scripts, imgs, bolds)
	}
	var rows int
	p.eval(t, `document.querySelectorAll('#claim-rows tr.claim').length`, &rows)
	if rows == 0 {
		t.Error("no claim rows: the data did not survive")
	}
	var text string
	p.eval(t, `document.getElementById('claim-rows').textContent`, &text)
	for _, want := range []string{"</script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>", "Evil </script><script>"} {
		if !strings.Contains(text, want) {
			t.Errorf("claim rows do not show %q as text", want)
		}
	}
	var links []string
	p.eval(t, `[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))`, &links)
	for _, l := range links {
		if !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
			t.Errorf("link to %q", l)
		}
	}
	var failed string
	p.eval(t, `document.getElementById('failed').textContent`, &failed)
	if !strings.Contains(failed, "<img src=x onerror=window.__pwned=1>.html") {
		t.Errorf("failed inputs do not show the file name as text: %q", failed)
	}
	p.check(t)
}

// TestReportEmptyInBrowser: a run that stored nothing but a failure gives
// a page that draws without errors and shows the failure.
func TestReportEmptyInBrowser(t *testing.T) {
	chromium(t)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "news.db")
	bad := filepath.Join(dir, "empty.html")
	if err := os.WriteFile(bad, []byte("<html><body></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.html")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", dbPath, "--log-format", "json", "--report", out, bad); code != exitFailed {
		t.Fatalf("ingest: exit %d, want %d: %s", code, exitFailed, stderr)
	}
	p := openPage(t, out, 800, 600)
	var timeline, failed string
	p.eval(t, `document.getElementById('timeline-chart').textContent`, &timeline)
	p.eval(t, `document.getElementById('failed').textContent`, &failed)
	if timeline != "No events match." || !strings.Contains(failed, "empty.html") {
		t.Errorf("empty report: timeline %q, failed inputs %q", timeline, failed)
	}
	p.check(t)
}
