package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

// queryRows runs q and returns each row as "col=value" strings joined by
// " | ", NULL as "∅", floats as %g.
func queryRows(t *testing.T, db *DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.SQL().Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var parts []string
		for i, v := range vals {
			s := "∅"
			switch v := v.(type) {
			case nil:
			case []byte:
				s = string(v)
			case float64:
				s = fmt.Sprintf("%g", v)
			default:
				s = fmt.Sprint(v)
			}
			parts = append(parts, cols[i]+"="+s)
		}
		out = append(out, strings.Join(parts, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func seedLike(t *testing.T) (db *DB, idA, idB int64) {
	t.Helper()
	db = mustOpenDB(t)
	a, ra := articleA(t)
	b, rb := articleB(t)
	return db, mustSave(t, db, a, ra), mustSave(t, db, b, rb)
}

func diffRows(t *testing.T, name string, got, want []string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	t.Errorf("%s: got %d rows, want %d", name, len(got), len(want))
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("row %d:\n got  %s\n want %s", i, g, w)
		}
	}
}

func TestViews(t *testing.T) {
	db, idA, idB := seedLike(t)
	tests := []struct {
		name, q string
		want    []string
	}{
		{
			"the analyst's question: casualties in Kandahar since August 1 according to UNICEF",
			`SELECT article_id, count, qualifier, outcome, victims, place, place_country, event_date, source, evidence
			FROM casualty_claims WHERE place_norm = 'kandahar' AND event_date >= '2021-08-01' AND source_norm = 'unicef'`,
			[]string{fmt.Sprintf("article_id=%d | count=20 | qualifier=exact | outcome=killed | victims=children | place=Kandahar | place_country=AF | event_date=2021-08-09 | source=UNICEF | evidence=including 20 in Kandahar", idA)},
		},
		{
			"casualty_claims",
			`SELECT article_id, published_at, count, count_text, qualifier, outcome, place, place_norm, place_country, time, time_norm, source
			FROM casualty_claims ORDER BY claim_id`,
			[]string{
				fmt.Sprintf("article_id=%d | published_at=2021-08-10 | count=27 | count_text=at least 27 | qualifier=at_least | outcome=killed | place=∅ | place_norm=∅ | place_country=∅ | time=Monday | time_norm=2021-08-09 | source=UNICEF", idA),
				fmt.Sprintf("article_id=%d | published_at=2021-08-10 | count=20 | count_text=20 | qualifier=exact | outcome=killed | place=Kandahar | place_norm=Kandahar | place_country=AF | time=Monday | time_norm=2021-08-09 | source=UNICEF", idA),
				fmt.Sprintf("article_id=%d | published_at=2021-08-10T14:05:00Z | count=27 | count_text=At least 27 | qualifier=at_least | outcome=killed | place=Afghanistan | place_norm=Afghanistan | place_country=AF | time=Monday | time_norm=2021-08-09 | source=UNICEF", idB),
				fmt.Sprintf("article_id=%d | published_at=2021-08-10T14:05:00Z | count=136 | count_text=136 | qualifier=exact | outcome=injured | place=Afghanistan | place_norm=Afghanistan | place_country=AF | time=Monday | time_norm=2021-08-09 | source=UNICEF", idB),
			},
		},
		{
			"capture_claims",
			`SELECT article_id, event_date, actor, actor_norm, place, place_norm, place_country, time, time_norm, manner, source, certainty, evidence FROM capture_claims`,
			[]string{fmt.Sprintf("article_id=%d | event_date=2021-08-08 | actor=insurgents | actor_norm=Taliban | place=Kunduz | place_norm=Kunduz | place_country=AF | time=Sunday | time_norm=2021-08-08 | manner=∅ | source=∅ | certainty=reported | evidence=The insurgents seized Kunduz on Sunday\u00a0– the first major city to fall.", idB)},
		},
		{
			"statements: the speaker's title comes from the role claim",
			`SELECT article_id, speaker, speaker_norm, speaker_title, content, medium, time FROM statements`,
			[]string{fmt.Sprintf("article_id=%d | speaker=Jane Doe | speaker_norm=Jane Doe | speaker_title=Mayor | content=the city has fallen. | medium=∅ | time=∅", idA)},
		},
		{
			"roles",
			`SELECT article_id, person, person_norm, title, organization, place FROM roles`,
			[]string{fmt.Sprintf("article_id=%d | person=Jane Doe | person_norm=Jane Doe | title=Mayor | organization=∅ | place=∅", idA)},
		},
		{
			"quantities",
			`SELECT article_id, subject, subject_norm, attribute, value, value_text, qualifier, unit FROM quantities ORDER BY claim_id`,
			[]string{
				fmt.Sprintf("article_id=%d | subject=Kunduz | subject_norm=Kunduz | attribute=population | value=340000 | value_text=more than 340,000 | qualifier=more_than | unit=people", idA),
				fmt.Sprintf("article_id=%d | subject=Kunduz | subject_norm=Kunduz | attribute=population | value=375000 | value_text=375,000 | qualifier=exact | unit=∅", idB),
			},
		},
		{"attack_claims (none)", `SELECT * FROM attack_claims`, nil},
		{"surrender_claims (none)", `SELECT * FROM surrender_claims`, nil},
		{"withdrawal_claims (none)", `SELECT * FROM withdrawal_claims`, nil},
		{
			// Views carry the evidence span in code points.
			"evidence spans slice the text",
			`SELECT count(*) AS bad FROM (
				SELECT article_id, evidence, span_start, span_end FROM casualty_claims UNION ALL
				SELECT article_id, evidence, span_start, span_end FROM capture_claims UNION ALL
				SELECT article_id, evidence, span_start, span_end FROM statements UNION ALL
				SELECT article_id, evidence, span_start, span_end FROM roles UNION ALL
				SELECT article_id, evidence, span_start, span_end FROM quantities) v
			JOIN articles a ON a.id = v.article_id
			WHERE substr(a.text, v.span_start + 1, v.span_end - v.span_start) IS NOT v.evidence`,
			[]string{"bad=0"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffRows(t, tt.name, queryRows(t, db, tt.q), tt.want)
		})
	}
}

// TestEventViews fills the attack, surrender and withdrawal views.
func TestEventViews(t *testing.T) {
	db := mustOpenDB(t)
	text := "Militants attacked a checkpoint in Helmand with rockets on Tuesday. " +
		"Local militia leaders surrendered to the Taliban in Sar-e\u00a0Pul. " +
		"US troops will withdraw from Afghanistan by August\u00a031."
	b := builder{t, text}
	a := ingestArticle("events.txt", text, "2021-08-12")
	r := extract.Result{
		Entities: []extract.Entity{b.place("Helmand", "Helmand", "AF", "division"), b.place("Sar-e\u00a0Pul", "Sar-e Pul", "AF", "division")},
		Claims: []extract.Claim{
			b.claim("attack", "attack.attacked", "Militants attacked a checkpoint in Helmand with rockets on Tuesday.",
				b.arg("actor", "Militants", 0, ""), b.arg("target", "a checkpoint", 0, "checkpoint"),
				b.arg("means", "rockets", 0, ""), b.arg("place", "Helmand", 0, "Helmand"), b.arg("time", "Tuesday", 0, "2021-08-10")),
			b.claim("surrender", "surrender.surrendered", "Local militia leaders surrendered to the Taliban in Sar-e\u00a0Pul.",
				b.arg("actor", "Local militia leaders", 0, "militia"), b.arg("recipient", "the Taliban", 0, "Taliban"),
				b.arg("place", "Sar-e\u00a0Pul", 0, "Sar-e Pul")),
			b.claim("withdrawal", "withdrawal.withdraw", "US troops will withdraw from Afghanistan by August\u00a031.",
				b.arg("actor", "US troops", 0, "United States"), b.arg("place", "Afghanistan", 0, "Afghanistan"),
				b.arg("deadline", "August\u00a031", 0, "2021-08-31")),
		},
	}
	id := mustSave(t, db, a, r)
	checkSpans(t, db)
	tests := []struct {
		q    string
		want string
	}{
		{`SELECT article_id, event_date, actor, target, target_norm, means, place, place_country, time_norm FROM attack_claims`,
			fmt.Sprintf("article_id=%d | event_date=2021-08-10 | actor=Militants | target=a checkpoint | target_norm=checkpoint | means=rockets | place=Helmand | place_country=AF | time_norm=2021-08-10", id)},
		{`SELECT article_id, event_date, actor, actor_norm, recipient, recipient_norm, place, place_norm, place_country FROM surrender_claims`,
			fmt.Sprintf("article_id=%d | event_date=2021-08-12 | actor=Local militia leaders | actor_norm=militia | recipient=the Taliban | recipient_norm=Taliban | place=Sar-e\u00a0Pul | place_norm=Sar-e Pul | place_country=AF", id)},
		{`SELECT article_id, actor, actor_norm, place, deadline, deadline_norm FROM withdrawal_claims`,
			fmt.Sprintf("article_id=%d | actor=US troops | actor_norm=United States | place=Afghanistan | deadline=August\u00a031 | deadline_norm=2021-08-31", id)},
	}
	for _, tt := range tests {
		diffRows(t, tt.q, queryRows(t, db, tt.q), []string{tt.want})
	}
}

// TestCorroborationContradiction: on seed-shaped articles, UNICEF's 27
// children killed corroborate; Kunduz's population (more than 340,000 vs
// 375,000) is a contradiction, flagged compatible because "more than
// 340,000" allows 375,000.
func TestCorroborationContradiction(t *testing.T) {
	db, idA, idB := seedLike(t)
	got := queryRows(t, db, `SELECT kind, article_a, article_b, matched_on, value_a, qualifier_a, value_b, qualifier_b, date_a, date_b FROM corroborations`)
	diffRows(t, "corroborations", got, []string{
		fmt.Sprintf("kind=casualty | article_a=%d | article_b=%d | matched_on=killed|source=unicef | value_a=27 | qualifier_a=at_least | value_b=27 | qualifier_b=at_least | date_a=2021-08-09 | date_b=2021-08-09", idA, idB),
	})
	got = queryRows(t, db, `SELECT kind, key, article_a, article_b, value_a, qualifier_a, value_b, qualifier_b, compatible, evidence_a, evidence_b FROM contradictions`)
	diffRows(t, "contradictions", got, []string{
		fmt.Sprintf("kind=quantity | key=population|subject=kunduz | article_a=%d | article_b=%d | value_a=340000 | qualifier_a=more_than | value_b=375000 | qualifier_b=exact | compatible=1 | evidence_a=With a population of more than 340,000 people, Kunduz is one of the country’s major towns. | evidence_b=With a population of 375,000, Kunduz is a significant military prize.", idA, idB),
	})
	got = queryRows(t, db, `SELECT c.article_id, c.kind, s.corroborating_articles, s.contradicting_articles
		FROM claim_support s JOIN claims c ON c.id = s.claim_id ORDER BY c.id`)
	diffRows(t, "claim_support", got, []string{
		fmt.Sprintf("article_id=%d | kind=quantity | corroborating_articles=0 | contradicting_articles=1", idA),
		fmt.Sprintf("article_id=%d | kind=casualty | corroborating_articles=1 | contradicting_articles=0", idA),
		fmt.Sprintf("article_id=%d | kind=quantity | corroborating_articles=0 | contradicting_articles=1", idB),
		fmt.Sprintf("article_id=%d | kind=casualty | corroborating_articles=1 | contradicting_articles=0", idB),
	})
	// Kandahar's 20 (inside AF) against Afghanistan's 27 share the
	// country key but differ beyond the tolerance: neither corroboration
	// nor (different places) contradiction.
	if n := count(t, db, "SELECT count(*) FROM claim_keys WHERE key = 'killed|country=AF'"); n != 2 {
		t.Errorf("%d claims on key killed|country=AF, want 2", n)
	}
}

// TestCorroborationRules checks the matching rules on small hand-built
// casualty claims, one article each.
func TestCorroborationRules(t *testing.T) {
	type cas struct {
		place, country, typ string // place "": none
		count               float64
		qual                string
		time                string // norm of the time argument; "": no date at all
		victims             string
		source              string // "": none
	}
	save := func(t *testing.T, db *DB, i int, c cas) {
		t.Helper()
		text := fmt.Sprintf("Report %d:\u00a0%g %s were killed", i, c.count, c.victims)
		if c.place != "" {
			text += " in " + c.place
		}
		if c.time != "" {
			text += " on " + c.time
		}
		if c.source != "" {
			text += ", " + c.source + " said"
		}
		text += "."
		published := "2021-08-10"
		if c.time == "" { // the claim's day is unknown
			published = ""
		}
		a := ingestArticle(fmt.Sprintf("r%d.txt", i), text, published)
		b := builder{t, text}
		cl := b.claim("casualty", "casualty.killed_passive", text,
			b.num("count", fmt.Sprintf("%g", c.count), 0, c.count, c.qual),
			b.arg("victims", c.victims, 0, c.victims),
			b.arg("outcome", "killed", 0, "killed"))
		var r extract.Result
		if c.place != "" {
			r.Entities = append(r.Entities, b.place(c.place, c.place, c.country, c.typ))
			cl.Args = append(cl.Args, b.arg("place", c.place, 0, c.place))
		}
		if c.time != "" {
			cl.Args = append(cl.Args, b.arg("time", c.time, 0, c.time))
		}
		if c.source != "" {
			cl.Args = append(cl.Args, b.arg("source", c.source, 0, c.source))
		}
		r.Claims = []extract.Claim{cl}
		mustSave(t, db, a, r)
	}
	kandahar := cas{"Kandahar", "AF", "division", 20, "exact", "2021-08-09", "people", ""}
	tests := []struct {
		name          string
		a, b          cas
		corroborate   bool
		contradiction bool
	}{
		{"same place, same count", kandahar, kandahar, true, false},
		{"same place, count within 10%", kandahar, with(kandahar, func(c *cas) { c.count = 21; c.qual = "about" }), true, false},
		{"same place, same day, count far off", kandahar, with(kandahar, func(c *cas) { c.count = 50 }), false, true},
		{"same place, count far off, a week apart", kandahar, with(kandahar, func(c *cas) { c.count = 50; c.time = "2021-08-16" }), false, false},
		{"same place, same count, a week apart", kandahar, with(kandahar, func(c *cas) { c.time = "2021-08-16" }), false, false},
		{"same place, same count, 3 days apart", kandahar, with(kandahar, func(c *cas) { c.time = "2021-08-12" }), true, false},
		{"same place, first day unknown", with(kandahar, func(c *cas) { c.time = "" }), kandahar, true, false},
		{"same place, second day unknown", kandahar, with(kandahar, func(c *cas) { c.time = "" }), true, false},
		{"same place, both days unknown", with(kandahar, func(c *cas) { c.time = "" }), with(kandahar, func(c *cas) { c.time = "" }), true, false},
		{"same place, day unknown, count far off", kandahar, with(kandahar, func(c *cas) { c.time = ""; c.count = 50 }), false, false},
		{"two places, same source", with(kandahar, func(c *cas) { c.source = "police" }),
			with(kandahar, func(c *cas) { c.place = "Helmand"; c.source = "police" }), false, false},
		{"no place, same source", with(kandahar, func(c *cas) { c.place = ""; c.source = "police" }),
			with(kandahar, func(c *cas) { c.place = ""; c.source = "police" }), true, false},
		{"no place and a place, same source", with(kandahar, func(c *cas) { c.place = ""; c.source = "police" }),
			with(kandahar, func(c *cas) { c.source = "police" }), true, false},
		{"same place, different victims", kandahar, with(kandahar, func(c *cas) { c.victims = "soldiers" }), false, false},
		{"two provinces of one country", kandahar, with(kandahar, func(c *cas) { c.place = "Helmand" }), false, false},
		{"a province and its country", kandahar, with(kandahar, func(c *cas) { c.place, c.typ = "Afghanistan", "country" }), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustOpenDB(t)
			save(t, db, 1, tt.a)
			save(t, db, 2, tt.b)
			if got := count(t, db, "SELECT count(*) FROM corroborations") > 0; got != tt.corroborate {
				t.Errorf("corroborate = %v, want %v", got, tt.corroborate)
			}
			if got := count(t, db, "SELECT count(*) FROM contradictions") > 0; got != tt.contradiction {
				t.Errorf("contradiction = %v, want %v", got, tt.contradiction)
			}
		})
	}
}

