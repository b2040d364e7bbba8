package report

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
)

func fixedNow() time.Time { return time.Date(2021, 8, 11, 6, 0, 0, 0, time.UTC) }

// evilArticle has markup and script-ending text in its title, publisher,
// URL and evidence.
func evilArticle() (ingest.Article, extract.Result) {
	text := "At least 12 people were killed in Kabul </script><script>alert(1)</script><!-- <img src=x onerror=alert(1)>."
	v := 12.0
	cnt := extract.Span{Start: 0, End: len("At least 12")}
	place := extract.Span{Start: strings.Index(text, "Kabul"), End: strings.Index(text, "Kabul") + len("Kabul")}
	a := ingest.Article{SourcePath: "evil.txt", Format: "text", Title: "T </script><script>alert(1)</script>",
		Publisher: "<b>P</b>", URL: "javascript:alert(1)", PublishedAt: "2021-08-09", Text: text,
		Blocks: []ingest.Block{{Kind: ingest.BlockParagraph, Start: 0, End: len(text)}}}
	r := extract.Result{
		Entities: []extract.Entity{{Kind: extract.KindNumber, Span: cnt, Text: "At least 12", Value: &v, Qualifier: extract.QualAtLeast},
			{Kind: extract.KindPlace, Span: place, Text: "Kabul", Norm: "Kabul", Country: "AF", Type: "city", Lat: new(34.5), Lon: new(69.2)}},
		Claims: []extract.Claim{{Kind: "casualty", Rule: "test", Certainty: "reported", Span: extract.Span{Start: 0, End: len(text)}, Text: text,
			Args: []extract.Arg{{Role: "count", Span: cnt, Text: "At least 12", Value: &v, Qualifier: extract.QualAtLeast},
				{Role: "place", Span: place, Text: "Kabul", Norm: "Kabul"}}}},
	}
	return a, r
}

func openDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.Now = fixedNow
	t.Cleanup(func() { db.Close() })
	return db
}

// pageData is the JSON the page's script reads, parsed back.
func pageData(t *testing.T, html string) PageData {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="report-data">(.*?)</script>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no report-data script element")
	}
	var p PageData
	if err := json.Unmarshal([]byte(m[1]), &p); err != nil {
		t.Fatalf("report data: %v", err)
	}
	return p
}

