package store

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

var dump = flag.Bool("dump", false, "keep test databases as files in the test's temp dir and log their paths")

// mustOpenDB opens a fresh in-memory database (a file with -dump) with a
// fixed clock.
func mustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	path := ":memory:"
	if *dump {
		path = filepath.Join(tb.TempDir(), "dump.db")
		tb.Logf("database: %s", path)
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	db.Now = fixedClock
	tb.Cleanup(func() { db.Close() })
	return db
}

func fixedClock() time.Time { return time.Date(2021, 8, 11, 6, 0, 0, 0, time.UTC) }

// builder makes hand-built extraction results for a text, finding spans by
// the n-th occurrence of a string. (Tests only: the extractor never
// re-finds text.)
type builder struct {
	tb   testing.TB
	text string
}

// at returns the byte span of the n-th (0-based) occurrence of sub.
func (b builder) at(sub string, n int) extract.Span {
	b.tb.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(b.text[from:], sub)
		if j < 0 {
			b.tb.Fatalf("%q: occurrence %d not in text", sub, n)
		}
		if i == n {
			return extract.Span{Start: from + j, End: from + j + len(sub)}
		}
		from += j + len(sub)
	}
}

func (b builder) entity(kind, sub, norm string) extract.Entity {
	b.tb.Helper()
	return extract.Entity{Kind: kind, Span: b.at(sub, 0), Text: sub, Norm: norm}
}

func (b builder) place(sub, norm, country, typ string) extract.Entity {
	e := b.entity(extract.KindPlace, sub, norm)
	e.Country, e.Type = country, typ
	return e
}

func (b builder) number(sub string, n int, v float64, q string) extract.Entity {
	return extract.Entity{Kind: extract.KindNumber, Span: b.at(sub, n), Text: sub, Value: &v, Qualifier: q}
}

func (b builder) arg(role, sub string, n int, norm string) extract.Arg {
	b.tb.Helper()
	return extract.Arg{Role: role, Span: b.at(sub, n), Text: sub, Norm: norm}
}

func (b builder) num(role, sub string, n int, v float64, q string) extract.Arg {
	a := b.arg(role, sub, n, "")
	a.Value, a.Qualifier = &v, q
	return a
}

func (b builder) claim(kind, rule, evidence string, args ...extract.Arg) extract.Claim {
	b.tb.Helper()
	return extract.Claim{Kind: kind, Rule: rule, Certainty: extract.Reported, Span: b.at(evidence, 0), Text: evidence, Args: args}
}

// blocks splits the text into paragraph blocks at blank lines, the first
// one a title.
func (b builder) blocks() []ingest.Block {
	var blocks []ingest.Block
	start := 0
	for i, p := range strings.Split(b.text, "\n\n") {
		kind := ingest.BlockParagraph
		if i == 0 {
			kind = ingest.BlockTitle
		}
		blocks = append(blocks, ingest.Block{Kind: kind, Start: start, End: start + len(p)})
		start += len(p) + 2
	}
	return blocks
}

// The two articles below are shaped like the seeds: the same UNICEF figure
// in both, and Kunduz's population stated differently. Curly quotes, em and
// en dashes and no-break spaces (U+00A0) come before most spans, so a
// byte/code-point mix-up moves them.

const textA = "Kunduz\u00a0— the Taliban’s “prize”\n\n" +
	"With a population of more than 340,000 people, Kunduz is one of the country’s major towns.\n\n" +
	"On Monday, UNICEF said at least 27 children have been killed in the last three days\u00a0— including 20 in Kandahar.\n\n" +
	"Mayor Jane Doe said “the city has fallen.”"

const textB = "Taliban seize Kunduz – “a military prize”\n\n" +
	"The insurgents seized Kunduz on Sunday\u00a0– the first major city to fall. With a population of 375,000, Kunduz is a significant military prize.\n\n" +
	"At least 27 children have been killed and 136 injured over the past 72 hours in Afghanistan, UNICEF said in a statement Monday."

