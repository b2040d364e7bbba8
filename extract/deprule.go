package extract

import (
	"fmt"
	"slices"
	"strings"
)

// Dependency rules match a sentence's dependency tree (UD v2 relations, as
// extract/syntax parses it) instead of its word sequence. A rule names a
// trigger word (a lemma list and parts of speech) and, per argument, the
// path of relations from the trigger to the argument's node:
//
//	trigger: {lemma: [kill, "@kill_lemmas"], upos: [VERB]}
//	trigger_role: outcome          # the trigger's own word fills a role
//	args:
//	  - {role: victims, rel: [obj, "nsubj:pass"], animate: true}
//	  - {role: count, rel: ["obj/nummod", "nsubj:pass/nummod"], optional: true}
//	  - {role: cause, rel: [nsubj, "obl:agent", "^advcl/nsubj"], optional: true}
//	  - {role: place, rel: [obl], case: [in, near, at], optional: true}
//	  - {rel: [xcomp], lemma: [dead]}   # a constraint that fills no role
//
// A path is relations joined by "/", each a step down to a dependent with
// that relation, or "^rel" a step up from a word attached to its head by
// rel. "obl:*" matches obl and its subtypes; a plain "obl" matches obl
// alone, so that "nsubj" never matches "nsubj:pass". The alternatives of
// rel are tried in order. An argument is its node's phrase: the node with
// its determiners, modifiers, compounds, numbers and of-phrases, without
// relative clauses, appositions, conjuncts or the node's own preposition.
type depWord struct {
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Head  int // 1-based, 0 for the root
	Rel   string
	Span  Span
}

// depSpec is a dependency rule as written in YAML.
type depSpec struct {
	Trigger     depTriggerSpec `yaml:"trigger"`
	TriggerRole string         `yaml:"trigger_role"`
	Args        []depArgSpec   `yaml:"args"`
}

type depTriggerSpec struct {
	Lemma []string `yaml:"lemma"`
	UPOS  []string `yaml:"upos"`
}

type depArgSpec struct {
	Role     string   `yaml:"role"`
	Rel      []string `yaml:"rel"`
	Case     []string `yaml:"case"`
	UPOS     []string `yaml:"upos"`
	Lemma    []string `yaml:"lemma"`
	Optional bool     `yaml:"optional"`
	// Animate: the node must name people: a word of the victims lists, a
	// person, organization or place mention (a demonym), a number, or a
	// noun a number counts ("killed the bill" names no victim).
	Animate bool `yaml:"animate"`
	// Physical: the node names people or a thing or place one can strike
	// (a mention, or a word of @attack_targets): "attacked the plan" is
	// criticism, not an attack.
	Physical bool `yaml:"physical"`
	// Spread: each conjunct of the node makes a claim of its own
	// ("killed five soldiers and three civilians").
	Spread bool `yaml:"spread"`
	// Number: for a count or value, the number types it may be (money,
	// percent, ...; extract's number finder); empty takes any.
	Number []string `yaml:"number"`
}

// depPattern is a compiled dependency rule.
type depPattern struct {
	lemmas      map[string]bool
	upos        map[string]bool
	triggerRole string
	args        []depArg
	src         string // for --explain
}

type depArg struct {
	role     string
	paths    [][]depStep
	pathSrc  []string
	cases    map[string]bool
	upos     map[string]bool
	lemmas   map[string]bool
	optional bool
	animate  bool
	physical bool
	spread   bool
	number   map[string]bool
}

type depStep struct {
	rel    string
	up     bool
	prefix bool // "obl:*"
}

var uposTags = map[string]bool{"ADJ": true, "ADP": true, "ADV": true, "AUX": true, "CCONJ": true, "DET": true, "INTJ": true,
	"NOUN": true, "NUM": true, "PART": true, "PRON": true, "PROPN": true, "PUNCT": true, "SCONJ": true, "SYM": true, "VERB": true, "X": true}

// wordSet builds a set of folded words; "@name" takes a list's one-word
// entries.
func wordSet(words []string, lists map[string][][]string) (map[string]bool, error) {
	if len(words) == 0 {
		return nil, nil
	}
	out := map[string]bool{}
	for _, w := range words {
		if name, ok := strings.CutPrefix(w, "@"); ok {
			entries, ok := lists[name]
			if !ok {
				return nil, fmt.Errorf("unknown list %s", w)
			}
			for _, e := range entries {
				out[strings.Join(e, " ")] = true
			}
			continue
		}
		out[foldLower(w)] = true
	}
	return out, nil
}

