package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

var goldMisses = flag.Bool("gold.misses", false, "TestClaimsGold: log every missed gold claim and every unmatched stored claim of the development sets (never the held-out set)")

// goldClaim is one hand-annotated claim of testdata/claimsgold: the
// document (a VOA story id or a benchmark page id), the kind and, per
// role, the head word of the argument (or a count's or value's number).
type goldClaim struct {
	Story string            `json:"story"`
	Page  string            `json:"page"`
	Kind  string            `json:"kind"`
	Args  map[string]string `json:"args"`
}

func (g goldClaim) doc() string { return g.Story + g.Page }

func loadGold(t *testing.T, path string) []goldClaim {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldClaim
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldClaim
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if g.doc() == "" || g.Kind == "" || len(g.Args) == 0 {
			t.Fatalf("%s:%d: a gold claim needs a story or page, a kind and args", path, n)
		}
		for role, v := range g.Args {
			if numericRole(role) {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Fatalf("%s:%d: %s %q is not a number", path, n, role, v)
				}
			}
		}
		out = append(out, g)
	}
	return out
}

func numericRole(role string) bool { return role == "count" || role == "value" }

// goldMatch is the matching rule of issue 14: the kind is the same, the
// stored argument of each gold role contains the gold head word (or its
// norm does), and counts and values are equal.
func goldMatch(g goldClaim, c extract.Claim) bool {
	if g.Kind != c.Kind {
		return false
	}
	for role, want := range g.Args {
		ok := false
		for _, a := range c.Args {
			if a.Role != role {
				continue
			}
			if numericRole(role) {
				w, _ := strconv.ParseFloat(want, 64)
				ok = a.Value != nil && math.Abs(*a.Value-w) <= 1e-9*math.Max(1, math.Abs(w))
			} else {
				w := foldGold(want)
				ok = strings.Contains(foldGold(a.Text), w) || strings.Contains(foldGold(a.Norm), w)
			}
			if ok {
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func foldGold(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(s))
}

// goldScore is one kind's figures: gold claims, gold claims found (each
// stored claim stands for at most one gold claim), stored claims, and
// stored claims that match some gold claim of their document.
type goldScore struct{ gold, found, stored, right int }

func (s goldScore) recall() float64    { return ratio(s.found, s.gold) }
func (s goldScore) precision() float64 { return ratio(s.right, s.stored) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoreGold matches one document's gold claims with its stored claims
// (a maximum bipartite matching, so the figure does not depend on the
// order of either list) and adds the figures per kind.
func scoreGold(t *testing.T, name string, gold []goldClaim, claims []extract.Claim, scores map[string]*goldScore, showMisses bool) {
	at := func(k string) *goldScore {
		if scores[k] == nil {
			scores[k] = &goldScore{}
		}
		return scores[k]
	}
	owner := make([]int, len(claims)) // claim -> gold index + 1
	var try func(g int, seen []bool) bool
	try = func(g int, seen []bool) bool {
		for c := range claims {
			if seen[c] || !goldMatch(gold[g], claims[c]) {
				continue
			}
			seen[c] = true
			if owner[c] == 0 || try(owner[c]-1, seen) {
				owner[c] = g + 1
				return true
			}
		}
		return false
	}
	found := make([]bool, len(gold))
	for g := range gold {
		at(gold[g].Kind).gold++
		if try(g, make([]bool, len(claims))) {
			found[g] = true
		}
	}
	for g := range gold {
		if found[g] {
			at(gold[g].Kind).found++
		} else if showMisses {
			t.Logf("%s: missed %s %v", name, gold[g].Kind, gold[g].Args)
		}
	}
	for _, c := range claims {
		s := at(c.Kind)
		s.stored++
		right := false
		for _, g := range gold {
			right = right || goldMatch(g, c)
		}
		if right {
			s.right++
		} else if showMisses {
			t.Logf("%s: unmatched %s", name, strings.TrimSpace(strings.ReplaceAll(formatGoldClaim(c), "\n", " | ")))
		}
	}
}

func formatGoldClaim(c extract.Claim) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", c.Kind, c.Rule)
	for _, a := range c.Args {
		fmt.Fprintf(&b, " %s=%q", a.Role, a.Text)
		if a.Norm != "" && a.Norm != a.Text {
			fmt.Fprintf(&b, "(%s)", a.Norm)
		}
	}
	return b.String()
}

// goldFloors are set just below the figures measured when they were last
// changed (README "Claims: development gold set"), so that a regression
// fails; they are not targets. Kinds with fewer than five gold claims in
// a set have none.
var goldFloors = map[string]map[string][2]float64{ // set -> kind -> {recall, precision}
	// Raised 6 December (pipeline 0.36.0) to a few points under the figures
	// of that day: voa 282/291 P 0.93, voa2 301/330 P 0.98, voa3 255/290 P
	// 0.97, bench 137/143 P 0.95.
	"voa": {
		"attack":    {0.70, 0.93},
		"casualty":  {0.93, 0.80},
		"quantity":  {0.81, 0.81},
		"role":      {0.90, 0.83},
		"statement": {0.95, 0.92},
		"all":       {0.94, 0.90},
	},
	"voa2": {
		"attack":    {0.57, 0.85},
		"casualty":  {0.78, 0.83},
		"quantity":  {0.87, 0.82},
		"role":      {0.88, 0.92},
		"statement": {0.89, 0.97},
		"all":       {0.88, 0.95},
	},
	"voa3": {
		"casualty":  {0.75, 0.85},
		"quantity":  {0.73, 0.88},
		"role":      {0.84, 0.96},
		"statement": {0.86, 0.93},
		"all":       {0.85, 0.94},
	},
	// Set 6 December (pipeline 0.37.0) a few points under the figures of
	// that day: voa4 159/184 P 0.97, voa5 156/213 P 0.90, bench2 70/105 P
	// 0.91.
	"voa4": {
		"quantity":  {0.62, 0.62},
		"role":      {0.81, 0.94},
		"statement": {0.82, 0.93},
		"all":       {0.82, 0.93},
	},
	"voa5": {
		"quantity":  {0.35, 0.50},
		"role":      {0.83, 0.91},
		"statement": {0.72, 0.89},
		"all":       {0.70, 0.86},
	},
	"bench2": {
		"quantity":  {0.17, 0.62},
		"role":      {0.69, 0.90},
		"statement": {0.85, 0.89},
		"all":       {0.63, 0.87},
	},
	"bench": {
		"casualty":  {0.95, 0.90},
		"quantity":  {0.92, 0.82},
		"role":      {0.86, 0.86},
		"statement": {0.93, 0.96},
		"all":       {0.93, 0.92},
	},
}

// TestClaimsGold scores the claims the whole pipeline (ingest, then
// extract) stores for hand-annotated documents: 15 VOA stories
// (testdata/voa/stories.jsonl), 8 held-out VOA stories (measured, no
// floors) and 11 pages of the article-extraction
// benchmark (../shared/bench/article-extraction; skipped when absent).
// The gold claims were written from the text before the pipeline was run
// on it; testdata/claimsgold/README.md has the conventions. Run with -v
// for the figures, and -gold.misses for every miss.
func TestClaimsGold(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, set string, gold []goldClaim, docs map[string][]ingest.Article) {
		byDoc := map[string][]goldClaim{}
		for _, g := range gold {
			byDoc[g.doc()] = append(byDoc[g.doc()], g)
		}
		scores := map[string]*goldScore{}
		ids := make([]string, 0, len(byDoc))
		for id := range byDoc {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			arts := docs[id]
			if len(arts) != 1 {
				t.Fatalf("%s: document %s: %d articles", set, id, len(arts))
			}
			// -gold.misses never shows the held-out set's misses: a rule
			// written from them would make it a development set.
			scoreGold(t, set+" "+id, byDoc[id], process(x, arts[0]).Claims, scores, *goldMisses && set != "voa-holdout")
		}
		kinds := make([]string, 0, len(scores))
		for k := range scores {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		var all goldScore
		for _, k := range kinds {
			s := scores[k]
			all.gold, all.found, all.stored, all.right = all.gold+s.gold, all.found+s.found, all.stored+s.stored, all.right+s.right
			t.Logf("%-5s %-10s recall %3d/%-3d = %.2f  precision %3d/%-3d = %.2f", set, k, s.found, s.gold, s.recall(), s.right, s.stored, s.precision())
			if f, ok := goldFloors[set][k]; ok && (s.recall() < f[0] || s.precision() < f[1]) {
				t.Errorf("%s %s: recall %.2f precision %.2f, below the floor %.2f/%.2f", set, k, s.recall(), s.precision(), f[0], f[1])
			}
		}
		t.Logf("%-5s %-10s recall %3d/%-3d = %.2f  precision %3d/%-3d = %.2f", set, "all", all.found, all.gold, all.recall(), all.right, all.stored, all.precision())
		if f, ok := goldFloors[set]["all"]; ok && (all.recall() < f[0] || all.precision() < f[1]) {
			t.Errorf("%s all: recall %.2f precision %.2f, below the floor %.2f/%.2f", set, all.recall(), all.precision(), f[0], f[1])
		}
	}

	// voaSet scores a gold file of testdata/claimsgold against the stories
	// of testdata/voa/stories.jsonl (by the id ending their URL).
	voaSet := func(set, file string) {
		t.Run(set, func(t *testing.T) {
			gold := loadGold(t, filepath.Join("..", "..", "testdata", "claimsgold", file))
			path := filepath.Join("..", "..", "testdata", "voa", "stories.jsonl")
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			docs := map[string][]ingest.Article{}
			err = ingest.Read(path, f, ingest.Options{}, func(r ingest.Record) error {
				if r.Err != nil {
					return r.Err
				}
				id := strings.TrimSuffix(filepath.Base(r.Article.URL), ".html")
				docs[id] = append(docs[id], r.Article)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			run(t, set, gold, docs)
		})
	}
	voaSet("voa", "voa.jsonl")
	// A second development set of 5 further stories (drawn with seed 1204
	// among the 43 in neither file above), annotated on 4 December before
	// the rules were changed for them: its first figures estimated how the
	// rules do on stories they were not written for.
	voaSet("voa2", "voa2.jsonl")
	// A third development set of 10 further stories (drawn with seed 1205
	// among the 25 in no file above), annotated on 5 December from the
	// text alone before the pipeline was run on them: its first figures
	// estimate how the rules do on stories they were not written for.
	voaSet("voa3", "voa3.jsonl")
	// A fourth development set of 8 further stories (drawn with seed 1206
	// among the 23 in no file above), annotated on 6 December from the
	// text alone by a helper who had not seen the pipeline's claims for
	// them.
	voaSet("voa4", "voa4.jsonl")
	// A fifth of 8 further stories (seed 1207 among the 15 left), annotated
	// the same way on 6 December.
	voaSet("voa5", "voa5.jsonl")
	// A sixth of the 7 stories no file above holds, annotated the same way
	// on 7 December (first figures in the README).
	voaSet("voa6", "voa6.jsonl")
	// The held-out set measures; it has no floors (goldFloors has no
	// entry for it), and no rule may be tuned on it.
	voaSet("voa-holdout", "voa-holdout.jsonl")

	benchSet := func(set, file string) {
		t.Run(set, func(t *testing.T) { benchGold(t, set, file, run) })
	}
	benchSet("bench", "bench.jsonl")
	// A second set of 8 English pages (drawn with seed 1207 among those not
	// in bench.jsonl), annotated on 6 December from the bodies alone by a
	// helper who had not seen the pipeline's claims for them.
	benchSet("bench2", "bench2.jsonl")
	// A third set of 10 English pages (seed 1208 among those of 1,500 to
	// 9,000 characters in neither file above), annotated on 7 December from
	// the bodies alone by a helper who had not seen the pipeline's claims
	// for them.
	benchSet("bench3", "bench3.jsonl")
}

// benchGold scores a gold file of benchmark pages (skipped when the pages
// are absent).
func benchGold(t *testing.T, set, file string, run func(*testing.T, string, []goldClaim, map[string][]ingest.Article)) {
	{
		dir := filepath.Join(sharedDir(), "bench", "article-extraction", "html")
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("benchmark pages not found (%v); set NEWSCLAIMS_SHARED to the shared folder", err)
		}
		gold := loadGold(t, filepath.Join("..", "..", "testdata", "claimsgold", file))
		docs := map[string][]ingest.Article{}
		for _, g := range gold {
			if docs[g.Page] != nil {
				continue
			}
			path := filepath.Join(dir, g.Page+".html.gz")
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			err = ingest.Read(path, f, ingest.Options{}, func(r ingest.Record) error {
				if r.Err != nil {
					return r.Err
				}
				docs[g.Page] = append(docs[g.Page], r.Article)
				return nil
			})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		run(t, set, gold, docs)
	}
}

// sharedDir is ../shared beside the repository, or $NEWSCLAIMS_SHARED
// (a worktree lives elsewhere).
func sharedDir() string {
	if d := os.Getenv("NEWSCLAIMS_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}