func articleA(tb testing.TB) (ingest.Article, extract.Result) {
	b := builder{tb, textA}
	a := ingest.Article{SourcePath: "a.txt", Format: "text", Title: "Kunduz — the Taliban’s “prize”",
		Publisher: "Example Times", Language: "en", PublishedAt: "2021-08-10", Text: textA, Blocks: b.blocks()}
	jane := b.entity(extract.KindPerson, "Jane Doe", "Jane Doe")
	jane.Type = "Mayor"
	r := extract.Result{
		Entities: []extract.Entity{
			b.place("Kunduz", "Kunduz", "AF", "city"),
			b.number("340,000", 0, 340000, extract.QualMoreThan),
			b.entity(extract.KindDate, "Monday", "2021-08-09"),
			b.entity(extract.KindOrganization, "UNICEF", "UNICEF"),
			b.number("27", 0, 27, extract.QualAtLeast),
			b.number("20", 0, 20, extract.QualExact),
			b.place("Kandahar", "Kandahar", "AF", "division"),
			jane,
		},
		Claims: []extract.Claim{
			b.claim("quantity", "quantity.population", "With a population of more than 340,000 people, Kunduz is one of the country’s major towns.",
				b.arg("subject", "Kunduz", 1, "Kunduz"),
				b.arg("attribute", "population", 0, "population"),
				b.num("value", "more than 340,000", 0, 340000, extract.QualMoreThan),
				b.arg("unit", "people", 0, "")),
			b.claim("casualty", "casualty.killed_passive", "On Monday, UNICEF said at least 27 children have been killed in the last three days\u00a0— including 20 in Kandahar.",
				b.num("count", "at least 27", 0, 27, extract.QualAtLeast),
				b.arg("victims", "children", 0, "children"),
				b.arg("outcome", "killed", 0, "killed"),
				b.arg("time", "Monday", 0, "2021-08-09"),
				b.arg("source", "UNICEF", 0, "UNICEF")),
			b.claim("casualty", "casualty.including", "including 20 in Kandahar",
				b.num("count", "20", 0, 20, extract.QualExact),
				b.arg("victims", "children", 0, "children"),
				b.arg("outcome", "killed", 0, "killed"),
				b.arg("place", "Kandahar", 0, "Kandahar"),
				b.arg("time", "Monday", 0, "2021-08-09"),
				b.arg("source", "UNICEF", 0, "UNICEF")),
			b.claim("role", "officials.title", "Mayor Jane Doe",
				b.arg("person", "Jane Doe", 0, "Jane Doe"),
				b.arg("title", "Mayor", 0, "mayor")),
			b.claim("statement", "statement.said_quote", "Mayor Jane Doe said “the city has fallen.”",
				b.arg("speaker", "Jane Doe", 0, "Jane Doe"),
				b.arg("content", "the city has fallen.", 0, "")),
		},
	}
	return a, r
}

func articleB(tb testing.TB) (ingest.Article, extract.Result) {
	b := builder{tb, textB}
	a := ingest.Article{SourcePath: "b.html", Format: "html", URL: "https://example.org/b", Title: "Taliban seize Kunduz",
		PublishedAt: "2021-08-10T14:05:00Z", Text: textB, Blocks: b.blocks()}
	r := extract.Result{
		Entities: []extract.Entity{
			b.place("Kunduz", "Kunduz", "AF", "city"),
			b.entity(extract.KindDate, "Sunday", "2021-08-08"),
			b.number("375,000", 0, 375000, extract.QualExact),
			b.number("At least 27", 0, 27, extract.QualAtLeast),
			b.number("136", 0, 136, extract.QualExact),
			b.place("Afghanistan", "Afghanistan", "AF", "country"),
			b.entity(extract.KindOrganization, "UNICEF", "UNICEF"),
			b.entity(extract.KindDate, "Monday", "2021-08-09"),
		},
		Claims: []extract.Claim{
			b.claim("capture", "capture.seized", "The insurgents seized Kunduz on Sunday\u00a0– the first major city to fall.",
				b.arg("actor", "insurgents", 0, "Taliban"),
				b.arg("place", "Kunduz", 1, "Kunduz"),
				b.arg("time", "Sunday", 0, "2021-08-08")),
			b.claim("quantity", "quantity.population", "With a population of 375,000, Kunduz is a significant military prize.",
				b.arg("subject", "Kunduz", 2, "Kunduz"),
				b.arg("attribute", "population", 0, "population"),
				b.num("value", "375,000", 0, 375000, extract.QualExact)),
			b.claim("casualty", "casualty.killed_passive", "At least 27 children have been killed and 136 injured over the past 72 hours in Afghanistan, UNICEF said in a statement Monday.",
				b.num("count", "At least 27", 0, 27, extract.QualAtLeast),
				b.arg("victims", "children", 0, "children"),
				b.arg("outcome", "killed", 0, "killed"),
				b.arg("place", "Afghanistan", 0, "Afghanistan"),
				b.arg("source", "UNICEF", 0, "UNICEF"),
				b.arg("time", "Monday", 0, "2021-08-09")),
			b.claim("casualty", "casualty.injured_passive", "At least 27 children have been killed and 136 injured over the past 72 hours in Afghanistan, UNICEF said in a statement Monday.",
				b.num("count", "136", 0, 136, extract.QualExact),
				b.arg("victims", "children", 0, "children"),
				b.arg("outcome", "injured", 0, "injured"),
				b.arg("place", "Afghanistan", 0, "Afghanistan"),
				b.arg("source", "UNICEF", 0, "UNICEF"),
				b.arg("time", "Monday", 0, "2021-08-09")),
		},
	}
	return a, r
}

// mustSave saves an article and fails the test on error or duplicate.
func mustSave(tb testing.TB, db *DB, a ingest.Article, r extract.Result) int64 {
	tb.Helper()
	id, inserted, err := db.SaveArticle(context.Background(), a, r, "0.1.0")
	if err != nil {
		tb.Fatal(err)
	}
	if !inserted {
		tb.Fatalf("%s: not inserted", a.SourcePath)
	}
	return id
}

// count runs a count query.
func count(tb testing.TB, db *DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.SQL().QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

// ingestArticle is a one-paragraph article.
func ingestArticle(path, text, published string) ingest.Article {
	return ingest.Article{SourcePath: path, Format: "text", PublishedAt: published, Text: text,
		Blocks: []ingest.Block{{Kind: ingest.BlockParagraph, Start: 0, End: len(text)}}}
}