func uposSet(tags []string) (map[string]bool, error) {
	if len(tags) == 0 {
		return nil, nil
	}
	out := map[string]bool{}
	for _, t := range tags {
		if !uposTags[t] {
			return nil, fmt.Errorf("unknown UPOS tag %q", t)
		}
		out[t] = true
	}
	return out, nil
}

func compileDep(s depSpec, roles []string, lists map[string][][]string) (*depPattern, error) {
	p := &depPattern{triggerRole: s.TriggerRole}
	var err error
	if len(s.Trigger.Lemma) == 0 {
		return nil, fmt.Errorf("a dependency rule needs trigger.lemma")
	}
	if p.lemmas, err = wordSet(s.Trigger.Lemma, lists); err != nil {
		return nil, fmt.Errorf("trigger: %v", err)
	}
	if p.upos, err = uposSet(s.Trigger.UPOS); err != nil {
		return nil, fmt.Errorf("trigger: %v", err)
	}
	if s.TriggerRole != "" && !slices.Contains(roles, s.TriggerRole) {
		return nil, fmt.Errorf("trigger_role %q is no role of the kind (roles: %s)", s.TriggerRole, strings.Join(roles, ", "))
	}
	var src []string
	src = append(src, "trigger "+strings.Join(s.Trigger.Lemma, "|"))
	for i, a := range s.Args {
		da := depArg{role: a.Role, optional: a.Optional, animate: a.Animate, physical: a.Physical, spread: a.Spread, pathSrc: a.Rel}
		if len(a.Number) > 0 {
			da.number = map[string]bool{}
			for _, n := range a.Number {
				da.number[n] = true
			}
		}
		if a.Role != "" && !slices.Contains(roles, a.Role) {
			return nil, fmt.Errorf("arg %d: %q is no role of the kind (roles: %s)", i+1, a.Role, strings.Join(roles, ", "))
		}
		if a.Role == "" && len(a.Lemma) == 0 && len(a.UPOS) == 0 && len(a.Case) == 0 {
			return nil, fmt.Errorf("arg %d: an argument without a role must constrain its node (lemma, upos or case)", i+1)
		}
		if len(a.Rel) == 0 {
			return nil, fmt.Errorf("arg %d: no rel", i+1)
		}
		for _, r := range a.Rel {
			path, err := parseDepPath(r)
			if err != nil {
				return nil, fmt.Errorf("arg %d: %v", i+1, err)
			}
			da.paths = append(da.paths, path)
		}
		if da.cases, err = wordSet(a.Case, lists); err != nil {
			return nil, fmt.Errorf("arg %d case: %v", i+1, err)
		}
		if da.lemmas, err = wordSet(a.Lemma, lists); err != nil {
			return nil, fmt.Errorf("arg %d lemma: %v", i+1, err)
		}
		if da.upos, err = uposSet(a.UPOS); err != nil {
			return nil, fmt.Errorf("arg %d: %v", i+1, err)
		}
		p.args = append(p.args, da)
		src = append(src, fmt.Sprintf("%s:%s", a.Role, strings.Join(a.Rel, "|")))
	}
	p.src = strings.Join(src, " ")
	return p, nil
}

func parseDepPath(s string) ([]depStep, error) {
	var out []depStep
	for _, part := range strings.Split(s, "/") {
		st := depStep{}
		if r, ok := strings.CutPrefix(part, "^"); ok {
			st.up, part = true, r
		}
		if r, ok := strings.CutSuffix(part, ":*"); ok {
			st.prefix, part = true, r
		}
		if part == "" || strings.ContainsAny(part, " *^") {
			return nil, fmt.Errorf("bad relation path %q", s)
		}
		st.rel = part
		out = append(out, st)
	}
	return out, nil
}

func (st depStep) matches(rel string) bool {
	if st.prefix {
		return rel == st.rel || strings.HasPrefix(rel, st.rel+":")
	}
	return rel == st.rel
}

// depTree is one parsed sentence with its children lists.
type depTree struct {
	w    []depWord
	kids [][]int // 0-based word -> 0-based dependents, in order
}