func with[T any](v T, f func(*T)) T {
	f(&v)
	return v
}

// TestCrossSourceQueryPlans: the corroboration views and the analysts'
// queries go through indexes, never a scan of claim pairs.
func TestCrossSourceQueryPlans(t *testing.T) {
	db, _, _ := seedLike(t)
	tests := []struct {
		q       string
		no      []string // plan details that must not appear
		someIdx string   // an index the plan must use ("a|b": one of them)
	}{
		{"SELECT * FROM corroborations WHERE claim_a = 2", nil, "PRIMARY KEY (claim_a=?"},
		{"SELECT * FROM contradictions WHERE claim_b = 2", nil, "claim_pairs_b"},
		{pairSQL(insertCorroborationsSQL), nil, "claim_keys_key_article"},
		{pairSQL(insertContradictionsSQL), nil, "claim_keys_key_article"},
		{"SELECT * FROM casualty_claims WHERE place_norm = 'Kandahar' AND event_date >= '2021-08-01'",
			[]string{"SCAN c", "SCAN pl"}, "claim_args_role_norm|claims_kind_date"},
		{"SELECT * FROM statements WHERE speaker_norm = 'Jane Doe'", []string{"SCAN c", "SCAN sp"}, "claim_args_role_norm"},
		{"SELECT * FROM claims WHERE article_id = 1", []string{"SCAN claims"}, "claims_article"},
		{"SELECT * FROM entities WHERE kind = 'place' AND norm = 'kunduz'", []string{"SCAN entities"}, "entities_kind_norm"},
	}
	for _, tt := range tests {
		lines := queryPlan(t, db.SQL(), tt.q)
		// A pair of claim keys is never found by a scan inside a scan, and
		// a new article's keys are found by article.
		if strings.Contains(tt.q, "claim_keys x") && !strings.Contains(strings.Join(lines, "\n"), "SEARCH x USING INDEX claim_keys_article") {
			t.Errorf("%s: the new article's keys are not looked up by article:\n%s", tt.q[:40], strings.Join(lines, "\n"))
		}
		for i := 1; i < len(lines); i++ {
			if isKeyScan(lines[i-1]) && isKeyScan(lines[i]) {
				t.Errorf("%.60s: nested scan of claim_keys:\n%s", tt.q, strings.Join(lines, "\n"))
			}
		}
		plan := strings.Join(lines, "\n")
		// The pair statements read other articles' keys through the
		// window (an index range below the new article's id) and the
		// primary key, never the (kind, key) rows of the article itself.
		if strings.Contains(tt.q, "INSERT OR IGNORE INTO claim_pairs") &&
			(!strings.Contains(plan, "SEARCH o USING PRIMARY KEY (claim_id=? AND key=?)") ||
				!strings.Contains(plan, "SEARCH w USING COVERING INDEX claim_keys_key_article (kind=? AND key=? AND article_id<?)")) {
			t.Errorf("%.60s: other articles' keys not read through the window:\n%s", tt.q, plan)
		}
		for _, no := range tt.no {
			if strings.Contains(plan, no+"\n") || strings.HasSuffix(plan, no) {
				t.Errorf("%.60s: plan has %q:\n%s", tt.q, no, plan)
			}
		}
		used := false
		for _, idx := range strings.Split(tt.someIdx, "|") {
			used = used || strings.Contains(plan, idx)
		}
		if !used {
			t.Errorf("%.60s: plan does not use %s:\n%s", tt.q, tt.someIdx, plan)
		}
	}
}