// TestWriteEscapes: text of an article cannot end the data element, open
// a comment or become markup; the data still round-trips; a javascript:
// URL is no link.
func TestWriteEscapes(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	a, r := evilArticle()
	if _, _, err := db.SaveArticle(ctx, a, r, "test"); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordError(ctx, "<script>alert(2)</script>.html", "no body </script>", 0); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(ctx, db.SQL(), Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	if n := strings.Count(strings.ToLower(html), "</script"); n != 2 {
		t.Errorf("%d </script in the page, want the 2 of its own script elements", n)
	}
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>P</b>", "<!-- <img", "javascript:"} {
		if strings.Contains(html, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	p := pageData(t, html)
	if len(p.Rows) != 1 {
		t.Fatalf("%d rows, want 1", len(p.Rows))
	}
	var ev string
	for _, s := range p.Rows[0].Ev {
		ev += s[0]
	}
	if ev != r.Claims[0].Text {
		t.Errorf("evidence round trip: %q, want %q", ev, r.Claims[0].Text)
	}
	if got := p.Articles[0]; got[0] != a.Title || got[3] != "" {
		t.Errorf("article %q: want the title as stored and no URL", got)
	}
	if len(p.Places) != 1 || p.Places[0][0] != "Kabul" || p.Places[0][2] != 34.5 {
		t.Errorf("places %v", p.Places)
	}
}

func TestSegments(t *testing.T) {
	text := "“27 children” were killed in Kandahar"
	got := segments(text, []span{{29, 37, "place"}, {1, 12, "victims"}, {1, 3, "count"}, {20, 50, "bad"}})
	want := [][]string{{"“"}, {"27 children", "victims"}, {"” were killed in "}, {"Kandahar", "place"}}
	if len(got) != len(want) {
		t.Fatalf("segments %q, want %q", got, want)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("segment %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 27: "27", 1234567: "1,234,567", 2.5: "2.5", -1000: "-1,000", 340000: "340,000"} {
		if got := FormatNumber(v); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestScopeAndCaps: by default the report covers the last run that stored
// articles; row caps are stated in the page.
func TestScopeAndCaps(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	rng := rand.New(rand.NewPCG(1, 2))
	places := scalePlaces(rng)
	clock := time.Date(2021, 8, 11, 6, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return clock }
	save := func(from, to int) {
		id, err := db.StartRun(ctx, "test", "", "")
		if err != nil {
			t.Fatal(err)
		}
		for i := from; i < to; i++ {
			a, r := scaleArticle(t, rng, places, i)
			if _, _, err := db.SaveArticle(ctx, a, r, "test"); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.FinishRun(ctx, id, store.RunCounts{Seen: to - from, Stored: to - from}, 0); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(time.Hour)
	}
	save(0, 30)
	save(30, 50)
	save(50, 50) // stores nothing: the report covers the run before
	rep, err := Build(ctx, db.SQL(), Options{Now: fixedNow, RowLimit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Run == nil || rep.Run.ID != 2 || rep.Articles != 20 || rep.ClaimCount != 80 {
		t.Fatalf("scope %q: run %+v, %d articles, %d claims; want run 2, 20 articles, 80 claims", rep.Scope, rep.Run, rep.Articles, rep.ClaimCount)
	}
	if !strings.Contains(rep.Scope, "run 3 stored none") {
		t.Errorf("scope %q does not say the last run stored nothing", rep.Scope)
	}
	if len(rep.Page.Rows) != 10 || rep.Page.RowsTotal != 80 || len(rep.LeftOut) == 0 {
		t.Errorf("%d rows of %d, left out %q: want 10 of 80 and a note", len(rep.Page.Rows), rep.Page.RowsTotal, rep.LeftOut)
	}
	n := 0
	for _, c := range rep.Page.Cells {
		n += c[4]
	}
	if n != 80 {
		t.Errorf("cells count %d claims, want 80", n)
	}
	// Country totals on the first group of each country.
	sums := map[string]int{}
	totals := map[string]*CountryTotal{}
	for _, g := range rep.Casualties {
		sums[g.Country] += g.Claims
		if g.Total != nil {
			totals[g.Country] = g.Total
		}
	}
	for c, n := range sums {
		if totals[c] == nil || totals[c].Claims != n {
			t.Errorf("country %s: total %+v, want %d claims", c, totals[c], n)
		}
	}
	all, err := Build(ctx, db.SQL(), Options{Now: fixedNow, All: true})
	if err != nil {
		t.Fatal(err)
	}
	if all.Articles != 50 || all.ClaimCount != 200 {
		t.Errorf("--all: %d articles, %d claims, want 50 and 200", all.Articles, all.ClaimCount)
	}
	kind, err := Build(ctx, db.SQL(), Options{Now: fixedNow, All: true, Kind: "casualty", Place: places[0].name})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range kind.Page.Rows {
		if kind.Page.Kinds[r.F[1]] != "casualty" || kind.Page.Places[r.F[3]][0] != places[0].name {
			t.Errorf("kind and place filter let through %v", r)
		}
	}
	if _, err := Build(ctx, db.SQL(), Options{Since: "2021-13-01"}); err == nil {
		t.Error("a bad date is accepted")
	}
}

// TestEmptyDatabase: a database with nothing stored still gives a page.
func TestEmptyDatabase(t *testing.T) {
	db := openDB(t)
	rep, err := Build(context.Background(), db.SQL(), Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	p := pageData(t, buf.String())
	if strings.Contains(buf.String(), ":null") {
		t.Error("the page data holds a null table; the script iterates them")
	}
	if rep.ClaimCount != 0 || len(p.Rows) != 0 || len(p.Cells) != 0 || !strings.Contains(rep.Scope, "no run") {
		t.Errorf("empty database: %d claims, %d rows, %d cells, scope %q", rep.ClaimCount, len(p.Rows), len(p.Cells), rep.Scope)
	}
}
