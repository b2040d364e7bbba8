package store

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

var scaleArticles = flag.Int("scale-articles", 2000, "articles in the database of BenchmarkAnalystQueries")

var scalePlaces = []struct{ name, country, typ string }{
	{"Kandahar", "AF", "division"}, {"Helmand", "AF", "division"}, {"Kunduz", "AF", "city"}, {"Kabul", "AF", "city"},
	{"Afghanistan", "AF", "country"}, {"Herat", "AF", "city"}, {"Mosul", "IQ", "city"}, {"Iraq", "IQ", "country"},
	{"Aleppo", "SY", "city"}, {"Idlib", "SY", "division"}, {"Syria", "SY", "country"}, {"Mariupol", "UA", "city"},
	{"Kharkiv", "UA", "city"}, {"Ukraine", "UA", "country"}, {"Khartoum", "SD", "city"}, {"Darfur", "SD", "region"},
	{"Gaza", "PS", "region"}, {"Sanaa", "YE", "city"}, {"Marib", "YE", "city"}, {"Tigray", "ET", "division"},
}

var scaleSources = []string{"UNICEF", "the United Nations", "Reuters", "the health ministry", "local officials",
	"the Red Cross", "witnesses", "the governor", "the army", "Amnesty International"}

var scaleSpeakers = []string{"Jane Doe", "John Roe", "Amina Khan", "Sher Ali Shakir", "Mohammad Noor Rahmani",
	"Hayatullah Samangani", "Mahboba Rahmat", "Ned Price", "Zabihullah Mujahid", "Ashraf Ghani"}

// scaleArticle builds article i of a varied corpus with a hand-built
// extraction: a casualty claim, a statement with a role, a quantity.
func scaleArticle(tb testing.TB, rng *rand.Rand, i int) (ingest.Article, extract.Result) {
	p := scalePlaces[rng.IntN(len(scalePlaces))]
	town := scalePlaces[rng.IntN(len(scalePlaces))]
	src := scaleSources[rng.IntN(len(scaleSources))]
	sp := scaleSpeakers[rng.IntN(len(scaleSpeakers))]
	n := 1 + rng.IntN(200)
	// Sources disagree on a town's population, but with a few figures,
	// not a new one each time: two values per town.
	pop := 10000 * (1 + len(town.name)*7%50)
	if rng.IntN(4) == 0 {
		pop = pop * 11 / 10
	}
	date := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(365)).Format("2006-01-02")
	text := fmt.Sprintf("Report %d\u00a0— “fighting continues”\n\n"+
		"At least %d people were killed in %s on %s, %s said.\n\n"+
		"Governor %s said “the situation is grave.”\n\n"+
		"With a population of %d, %s is a major town.", i, n, p.name, date, src, sp, pop, town.name)
	b := builder{tb, text}
	ns := fmt.Sprint(n)
	ps := fmt.Sprint(pop)
	a := ingest.Article{SourcePath: fmt.Sprintf("scale/%06d.txt", i), Format: "text", Title: fmt.Sprintf("Report %d", i),
		PublishedAt: date, Text: text, Blocks: b.blocks()}
	count := b.number("At least "+ns, 0, float64(n), extract.QualAtLeast)
	popSpan := b.at("population of "+ps, 0)
	popNum := extract.Entity{Kind: extract.KindNumber, Span: extract.Span{Start: popSpan.End - len(ps), End: popSpan.End},
		Text: ps, Value: new(float64(pop)), Qualifier: extract.QualExact}
	r := extract.Result{
		Entities: []extract.Entity{
			count,
			b.place(p.name, p.name, p.country, p.typ),
			b.entity(extract.KindDate, date, date),
			b.entity(extract.KindPerson, sp, sp),
			popNum,
		},
		Claims: []extract.Claim{
			b.claim("casualty", "casualty.killed_passive", fmt.Sprintf("At least %d people were killed in %s on %s, %s said.", n, p.name, date, src),
				b.num("count", "At least "+ns, 0, float64(n), extract.QualAtLeast),
				b.arg("victims", "people", 0, "people"),
				b.arg("outcome", "killed", 0, "killed"),
				b.arg("place", p.name, 0, p.name),
				b.arg("time", date, 0, date),
				b.arg("source", src, 0, src)),
			b.claim("role", "officials.title", "Governor "+sp,
				b.arg("person", sp, 0, sp), b.arg("title", "Governor", 0, "governor")),
			b.claim("statement", "statement.said_quote", fmt.Sprintf("Governor %s said “the situation is grave.”", sp),
				b.arg("speaker", sp, 0, sp), b.arg("content", "the situation is grave.", 0, "")),
			b.claim("quantity", "quantity.population", fmt.Sprintf("With a population of %d, %s is a major town.", pop, town.name),
				b.arg("subject", town.name, 0, town.name), b.arg("attribute", "population", 0, "population"),
				extract.Arg{Role: "value", Span: popNum.Span, Text: ps, Value: popNum.Value, Qualifier: extract.QualExact}),
		},
	}
	if town.name == p.name { // the town's second mention
		r.Claims[3].Args[0] = b.arg("subject", town.name, 1, town.name)
	}
	return a, r
}

// BenchmarkAnalystQueries builds a database of -scale-articles articles
// (default 2000; issue 7 asks for 100000) and times the analysts' queries.
func BenchmarkAnalystQueries(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "scale.db")
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(7, 11))
	start := time.Now()
	for i := range *scaleArticles {
		a, r := scaleArticle(b, rng, i)
		if _, _, err := db.SaveArticle(ctx, a, r, "0.1.0"); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d articles in %v", *scaleArticles, time.Since(start))
	if _, err := db.SQL().Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	queries := []struct {
		name string
		q    string
		args []any
	}{
		{"casualties by place and date range", `SELECT * FROM casualty_claims
			WHERE place_norm = ? AND event_date BETWEEN ? AND ? AND source_norm = ?`,
			[]any{"Kandahar", "2021-08-01", "2021-08-31", "UNICEF"}},
		{"statements by speaker", `SELECT * FROM statements WHERE speaker_norm = ? LIMIT 100`, []any{"Ned Price"}},
		{"full-text search", "", nil},
		{"claims of one article", `SELECT * FROM claims WHERE article_id = ?`, []any{*scaleArticles / 2}},
		{"corroborations of one claim", `SELECT * FROM corroborations WHERE claim_a = ?`, []any{*scaleArticles}},
		{"contradictions about one subject", `SELECT * FROM contradictions WHERE key = ? LIMIT 100`, []any{"population|subject=kabul"}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if q.q == "" {
					if _, err := db.Search(ctx, "grave Kandahar", 20); err != nil {
						b.Fatal(err)
					}
					continue
				}
				rows, err := db.SQL().QueryContext(ctx, q.q, q.args...)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
			}
		})
	}
}