func newDepTree(w []depWord) *depTree {
	t := &depTree{w: w, kids: make([][]int, len(w))}
	for i, x := range w {
		if h := x.Head - 1; h >= 0 && h < len(w) && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

func (t *depTree) lemma(i int) string { return foldLower(t.w[i].Lemma) }

// passive reports whether node n is a passive verb.
func (t *depTree) passive(n int) bool {
	for _, k := range t.kids[n] {
		if r := t.w[k].Rel; r == "aux:pass" || r == "nsubj:pass" {
			return true
		}
	}
	return false
}

// numeric reports whether node n is a number or has one as its nummod
// ("$ 185.25" parses as "$" with the number below it).
func (t *depTree) numeric(n int) bool {
	if t.w[n].UPOS == "NUM" {
		return true
	}
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "nummod" && t.w[k].UPOS == "NUM" {
			return true
		}
	}
	return false
}

// follow returns the nodes a path reaches from node i.
func (t *depTree) follow(i int, path []depStep) []int {
	cur := []int{i}
	for _, st := range path {
		var next []int
		for _, n := range cur {
			if st.up {
				if h := t.w[n].Head - 1; h >= 0 && st.matches(t.w[n].Rel) {
					next = append(next, h)
				}
				continue
			}
			if st.rel == "nsubj" && !st.prefix && t.passive(n) {
				continue // a passive verb has no agent subject; "nsubj" there is a misparse
			}
			for _, k := range t.kids[n] {
				if st.matches(t.w[k].Rel) && (t.w[k].Rel != "obl:agent" || t.caseOf(k) == "by") {
					next = append(next, k) // an agent without "by" is a misparse
				}
			}
		}
		cur = next
	}
	return cur
}

// caseOf returns the lemma of node n's case (or mark) dependent, "" when none.
func (t *depTree) caseOf(n int) string {
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "case" {
			// "because of", "ahead of": the last word of a fixed case.
			l := t.lemma(k)
			for _, f := range t.kids[k] {
				if t.w[f].Rel == "fixed" {
					l += " " + t.lemma(f)
				}
			}
			return l
		}
	}
	return ""
}

// phraseRels are the dependents an argument's phrase keeps.
var phraseRels = map[string]bool{"det": true, "det:poss": true, "det:predet": true, "amod": true, "compound": true, "nummod": true,
	"flat": true, "fixed": true, "nmod:poss": true, "case": true, "advmod": true, "nmod": true, "nmod:npmod": true,
	"compound:prt": true, "goeswith": true, "punct": true, "obl:npmod": true, "nmod:unmarked": true, "flat:name": true}

// phrase returns the first and last word (0-based, inclusive) of node n's
// phrase.
func (t *depTree) phrase(n int) (int, int) {
	lo, hi := n, n
	var walk func(k int, top bool)
	walk = func(k int, top bool) {
		lo, hi = min(lo, k), max(hi, k)
		for _, c := range t.kids[k] {
			r := t.w[c].Rel
			if !phraseRels[r] {
				continue
			}
			if top && r == "case" {
				continue // "in the town": the place is "the town"
			}
			if strings.HasPrefix(r, "nmod") && r != "nmod:poss" && r != "nmod:npmod" && t.caseOf(c) != "of" {
				continue // "members of the forces" yes, "people in Kabul" no
			}
			if r == "punct" {
				continue // inner punctuation comes with the span; edges stay out
			}
			walk(c, false)
		}
	}
	walk(n, true)
	// Contiguity: a phrase never runs over a word outside it that is no
	// punctuation of its own (a non-projective arc).
	for k := lo; k <= hi; k++ {
		if !t.inside(k, n) && t.w[k].UPOS != "PUNCT" {
			if k < n {
				lo = k + 1
			} else {
				hi = k - 1
				break
			}
		}
	}
	return lo, hi
}

// inside reports whether k is n or below it.
func (t *depTree) inside(k, n int) bool {
	for steps := 0; k >= 0 && steps <= len(t.w); steps++ {
		if k == n {
			return true
		}
		k = t.w[k].Head - 1
	}
	return false
}

// depBinding is one match: the trigger and, per argument, its node (-1
// when an optional argument is absent).
type depBinding struct {
	trigger int
	nodes   []int
}

