package extract

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/extract/syntax"
)

// handTree builds a parsed sentence from lines "form lemma UPOS head rel"
// (heads 1-based, 0 the root), written by hand after UD English EWT. The
// text is the forms joined by spaces, so spans are exact.
func handTree(t *testing.T, src string) (string, []depWord) {
	t.Helper()
	var words []depWord
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(src), "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			t.Fatalf("bad tree line %q", line)
		}
		h, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("bad head in %q", line)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(f[0])
		words = append(words, depWord{Form: f[0], Lemma: f[1], UPOS: f[2], Head: h, Rel: f[4], Span: Span{Start: start, End: b.Len()}})
	}
	return b.String(), words
}

func depRuleForTest(t *testing.T, kind, spec string) *depPattern {
	t.Helper()
	rs, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	yml := "rules:\n  - id: t\n    kind: " + kind + "\n    layer: dependency\n    examples: [\"x\"]\n" + spec
	if err := os.WriteFile(filepath.Join(dir, "t.yaml"), []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	rs2, err := LoadRules(dir)
	if err != nil {
		t.Fatal(err)
	}
	_ = rs
	for _, r := range rs2.Rules {
		if r.ID == "t.t" {
			return r.Dep
		}
	}
	t.Fatal("rule t.t not loaded")
	return nil
}

// bindings prints each binding as role=phrase pairs.
func bindings(t *depTree, p *depPattern) []string {
	var out []string
	for _, b := range p.match(t, nil) {
		parts := []string{"trigger=" + t.w[b.trigger].Form}
		for i, a := range p.args {
			if b.nodes[i] < 0 || a.role == "" {
				continue
			}
			lo, hi := t.phrase(b.nodes[i])
			var ws []string
			for k := lo; k <= hi; k++ {
				ws = append(ws, t.w[k].Form)
			}
			parts = append(parts, a.role+"="+strings.Join(ws, " "))
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

const killSpec = `    trigger: {lemma: [kill], upos: [VERB]}
    trigger_role: outcome
    args:
      - {role: victims, rel: [obj, "nsubj:pass"], spread: true}
      - {role: cause, rel: [nsubj, "obl:agent"], optional: true}
      - {role: place, rel: ["obl"], case: [in, near], optional: true}
`

func TestDepMatchActivePassive(t *testing.T) {
	p := depRuleForTest(t, "casualty", killSpec)
	_, w := handTree(t, `
Gunmen gunman NOUN 2 nsubj
killed kill VERB 0 root
at at ADV 5 advmod
least least ADV 3 fixed
27 27 NUM 6 nummod
civilians civilian NOUN 2 obj
in in ADP 9 case
northern northern ADJ 9 amod
Kabul Kabul PROPN 2 obl
. . PUNCT 2 punct`)
	got := bindings(newDepTree(w), p)
	want := "trigger=killed victims=at least 27 civilians cause=Gunmen place=northern Kabul"
	if len(got) != 1 || got[0] != want {
		t.Errorf("active: got %q, want %q", got, want)
	}
	// Passive, with the agent: "Five soldiers were killed by a roadside bomb near Herat."
	_, w = handTree(t, `
Five five NUM 2 nummod
soldiers soldier NOUN 4 nsubj:pass
were be AUX 4 aux:pass
killed kill VERB 0 root
by by ADP 8 case
a a DET 8 det
roadside roadside NOUN 8 compound
bomb bomb NOUN 4 obl:agent
near near ADP 10 case
Herat Herat PROPN 4 obl
. . PUNCT 4 punct`)
	got = bindings(newDepTree(w), p)
	want = "trigger=killed victims=Five soldiers cause=a roadside bomb place=Herat"
	if len(got) != 1 || got[0] != want {
		t.Errorf("passive: got %q, want %q", got, want)
	}
}

func TestDepMatchRelativeClauseAndOfPhrase(t *testing.T) {
	p := depRuleForTest(t, "casualty", killSpec)
	// "Militants killed dozens of members of the police who guarded the
	// road.": the of-phrases belong to the victims, the relative clause
	// does not.
	_, w := handTree(t, `
Militants militant NOUN 2 nsubj
killed kill VERB 0 root
dozens dozen NOUN 2 obj
of of ADP 5 case
members member NOUN 3 nmod
of of ADP 8 case
the the DET 8 det
police police NOUN 5 nmod
who who PRON 10 nsubj
guarded guard VERB 8 acl:relcl
the the DET 12 det
road road NOUN 10 obj
. . PUNCT 2 punct`)
	got := bindings(newDepTree(w), p)
	want := "trigger=killed victims=dozens of members of the police cause=Militants"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDepMatchConjunctsSpread(t *testing.T) {
	p := depRuleForTest(t, "casualty", killSpec)
	// "The strike killed five soldiers and three civilians."
	_, w := handTree(t, `
The the DET 2 det
strike strike NOUN 3 nsubj
killed kill VERB 0 root
five five NUM 5 nummod
soldiers soldier NOUN 3 obj
and and CCONJ 8 cc
three three NUM 8 nummod
civilians civilian NOUN 5 conj
. . PUNCT 3 punct`)
	got := bindings(newDepTree(w), p)
	want := []string{"trigger=killed victims=five soldiers cause=The strike", "trigger=killed victims=three civilians cause=The strike"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDepMatchUpwardPath(t *testing.T) {
	// "An airstrike hit the market, killing 12 people.": the participle's
	// cause is the subject of the verb it modifies.
	p := depRuleForTest(t, "casualty", `    trigger: {lemma: [kill], upos: [VERB]}
    trigger_role: outcome
    args:
      - {role: victims, rel: [obj]}
      - {role: cause, rel: [nsubj, "^advcl/nsubj"], optional: true}
`)
	_, w := handTree(t, `
An a DET 2 det
airstrike airstrike NOUN 3 nsubj
hit hit VERB 0 root
the the DET 5 det
market market NOUN 3 obj
, , PUNCT 7 punct
killing kill VERB 3 advcl
12 12 NUM 9 nummod
people people NOUN 7 obj
. . PUNCT 3 punct`)
	got := bindings(newDepTree(w), p)
	want := "trigger=killing victims=12 people cause=An airstrike"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDepConstraintAndRelPrefix(t *testing.T) {
	// "leaving 30 dead": a role-less constraint on xcomp; "obl:*" matches
	// obl:tmod, a plain "obl" does not.
	p := depRuleForTest(t, "casualty", `    trigger: {lemma: [leave], upos: [VERB]}
    args:
      - {role: victims, rel: [obj]}
      - {rel: [xcomp], lemma: [dead]}
      - {role: time, rel: ["obl:*"], optional: true}
`)
	_, w := handTree(t, `
The the DET 2 det
blast blast NOUN 3 nsubj
left leave VERB 0 root
30 30 NUM 3 obj
dead dead ADJ 3 xcomp
yesterday yesterday NOUN 3 obl:tmod
. . PUNCT 3 punct`)
	got := bindings(newDepTree(w), p)
	if len(got) != 1 || got[0] != "trigger=left victims=30 time=yesterday" {
		t.Errorf("got %q", got)
	}
	// Without "dead" the constraint fails: "left 30 homes" is no casualty.
	w[4].Lemma, w[4].Form = "behind", "behind"
	if got := bindings(newDepTree(w), p); len(got) != 0 {
		t.Errorf("constraint ignored: %q", got)
	}
	q := depRuleForTest(t, "casualty", `    trigger: {lemma: [leave]}
    args:
      - {role: time, rel: [obl]}
`)
	if got := bindings(newDepTree(w), q); len(got) != 0 {
		t.Errorf("plain obl matched obl:tmod: %q", got)
	}
}

// TestDepSharedSubject: a coordinated verb without a subject of its own
// shares the first verb's ("the convoy hit a mine and was attacked"), but
// only across "and"/"or", and an active verb never takes it as object.
func TestDepSharedSubject(t *testing.T) {
	p := depRuleForTest(t, "attack", `    trigger: {lemma: [attack], upos: [VERB]}
    args:
      - {role: target, rel: [obj, "nsubj:pass"]}
      - {role: means, rel: [obl], case: [with], optional: true}
`)
	tree := `
The the DET 2 det
convoy convoy NOUN 3 nsubj
hit hit VERB 0 root
a a DET 5 det
mine mine NOUN 3 obj
and and CCONJ 8 cc
was be AUX 8 aux:pass
attacked attack VERB 3 conj
with with ADP 10 case
gunfire gunfire NOUN 8 obl`
	_, w := handTree(t, tree)
	got := bindings(newDepTree(w), p)
	if want := "trigger=attacked target=The convoy means=gunfire"; len(got) != 1 || got[0] != want {
		t.Errorf("passive conjunct: got %q, want %q", got, want)
	}
	// Without the "and" the conj is a clause the parser failed to place.
	_, w = handTree(t, strings.Replace(tree, "and and CCONJ 8 cc", ", , PUNCT 8 punct", 1))
	if got := bindings(newDepTree(w), p); len(got) != 0 {
		t.Errorf("no coordinator: got %q, want nothing", got)
	}
	// "Rebels stormed the town and attacked": the active verb's subject is
	// its actor, never its target.
	_, w = handTree(t, `
Rebels rebel NOUN 2 nsubj
stormed storm VERB 0 root
the the DET 4 det
town town NOUN 2 obj
and and CCONJ 6 cc
attacked attack VERB 2 conj`)
	if got := bindings(newDepTree(w), p); len(got) != 0 {
		t.Errorf("active conjunct: got %q, want nothing", got)
	}
}

// TestDepNumericTrigger: a figure is the trigger (the "$", not its
// digits), and a coordinated figure the parser attached flat beside the
// first ("by 0.25 percent or $63.1 billion") is spread too.
func TestDepNumericTrigger(t *testing.T) {
	p := depRuleForTest(t, "quantity", `    trigger: {numeric: true, rel: [compound]}
    trigger_role: value
    args:
      - {role: attribute, rel: ["^compound"]}
`)
	_, w := handTree(t, `
a a DET 6 det
$ $ SYM 6 compound
75.3 75.3 NUM 4 compound
billion billion NUM 2 nummod
dollar dollar NOUN 6 compound
hit hit NOUN 0 root`)
	got := bindings(newDepTree(w), p)
	if want := "trigger=$ attribute=a $ 75.3 billion dollar hit"; len(got) != 1 || got[0] != want {
		t.Errorf("figure before its noun: got %q, want %q", got, want)
	}
	p = depRuleForTest(t, "quantity", `    trigger: {lemma: [reduce], upos: [VERB]}
    args:
      - {role: attribute, rel: [obj]}
      - {role: value, rel: [obl], case: [by], spread: true}
`)
	_, w = handTree(t, `
Tariffs tariff NOUN 3 nsubj
would would AUX 3 aux
reduce reduce VERB 0 root
GDP GDP PROPN 3 obj
by by ADP 7 case
0.25 0.25 NUM 7 nummod
percent percent NOUN 3 obl
or or CCONJ 9 cc
$ $ SYM 3 obl
63.1 63.1 NUM 11 compound
billion billion NUM 9 nummod`)
	got = bindings(newDepTree(w), p)
	want := []string{"trigger=reduce attribute=GDP value=0.25 percent", "trigger=reduce attribute=GDP value=$ 63.1 billion"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("flat coordination: got %q, want %q", got, want)
	}
}

func TestTreeCertainty(t *testing.T) {
	for _, c := range []struct {
		tree, want string
	}{
		// "The strike could kill civilians."
		{`
The the DET 2 det
strike strike NOUN 4 nsubj
could could AUX 4 aux
kill kill VERB 0 root
civilians civilian NOUN 4 obj`, Hypothetical},
		// "No one was hurt."
		{`
No no DET 2 det
one one PRON 4 nsubj:pass
was be AUX 4 aux:pass
hurt hurt VERB 0 root`, negated},
		// "The army denied that it killed civilians."
		{`
The the DET 2 det
army army NOUN 3 nsubj
denied deny VERB 0 root
that that SCONJ 6 mark
it it PRON 6 nsubj
killed kill VERB 3 ccomp
civilians civilian NOUN 6 obj`, Denied},
		// "Police said they arrested 20 people."
		{`
Police police NOUN 2 nsubj
said say VERB 0 root
they they PRON 4 nsubj
arrested arrest VERB 2 ccomp
20 20 NUM 6 nummod
people person NOUN 4 obj`, Asserted},
		// "Militants did not kill the hostages."
		{`
Militants militant NOUN 4 nsubj
did do AUX 4 aux
not not PART 4 advmod
kill kill VERB 0 root
the the DET 6 det
hostages hostage NOUN 4 obj`, negated},
	} {
		_, w := handTree(t, c.tree)
		tr := newDepTree(w)
		trig := -1
		for i, x := range w {
			if x.Lemma == "kill" || x.Lemma == "hurt" || x.Lemma == "arrest" {
				trig = i
			}
		}
		if got := tr.treeCertainty(trig); got != c.want {
			t.Errorf("%s: certainty %s, want %s", strings.Fields(c.tree)[0], got, c.want)
		}
	}
}

// TestDepClaimsThroughExtract runs a dependency rule through the whole
// claim builder with a hand-made parse standing in for the parser: the
// count takes the number finder's value, the claim its certainty from
// the tree, and a figurative object ("killed the bill") is no victim.
func TestDepClaimsThroughExtract(t *testing.T) {
	dir := t.TempDir()
	yml := `rules:
  - id: killed_dep
    kind: casualty
    layer: dependency
    norm: {outcome: killed}
    examples: ["Gunmen killed 27 civilians in Kabul."]
    trigger: {lemma: [kill], upos: [VERB]}
    trigger_role: outcome
    args:
      - {role: victims, rel: [obj, "nsubj:pass"], animate: true, spread: true}
      - {role: count, rel: ["obj/nummod", "nsubj:pass/nummod", obj, "nsubj:pass"], upos: [NUM], optional: true}
      - {role: cause, rel: [nsubj, "obl:agent"], optional: true}
`
	if err := os.WriteFile(filepath.Join(dir, "dep.yaml"), []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := New(Options{RulesDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	trees := map[string][]depWord{}
	add := func(src string) string {
		text, w := handTree(t, src)
		trees[text] = w
		return text
	}
	s1 := add(`
Gunmen gunman NOUN 2 nsubj
killed kill VERB 0 root
at at ADV 5 advmod
least least ADV 3 fixed
27 27 NUM 6 nummod
civilians civilian NOUN 2 obj
and and CCONJ 9 cc
two two NUM 9 nummod
soldiers soldier NOUN 6 conj
.  . PUNCT 2 punct`)
	s2 := add(`
The the DET 2 det
senator senator NOUN 3 nsubj
killed kill VERB 0 root
the the DET 5 det
bill bill NOUN 3 obj
. . PUNCT 3 punct`)
	s3 := add(`
The the DET 2 det
strike strike NOUN 4 nsubj
could could AUX 4 aux
kill kill VERB 0 root
hundreds hundred NOUN 4 obj
. . PUNCT 4 punct`)
	x := *base
	x.parse = func(text string, s Sentence, _ []Token, _ []syntax.Word) []depWord {
		w := trees[text[s.Start:s.End]]
		out := make([]depWord, len(w))
		for i, y := range w {
			y.Span.Start += s.Start
			y.Span.End += s.Start
			out[i] = y
		}
		return out
	}
	text := s1 + "\n\n" + s2 + "\n\n" + s3
	res := x.Extract(Doc{Text: text, Explain: true})
	// The first count is read by the surface rule as well, which wins the
	// tie; the coordinated one only the tree gives (this rule, or the
	// built-in casualty.killed_tree, whichever comes first). "killed the
	// bill" and "could kill" give nothing.
	got := formatClaims(res.Claims)
	want := `casualty casualty.killed_active asserted
  cause "Gunmen"
  outcome "killed"
  count "at least 27" value=27 qualifier=at_least
  victims "civilians"
casualty casualty.killed_tree asserted
  cause "Gunmen"
  outcome "killed"
  victims "two soldiers"
  count "two" value=2
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	for _, c := range res.Claims {
		for _, a := range c.Args {
			if text[a.Start:a.End] != a.Text {
				t.Errorf("arg %s %q does not slice to its text", a.Role, a.Text)
			}
		}
		if c.Rule == "casualty.killed_tree" && (c.Explain == nil || c.Explain.Layer != "dependency" || len(c.Explain.Parts) < 3) {
			t.Errorf("explanation: %+v", c.Explain)
		}
	}
	fired := map[string]bool{}
	x.extract(context.Background(), Doc{Text: s1}, fired)
	if !fired["dep.killed_dep"] || !fired["casualty.killed_tree"] {
		t.Errorf("fired: %v", fired)
	}
}

// TestDepSharedObject: a verb coordinated before another with no object
// of its own shares the second one's ("attacking and fighting Kenyan
// troops"), but not when it has a complement of its own or the second
// verb a subject of its own.
func TestDepSharedObject(t *testing.T) {
	p := depRuleForTest(t, "attack", `    trigger: {lemma: [attack], upos: [VERB]}
    args:
      - {role: target, rel: [obj]}
      - {role: actor, rel: [nsubj], optional: true}
`)
	tree := `
Rebels rebel NOUN 4 nsubj
have have AUX 4 aux
been be AUX 4 aux
attacking attack VERB 0 root
and and CCONJ 6 cc
fighting fight VERB 4 conj
government government NOUN 8 compound
troops troops NOUN 6 obj`
	_, w := handTree(t, tree)
	got := bindings(newDepTree(w), p)
	if want := "trigger=attacking target=government troops actor=Rebels"; len(got) != 1 || got[0] != want {
		t.Errorf("shared object: got %q, want %q", got, want)
	}
	// "Rebels attacked and the army fought the troops": the second verb
	// has its own subject, so its object is its own.
	_, w = handTree(t, `
Rebels rebel NOUN 2 nsubj
attacked attack VERB 0 root
and and CCONJ 6 cc
the the DET 5 det
army army NOUN 6 nsubj
fought fight VERB 2 conj
the the DET 8 det
troops troops NOUN 6 obj`)
	if got := bindings(newDepTree(w), p); len(got) != 0 {
		t.Errorf("own subject: got %q, want nothing", got)
	}
}

// TestDepParticipleSubject: a passive participle without a subject takes
// the noun it modifies (a reduced relative), or the root noun the parser
// hung the passive clause on; an active verb never a passive subject.
func TestDepParticipleSubject(t *testing.T) {
	p := depRuleForTest(t, "casualty", `    trigger: {lemma: [kill], upos: [VERB]}
    trigger_role: outcome
    args:
      - {role: victims, rel: ["nsubj:pass"]}
`)
	_, w := handTree(t, `
Today today NOUN 4 obl:unmarked
the the DET 4 det
fugitive fugitive ADJ 4 amod
leader leader NOUN 0 root
of of ADP 6 case
ISIS ISIS PROPN 4 nmod
was be AUX 8 aux:pass
killed kill VERB 4 dep`)
	if got, want := bindings(newDepTree(w), p), "trigger=killed victims=the fugitive leader of ISIS"; len(got) != 1 || got[0] != want {
		t.Errorf("misparsed root: got %q, want %q", got, want)
	}
	_, w = handTree(t, `
The the DET 2 det
soldiers soldier NOUN 6 nsubj
killed kill VERB 2 acl
in in ADP 5 case
raids raid NOUN 3 obl
were be AUX 6 cop
buried bury VERB 0 root`)
	w[2].XPOS = "VBN"
	if got, want := bindings(newDepTree(w), p), "trigger=killed victims=The soldiers"; len(got) != 1 || got[0] != want {
		t.Errorf("reduced relative: got %q, want %q", got, want)
	}
	w[2].XPOS = "VBG" // "soldiers killing civilians": the soldiers kill
	if got := bindings(newDepTree(w), p); len(got) != 0 {
		t.Errorf("present participle: got %q, want nothing", got)
	}
}

// TestDepStrictAgent: a strict optional argument may be absent, but a node
// that is there and fails its constraint stops the rule ("the strange new
// reality that had ambushed her" is no attack).
func TestDepStrictAgent(t *testing.T) {
	p := depRuleForTest(t, "attack", `    trigger: {lemma: [ambush], upos: [VERB]}
    args:
      - {role: target, rel: [obj]}
      - {role: actor, rel: [nsubj], optional: true, strict: true, lemma: [militant]}
`)
	for _, c := range []struct{ tree, want string }{
		{"Militants militant NOUN 2 nsubj\nambushed ambush VERB 0 root\nthe the DET 4 det\nconvoy convoy NOUN 2 obj", "trigger=ambushed target=the convoy actor=Militants"},
		{"Reality reality NOUN 2 nsubj\nambushed ambush VERB 0 root\nher she PRON 2 obj", ""},
		{"ambushed ambush VERB 0 root\nthe the DET 3 det\nconvoy convoy NOUN 1 obj", "trigger=ambushed target=the convoy"},
	} {
		_, w := handTree(t, c.tree)
		got := strings.Join(bindings(newDepTree(w), p), "|")
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.tree, got, c.want)
		}
	}
	if _, err := compileDep(depSpec{Trigger: depTriggerSpec{Lemma: []string{"x"}}, Args: []depArgSpec{{Role: "actor", Rel: []string{"nsubj"}, Strict: true}}}, []string{"actor"}, nil); err == nil {
		t.Error("strict on a required argument: no error")
	}
}

// TestClauseClosesQuote: a complement clause that opens a quotation runs
// on to the word that closes it, even when the parser hung the rest of
// the quotation on a verb outside the clause; a clause whose quotation
// is closed inside it, or that has none, keeps its subtree.
func TestClauseClosesQuote(t *testing.T) {
	_, w := handTree(t, `
Officials official NOUN 2 nsubj
said say VERB 0 root
, , PUNCT 4 punct
adding add VERB 2 advcl
that that SCONJ 9 mark
aid aid NOUN 9 nsubj
was be AUX 9 cop
“ “ PUNCT 9 punct
scarce scarce ADJ 4 ccomp
, , PUNCT 12 punct
and and CCONJ 12 cc
falling fall VERB 2 conj
” ” PUNCT 12 punct
. . PUNCT 2 punct`)
	tr := newDepTree(w)
	if lo, hi := tr.clause(8); lo != 4 || hi != 12 {
		t.Errorf("clause of 'scarce' = words %d-%d, want 4-12 (to the closing quote)", lo, hi)
	}
	_, w = handTree(t, `
Officials official NOUN 2 nsubj
said say VERB 0 root
aid aid NOUN 6 nsubj
was be AUX 6 cop
“ “ PUNCT 6 punct
scarce scarce ADJ 2 ccomp
” ” PUNCT 6 punct
and and CCONJ 9 cc
left leave VERB 2 conj
. . PUNCT 2 punct`)
	tr = newDepTree(w)
	if lo, hi := tr.clause(5); lo != 2 || hi != 6 {
		t.Errorf("clause of 'scarce' = words %d-%d, want 2-6 (its quotation closed inside)", lo, hi)
	}
}
