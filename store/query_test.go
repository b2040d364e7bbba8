package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract"
)

func TestOffsets(t *testing.T) {
	tests := []struct {
		text       string
		start, end int // bytes
		cs, ce     int // code points
		ok         bool
	}{
		{"", 0, 0, 0, 0, true},
		{"abc", 1, 3, 1, 3, true},
		{"こんにちは", 3, 6, 1, 2, true},     // こ is bytes 0 to 3
		{"こんにちは", 1, 6, 0, 0, false},    // inside こ
		{"“Kunduz”", 3, 9, 1, 7, true},  // “ is 3 bytes
		{"a\u00a0b", 3, 4, 2, 3, true},  // no-break space is 2 bytes
		{"a\u00a0b", 2, 4, 0, 0, false}, // inside it
		{"a—b", 0, 5, 0, 3, true},       // em dash is 3 bytes
		{"a—b", 0, 6, 0, 0, false},      // past the end
		{"abc", -1, 2, 0, 0, false},     // negative
		{"abc", 2, 1, 0, 0, false},      // reversed
		{"e\u0301", 0, 3, 0, 2, true},   // combining accent: two code points
		{"😀x", 4, 5, 1, 2, true},        // 4-byte rune
		{"😀x", 2, 5, 0, 0, false},
	}
	for _, tt := range tests {
		o := newOffsets(tt.text)
		cs, ce, err := o.convert(tt.start, tt.end)
		if (err == nil) != tt.ok {
			t.Errorf("%q [%d,%d): err = %v, want ok = %v", tt.text, tt.start, tt.end, err, tt.ok)
			continue
		}
		if err != nil && !errors.Is(err, ErrSpan) {
			t.Errorf("%q [%d,%d): err = %v, want ErrSpan", tt.text, tt.start, tt.end, err)
		}
		if tt.ok && (cs != tt.cs || ce != tt.ce) {
			t.Errorf("%q [%d,%d) = [%d,%d), want [%d,%d)", tt.text, tt.start, tt.end, cs, ce, tt.cs, tt.ce)
		}
	}
}

