package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/claims/*.txtar")

var (
	testXOnce sync.Once
	testX     *Extractor
	testXErr  error
)

// testExtractor loads the embedded lexicons and rules once per test binary.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testXOnce.Do(func() { testX, testXErr = New(Options{}) })
	if testXErr != nil {
		t.Fatal(testXErr)
	}
	return testX
}

// formatClaims prints claims one per line with their arguments indented,
// the form the txtar cases hold.
func formatClaims(cs []Claim) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%s %s %s\n", c.Kind, c.Rule, c.Certainty)
		for _, a := range c.Args {
			fmt.Fprintf(&b, "  %s %q", a.Role, a.Text)
			if a.Norm != "" && a.Norm != a.Text {
				fmt.Fprintf(&b, " norm=%s", a.Norm)
			}
			if a.Value != nil {
				fmt.Fprintf(&b, " value=%s", strconv.FormatFloat(*a.Value, 'f', -1, 64))
			}
			if a.Max != nil {
				fmt.Fprintf(&b, " max=%s", strconv.FormatFloat(*a.Max, 'f', -1, 64))
			}
			if a.Qualifier != "" && a.Qualifier != QualExact {
				fmt.Fprintf(&b, " qualifier=%s", a.Qualifier)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestTxtarClaims runs the claim rules on the sentences of each
// testdata/claims/*.txtar file (written for these tests, not taken from the
// seeds) and compares the claims with its want section. The comment may
// set "published: YYYY-MM-DD". Cases where nothing must be found have an
// empty want section.
func TestTxtarClaims(t *testing.T) {
	x := testExtractor(t)
	files, err := filepath.Glob("testdata/claims/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no claim cases: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var published string
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "published:"); ok {
					published = strings.TrimSpace(v)
				}
			}
			var input string
			want := -1
			for i, fl := range ar.Files {
				switch fl.Name {
				case "input":
					input = strings.TrimSpace(string(fl.Data))
				case "want":
					want = i
				}
			}
			if input == "" || want < 0 {
				t.Fatalf("%s needs -- input -- and -- want -- sections", f)
			}
			res := x.Extract(Doc{Text: input, Published: published})
			for _, c := range res.Claims {
				if input[c.Start:c.End] != c.Text {
					t.Errorf("claim span %v does not slice to its text", c.Span)
				}
				for _, a := range c.Args {
					if input[a.Start:a.End] != a.Text {
						t.Errorf("arg %s span %v slices to %q, not %q", a.Role, a.Span, input[a.Start:a.End], a.Text)
					}
				}
			}
			got := formatClaims(res.Claims)
			if *update {
				ar.Files[want].Data = []byte(got)
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if w := string(ar.Files[want].Data); got != w {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", input, got, w)
			}
		})
	}
}

// TestRuleExamples runs each rule's own examples: every example must give
// at least one claim of that rule. A pattern typo (a multi-word alternative
// written without a group) fails here.
func TestRuleExamples(t *testing.T) {
	x := testExtractor(t)
	for _, r := range x.rules.Rules {
		if r.Dep != nil && x.parse == nil {
			t.Errorf("rule %s reads the tree but no parser is loaded", r.ID)
			continue
		}
		for _, ex := range r.Examples {
			fired := map[string]bool{}
			res, _ := x.extract(context.Background(), Doc{Text: ex}, fired)
			if !fired[r.ID] {
				t.Errorf("rule %s: example %q gives no claim of the rule; got:\n%s", r.ID, ex, formatClaims(res.Claims))
			}
		}
	}
}

// TestClaimsOnlyFromBody: a "Read Also:" headline or a photo caption states
// no facts; the same sentence in a body paragraph does.
func TestClaimsOnlyFromBody(t *testing.T) {
	x := testExtractor(t)
	related := "Read Also: Kandahar Falls to the Taliban as Fighting Rages"
	caption := "Kunduz was captured by the Taliban on Sunday."
	body := "Zaranj fell to the Taliban on Friday."
	text := related + "\n\n" + caption + "\n\n" + body
	r1 := Span{Start: 0, End: len(related)}
	r2 := Span{Start: r1.End + 2, End: r1.End + 2 + len(caption)}
	r3 := Span{Start: r2.End + 2, End: len(text)}
	res := x.Extract(Doc{Text: text, Published: "2021-08-09", Regions: []Region{
		{Kind: "related", Span: r1}, {Kind: "caption", Span: r2}, {Kind: "paragraph", Span: r3}}})
	if len(res.Claims) != 1 || res.Claims[0].Start != r3.Start || res.Claims[0].Kind != "capture" {
		t.Errorf("want one capture claim from the body paragraph, got:\n%s", formatClaims(res.Claims))
	}
	for _, e := range res.Entities {
		if e.Text == "Kunduz" && e.Block != "caption" {
			t.Errorf("caption entity %q tagged block %q", e.Text, e.Block)
		}
	}
}

// TestPatternsAnchored: every built-in pattern either has an anchor word
// (a mandatory word element at a bounded distance from the match start,
// so that only tokens near that word are tried) or needs something a
// sentence may lack (a quotation, a word). A pattern with neither is tried
// at every token of every sentence: attack.came_under once had its only
// verb inside a group the anchor finder did not look into, and took 61% of
// all matching time.
func TestPatternsAnchored(t *testing.T) {
	rs, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		for i, p := range r.Patterns {
			if p.anchor != nil && p.anchorReach >= 0 || len(p.needWords) > 0 {
				continue
			}
			quote := false
			for _, ks := range p.needKinds {
				for _, k := range ks {
					quote = quote || k == "quote"
				}
			}
			if !quote {
				t.Errorf("rule %s pattern %d has no anchor word and needs no word or quotation: it is tried at every token; make a verb a plain element, not a group", r.ID, i+1)
			}
		}
	}
}