// isKeyScan reports whether a plan line scans claim_keys (aliases a and b in
// the cross-source views) without a search key.
func isKeyScan(line string) bool {
	line = strings.TrimSpace(line)
	return line == "SCAN a" || line == "SCAN b" || line == "SCAN x" || line == "SCAN o" || strings.HasPrefix(line, "SCAN claim_keys")
}

func queryPlan(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query("EXPLAIN QUERY PLAN " + q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return out
}

// TestPairsMaintained: reprocessing an article recomputes its pairs, and
// RebuildPairs gives the same rows as incremental matching.
func TestPairsMaintained(t *testing.T) {
	ctx := context.Background()
	db, idA, _ := seedLike(t)
	pairs := func() []string {
		return queryRows(t, db, "SELECT relation, claim_a, claim_b, article_a, article_b, kind, key, compatible FROM claim_pairs ORDER BY 1, 2, 3")
	}
	before := pairs()
	if len(before) != 2 {
		t.Fatalf("claim_pairs = %v, want a corroboration and a contradiction", before)
	}
	if err := db.RebuildPairs(ctx); err != nil {
		t.Fatal(err)
	}
	diffRows(t, "rebuilt pairs", pairs(), before)

	// Reprocess A without its quantity claim: the contradiction goes, the
	// corroboration is found again for A's new claim ids.
	_, ra := articleA(t)
	ra.Claims = ra.Claims[1:]
	if err := db.ReplaceExtraction(ctx, idA, ra, "0.2.0"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM contradictions"); n != 0 {
		t.Errorf("%d contradictions after A lost its quantity claim", n)
	}
	got := queryRows(t, db, "SELECT article_a, article_b, matched_on FROM corroborations")
	if len(got) != 1 || !strings.Contains(got[0], "killed|source=unicef") {
		t.Errorf("corroborations after reprocessing A = %v", got)
	}
	incremental := pairs()
	if err := db.RebuildPairs(ctx); err != nil {
		t.Fatal(err)
	}
	diffRows(t, "rebuilt pairs after reprocess", pairs(), incremental)
}

// TestRolesStatus: the roles view shows a role claim's status ("former"),
// so an analyst can leave out those who no longer hold the office.
func TestRolesStatus(t *testing.T) {
	db := mustOpenDB(t)
	text := "Former Ambassador Jane Doe spoke."
	arg := func(role, s string, norm string) extract.Arg {
		i := strings.Index(text, s)
		return extract.Arg{Role: role, Span: extract.Span{Start: i, End: i + len(s)}, Text: s, Norm: norm}
	}
	c := extract.Claim{Kind: "role", Rule: "role.title", Certainty: extract.Asserted,
		Span: extract.Span{Start: 0, End: len(text)}, Text: text,
		Args: []extract.Arg{arg("status", "Former", "former"), arg("title", "Ambassador", "ambassador"), arg("person", "Jane Doe", "")}}
	a := ingestArticle("status.txt", text, "2024-03-10")
	if _, _, err := db.SaveArticle(context.Background(), a, extract.Result{Claims: []extract.Claim{c}}, "1"); err != nil {
		t.Fatal(err)
	}
	got := queryRows(t, db, "SELECT person, title_norm, status, status_norm FROM roles")
	want := []string{"person=Jane Doe | title_norm=ambassador | status=Former | status_norm=former"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("roles = %q, want %q", got, want)
	}
}

// pairSQL is a pair statement for article 2 with no restriction, for
// EXPLAIN.
func pairSQL(q string) string {
	return strings.NewReplacer("?1", "2", "?2", "0").Replace(q)
}

// TestPairLimit: a fact repeated many times, in earlier articles and in
// the new article itself, gives each new claim at most pairLimit pairs,
// with the most recent articles; repeated claims of one article are never
// paired with each other.
func TestPairLimit(t *testing.T) {
	db := mustOpenDB(t)
	const sentence = "At least 27 children were killed in Kandahar on 2021-08-09, UNICEF said. "
	save := func(i, repeat int) int64 {
		t.Helper()
		text := fmt.Sprintf("Report %d.\u00a0", i) + strings.Repeat(sentence, repeat)
		b := builder{t, text}
		var r extract.Result
		for n := range repeat {
			r.Entities = append(r.Entities, extract.Entity{Kind: extract.KindPlace, Span: b.at("Kandahar", n),
				Text: "Kandahar", Norm: "Kandahar", Country: "AF", Type: "division"})
			r.Claims = append(r.Claims, extract.Claim{Kind: "casualty", Rule: "casualty.killed_passive",
				Span: b.at(strings.TrimSpace(sentence), n), Text: strings.TrimSpace(sentence),
				Args: []extract.Arg{
					b.num("count", "At least 27", n, 27, extract.QualAtLeast),
					b.arg("victims", "children", n, "children"),
					b.arg("outcome", "killed", n, "killed"),
					b.arg("place", "Kandahar", n, "Kandahar"),
					b.arg("time", "2021-08-09", n, "2021-08-09"),
					b.arg("source", "UNICEF", n, "UNICEF"),
				}})
		}
		return mustSave(t, db, ingestArticle(fmt.Sprintf("r%d.txt", i), text, "2021-08-10"), r)
	}
	for i := range 60 {
		save(i, 1)
	}
	last := save(60, 1)
	if n := count(t, db, "SELECT count(*) FROM claim_pairs WHERE article_b = ?", last); n != pairLimit {
		t.Errorf("the 61st article's claim has %d pairs, want %d", n, pairLimit)
	}
	if n := count(t, db, "SELECT min(article_a) FROM claim_pairs WHERE article_b = ?", last); n != int(last)-pairLimit {
		t.Errorf("oldest article paired with the 61st = %d, want %d (the most recent ones)", n, int(last)-pairLimit)
	}
	long := save(61, 200)
	if n := count(t, db, "SELECT count(*) FROM claim_pairs WHERE article_a = article_b OR (article_a = ?1 AND article_b = ?1)", long); n != 0 {
		t.Errorf("%d pairs within one article", n)
	}
	if n := count(t, db, `SELECT max(c) FROM (SELECT claim_b, count(*) AS c FROM claim_pairs WHERE article_b = ? GROUP BY claim_b)`, long); n != pairLimit {
		t.Errorf("a repeated claim has at most %d pairs, want %d", n, pairLimit)
	}
	// The next article's window holds only the long article's claims (the
	// 50 most recent rows of the key).
	next := save(62, 3)
	if n := count(t, db, "SELECT count(*) FROM claim_pairs WHERE article_b = ? AND article_a <> ?", next, long); n != 0 {
		t.Errorf("%d pairs with articles before the long one, whose rows fill the window", n)
	}
	if n := count(t, db, "SELECT count(*) FROM claim_pairs WHERE article_b = ?", next); n != 3*pairLimit {
		t.Errorf("3 claims after a 200-claim article: %d pairs, want %d", n, 3*pairLimit)
	}
}

// TestRangeValues: a figure stated as a range keeps both ends, on the
// argument, in the quantities view and in the claim's comparison key.
func TestRangeValues(t *testing.T) {
	db := mustOpenDB(t)
	text := "Rents in Kabul rose 10% to 15% last year."
	b := builder{t, text}
	a := ingest.Article{SourcePath: "r.txt", Format: "text", Language: "en", PublishedAt: "2021-08-10", Text: text, Blocks: b.blocks()}
	v := b.num("value", "10% to 15%", 0, 10, extract.QualExact)
	hi := 15.0
	v.Max = &hi
	r := extract.Result{Claims: []extract.Claim{b.claim("quantity", "quantity.test", text,
		b.arg("subject", "Kabul", 0, "Kabul"), b.arg("attribute", "Rents", 0, "rent"), v)}}
	id := mustSave(t, db, a, r)
	diffRows(t, "quantities", queryRows(t, db, `SELECT value, value_max, qualifier FROM quantities WHERE article_id = ?`, id),
		[]string{"value=10 | value_max=15 | qualifier=exact"})
	diffRows(t, "claim_keys", queryRows(t, db, `SELECT k.lo, k.hi FROM claim_keys k JOIN claims c ON c.id = k.claim_id WHERE c.article_id = ?`, id),
		[]string{"lo=10 | hi=15"})
}