// TestOffsetsRandom: for every rune boundary of random mixed-width text,
// the code point offset is the rune count of the prefix, and byteIndex
// maps it back.
func TestOffsetsRandom(t *testing.T) {
	runes := []rune("aZ 0\n“”‘’—–\u00a0éこ😀")
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var sb strings.Builder
		for range r.IntN(40) {
			sb.WriteRune(runes[r.IntN(len(runes))])
		}
		text := sb.String()
		o := newOffsets(text)
		idx := byteIndex(text)
		for b := 0; b <= len(text); b++ {
			c, ok := o.codePoint(b)
			boundary := b == len(text) || utf8.RuneStart(text[b])
			if ok != boundary {
				t.Fatalf("%q: byte %d: ok = %v, boundary = %v", text, b, ok, boundary)
			}
			if !ok {
				continue
			}
			if want := utf8.RuneCountInString(text[:b]); c != want {
				t.Fatalf("%q: byte %d -> %d, want %d", text, b, c, want)
			}
			if idx[c] != b {
				t.Fatalf("%q: code point %d -> byte %d, want %d", text, c, idx[c], b)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db, idA, idB := seedLike(t)
	tests := []struct {
		query string
		want  []int64
	}{
		{"Kunduz population", []int64{idA, idB}},
		{"populations", []int64{idA, idB}}, // stemming
		{"military prize", []int64{idB}},
		{`"city has fallen"`, []int64{idA}},
		{"Kandahar OR Afghanistan", []int64{idA, idB}},
		{"Kunduz NOT Kandahar", []int64{idB}},
		{"Kand*", []int64{idA}},
		{"taliban’s", []int64{idA}}, // curly apostrophe in the query
		{"Sar-e Pul", nil},          // FTS5 syntax characters are literal
		{`"unbalanced`, nil},
		{"OR", nil},
		{"NOT", nil},
		{"*", nil},
		{"", nil},
	}
	for _, tt := range tests {
		hits, err := db.Search(ctx, tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.ArticleID)
		}
		if fmt.Sprint(sorted(got)) != fmt.Sprint(tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	hits, err := db.Search(ctx, "significant", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(significant) = %v, %v", hits, err)
	}
	if !strings.Contains(hits[0].Snippet, HighlightStart+"significant"+HighlightEnd) {
		t.Errorf("snippet %q does not highlight the term", hits[0].Snippet)
	}
	if hits[0].Title != "Taliban seize Kunduz" || hits[0].SourcePath != "b.html" {
		t.Errorf("hit = %+v", hits[0])
	}

	ch, err := db.SearchClaims(ctx, "children killed", 10)
	if err != nil {
		t.Fatal(err)
	}
	// A's two casualty claims (one is a part of the other) and B's two.
	if len(ch) != 3 {
		t.Errorf("SearchClaims(children killed) = %d hits, want 3: %+v", len(ch), ch)
	}
	for _, h := range ch {
		if h.Kind != "casualty" || !strings.Contains(h.Snippet, HighlightStart) {
			t.Errorf("claim hit %+v", h)
		}
	}
}

func sorted(ids []int64) []int64 {
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			if ids[j] < ids[i] {
				ids[i], ids[j] = ids[j], ids[i]
			}
		}
	}
	return ids
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kunduz population", `"Kunduz" "population"`},
		{`"city has fallen" now`, `"city has fallen" "now"`},
		{"Kand*", `"Kand"*`},
		{"a OR b", `"a" OR "b"`},
		{"OR a", `"a"`},
		{"a OR", `"a"`},
		{"a OR OR b", `"a" OR "b"`},
		{`x" y`, `"x""" "y"`},
		{"Sar-e Pul", `"Sar-e" "Pul"`},
		{"* - ( )", ``},
		{`"unbalanced`, `"unbalanced"`},
	}
	for _, tt := range tests {
		if got := FTSQuery(tt.in); got != tt.want {
			t.Errorf("FTSQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestClaimsQuery(t *testing.T) {
	ctx := context.Background()
	db, idA, idB := seedLike(t)
	tests := []struct {
		name string
		f    ClaimFilter
		want []string // "article:kind:rule"
	}{
		{"all", ClaimFilter{}, nil},
		{"kind", ClaimFilter{Kind: "quantity"}, []string{fmt.Sprint(idA, ":quantity"), fmt.Sprint(idB, ":quantity")}},
		{"place norm, any case", ClaimFilter{Place: "kandahar"}, []string{fmt.Sprint(idA, ":casualty")}},
		{"place and source", ClaimFilter{Kind: "casualty", Place: "Afghanistan", Source: "unicef"},
			[]string{fmt.Sprint(idB, ":casualty"), fmt.Sprint(idB, ":casualty")}},
		{"since", ClaimFilter{Kind: "casualty", Since: "2021-08-10"}, nil},
		{"until", ClaimFilter{Until: "2021-08-08"}, []string{fmt.Sprint(idB, ":capture")}},
		{"since and until", ClaimFilter{Kind: "casualty", Since: "2021-08-09", Until: "2021-08-09", Limit: 2},
			[]string{fmt.Sprint(idA, ":casualty"), fmt.Sprint(idA, ":casualty")}},
		{"article", ClaimFilter{ArticleID: idB, Kind: "capture"}, []string{fmt.Sprint(idB, ":capture")}},
		{"injection attempt is a value", ClaimFilter{Place: "x' OR '1'='1"}, []string{}},
		{"LIKE wildcards are literal", ClaimFilter{Source: "%"}, []string{}},
		{"LIKE underscore is literal", ClaimFilter{Source: "UNICE_"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := db.Claims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == nil && tt.name == "all" {
				if len(rows) != 9 {
					t.Errorf("%d claims, want 9", len(rows))
				}
				return
			}
			got := []string{}
			for _, c := range rows {
				got = append(got, fmt.Sprint(c.ArticleID, ":", c.Kind))
			}
			if tt.want == nil {
				tt.want = []string{}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := db.Claims(ctx, ClaimFilter{Since: "August 1"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad date: err = %v, want ErrInvalid", err)
	}
	// Arguments come with the claim, spans in code points.
	rows, err := db.Claims(ctx, ClaimFilter{Kind: "capture"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("capture claims = %v, %v", rows, err)
	}
	c := rows[0]
	if len(c.Args) != 3 || c.Args[1].Role != "place" || c.Args[1].Country != "AF" || c.EventDate != "2021-08-08" {
		t.Errorf("capture claim = %+v", c)
	}
	if got := string([]rune(textB)[c.SpanStart:c.SpanEnd]); got != c.Text {
		t.Errorf("claim span slices %q, text %q", got, c.Text)
	}
}

func TestEntitiesQuery(t *testing.T) {
	ctx := context.Background()
	db, idA, _ := seedLike(t)
	tests := []struct {
		f    EntityFilter
		want int
	}{
		{EntityFilter{}, 16},
		{EntityFilter{Kind: "place"}, 4},
		{EntityFilter{Kind: "place", Norm: "kunduz"}, 2},
		{EntityFilter{Text: "unice"}, 2},
		{EntityFilter{Country: "af"}, 4},
		{EntityFilter{Kind: "number", ArticleID: idA}, 3},
		{EntityFilter{Kind: "number", Limit: 2}, 2},
		{EntityFilter{Text: "%"}, 0},
	}
	for _, tt := range tests {
		rows, err := db.Entities(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != tt.want {
			t.Errorf("Entities(%+v) = %d rows, want %d", tt.f, len(rows), tt.want)
		}
	}
	rows, _ := db.Entities(ctx, EntityFilter{Kind: "number", Norm: "", Text: "340,000"})
	if len(rows) != 1 || rows[0].Value == nil || *rows[0].Value != 340000 || rows[0].Qualifier != "more_than" {
		t.Errorf("340,000 = %+v", rows)
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	db, _, _ := seedLike(t)
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.Claims != 9 || s.ClaimsByKind["casualty"] != 4 || s.EntitiesByKind["place"] != 4 ||
		s.Entities != 16 || s.LastRun != nil {
		t.Errorf("Stats = %+v", s)
	}
	id, _ := db.StartRun(ctx, "0.1.0", "", "")
	s, err = db.Stats(ctx)
	if err != nil || s.LastRun == nil || s.LastRun.ID != id || s.LastRun.FinishedAt != "" {
		t.Errorf("Stats after StartRun = %+v, %v", s, err)
	}
}

// BenchmarkSaveArticle stores varied seed-shaped articles (scaleArticle:
// a casualty, a role, a statement and a quantity claim each, in a corpus
// where some claims corroborate or contradict others), in memory and in a
// WAL file.
func BenchmarkSaveArticle(b *testing.B) {
	for _, where := range []string{"memory", "file"} {
		b.Run(where, func(b *testing.B) {
			ctx := context.Background()
			var db *DB
			if where == "memory" {
				db = mustOpenDB(b)
			} else {
				var err error
				if db, err = Open(ctx, filepath.Join(b.TempDir(), "bench.db")); err != nil {
					b.Fatal(err)
				}
				defer db.Close()
			}
			rng := rand.New(rand.NewPCG(3, 5))
			var bytes, claims int
			i := 0
			for b.Loop() {
				b.StopTimer()
				a, r := scaleArticle(b, rng, i)
				b.StartTimer()
				i++
				bytes += len(a.Text)
				claims += len(r.Claims)
				_, inserted, err := db.SaveArticle(ctx, a, r, "0.1.0")
				if err != nil || !inserted {
					b.Fatalf("SaveArticle = %v, %v", inserted, err)
				}
			}
			b.StopTimer()
			if n := count(b, db, "SELECT count(*) FROM claims"); n != claims {
				b.Fatalf("%d claims stored, want %d", n, claims)
			}
			b.SetBytes(int64(bytes / i))
			b.ReportMetric(float64(claims)/float64(i), "claims/op")
		})
	}
}

// TestEntitySource: the source of an entity is stored and filtered on;
// a source outside the four is refused by the table.
func TestEntitySource(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	a, r := articleA(t)
	sources := []string{extract.SourceGazetteer, extract.SourceRule, extract.SourceRule, extract.SourceLexicon,
		extract.SourceRule, extract.SourceRule, extract.SourceGazetteer, extract.SourceModel}
	for i := range r.Entities {
		r.Entities[i].Source = sources[i]
	}
	mustSave(t, db, a, r)
	for src, want := range map[string]int{"model": 1, "gazetteer": 2, "lexicon": 1, "rule": 4} {
		rows, err := db.Entities(ctx, EntityFilter{Source: src})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != want || rows[0].Source != src {
			t.Errorf("source %s: %d rows (%+v), want %d", src, len(rows), rows, want)
		}
	}
	if _, err := db.SQL().Exec("UPDATE entities SET source = 'guess' WHERE id = 1"); err == nil {
		t.Error("source 'guess' accepted")
	}
}
