package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadDefaultRules(t *testing.T) {
	rs, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, r := range rs.Rules {
		kinds[r.Kind]++
		if !strings.Contains(r.ID, ".") {
			t.Errorf("rule id %q has no file stem", r.ID)
		}
	}
	for k := range claimRoles {
		if k != "role" && kinds[k] == 0 {
			t.Errorf("no rule of kind %s", k)
		}
	}
	if len(rs.Hash) != 64 {
		t.Errorf("hash %q", rs.Hash)
	}
}

func TestRuleErrorsHaveFileAndLine(t *testing.T) {
	dir := t.TempDir()
	bad := `rules:
  - id: ok
    kind: capture
    layer: surface
    patterns: ["place:[place] fell"]
  - id: badrole
    kind: capture
    layer: surface
    patterns:
      - "count:[number] fell"
  - id: badkind
    kind: capturez
    patterns: ["x"]
  - id: unknownlist
    kind: casualty
    layer: surface
    patterns: ["@nosuchlist"]
  - id: nolayer
    kind: capture
    patterns: ["place:[place] fell"]
  - id: badtag
    kind: casualty
    layer: dependency
    examples: ["Gunmen killed two people."]
    trigger: {lemma: [kill], upos: [VREB]}
    args: [{role: victims, rel: [obj]}]
  - id: badrel
    kind: casualty
    layer: dependency
    examples: ["Gunmen killed two people."]
    trigger: {lemma: [kill]}
    args: [{role: victim, rel: [obj]}, {role: count, rel: ["obj//nummod"]}]
  - id: mixed
    kind: casualty
    layer: dependency
    examples: ["Gunmen killed two people."]
    patterns: ["x"]
    trigger: {lemma: ["@nosuchlist"]}
  - id: numericnorole
    kind: quantity
    layer: dependency
    examples: ["The bill is $5."]
    trigger: {numeric: true, number: [money]}
    args: [{role: attribute, rel: [nsubj]}]
  - id: bothanimate
    kind: quantity
    layer: dependency
    examples: ["The bill is $5."]
    trigger: {numeric: true}
    trigger_role: value
    args: [{role: attribute, rel: [nsubj], animate: true, inanimate: true}]
  - id: badvaluenumber
    kind: quantity
    layer: surface
    value_number: [money, dollars]
    patterns: ["value:[number] dollars"]
  - id: depfallback
    kind: casualty
    layer: dependency
    fallback: true
    trigger: {lemma: [kill]}
    args: [{role: victims, rel: [obj]}]
  - id: unknownfield
    kind: capture
    layer: surface
    colour: red
    patterns: ["x"]
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadRules(dir)
	var errs RuleErrors
	if !errors.As(err, &errs) {
		t.Fatalf("want RuleErrors, got %v", err)
	}
	msg := err.Error()
	// Strict decoding stops at the unknown field; that is the one reported.
	if !strings.Contains(msg, "mine.yaml:66") || !strings.Contains(msg, "colour") {
		t.Errorf("unknown field not reported with its line:\n%s", msg)
	}
	// Without the unknown field, every other problem is reported at once.
	fixed := strings.Replace(bad, "    colour: red\n", "", 1)
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(fixed), 0o644)
	_, err = LoadRules(dir)
	msg = err.Error()
	for _, want := range []string{`mine.yaml:10: rule badrole: capture has no role "count"`, `mine.yaml:11: rule badkind: unknown claim kind "capturez"`,
		`mine.yaml:17: rule unknownlist: unknown list @nosuchlist`, `mine.yaml:18: rule nolayer: layer must be surface or dependency, not ""`,
		`mine.yaml:21: rule badtag: trigger: unknown UPOS tag "VREB"`, `mine.yaml:27: rule badrel: arg 1: "victim" is no role of the kind`,
		`mine.yaml:33: rule mixed: a dependency rule has trigger and args, not patterns`,
		`mine.yaml:39: rule numericnorole: a numeric trigger fills trigger_role value or count`,
		`mine.yaml:45: rule bothanimate: arg 1: animate and inanimate at once`,
		`mine.yaml:52: rule badvaluenumber: unknown number type "dollars" in value_number`,
		`mine.yaml:57: rule depfallback: fallback is for surface rules`} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

func TestParsePatternErrors(t *testing.T) {
	for _, p := range []string{"", "...", "a ...", "[nokind]", "(a | )", "(a b", "a )", "x:..."} {
		if _, err := parsePattern(p, nil); err == nil {
			t.Errorf("parsePattern(%q): want error", p)
		}
	}
}

// matchOne runs one pattern over text with hand-placed entities and
// returns role=text pairs of the first match.
func matchOne(t *testing.T, pattern, text string, ents []Entity) map[string]string {
	t.Helper()
	rs, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := parsePattern(pattern, rs.Lists)
	if err != nil {
		t.Fatal(err)
	}
	toks, sents := Tokenize(text)
	d := newClaimDoc(text, toks, sents, ents, nil, rs)
	sm := &sentMatcher{toks: toks, first: 0, last: sents[0].Last, mentions: d.mentions}
	for i := 0; i < len(toks); i++ {
		if _, caps, ok := sm.matchAt(p, i); ok {
			out := map[string]string{}
			for _, c := range caps {
				a := d.arg(c)
				out[c.role] = a.Text + "|" + a.Norm
			}
			return out
		}
	}
	return nil
}

func ent(text, kind, sub, norm string) Entity {
	i := strings.Index(text, sub)
	return Entity{Kind: kind, Span: Span{Start: i, End: i + len(sub)}, Text: sub, Norm: norm}
}

func TestPatternMatching(t *testing.T) {
	s := "Hayatullah Samangani claimed the provincial capital of Aybak fell to the Taliban without opposition."
	ents := []Entity{ent(s, KindPlace, "Aybak", "Aybak"), ent(s, KindOrganization, "Taliban", "Taliban")}
	got := matchOne(t, "place:[place] @fall_verbs to the? actor:[actor] manner:(without @resistance)?", s, ents)
	want := map[string]string{"place": "Aybak|Aybak", "actor": "Taliban|Taliban", "manner": "without opposition|"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	s = "Several pro-government local militia leaders also surrendered to the Taliban."
	got = matchOne(t, "actor:[np] also? surrendered to the? recipient:[actor]", s, []Entity{ent(s, KindOrganization, "Taliban", "Taliban")})
	if got["actor"] != "Several pro-government local militia leaders|" {
		t.Errorf("np actor = %q", got["actor"])
	}
	// Curly apostrophes match straight ones in patterns.
	s = "They held five of the country’s 34 provincial capitals."
	got = matchOne(t, "country's value:[number]", s, []Entity{ent(s, KindNumber, "34", "")})
	if got["value"] != "34|" {
		t.Errorf("curly apostrophe: %v", got)
	}
	// No match across a missing element.
	if got := matchOne(t, "place:[place] fell to actor:[actor]", "Aybak fell yesterday.", []Entity{ent("Aybak fell yesterday.", KindPlace, "Aybak", "Aybak")}); got != nil {
		t.Errorf("unexpected match %v", got)
	}
}