// match returns every binding of p in t. animate reports whether a node
// names people (it needs the claim document's mentions and lists).
func (p *depPattern) match(t *depTree, sem *depSemantics) []depBinding {
	var out []depBinding
	for i := range t.w {
		// The lemma, or the form: a list may hold an irregular form the
		// lemmatizer gets wrong ("fled").
		if !p.lemmas[t.lemma(i)] && !p.lemmas[foldLower(t.w[i].Form)] || p.upos != nil && !p.upos[t.w[i].UPOS] {
			continue
		}
		b := depBinding{trigger: i, nodes: make([]int, len(p.args))}
		ok := true
		for ai, a := range p.args {
			b.nodes[ai] = -1
			for _, path := range a.paths {
				for _, n := range t.follow(i, path) {
					if a.accepts(t, n, sem) {
						b.nodes[ai] = n
						break
					}
				}
				if b.nodes[ai] >= 0 {
					break
				}
			}
			if b.nodes[ai] < 0 && !a.optional {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		out = append(out, b)
		// One claim per conjunct of a spread argument.
		for ai, a := range p.args {
			if !a.spread || b.nodes[ai] < 0 {
				continue
			}
			for _, c := range t.kids[b.nodes[ai]] {
				if t.w[c].Rel == "conj" && a.accepts(t, c, sem) {
					nb := depBinding{trigger: i, nodes: slices.Clone(b.nodes)}
					nb.nodes[ai] = c
					// A count below the first conjunct belongs to it.
					for aj, o := range p.args {
						if aj != ai && nb.nodes[aj] >= 0 && t.inside(nb.nodes[aj], b.nodes[ai]) && nb.nodes[aj] != b.nodes[ai] {
							nb.nodes[aj] = -1
							for _, path := range o.paths {
								if len(path) > 1 {
									for _, n := range t.follow(c, path[len(path)-1:]) {
										if o.accepts(t, n, sem) {
											nb.nodes[aj] = n
										}
									}
								}
							}
							if nb.nodes[aj] < 0 && !o.optional {
								nb.nodes[aj] = -2 // required and gone: drop
							}
						}
					}
					if !slices.Contains(nb.nodes, -2) {
						out = append(out, nb)
					}
				}
			}
		}
	}
	return out
}

// depSemantics answers what the tree cannot: whether a node names
// people, or something one can attack (the claim document's mentions and
// word lists). A nil one accepts every node.
type depSemantics struct {
	animate  func(t *depTree, n int) bool
	physical func(t *depTree, n int) bool
}

func (a depArg) accepts(t *depTree, n int, sem *depSemantics) bool {
	if a.upos != nil && !a.upos[t.w[n].UPOS] {
		return false
	}
	if (a.role == "count" || a.role == "value") && !t.numeric(n) {
		return false // "closed in New York at $185.25": the obl with a number
	}
	if a.lemmas != nil && !a.lemmas[t.lemma(n)] && !a.lemmas[foldLower(t.w[n].Form)] {
		return false
	}
	if a.cases != nil && !a.cases[t.caseOf(n)] {
		return false
	}
	if sem != nil && (a.animate && !sem.animate(t, n) || a.physical && !sem.physical(t, n)) {
		return false
	}
	return true
}

// treeCertainty reads negation, modals and embedding off the trigger:
// "not"/"never" or a subject with "no" (negated), a modal or a
// conditional clause (hypothetical), a clause under deny (denied), under
// claim/allege/accuse (alleged).
func (t *depTree) treeCertainty(i int) string {
	for _, k := range t.kids[i] {
		r, l := t.w[k].Rel, t.lemma(k)
		switch {
		case (r == "advmod" || r == "neg") && (l == "not" || l == "never" || l == "n't"):
			return negated
		case r == "aux" && (l == "could" || l == "might" || l == "may" || l == "would" || l == "can" || l == "should"):
			return Hypothetical
		case r == "mark" && (l == "if" || l == "unless"):
			return Hypothetical
		case strings.HasPrefix(r, "nsubj") || r == "obj":
			if l == "nobody" || l == "none" || l == "no one" {
				return negated
			}
			for _, d := range t.kids[k] {
				if t.w[d].Rel == "det" && t.lemma(d) == "no" {
					return negated
				}
			}
		}
	}
	// A verb in the simple present or bare infinitive states no event: a
	// habit, a rule, a plan ("they kill people", "to kill the journalist").
	if t.w[i].UPOS == "VERB" {
		switch t.w[i].XPOS {
		case "VBP", "VBZ":
			return Hypothetical
		case "VB":
			// "tried to kill", not "were able to apprehend".
			if h := t.w[i].Head - 1; h >= 0 {
				switch t.lemma(h) {
				case "able", "manage", "succeed", "help":
				default:
					return Hypothetical
				}
			}
		}
	}
	// Embedding: the clause the trigger heads is the complement of a verb
	// of denial, claim or threat; "xcomp"/"ccomp" of "threaten", "plan".
	for n, steps := i, 0; steps < 4; steps++ {
		r := t.w[n].Rel
		h := t.w[n].Head - 1
		if h < 0 || !(r == "ccomp" || r == "xcomp" || r == "conj" || r == "advcl" || r == "acl" || r == "csubj") {
			break
		}
		switch t.lemma(h) {
		case "deny", "reject":
			return Denied
		case "claim", "allege", "accuse":
			return Alleged
		case "threaten", "plan", "vow", "want", "try", "seek", "fear", "warn", "intend", "aim":
			if r != "conj" {
				return Hypothetical
			}
		}
		for _, k := range t.kids[h] {
			if r != "conj" && t.w[k].Rel == "aux" {
				switch t.lemma(k) {
				case "could", "might", "may", "would":
					return Hypothetical
				}
			}
		}
		n = h
	}
	return Asserted
}
