package extract

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestExplain: asking for explanations changes no claim; every claim has
// one; every part slices to its text; a surface rule's parts hold each
// role the pattern filled, with the words that filled it.
func TestExplain(t *testing.T) {
	x := testExtractor(t)
	files, _ := filepath.Glob("testdata/claims/*.txtar")
	if len(files) == 0 {
		t.Fatal("no claim cases")
	}
	surface := 0
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var input string
		for _, fl := range ar.Files {
			if fl.Name == "input" {
				input = strings.TrimSpace(string(fl.Data))
			}
		}
		plain := x.Extract(Doc{Text: input, Published: "2022-01-01"})
		ex := x.Extract(Doc{Text: input, Published: "2022-01-01", Explain: true})
		if len(plain.Claims) != len(ex.Claims) {
			t.Fatalf("%s: %d claims, %d with --explain", f, len(plain.Claims), len(ex.Claims))
		}
		for i, c := range ex.Claims {
			if c.Explain == nil {
				t.Fatalf("%s: claim %s has no explanation", f, c.Rule)
			}
			e := c.Explain
			c.Explain = nil
			if !reflect.DeepEqual(c, plain.Claims[i]) {
				t.Errorf("%s: claim %d differs with --explain:\n%+v\n%+v", f, i, c, plain.Claims[i])
			}
			if e.Rule != c.Rule {
				t.Errorf("%s: explanation of %s names rule %s", f, c.Rule, e.Rule)
			}
			for _, p := range e.Parts {
				if input[p.Start:p.End] != p.Text {
					t.Errorf("%s: part %q span %v slices to %q, not %q", f, p.Elem, p.Span, input[p.Start:p.End], p.Text)
				}
			}
			if e.Layer != "surface" {
				continue
			}
			surface++
			if e.Pattern == "" || !strings.Contains(e.Source, ".yaml:") {
				t.Errorf("%s: surface explanation without pattern or source: %+v", f, e)
			}
			for _, a := range c.Args {
				found := false
				for _, p := range e.Parts {
					found = found || p.Role == a.Role
				}
				if !found {
					t.Errorf("%s: %s argument %s %q is in no part of the explanation", f, c.Rule, a.Role, a.Text)
				}
			}
		}
	}
	if surface == 0 {
		t.Error("no surface rule explained")
	}
}

// TestExplainParts checks one explanation part by part.
func TestExplainParts(t *testing.T) {
	x := testExtractor(t)
	in := "At least 27 children have been killed in Kandahar since August 1, UNICEF said on Monday."
	res := x.Extract(Doc{Text: in, Published: "2021-08-13", Explain: true})
	var got []string
	for _, c := range res.Claims {
		if c.Rule != "casualty.killed_passive" {
			continue
		}
		for _, p := range c.Explain.Parts {
			got = append(got, p.Elem+"|"+p.Role+"|"+p.Text+"|"+p.From)
		}
	}
	want := []string{
		"count:[number]|count|At least 27|",
		"victims:(@victim_mods? @victim_mods? @victims | [org|place] @victims)?|victims|children|",
		"@be_aux?||have been|",
		"outcome:@killed_state|outcome|killed|",
		"place|place|Kandahar|context",
		"time|time|August 1|context",
		"source|source|UNICEF|context",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
