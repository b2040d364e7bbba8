package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsclaims/newsclaims/extract/syntax"
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
//
// depWord is one word of a tree: the parser's own word (Head 1-based, 0
// for the root; SpaceAfter unread here), so that a tree holds the
// parser's output without a copy of every word.
type depWord = syntax.Word

// depSpec is a dependency rule as written in YAML.
type depSpec struct {
	Trigger     depTriggerSpec `yaml:"trigger"`
	TriggerRole string         `yaml:"trigger_role"`
	Args        []depArgSpec   `yaml:"args"`
}

type depTriggerSpec struct {
	Lemma []string `yaml:"lemma"`
	UPOS  []string `yaml:"upos"`
	// Numeric: the trigger is a figure (a number, or a word a number
	// modifies: "$" in "$5,000", "percent" in "78 percent"), of the
	// number types Number names (any when empty); with trigger_role
	// value it is the value. A numeric trigger needs no lemma; one it has
	// is that of the word that carries the figure ("kilometers" of "100,000
	// square kilometers").
	Numeric bool     `yaml:"numeric"`
	Number  []string `yaml:"number"`
	// Rel: the trigger's own relation to its head ("compound" for the
	// "$75 billion" of "a $75 billion hit"); Case: its case word ("of"
	// in "a price tag of $2 billion"; "none" for no case word).
	Rel  []string `yaml:"rel"`
	Case []string `yaml:"case"`
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
	// Coordination: the argument is the whole coordination its node
	// heads ("Alawites, Kurds and Christians make up 35%": one share of
	// all three, not a share each as spread would read it).
	Coordination bool `yaml:"coordination"`
	// Number: for a count or value, the number types it may be (money,
	// percent, ...; extract's number finder); empty takes any.
	Number []string `yaml:"number"`
	// Units: a plain count is a value of this rule too when the noun it
	// counts is one of these units of measure ("fell 250 index points",
	// "rose by 200,000 barrels a day"): the noun is the claim's unit.
	// Without number, such counts are the only figures taken.
	Units []string `yaml:"units"`
	// Place: the node names a place: a place mention, or a word of
	// @place_nouns ("the town", "an army base"); "took control of the
	// market" is business.
	Place bool `yaml:"place"`
	// Person: the node names people by its words (a name, a group, a
	// word for people), not merely by a number ("3.5 percent").
	Person bool `yaml:"person"`
	// Min: a count or value below it is no figure of this rule ("added
	// two landers" enumerates; "added 200,000 jobs" measures).
	Min float64 `yaml:"min"`
	// Inanimate: the node must not name people ("a total of 500 people"
	// is a count of people, "a total of $5 million" a quantity).
	Inanimate bool `yaml:"inanimate"`
	// Agent: the node names someone who can act (a person, group, name or
	// place, a word for attackers, forces, weapons or aircraft): "the
	// strange new reality" cannot ambush anyone.
	Agent bool `yaml:"agent"`
	// Figure: the node is a figure (a number, or a word a number
	// modifies: "$", "percent"), or no noun at all ("much" of "as much as
	// 20%"): not a thing such as "premiums".
	Figure bool `yaml:"figure"`
	// Strict: an optional argument that may be absent but, when a node is
	// there, must pass: "the strange new reality that had ambushed her"
	// has a subject, and it is no attacker, so there is no attack.
	Strict bool `yaml:"strict"`
	// Human: the node names a person or people (a person mention, a word
	// for people), not an organization: "Gallinari added 25 points" is a
	// score, "the Nasdaq Composite added 20 points" an index.
	Human bool `yaml:"human"`
	// Armed: the node names an armed group or a military (an
	// organization of type armed_group or military, or a word of
	// @attackers or @force_nouns): "al-Shabab attacks" are armed ones,
	// "Republican attacks" or "Trump's attacks on the press" words.
	Armed bool `yaml:"armed"`
	// Absent: no node along the paths may pass the arg's constraints
	// (the negated relation of Semgrex): "the suspect fled the scene" is an
	// escape, not a displacement. It fills no role.
	Absent bool `yaml:"absent"`
	// Clause: the argument is the node's whole clause (its subtree), not
	// its noun phrase, widened over the complements that finish it ("described
	// the flooding as the worst in a decade"): what a statement says.
	Clause bool `yaml:"clause"`
	// WithTrigger: a constraint (no role) whose word follows the trigger
	// directly is part of the trigger's text: the outcome of "was found
	// dead" is "found dead", not "found", which says nothing of a death.
	WithTrigger bool `yaml:"with_trigger"`
}

// depPattern is a compiled dependency rule.
type depPattern struct {
	lemmas  map[string]bool
	upos    map[string]bool
	numeric bool
	number  map[string]bool // the numeric trigger's number types, nil for any
	// fraction and multiple are number[NumFraction] and
	// number[NumMultiple], read once: triggers tests them for every word
	// of every parsed sentence.
	fraction, multiple bool
	rels               []depStep // the trigger's own relation, nil for any
	cases              map[string]bool
	triggerRole        string
	args               []depArg
	src                string // for --explain
	// index is the pattern's place among its rule set's lemma-triggered
	// patterns (RuleSet.triggerCands), -1 for a numeric trigger.
	index int
}

type depArg struct {
	role      string
	paths     [][]depStep
	pathSrc   []string
	cases     map[string]bool
	upos      map[string]bool
	lemmas    map[string]bool
	optional  bool
	animate   bool
	inanimate bool
	person    bool
	place     bool
	physical  bool
	spread    bool
	coord     bool
	strict    bool
	agent     bool
	figure    bool
	number    map[string]bool
	units     map[string]bool
	absent    bool
	human     bool
	armed     bool
	min       float64
	clause    bool
	withTrig  bool
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
	p := &depPattern{triggerRole: s.TriggerRole, numeric: s.Trigger.Numeric}
	var err error
	if len(s.Trigger.Lemma) == 0 && !s.Trigger.Numeric {
		return nil, fmt.Errorf("a dependency rule needs trigger.lemma (or trigger.numeric)")
	}
	if len(s.Trigger.Number) > 0 && !s.Trigger.Numeric {
		return nil, fmt.Errorf("trigger.number needs trigger.numeric")
	}
	if (s.TriggerRole == "value" || s.TriggerRole == "count") != s.Trigger.Numeric {
		return nil, fmt.Errorf("a numeric trigger fills trigger_role value or count, and only a numeric one does")
	}
	if len(s.Trigger.Number) > 0 {
		p.number = map[string]bool{}
		for _, n := range s.Trigger.Number {
			p.number[n] = true
		}
		p.fraction, p.multiple = p.number[NumFraction], p.number[NumMultiple]
	}
	for _, r := range s.Trigger.Rel {
		path, err := parseDepPath(r)
		if err != nil || len(path) != 1 || path[0].up {
			return nil, fmt.Errorf("trigger.rel: %q is not one relation", r)
		}
		p.rels = append(p.rels, path[0])
	}
	if p.cases, err = wordSet(s.Trigger.Case, lists); err != nil {
		return nil, fmt.Errorf("trigger case: %v", err)
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
	if s.Trigger.Numeric {
		src = append(src, "trigger [number "+strings.Join(s.Trigger.Number, "|")+"]")
	} else {
		src = append(src, "trigger "+strings.Join(s.Trigger.Lemma, "|"))
	}
	if len(s.Trigger.Rel) > 0 {
		src[0] += " rel " + strings.Join(s.Trigger.Rel, "|")
	}
	if len(s.Trigger.Case) > 0 {
		src[0] += " case " + strings.Join(s.Trigger.Case, "|")
	}
	for i, a := range s.Args {
		if a.Animate && a.Inanimate {
			return nil, fmt.Errorf("arg %d: animate and inanimate at once", i+1)
		}
		if a.Spread && a.Coordination {
			return nil, fmt.Errorf("arg %d: spread and coordination at once (a claim per conjunct, or one for all)", i+1)
		}
		if a.Absent && (a.Role != "" || a.Optional) {
			return nil, fmt.Errorf("arg %d: an absent arg fills no role and is never optional", i+1)
		}
		if a.WithTrigger && (a.Role != "" || a.Absent || s.TriggerRole == "") {
			return nil, fmt.Errorf("arg %d: with_trigger is for a constraint of a rule with a trigger_role (no role, not absent)", i+1)
		}
		if a.Strict && !a.Optional {
			return nil, fmt.Errorf("arg %d: strict is for an optional argument (a required one passes or fails anyway)", i+1)
		}
		da := depArg{role: a.Role, optional: a.Optional, animate: a.Animate, inanimate: a.Inanimate, person: a.Person, min: a.Min, place: a.Place, physical: a.Physical, spread: a.Spread, coord: a.Coordination, absent: a.Absent, human: a.Human, armed: a.Armed, strict: a.Strict, agent: a.Agent, clause: a.Clause, figure: a.Figure, withTrig: a.WithTrigger, pathSrc: a.Rel}
		if len(a.Number) > 0 {
			da.number = map[string]bool{}
			for _, n := range a.Number {
				da.number[n] = true
			}
		}
		if a.Role != "" && !slices.Contains(roles, a.Role) {
			return nil, fmt.Errorf("arg %d: %q is no role of the kind (roles: %s)", i+1, a.Role, strings.Join(roles, ", "))
		}
		if a.Role == "" && len(a.Lemma) == 0 && len(a.UPOS) == 0 && len(a.Case) == 0 && !a.Inanimate && !a.Place && !a.Person && !a.Agent && !a.Figure && !a.Human {
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
		if da.units, err = wordSet(a.Units, lists); err != nil {
			return nil, fmt.Errorf("arg %d units: %v", i+1, err)
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
	// lems and lows are each word's lemma and form folded to lower case,
	// once per tree: every rule's trigger test reads both for every word,
	// and folding allocates.
	lems, lows []string
}

func newDepTree(w []depWord) *depTree {
	t := &depTree{w: w, kids: make([][]int, len(w)), lems: make([]string, len(w)), lows: make([]string, len(w))}
	for i, x := range w {
		t.lems[i], t.lows[i] = foldLower(x.Lemma), foldLower(x.Form)
	}
	t.linkKids()
	for _, repair := range []func() bool{t.punctRoot, t.punctHead, t.trailingSpeaker, t.attributionUnderSubject, t.appositionRoot, t.detOfVerb, t.objWithCase, t.copularObject, t.amodWithCase, t.nounCompoundVerb, t.oblOfNoun, t.joinNames, t.contactClause, t.strayRoot, t.complementConj, t.coordinatedComplement, t.thatClauseOfSpeech, t.whatCalled, t.commaParticiple, t.accordingToSubject, t.subjectAfterOpeningClause, t.gerundOfSpeech, t.verbAsModifier, t.nounWithObject, t.straySubject, t.comparativeCount, t.parentheticalSubject, t.countRootVerb, t.quantifierSubject, t.subjectWithCase, t.clauseAfterConjunction, t.subjectAfterMarker, t.secondSubject, t.objectOfClause, t.adjectiveRoot, t.participleUnderSubject, t.participleBeforeName, t.verbalApposition, t.reducedRelativeRoot, t.relativeOnParticiple, t.relativeAsConjunct, t.bareApposition, t.crossedCompound, t.figureAcrossCase, t.caseBeforeCompound, t.splitFigure, t.figureBeforeNoun, t.coordinatedModifier, t.absoluteWith, t.perfectAsConjunct, t.subjectOfParticiple, t.finiteXcomp, t.bareConjParticiple, t.coordinatedSubject, t.parataxisWithConj, t.thatAdverbial, t.appositiveSubjectVerb, t.appositiveParticipleRoot, t.nounWithThatClause, t.fromToRange, t.toBeforeNoun, t.possessiveGerund, t.possessor, t.measureObject, t.twoObjects, t.changeBeforeLevel, t.countBeforeNoun, t.adverbAfterObject, t.adjacentSubjects, t.obliqueBeforeApposition, t.passiveSubjectLabel, t.clauseUnderOblique, t.saidInSubordinate, t.nameAsConjunctSubject, t.possessorBeforeGerund, t.vocativeSubject, t.subjectApposition, t.progressiveAsAdjective, t.relativeAsClauseSubject, t.clauseOfRelativeObject, t.namedComplement, t.whoseClauseRoot} {
		if repair() {
			t.linkKids()
		}
	}
	return t
}

// punctRoot repairs a sentence whose root the parser made punctuation
// ("Botswana issues around 400 elephant licenses annually, with most
// purchased by overseas hunters.": "." the root, "annually" below it with
// "issues" its subject and "licenses" the object of "issues"):
// punctuation heads nothing in UD. A noun with an object is a verb the
// tagger misread (see nounWithObject), and a root's dependent that is no
// predicate (an adverb) cannot have a subject, so such a noun under the
// punctuation's adverb is the root, with the adverb and the punctuation's
// other dependents its own.
func (t *depTree) punctRoot() bool {
	for p := range t.w {
		if t.w[p].Rel != "root" || t.w[p].UPOS != "PUNCT" {
			continue
		}
		for _, a := range t.kids[p] {
			if t.w[a].UPOS != "ADV" {
				continue
			}
			for _, n := range t.kids[a] {
				if t.w[n].Rel != "nsubj" || t.w[n].UPOS != "NOUN" || !t.hasKid(n, "obj") {
					continue
				}
				for _, k := range t.kids[p] {
					t.w[k].Head = n + 1
				}
				t.w[n].Head, t.w[n].Rel = 0, "root"
				t.w[a].Head, t.w[a].Rel = n+1, "advmod"
				t.w[p].Head, t.w[p].Rel = n+1, "punct"
				return true
			}
		}
	}
	return false
}

// trailingSpeaker repairs the attribution that closes a sentence ("The
// strike killed 50 people, ..., health officials said": "officials" a
// conjunct of "people" and "said" one of "killed"; "Kherson was captured
// ..., the city's mayor said": "mayor" an adverbial clause, "said" its
// conjunct): a verb of saying without a subject, right after a noun
// phrase that a comma opens, with nothing after it but its own
// dependents and punctuation, is a parenthetical (parataxis) of the
// sentence's root, and the noun phrase its subject (UD, as EWT).
func (t *depTree) trailingSpeaker() bool {
	for v := 2; v < len(t.w); v++ {
		if t.w[v].UPOS != "VERB" || !trailingSpeechLemmas[t.lems[v]] || t.w[v].Rel == "root" || !t.subjectless(v) {
			continue
		}
		n := v - 1
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" || t.w[n].Rel == "root" {
			continue
		}
		root := -1
		for i := range t.w {
			if t.w[i].Rel == "root" {
				root = i
			}
		}
		if root < 0 || root >= n || root == v {
			continue
		}
		// The noun's phrase, less the verb's own words.
		lo := n
		for _, c := range t.kids[n] {
			if c == v {
				continue
			}
			if a, _ := t.subtree(c); a < lo {
				lo = a
			}
		}
		if t.lows[lo] != "," && (lo == 0 || t.lows[lo-1] != ",") {
			continue
		}
		tail := true
		for i := v + 1; i < len(t.w) && tail; i++ {
			if t.w[i].UPOS != "PUNCT" && !t.descends(i, v) {
				tail = false
			}
		}
		if !tail || t.descends(root, v) {
			continue
		}
		for _, c := range t.kids[n] {
			if c > n {
				t.w[c].Head = v + 1
			}
		}
		if t.lows[lo] == "," {
			t.w[lo].Head, t.w[lo].Rel = v+1, "punct"
		}
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		t.w[v].Head, t.w[v].Rel = root+1, "parataxis"
		return true
	}
	return false
}

// attributionUnderSubject repairs a sentence whose subject the parser
// made the root when an apposition or a modifier set off by commas follows
// it and an attribution closes the sentence ("Maria Lopez, a nurse, was
// shot dead on Sunday, police said": root "Lopez", "said" a dep of it with
// "police" its subject, "shot" a complement of "said"): a sentence needs a
// predicate, so a finite verb without a subject of its own after the root
// noun, hung as the complement of a verb of saying that has its own
// subject and comes after it, is the clause's verb; the noun is its
// subject, and the attribution a parenthetical (parataxis) of it, as
// trailingSpeaker reads it.
func (t *depTree) attributionUnderSubject() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") || t.hasKid(n, "cop") {
			continue
		}
		for _, s := range t.kids[n] {
			if s < n || t.w[s].UPOS != "VERB" || !trailingSpeechLemmas[t.lems[s]] || !t.hasKid(s, "nsubj") {
				continue
			}
			switch t.w[s].Rel {
			case "dep", "parataxis", "conj", "acl", "acl:relcl":
			default:
				continue
			}
			for _, v := range t.kids[s] {
				if v < n || v > s || t.w[v].UPOS != "VERB" || !t.subjectless(v) || !t.hasKid(v, "aux", "aux:pass") || t.hasKid(v, "mark") {
					continue
				}
				switch t.w[v].Rel {
				case "ccomp", "advcl", "xcomp", "dep", "parataxis":
				default:
					continue
				}
				// A comma must set the attribution off the clause.
				if a, _ := t.subtree(v); a < n {
					continue
				}
				t.w[v].Head, t.w[v].Rel = 0, "root"
				t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
				if t.hasKid(v, "aux:pass") {
					t.w[n].Rel = "nsubj:pass"
				}
				t.w[s].Head, t.w[s].Rel = v+1, "parataxis"
				for _, k := range t.kids[n] {
					if k > v && k != s {
						t.w[k].Head = v + 1
					}
				}
				return true
			}
		}
	}
	return false
}

// appositionRoot repairs a subject with a chain of appositions whose last
// one the parser made the root ("Cmdr. Sean Robertson, a spokesperson for
// Inherent Resolve, the U.S. military operation against Islamic State,
// told VOA ...": root "operation" with "Cmdr." its subject, "told" a dep
// of it): a noun root without a copula whose subject stands before it,
// set off by a comma, is an apposition of that subject, and the verb
// after it with no subject of its own, after a comma, is the sentence's
// verb with the first noun its subject.
func (t *depTree) appositionRoot() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") || t.hasKid(n, "cop", "aux", "aux:pass") {
			continue
		}
		s, v := -1, -1
		for _, k := range t.kids[n] {
			switch {
			case k < n && t.w[k].Rel == "nsubj" && s < 0:
				s = k
			case k > n && v < 0 && t.w[k].UPOS == "VERB" && (t.w[k].Rel == "dep" || t.w[k].Rel == "parataxis" || t.w[k].Rel == "conj") &&
				t.subjectless(k) && !t.hasKid(k, "mark", "cc") && t.finite(k):
				v = k
			}
		}
		if s < 0 || v < 0 {
			continue
		}
		// A comma right before the apposition's phrase and right before the verb.
		a := n
		for _, k := range t.kids[n] {
			if k < n && k != s && t.w[k].Rel != "punct" {
				a = min(a, k)
			}
		}
		lo, _ := t.subtree(v)
		if a < 1 || t.w[a-1].Form != "," && (a < 2 || t.w[a-2].Form != ",") || lo < 1 || t.w[lo-1].Form != "," {
			continue
		}
		t.w[v].Head, t.w[v].Rel = 0, "root"
		t.w[s].Head, t.w[s].Rel = v+1, "nsubj"
		t.w[n].Head, t.w[n].Rel = s+1, "appos"
		for _, k := range t.kids[n] {
			if k > n && k != v && (k >= lo || t.w[k].Rel == "punct" && k == lo-1) {
				t.w[k].Head = v + 1
			}
		}
		return true
	}
	return false
}

// ordinalWords are the ordinals a determiner may take as a phrase.
var ordinalWords = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true, "last": true}

// trailingSpeechLemmas are the verbs of a closing attribution.
var trailingSpeechLemmas = map[string]bool{"say": true, "tell": true, "add": true, "report": true, "confirm": true, "announce": true, "state": true, "note": true, "claim": true, "warn": true}

// descends reports whether word i is in word a's subtree.
func (t *depTree) descends(i, a int) bool {
	for steps := 0; i >= 0 && steps <= len(t.w); steps++ {
		if i == a {
			return true
		}
		i = t.w[i].Head - 1
	}
	return false
}

// detOfVerb repairs a determiner the parser hung on a verb ("The convoy
// hit a roadside mine": "The" a dependent of "hit", "convoy" its subject):
// a determiner belongs to a nominal in UD, so one on a verb right before
// a dependent of that verb (a subject, object or oblique) is that
// dependent's.
func (t *depTree) detOfVerb() bool {
	changed := false
	for d := 0; d+1 < len(t.w); d++ {
		v := t.w[d].Head - 1
		if v < 0 || t.w[d].Rel != "det" || (t.w[v].UPOS != "VERB" && t.w[v].UPOS != "AUX") {
			continue
		}
		n := d + 1
		// (Not an ordinal: "and a third was killed" is left to the
		// rules that read counts, as the parser gave it before.)
		if t.w[n].Head != v+1 || ordinalWords[t.lows[n]] {
			continue
		}
		switch strings.SplitN(t.w[n].Rel, ":", 2)[0] {
		case "nsubj", "obj", "iobj", "obl":
			t.w[d].Head = n + 1
			changed = true
		}
	}
	return changed
}

// objWithCase relabels an object with a preposition: a core object
// never takes one in UD, so an obj or iobj with an ADP case word below it
// ("rose from 120%", "dropped to $9.1 billion") is an oblique the parser
// mislabelled, and the rules read obliques by their case word. Labels
// only: it reports false, no head changed.
func (t *depTree) objWithCase() bool {
	for i := range t.w {
		if r := t.w[i].Rel; r != "obj" && r != "iobj" {
			continue
		}
		for _, k := range t.kids[i] {
			if t.w[k].Rel == "case" && t.w[k].UPOS == "ADP" && k < i {
				t.w[i].Rel = "obl"
				break
			}
		}
	}
	return false
}

// copularObject relabels an object that is a copular clause ("He adds
// this is another achievement": "achievement" the object of "adds", with
// "this" its subject and "is" its copula): a nominal with a copula and a
// subject before it is a predicate in UD, so the object is the verb's
// complement clause (ccomp), as the rules of saying read it. Labels only.
func (t *depTree) copularObject() bool {
	for i := range t.w {
		if t.w[i].Rel != "obj" || t.w[i].Head-1 >= i {
			continue
		}
		cop, subj := false, false
		for _, k := range t.kids[i] {
			switch t.w[k].Rel {
			case "cop":
				cop = cop || k < i
			case "nsubj":
				subj = subj || k < i
			}
		}
		if cop && subj {
			t.w[i].Rel = "ccomp"
		}
	}
	return false
}

// amodWithCase relabels an adjectival modifier with a preposition before
// a copular predicate ("Among the dead were three children": "dead" an
// amod of "children" with "Among" its case word): an adjective modifying
// a noun takes no preposition in UD, so an amod before its head, with an
// ADP case word of its own, whose head has a copula, is the predicate's
// fronted nominal (nsubj, as the parser otherwise labels it, and as
// subjectWithCase reads it). Labels only.
func (t *depTree) amodWithCase() bool {
	for i := range t.w {
		h := t.w[i].Head - 1
		if h <= i || t.w[i].Rel != "amod" || !t.hasKid(h, "cop") {
			continue
		}
		for _, k := range t.kids[i] {
			if t.w[k].Rel == "case" && t.w[k].UPOS == "ADP" && k < i {
				t.w[i].Rel = "nsubj"
				break
			}
		}
	}
	return false
}

// oblOfNoun relabels an oblique of a noun that is no predicate (no
// copula): obliques belong to predicates in UD, and a noun's
// prepositional modifier is nmod ("the world's largest elephant herd at
// more than 130,000 elephants", the parser having made "herd" the root).
// Labels only.
func (t *depTree) oblOfNoun() bool {
	for i := range t.w {
		h := t.w[i].Head - 1
		if h < 0 || t.w[i].Rel != "obl" {
			continue
		}
		if u := t.w[h].UPOS; (u == "NOUN" || u == "PROPN") && !t.hasKid(h, "cop") {
			t.w[i].Rel = "nmod"
		}
	}
	return false
}

// linkKids fills kids from the words' heads.
//
// The lists share one array, cut by a first pass that counts each head's
// dependents: appending to a slice per head allocated each (about a
// tenth of Extract's allocations). Each list's capacity is its length.
func (t *depTree) linkKids() {
	n := len(t.w)
	at := make([]int, n+1) // head h's dependents are all[at[h]:at[h+1]]
	for i, x := range t.w {
		if h := x.Head - 1; h >= 0 && h < n && h != i {
			at[h+1]++
		}
	}
	for h := range n {
		at[h+1] += at[h]
	}
	all := make([]int, at[n])
	for h := range n {
		t.kids[h] = all[at[h]:at[h]:at[h+1]]
	}
	for i, x := range t.w {
		if h := x.Head - 1; h >= 0 && h < n && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
}

// joinNames repairs a name the parser cut into conjuncts: a proper noun
// attached as a conjunct right after another proper noun of the same
// list (or of which it is the conjunct), with no comma or conjunction of
// its own, continues that name ("Benjamin Nzeribe and member, Funke
// Adedoyin": two people, not four), so it becomes a flat part of it, as
// UD writes a multi-word name. It reports whether any head changed.
func (t *depTree) joinNames() bool {
	changed := false
	start, listHead := -1, -1 // the name being joined: its first word, and the head of its list
	for i := 1; i < len(t.w); i++ {
		x, p := t.w[i], t.w[i-1]
		if start < 0 || start != t.w[i-1].Head-1 && start != i-1 {
			start, listHead = -1, -1
		}
		if x.Rel != "conj" || x.UPOS != "PROPN" || p.UPOS != "PROPN" {
			continue
		}
		first := i - 1
		switch {
		case start >= 0 && x.Head-1 == listHead:
			first = start // the third word of a name whose second was joined
		case p.Rel == "conj" && p.Head == x.Head || x.Head == i: // i is p's 1-based index
		default:
			continue
		}
		own := false
		for _, c := range t.kids[i] {
			if r := t.w[c].Rel; c < i && (r == "cc" || r == "punct") {
				own = true
			}
		}
		if own {
			continue
		}
		if first == i-1 {
			start, listHead = i-1, x.Head-1
		}
		t.w[i].Head, t.w[i].Rel = first+1, "flat"
		changed = true
	}
	return changed
}

// hasKid reports whether word n has a dependent with one of rels.
func (t *depTree) hasKid(n int, rels ...string) bool {
	for _, k := range t.kids[n] {
		if slices.Contains(rels, t.w[k].Rel) {
			return true
		}
	}
	return false
}

// subjectless reports whether verb n has no subject of its own.
func (t *depTree) subjectless(n int) bool {
	return !t.hasKid(n, "nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl")
}

// bare reports whether word v, a dependent of a word before it, has
// neither a coordinating conjunction nor punctuation between the two, nor
// a conjunction of its own: English joins conjuncts with "and", "or",
// "but" or a comma, so a conjunct without any is a misattachment.
func (t *depTree) bare(v int) bool {
	h := t.w[v].Head - 1
	if h < 0 || h >= v || t.hasKid(v, "cc") {
		return false
	}
	for k := h + 1; k < v; k++ {
		if u := t.w[k].UPOS; u == "PUNCT" || u == "CCONJ" {
			return false
		}
	}
	return true
}

// finite reports whether verb v heads a finite clause: it has an
// auxiliary, or is in a past or present tense.
func (t *depTree) finite(v int) bool {
	switch t.w[v].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return t.hasKid(v, "aux", "aux:pass")
}

// contactClause repairs a relative clause without "who" or "that" whose
// head noun the parser made the clause verb's object ("Multiple people I
// spoke to said the school was closed": "people" the object of "spoke",
// "said" its complement): an object never precedes its verb's subject in
// an English clause, so the noun heads a relative clause of the verb
// (acl:relcl), and a finite verb without a subject that the verb took as
// its complement is the sentence's, with the noun as its subject; a "to"
// the parser made that verb's marker is the stranded preposition of the
// relative clause (obl, as EWT attaches it).
func (t *depTree) contactClause() bool {
	for v := range t.w {
		if t.w[v].UPOS != "VERB" {
			continue
		}
		o, s, c := -1, -1, -1
		for _, k := range t.kids[v] {
			switch r := t.w[k].Rel; {
			case k < v && r == "obj":
				o = k
			case k < v && r == "nsubj" && s >= 0 && o < 0:
				// Or its second subject ("people" and "I" both
				// subjects of "spoke"), the noun's phrase running
				// straight into the other subject's.
				if _, e := t.subtree(s); t.w[s].UPOS != "PRON" && func() bool { lo, _ := t.subtree(k); return e+1 == lo }() {
					o = s
				}
				s = k
			case k < v && r == "nsubj":
				s = k
			case k > v && c < 0 && (r == "ccomp" || r == "conj" || r == "xcomp" || r == "parataxis"):
				c = k
			}
		}
		if o < 0 || s < o || c < 0 || t.w[c].UPOS != "VERB" || !t.subjectless(c) || !t.finite(c) {
			continue
		}
		if u := t.w[o].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		for _, k := range t.kids[c] {
			if k < c && k > v && t.w[k].Rel == "mark" && t.lows[k] == "to" {
				t.w[k].Head, t.w[k].Rel = v+1, "obl"
			}
		}
		t.relativeUnderClause(v, c, o)
		return true
	}
	return false
}

// relativeUnderClause makes verb c take verb v's place in the tree, noun
// n the subject of c, and v's clause a relative clause of n; v's
// dependents after c go with c (the repairs of a relative clause the
// parser read as the main one: contactClause, whoseClauseRoot).
func (t *depTree) relativeUnderClause(v, c, n int) {
	t.w[c].Head, t.w[c].Rel = t.w[v].Head, t.w[v].Rel
	for _, k := range t.kids[v] {
		if k > c {
			t.w[k].Head = c + 1
		}
	}
	t.w[n].Head, t.w[n].Rel = c+1, "nsubj"
	if t.hasKid(c, "aux:pass") {
		t.w[n].Rel = "nsubj:pass"
	}
	t.w[v].Head, t.w[v].Rel = n+1, "acl:relcl"
}

// complementConj repairs a complement clause the parser made a conjunct
// of the verb before it ("claimed the provincial capital of Aybak fell to
// the Taliban": "fell" a conjunct of "claimed", "capital" its object): a
// finite verb without a subject right after the verb's object, with no
// conjunction or comma between, is the verb's clausal complement (ccomp)
// and the object its subject.
func (t *depTree) complementConj() bool {
	changed := false
	for c := range t.w {
		v := t.w[c].Head - 1
		if v < 0 || t.w[c].Rel != "conj" || t.w[c].UPOS != "VERB" || t.w[v].UPOS != "VERB" || !t.bare(c) || !t.finite(c) || !t.subjectless(c) {
			continue
		}
		o := -1
		for _, k := range t.kids[v] {
			if k > v && k < c && t.w[k].Rel == "obj" {
				o = k
			}
		}
		if o < 0 {
			continue
		}
		if u := t.w[o].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
			continue
		}
		if _, e := t.subtree(o); e+1 != c {
			continue
		}
		t.w[c].Rel = "ccomp"
		t.w[o].Head, t.w[o].Rel = c+1, "nsubj"
		if t.hasKid(c, "aux:pass") {
			t.w[o].Rel = "nsubj:pass"
		}
		changed = true
	}
	return changed
}

// complementLemmas are verbs whose object, followed by "and" and a second
// noun with a finite verb after it, is the coordinated subject of a
// complement clause: verbs of saying and thinking that take a clause far
// more often than a noun.
var complementLemmas = map[string]bool{"say": true, "claim": true, "argue": true, "insist": true, "believe": true, "think": true, "add": true, "note": true}

// coordinatedComplement repairs the coordinated subject of a complement
// clause the parser split ("analysts say the Southeast Asian states and
// Taiwan look to Washington": "states" the object of "say", "look" its
// conjunct with "Taiwan" the subject): after a verb of complementLemmas,
// an object, "and" or "or", a second noun and a finite verb with that noun
// as its subject, the verb is the complement (ccomp) of the verb of
// saying, the object its subject and the second noun a conjunct of the
// object. The verb of saying takes no other complement.
func (t *depTree) coordinatedComplement() bool {
	changed := false
	for c := range t.w {
		v := t.w[c].Head - 1
		// A bare form with a subject of its own is a present tense the
		// tagger read as an infinitive ("Taiwan look": VB).
		if v < 0 || v > c || t.w[c].Rel != "conj" || t.w[c].UPOS != "VERB" || !t.finite(c) && t.w[c].XPOS != "VB" || t.hasKid(c, "mark") || !complementLemmas[t.lemma(v)] || t.hasKid(v, "ccomp", "xcomp") {
			continue
		}
		o, s := -1, -1
		for _, k := range t.kids[v] {
			if k > v && k < c && t.w[k].Rel == "obj" {
				o = k
			}
		}
		for _, k := range t.kids[c] {
			if k < c && t.w[k].Rel == "nsubj" {
				s = k
			}
		}
		if o < 0 || s < 0 || s < o {
			continue
		}
		if u := t.w[o].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		if u := t.w[s].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		_, oe := t.subtree(o)
		sb, se := t.subtree(s)
		// "X and Y V": the conjunction right after the object, the
		// second noun's phrase right before the verb (adverbs between
		// allowed: "and Taiwan still look").
		if oe+2 != sb || t.lemma(oe+1) != "and" && t.lemma(oe+1) != "or" {
			continue
		}
		between := true
		for k := se + 1; k < c; k++ {
			if t.w[k].Head-1 != c || t.w[k].Rel != "advmod" && t.w[k].Rel != "aux" {
				between = false
			}
		}
		if !between {
			continue
		}
		t.w[c].Rel = "ccomp"
		t.w[o].Head, t.w[o].Rel = c+1, "nsubj"
		t.w[s].Head, t.w[s].Rel = o+1, "conj"
		t.w[oe+1].Head, t.w[oe+1].Rel = s+1, "cc"
		changed = true
	}
	return changed
}

// thatClauseOfSpeech repairs the complement of a verb of saying the parser
// hung on the noun before it ("saying on the social media platform X that
// Washington seeks ...": "seeks" a relative clause of "X"; "said in a
// statement that ..."): a relative clause has no complementizer, so a
// clause under a noun with "that" as its marker and a subject of its own,
// the noun the object or an oblique of a verb of saying with no complement
// of its own, is that verb's complement. Under an oblique's noun even a
// noun's complement clause ("in a statement that ...") is what was said.
func (t *depTree) thatClauseOfSpeech() bool {
	changed := false
	for c := range t.w {
		n := t.w[c].Head - 1
		r := t.w[c].Rel
		// (A "conj" too: a clause with "that" conjoins with no noun, "told
		// Ana Ruiz, the host, that the talks were over".)
		if n < 0 || n > c || r != "acl:relcl" && r != "acl" && r != "conj" || t.w[c].UPOS != "VERB" && !t.hasKid(c, "cop") || t.markOf(c) != "that" || t.subjectless(c) {
			continue
		}
		// The noun may be the end of a name in apposition to the
		// addressee ("told President Lai Ching-te that ...": "te" an
		// apposition of "Lai").
		// (A clause right on the object or addressee is told_that_mark_tree's.)
		climbed := false
		for steps := 0; steps < 2 && (t.w[n].Rel == "appos" || t.w[n].Rel == "flat") && t.w[n].Head > 0; steps++ {
			n, climbed = t.w[n].Head-1, true
		}
		v := t.w[n].Head - 1
		nr := t.w[n].Rel
		if r == "conj" && t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN" {
			continue
		}
		if v < 0 || v > n || nr != "obl" && (nr != "obj" && nr != "iobj" || !climbed) && r != "conj" || r == "acl" && nr != "obl" && !climbed {
			continue
		}
		if l := t.lemma(v); !speechLemmas[l] && !trailingSpeechLemmas[l] && !complementLemmas[l] || t.hasKid(v, "ccomp") {
			continue
		}
		t.w[c].Head, t.w[c].Rel = v+1, "ccomp"
		changed = true
	}
	return changed
}

// whatCalled repairs a free relative of naming whose "what" the parser
// read as the determiner of the clause's subject ("began sending what
// officials described as dangerous criminals": "what" a determiner of
// "officials", "described" the complement of "sending"): "what" before a
// plural noun that is the subject of a verb of naming (call, describe,
// term, dub, label) heads the free relative: it takes the clause's place
// under the verb before it, and the clause is its relative clause, as in
// "praised what he called a wonderful meeting".
func (t *depTree) whatCalled() bool {
	changed := false
	for w := range t.w {
		if t.lower(w) != "what" || t.w[w].Rel != "det" {
			continue
		}
		n := t.w[w].Head - 1
		if n != w+1 || t.w[n].XPOS != "NNS" && t.w[n].XPOS != "NNPS" || t.w[n].Rel != "nsubj" {
			continue
		}
		c := t.w[n].Head - 1
		if c < n {
			continue
		}
		switch t.lemma(c) {
		case "call", "describe", "term", "dub", "label", "characterize", "characterise":
		default:
			continue
		}
		v := t.w[c].Head - 1
		if v < 0 || v > w {
			continue
		}
		rel := t.w[c].Rel
		switch rel {
		case "ccomp", "xcomp", "obj":
			rel = "obj"
		case "obl", "nmod":
		default:
			continue
		}
		for _, k := range t.kids[c] {
			if k < w && (t.w[k].Rel == "case" || t.w[k].Rel == "mark") {
				t.w[k].Head, t.w[k].Rel = w+1, "case"
			}
		}
		t.w[w].Head, t.w[w].Rel, t.w[w].UPOS, t.w[w].XPOS = v+1, rel, "PRON", "WP"
		t.w[c].Head, t.w[c].Rel = w+1, "acl:relcl"
		changed = true
	}
	return changed
}

// commaParticiple repairs a participle of saying after a comma that the
// parser hung on the noun before it ("said in a statement, “We are
// relieved” at the hostages' release, adding that ...": "adding" a
// modifier of "release"): set off by a comma, a participle of saying
// adds to what the clause's subject says, so it is an adverbial clause of
// the verb that governs the noun. A participle without the comma keeps
// the noun ("a report saying that ...").
func (t *depTree) commaParticiple() bool {
	changed := false
	for p := 1; p < len(t.w); p++ {
		if t.w[p].Rel != "acl" || t.w[p].XPOS != "VBG" || t.w[p-1].Form != "," || !speechLemmas[t.lemma(p)] {
			continue
		}
		n := t.w[p].Head - 1
		if n < 0 || n > p || t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN" {
			continue
		}
		// The reported clause's predicate noun, object or subject is
		// participle_tree's ("said the fire was under control, noting
		// that ...").
		if r := t.w[n].Rel; r == "ccomp" || (r == "obj" || r == "nsubj") && t.w[n].Head > 0 && t.w[t.w[n].Head-1].Rel == "ccomp" {
			continue
		}
		// Up from the noun to the first verb with a subject; past a
		// quoted or reported clause ("said ... “We are relieved” at the
		// release, adding"), to the verb of saying that takes it.
		v := -1
		reported := false
		for x, steps := n, 0; x >= 0 && steps < 6; steps++ {
			if t.w[x].UPOS == "VERB" && t.hasKid(x, "nsubj") && (!reported || speechLemmas[t.lemma(x)] || trailingSpeechLemmas[t.lemma(x)]) {
				v = x
				break
			}
			switch t.w[x].Rel {
			case "obl", "nmod", "obj", "iobj", "nmod:poss":
			case "ccomp", "parataxis":
				reported = true
			default:
				x = -1
				continue
			}
			x = t.w[x].Head - 1
		}
		if v < 0 {
			continue
		}
		t.w[p].Head, t.w[p].Rel = v+1, "advcl"
		changed = true
	}
	// A participle of naming after a comma inside what a verb of saying
	// reports, with no subject of its own ("Modi announced that ... India
	// will cooperate in building a new parliament, calling it a gift":
	// "calling" a conjunct of "building"), is the reporting speaker's: an
	// adverbial clause of that verb. (A participle of any other verb may
	// be the inner clause's: "said police shot the man, killing him"; one
	// of saying is participle_tree's.)
	for p := 1; p < len(t.w); p++ {
		r := t.w[p].Rel
		if r != "conj" && r != "advcl" && r != "acl" || t.w[p].XPOS != "VBG" || t.w[p-1].Form != "," || !namingLemmas[t.lemma(p)] || !t.subjectless(p) {
			continue
		}
		v := -1
		reported := false
		for x, steps := t.w[p].Head-1, 0; x >= 0 && steps < 8; steps++ {
			if reported && t.w[x].UPOS == "VERB" && t.hasKid(x, "nsubj") && (speechLemmas[t.lemma(x)] || trailingSpeechLemmas[t.lemma(x)] || complementLemmas[t.lemma(x)] || t.lemma(x) == "announce") {
				v = x
				break
			}
			if t.w[x].Rel == "ccomp" {
				reported = true
			}
			x = t.w[x].Head - 1
		}
		if v < 0 || v == t.w[p].Head-1 {
			continue
		}
		t.w[p].Head, t.w[p].Rel = v+1, "advcl"
		changed = true
	}
	return changed
}

// accordingToSubject repairs the source of "according to" that the parser
// made a verb's subject ("According to a confidential U.N. report to be
// released next month and seen by Reuters, North Korea has been
// continuing ...": "report" the subject of "continuing"; "According to a
// recently published assessment of popular attitudes expressed on social
// media, relations are full of tensions": "assessment" the subject of
// "expressed", the root): the phrase "according to" governs is an oblique,
// never a subject. A past participle it was made the subject of, with a
// clause of its own after a comma, is a reduced relative on the source,
// and that clause is the sentence's; otherwise the source is relabelled
// an oblique and the subject after the comma is found by
// subjectAfterOpeningClause.
func (t *depTree) accordingToSubject() bool {
	for n := range t.w {
		r := t.w[n].Rel
		if r != "nsubj" && r != "nsubj:pass" {
			continue
		}
		according := false
		for _, k := range t.kids[n] {
			according = according || t.w[k].Rel == "case" && t.lemma(k) == "accord" && k < n
		}
		if !according {
			continue
		}
		v := t.w[n].Head - 1
		if v < 0 {
			continue
		}
		m := -1
		if t.w[v].UPOS == "VERB" && (t.w[v].XPOS == "VBN" || t.w[v].XPOS == "VBD") && strings.HasSuffix(t.lows[v], "ed") && !t.hasKid(v, "aux", "aux:pass") {
			for _, k := range t.kids[v] {
				if k > v && m < 0 && (t.w[k].Rel == "parataxis" || t.w[k].Rel == "conj" || t.w[k].Rel == "ccomp" || t.w[k].Rel == "advcl" && !t.hasKid(k, "mark")) && t.hasKid(k, "nsubj", "nsubj:pass") {
					if lo, _ := t.subtree(k); lo > 0 && (t.w[lo-1].Form == "," || lo > 1 && t.w[lo].Form == ",") {
						m = k
					}
				}
			}
		}
		if m < 0 || t.w[v].Head != 0 {
			t.w[n].Rel = "obl"
			return true
		}
		lo, _ := t.subtree(m)
		t.w[m].Head, t.w[m].Rel = 0, "root"
		t.w[v].Head, t.w[v].Rel = n+1, "acl"
		t.w[n].Head, t.w[n].Rel = m+1, "obl"
		for _, k := range t.kids[v] {
			if k != m && (k >= lo || k == lo-1 && t.w[k].Form == ",") {
				t.w[k].Head = m + 1
			}
		}
		return true
	}
	return false
}

// subjectAfterOpeningClause repairs the subject of a sentence that opens
// with a subordinate clause, read as a conjunct inside that clause
// ("While Kenya wants to close the camps, residents of Dadaab say they
// ...": "residents" a conjunct of "camps"): a comma closes the opening
// clause, so a noun right after it whose phrase runs up to a finite verb
// without a subject is that verb's subject.
func (t *depTree) subjectAfterOpeningClause() bool {
	for v := range t.w {
		// A finite verb, or a predicate with a finite copula ("are full").
		pred := t.w[v].UPOS == "VERB" && t.finite(v)
		for _, k := range t.kids[v] {
			if t.w[k].Rel == "cop" && (t.w[k].XPOS == "VBZ" || t.w[k].XPOS == "VBP" || t.w[k].XPOS == "VBD") {
				pred = true
			}
		}
		if !pred || !t.subjectless(v) || v < 3 {
			continue
		}
		for n := 1; n < v; n++ {
			if t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN" {
				continue
			}
			// The noun's phrase starts right after a comma ("North Korea":
			// its compound before the head).
			first := n
			for _, k := range t.kids[n] {
				if k < first && t.w[k].Rel != "punct" {
					first = k
				}
			}
			if first < 1 || t.w[first-1].Form != "," {
				continue
			}
			// A conjunct, or a bare noun read as an oblique or a modifier
			// with no preposition of its own ("In a joint statement issued
			// at their meeting in July, Tokyo and Washington shared ...":
			// "Tokyo" an oblique of "issued").
			switch t.w[n].Rel {
			case "conj":
			case "obl", "obl:unmarked", "nmod":
				if t.hasKid(n, "case") {
					continue
				}
			default:
				continue
			}
			lo, hi := t.subtree(n)
			for hi < v-1 && t.w[hi+1].Head-1 == v && (t.w[hi+1].Rel == "aux" || t.w[hi+1].Rel == "aux:pass" || t.w[hi+1].Rel == "advmod" || t.w[hi+1].Rel == "cop") {
				hi++
			}
			if lo != first && lo != first-1 || hi != v-1 {
				continue
			}
			// Its head is inside a marked clause, or a phrase with a
			// preposition, that opens the sentence.
			c := t.w[n].Head - 1
			for c >= 0 && t.w[c].Head-1 != v && t.w[c].Head > 0 {
				c = t.w[c].Head - 1
			}
			if c < 0 || t.w[c].Head-1 != v || !(t.w[c].Rel == "advcl" && t.markOf(c) != "" || t.w[c].Rel == "obl" && t.hasKid(c, "case")) {
				continue
			}
			if clo, _ := t.subtree(c); clo != 0 && !(clo == 1 && t.w[0].UPOS == "CCONJ") {
				continue
			}
			t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
			if t.hasKid(v, "aux:pass") {
				t.w[n].Rel = "nsubj:pass"
			}
			if h := t.w[first-1].Head - 1; h == n || h == c {
				t.w[first-1].Head = c + 1 // the comma closes the clause
			}
			return true
		}
	}
	return false
}

// gerundOfSpeech repairs a participle of saying the tagger read as a
// noun ("question the findings, warning that ...", "with Cavusoglu
// warning that ...": "warning" a noun, its clause hung elsewhere): an
// -ing form of a verb of saying right before "that" and a clause with a
// subject of its own is the verb, the clause its complement. After a
// comma it adds to what the clause's subject says (an adverbial clause of
// the verb above it); after "with" and a name it is an absolute clause
// with the name as its subject.
func (t *depTree) gerundOfSpeech() bool {
	changed := false
	for n := 1; n+2 < len(t.w); n++ {
		low := t.lower(n)
		if t.w[n].UPOS != "NOUN" || !strings.HasSuffix(low, "ing") || t.lower(n+1) != "that" {
			continue
		}
		stem := strings.TrimSuffix(low, "ing")
		lemma := ""
		switch {
		case speechLemmas[stem]:
			lemma = stem
		case speechLemmas[stem+"e"]:
			lemma = stem + "e"
		default:
			continue
		}
		c := t.w[n+1].Head - 1
		if c <= n+1 || t.subjectless(c) {
			continue
		}
		// The verb above: past the noun's own attachments.
		v := -1
		for x, steps := t.w[n].Head-1, 0; x >= 0 && steps < 4; steps++ {
			if t.w[x].UPOS == "VERB" && t.hasKid(x, "nsubj") {
				v = x
				break
			}
			x = t.w[x].Head - 1
		}
		if v < 0 || v > n {
			continue
		}
		var subj, with int = -1, -1
		for _, k := range t.kids[n] {
			switch {
			case k == n-1 && (t.w[k].Rel == "compound" || t.w[k].Rel == "nmod:poss") && t.w[k].UPOS == "PROPN":
				subj = k
			case k < n && t.w[k].Rel == "case" && t.lemma(k) == "with":
				with = k
			}
		}
		comma := t.w[n-1].Form == ","
		if !comma && !(with >= 0 && subj >= 0) {
			continue
		}
		t.w[n].UPOS, t.w[n].XPOS, t.lems[n] = "VERB", "VBG", lemma
		t.w[n].Lemma = lemma
		t.w[n].Head, t.w[n].Rel = v+1, "advcl"
		if subj >= 0 && with >= 0 {
			t.w[subj].Rel = "nsubj"
			t.w[with].Rel = "mark"
		}
		t.w[c].Head, t.w[c].Rel = n+1, "ccomp"
		changed = true
	}
	return changed
}

// quantifierSubject repairs a subject with a preposition whose
// quantifier the parser hung below it ("All on board were killed": "All"
// a dependent of "board", "board" the subject): a subject takes no
// preposition, so the determiner or pronoun before the preposition heads
// the subject, and the noun is its modifier (nmod), as in "some of the
// workers".
func (t *depTree) quantifierSubject() bool {
	changed := false
	for n := range t.w {
		if r := t.w[n].Rel; r != "nsubj" && r != "nsubj:pass" || t.w[n].Head-1 <= n {
			continue
		}
		c, d := -1, -1
		for _, k := range t.kids[n] {
			if k < n && t.w[k].Rel == "case" && t.w[k].UPOS == "ADP" {
				c = k
			}
		}
		if c < 0 {
			continue
		}
		for _, k := range t.kids[n] {
			if u := t.w[k].UPOS; k < c && (u == "DET" || u == "PRON") {
				d = k
			}
		}
		if d < 0 || d != c-1 {
			continue
		}
		t.w[d].Head, t.w[d].Rel = t.w[n].Head, t.w[n].Rel
		t.w[n].Head, t.w[n].Rel = d+1, "nmod"
		for _, k := range t.kids[n] {
			if k < d {
				t.w[k].Head = d + 1
			}
		}
		changed = true
	}
	return changed
}

// coordinatedModifier repairs a conjunct the parser labelled a modifier
// of the noun before it ("by 0.25 percent or $63.1 billion": "$" a
// modifier of "percent"): a noun's modifier (nmod) comes with a
// preposition, so one with a conjunction of its own and no preposition is
// a conjunct.
func (t *depTree) coordinatedModifier() bool {
	changed := false
	for n := range t.w {
		if h := t.w[n].Head - 1; h < 0 || h >= n || t.w[n].Rel != "nmod" || t.hasKid(n, "case") {
			continue
		}
		cc := false
		for _, k := range t.kids[n] {
			if k < n && t.w[k].Rel == "cc" {
				cc = true
			}
		}
		if cc {
			t.w[n].Rel = "conj"
			changed = true
		}
	}
	return changed
}

// possessiveGerund repairs a noun phrase with a possessor and an -ing
// modifier that the parser read as a clause ("concern over armed
// organizations' increasing recruiting of minors": "increasing" a verb
// with "over" its marker, "organizations" its subject and "recruiting"
// its object): a subject with a possessive "'s" or "'", right before an
// -ing word that a noun object follows at once, possesses that noun, and
// the -ing word modifies it (amod); the noun takes the verb's place, a
// preposition that marked the verb its own.
func (t *depTree) possessiveGerund() bool {
	for v := 1; v+1 < len(t.w); v++ {
		if t.w[v].XPOS != "VBG" {
			continue
		}
		n, o := -1, -1
		for _, k := range t.kids[v] {
			switch r := t.w[k].Rel; {
			case k < v && r == "nsubj":
				n = k
			case r == "obj":
				if lo, _ := t.subtree(k); lo == v+1 && t.w[k].UPOS == "NOUN" {
					o = k
				}
			}
		}
		if n < 0 || o < 0 || n+1 >= v || t.w[n+1].Rel != "case" || t.w[n+1].UPOS != "PART" || t.w[n+1].Head != n+1 {
			continue
		}
		if _, e := t.subtree(n); e+1 != v {
			continue
		}
		t.w[o].Head, t.w[o].Rel = t.w[v].Head, t.w[v].Rel
		if t.w[o].Rel == "advcl" {
			t.w[o].Rel = "obl"
		}
		for _, k := range t.kids[v] {
			switch {
			case k == n || k == o:
			case t.w[k].Rel == "mark" && t.w[k].UPOS == "ADP":
				t.w[k].Head, t.w[k].Rel = o+1, "case"
			default:
				t.w[k].Head = o + 1
			}
		}
		t.w[n].Head, t.w[n].Rel = o+1, "nmod:poss"
		t.w[v].Head, t.w[v].Rel = o+1, "amod"
		return true
	}
	return false
}

// strayRoot repairs a finite clause the parser hung as advcl on the noun
// before it, the noun made the root ("Today the fugitive commander of the
// militia was killed": root "commander"): a verb with an auxiliary, no
// subject and no subordinator under a root noun that precedes it is the
// root, and the noun its subject; the noun's clause-level dependents
// (obliques, adverbs, punctuation) go with the verb. The parser also hangs
// such a verb on the noun as a conjunct or dep with nothing between them
// ("More than 40 percent of households have some debt": "have" a conjunct
// of "percent"); a conjunct needs a conjunction or a comma, so a finite
// verb there (an auxiliary, or a past or present tense) is the clause's
// verb too, and so is a verb in a past or present tense that the parser
// made a modifier (acl) of the root noun.
func (t *depTree) strayRoot() bool {
	for v := range t.w {
		n := t.w[v].Head - 1
		if n < 0 || n >= v || t.w[v].UPOS != "VERB" || t.w[n].Rel != "root" {
			continue
		}
		switch t.w[v].Rel {
		case "advcl":
			if !t.hasKid(v, "aux", "aux:pass") {
				continue
			}
		case "conj", "dep":
			if !t.bare(v) && !t.afterSetOffClause(n, v) || !t.finite(v) {
				continue
			}
		case "acl":
			// A clause modifying a noun is a participle's, not a
			// verb in the past or present tense ("The U.N.
			// secretary-general's special representative in Haiti,
			// Helen La Lime, expressed concern").
			if x := t.w[v].XPOS; x != "VBD" && x != "VBZ" && x != "VBP" {
				continue
			}
		default:
			continue
		}
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" || !t.subjectless(v) || t.hasKid(v, "mark") || t.hasKid(n, "cop") {
			continue
		}
		// An adverb before the noun's number modifies the count ("More
		// than 40 percent"), not the clause.
		count := -1
		for _, k := range t.kids[n] {
			if k < n && t.w[k].Rel == "nummod" {
				count = k
			}
		}
		t.w[v].Head, t.w[v].Rel = 0, "root"
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		if t.hasKid(v, "aux:pass") {
			t.w[n].Rel = "nsubj:pass"
		}
		for _, k := range t.kids[n] {
			switch r := t.w[k].Rel; {
			case r == "advmod" && k < count:
			case r == "punct" || r == "advmod" || r == "parataxis" || strings.HasPrefix(r, "obl") || r == "advcl":
				t.w[k].Head = v + 1
			}
		}
		return true
	}
	return false
}

// afterSetOffClause reports whether only a relative clause or an
// apposition of noun n, set off by commas, stands between n and the verb v
// ("McCormick, who has split from many fellow Republicans on issues such
// as the voucher program, told teachers ...": "told" a dep of the root
// "McCormick"). Such a phrase closes before the verb, so the verb after
// its closing comma continues the sentence of which n is the subject, as
// a verb with nothing between it and n does.
func (t *depTree) afterSetOffClause(n, v int) bool {
	if v-n < 4 || t.w[n+1].Form != "," || t.w[v-1].Form != "," || t.hasKid(v, "cc") {
		return false
	}
	setOff := false
	for k := n + 1; k < v-1; k++ {
		if t.w[k].Head-1 == n && t.w[k].Form == "," {
			continue
		}
		// The child of n that k descends from.
		c := k
		for c >= 0 && t.w[c].Head-1 != n {
			c = t.w[c].Head - 1
		}
		if c < 0 || c <= n || c >= v || t.w[c].Rel != "acl:relcl" && t.w[c].Rel != "appos" {
			return false
		}
		setOff = true
	}
	return setOff
}

// whoseClauseRoot repairs a sentence whose subject has a relative clause
// opened by "whose" that the parser made the main clause ("The mayor,
// whose office oversees the police, told reporters that ...": root
// "oversees" with "office" its subject, "mayor" its oblique and "told"
// its conjunct): "whose" opens a relative clause, never a main one, so the
// noun before its comma is the subject of the verb after the clause's
// closing comma, and the clause is that noun's.
func (t *depTree) whoseClauseRoot() bool {
	for v := range t.w {
		if t.w[v].Rel != "root" || t.w[v].UPOS != "VERB" {
			continue
		}
		s := -1
		for _, k := range t.kids[v] {
			if t.w[k].Rel == "nsubj" || t.w[k].Rel == "nsubj:pass" {
				s = k
			}
		}
		if s < 2 {
			continue
		}
		w := -1
		for _, k := range t.kids[s] {
			if k < s && t.w[k].XPOS == "WP$" {
				w = k
			}
		}
		if w < 2 || t.w[w-1].Form != "," {
			continue
		}
		n := w - 2
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" || t.w[n].Head-1 != v {
			continue
		}
		c := -1
		for _, k := range t.kids[v] {
			if k > v && t.w[k].Rel == "conj" && t.w[k].UPOS == "VERB" && t.w[k-1].Form == "," && t.finite(k) && t.subjectless(k) && !t.hasKid(k, "cc") {
				c = k
				break
			}
		}
		if c < 0 {
			continue
		}
		t.relativeUnderClause(v, c, n)
		return true
	}
	return false
}

// nounWithObject repairs a verb tagged as a noun ("Botswana issues
// around 400 elephant licenses": "issues" a noun, the root): no noun takes
// an object in UD, so a noun root with an object after it is a verb.
// Labels only; straySubject then finds its subject.
func (t *depTree) nounWithObject() bool {
	for n := range t.w {
		if t.w[n].UPOS != "NOUN" || t.w[n].Rel != "root" {
			continue
		}
		for _, k := range t.kids[n] {
			if k > n && t.w[k].Rel == "obj" {
				t.w[n].UPOS = "VERB"
				switch f := t.lows[n]; {
				case strings.HasSuffix(f, "ed"):
					t.w[n].XPOS = "VBD"
				case strings.HasSuffix(f, "s"):
					t.w[n].XPOS = "VBZ"
				default:
					t.w[n].XPOS = "VBP"
				}
				break
			}
		}
	}
	return false
}

// straySubject repairs a subject the parser attached to its verb as a
// compound or modifier ("Gunmen fired": compound; "The convoy hit": the
// determiner on the verb and "convoy" an adjective): a verb without a
// subject whose left dependent right before it (adverbs and auxiliaries
// between) is a noun, or a word a determiner introduces, has that word
// as its subject (passive with a passive auxiliary), the word a noun and
// the determiner its own.
func (t *depTree) straySubject() bool {
	changed := false
	for v := range t.w {
		if t.w[v].UPOS != "VERB" || !t.subjectless(v) {
			continue
		}
		n := v - 1
		for n >= 0 && t.w[n].Head == v+1 && (t.w[n].UPOS == "ADV" || strings.HasPrefix(t.w[n].Rel, "aux")) {
			n--
		}
		if n < 0 || t.w[n].Head != v+1 {
			continue
		}
		switch t.w[n].Rel {
		case "compound", "amod", "advmod":
		default:
			continue
		}
		det := n - 1
		if det >= 0 && t.w[det].UPOS == "DET" && t.w[det].Rel == "det" && (t.w[det].Head == v+1 || t.w[det].Head == n+1) {
			t.w[det].Head = n + 1
		} else if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" {
			t.w[n].UPOS = "NOUN"
		}
		t.w[n].Rel = "nsubj"
		if t.hasKid(v, "aux:pass") {
			t.w[n].Rel = "nsubj:pass"
		}
		changed = true
	}
	return changed
}

// subjectWithCase repairs a subject with a preposition of its own, which
// no subject has ("According to eyewitness accounts ..., snipers fired":
// "accounts" the subject, "snipers" its conjunct): the phrase is an
// oblique, and a conjunct of it that stands right before the verb without
// a conjunction of its own is the verb's subject.
func (t *depTree) subjectWithCase() bool {
	changed := false
	for n := range t.w {
		v := t.w[n].Head - 1
		if v <= n || t.w[n].Rel != "nsubj" {
			continue
		}
		// A possessive "'s" or "'" is a case word too, and no
		// preposition ("organizations' increasing recruiting").
		prep, marked := false, false
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "case" && t.w[k].UPOS != "PART" {
				// "with officials saying that ...": an absolute construction
				// has a subject after its "with" (the participle's).
				if l := t.lemma(k); (l == "with" || l == "without") && t.w[v].XPOS == "VBG" {
					continue
				}
				// "He made the statement a day after the Taliban reported
				// that ...": a word that is a preposition or a
				// subordinator, before the subject of a finite verb, marks
				// that verb's clause, an adverbial clause of the verb it
				// was hung on when no conjunction joins them.
				if k < n && finiteTags[t.w[v].XPOS] && (t.lows[k] == "after" || t.lows[k] == "before" || t.lows[k] == "since" || t.lows[k] == "until") {
					t.w[k].Head, t.w[k].Rel = v+1, "mark"
					if h := t.w[v].Head - 1; t.w[v].Rel == "conj" && h >= 0 && h < v && !t.hasKid(v, "cc") {
						t.w[v].Rel = "advcl"
					}
					marked = true
					continue
				}
				prep = true
			}
		}
		if marked {
			changed = true
		}
		if !prep {
			continue
		}
		t.w[n].Rel = "obl"
		changed = true
		for _, c := range t.kids[n] {
			if t.w[c].Rel != "conj" || t.hasKid(c, "cc") {
				continue
			}
			if _, e := t.subtree(c); e+1 == v {
				t.w[c].Head, t.w[c].Rel = v+1, "nsubj"
			}
		}
	}
	return changed
}

// clauseAfterConjunction repairs a clause opened by a subordinating
// conjunction that the parser read as a preposition ("Relations soured
// after Israeli commandos stormed the ship": "commandos" an oblique of
// "soured" with case "after", "stormed" a conjunct): a noun with
// after/before/since/until whose phrase runs straight into a finite verb
// without a subject or conjunction, both hung on the same head, is that
// verb's subject, the verb an adverbial clause and the word its marker.
func (t *depTree) clauseAfterConjunction() bool {
	for n := range t.w {
		h := t.w[n].Head - 1
		if h < 0 || t.w[n].Rel != "obl" {
			continue
		}
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
			continue
		}
		c := -1
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "case" && k < n {
				c = k
			}
		}
		if c < 0 || !slices.Contains([]string{"after", "before", "since", "until"}, t.lows[c]) {
			continue
		}
		_, e := t.subtree(n)
		v := e + 1
		if v >= len(t.w) || t.w[v].Head-1 != h || t.w[v].UPOS != "VERB" || !t.finite(v) || !t.subjectless(v) || t.hasKid(v, "cc") {
			continue
		}
		if r := t.w[v].Rel; r != "conj" && r != "parataxis" && r != "dep" {
			continue
		}
		t.w[v].Rel = "advcl"
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		t.w[c].Head, t.w[c].Rel = v+1, "mark"
		return true
	}
	return false
}

// subjectAfterMarker repairs a clause opened by a subordinating
// conjunction whose subject the parser took into the phrase before it
// ("Arabs constitute 50% of the people, while Alawites, Kurds and
// Christians make up 35%": "Alawites" a conjunct of "people" marked by
// "while", "make" a parataxis of the root): a marker opens a clause, not
// a noun, so a noun with a marker, right before a finite verb without a
// subject, is that verb's subject, and the verb the adverbial clause the
// marker opens.
func (t *depTree) subjectAfterMarker() bool {
	for n := range t.w {
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
			continue
		}
		m := -1
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "mark" && t.w[k].UPOS == "SCONJ" && k < n {
				m = k
			}
		}
		// A "noun" with a subject, an auxiliary or an object is a verb the
		// tagger misread ("if Putin would give": "give" a noun), whose
		// clause the marker rightly opens.
		if m < 0 || t.hasKid(n, "nsubj", "nsubj:pass", "aux", "aux:pass", "cop", "obj") {
			continue
		}
		_, e := t.subtree(n)
		v := e + 1
		if v >= len(t.w) || t.w[v].UPOS != "VERB" || !t.finite(v) || !t.subjectless(v) || t.hasKid(v, "mark", "cc") || t.descends(v, n) {
			continue
		}
		if r := t.w[v].Rel; r != "conj" && r != "parataxis" && r != "dep" && r != "advcl" {
			continue
		}
		t.w[v].Rel = "advcl"
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		t.w[m].Head = v + 1
		return true
	}
	return false
}

// secondSubject repairs a verb the parser gave two subjects where the
// second is the object of a verb inside the first ("Workers at the plant
// who run the night shift said": "shift" a subject of "said"): the later
// subject, right after a verb of the first subject's phrase that has no
// object, is that verb's object.
func (t *depTree) secondSubject() bool {
	changed := false
	for b := range t.w {
		v := t.w[b].Head - 1
		if v <= b || t.w[b].Rel != "nsubj" {
			continue
		}
		lo, _ := t.subtree(b)
		if lo == 0 {
			continue
		}
		prev := lo - 1
		if t.w[prev].UPOS != "VERB" || t.hasKid(prev, "obj", "ccomp", "xcomp") {
			continue
		}
		first := -1
		for _, k := range t.kids[v] {
			if k < b && t.w[k].Rel == "nsubj" {
				first = k
			}
		}
		if first < 0 || !t.inside(prev, first) {
			continue
		}
		t.w[b].Head, t.w[b].Rel = prev+1, "obj"
		changed = true
	}
	return changed
}

// possessorBeforeGerund repairs a possessive name the parser made a verb's
// object, with the -ing word right after it a clause of that verb
// ("Trump confirmed al-Rufay’i’s killing": "al-Rufay’i" the object,
// "killing" an xcomp): a possessive right before an -ing word makes it a
// gerund, the noun phrase the verb takes, and the possessor its own.
func (t *depTree) possessorBeforeGerund() bool {
	for n := range t.w {
		v := t.w[n].Head - 1
		if v < 0 || t.w[n].Rel != "obj" || (t.w[n].UPOS != "PROPN" && t.w[n].UPOS != "NOUN") {
			continue
		}
		_, e := t.subtree(n)
		g := e + 1
		if g >= len(t.w) || t.w[e].XPOS != "POS" || t.w[e].Head-1 != n || t.w[g].XPOS != "VBG" || t.w[g].Head-1 != v ||
			t.hasKid(g, "nsubj", "nsubj:pass", "mark", "obj", "aux") {
			continue
		}
		switch t.w[g].Rel {
		case "xcomp", "advcl", "ccomp", "dep":
		default:
			continue
		}
		t.w[g].Rel, t.w[g].UPOS, t.w[g].XPOS = "obj", "NOUN", "NN"
		t.w[n].Head, t.w[n].Rel = g+1, "nmod:poss"
		return true
	}
	return false
}

// saidInSubordinate repairs a sentence that opens with a subordinate
// clause whose verb is one of saying, where the parser made that verb a
// modifier of its own complement ("Although Smith said the talks had
// failed, the two sides will meet again": "said" an advcl of "failed",
// "meet" a conjunct of it). The subordinator marks the verb of saying, so
// the clause after it up to the comma is what was said, and the conjunct
// after the comma heads the main clause the subordinate clause modifies.
func (t *depTree) saidInSubordinate() bool {
	for v := range t.w {
		h := t.w[v].Head - 1
		if h <= v || t.w[v].Rel != "advcl" || t.w[v].UPOS != "VERB" || !speechLemmas[t.lemma(v)] || !t.hasKid(v, "nsubj") {
			continue
		}
		mark := false
		for _, k := range t.kids[v] {
			mark = mark || k < v && t.w[k].Rel == "mark" && subordinators[t.lemma(k)]
		}
		if !mark {
			continue
		}
		// The first comma after the verb, past its complement's head.
		c := t.commaAfter(h)
		if c < 0 {
			continue
		}
		m := t.clauseAfterComma(t.kids[h], c)
		if m < 0 {
			continue
		}
		t.w[m].Head, t.w[m].Rel = t.w[h].Head, t.w[h].Rel
		for _, k := range t.kids[h] {
			if k >= c && k != m {
				t.w[k].Head = m + 1
			}
		}
		t.w[h].Head, t.w[h].Rel = v+1, "ccomp"
		t.w[v].Head = m + 1
		return true
	}
	// The same clause made the root, the main clause hung on its
	// complement ("Although Mauritius has said that the facilities are not
	// for military use, they give India a foothold": "said" the root with
	// its subordinator, "give" a parataxis of "use"): a verb that a
	// subordinator marks heads no sentence, so the clause after the comma
	// with a subject of its own is the root and the verb of saying its
	// adverbial clause.
	for v := range t.w {
		if t.w[v].Rel != "root" || t.w[v].UPOS != "VERB" || !speechLemmas[t.lemma(v)] || !t.hasKid(v, "nsubj") {
			continue
		}
		mark, h := false, -1
		for _, k := range t.kids[v] {
			mark = mark || k < v && t.w[k].Rel == "mark" && subordinators[t.lemma(k)]
			if k > v && t.w[k].Rel == "ccomp" && h < 0 {
				h = k
			}
		}
		if !mark || h < 0 {
			continue
		}
		c := t.commaAfter(h)
		if c < 0 {
			continue
		}
		m := t.clauseAfterComma(append(slices.Clone(t.kids[h]), t.kids[v]...), c)
		if m < 0 {
			continue
		}
		t.w[m].Head, t.w[m].Rel = 0, "root"
		for _, p := range []int{h, v} {
			for _, k := range t.kids[p] {
				if k >= c && k != m {
					t.w[k].Head = m + 1
				}
			}
		}
		t.w[v].Head, t.w[v].Rel = m+1, "advcl"
		return true
	}
	return false
}

// commaAfter returns the first comma after word h, -1 when there is none.
func (t *depTree) commaAfter(h int) int {
	for k := h + 1; k < len(t.w); k++ {
		if t.w[k].Form == "," {
			return k
		}
	}
	return -1
}

// clauseAfterComma returns the first of kids after comma c that heads a
// clause of its own (a conjunct or parataxis with a predicate and a
// subject) joined by no conjunction: the main clause after an opening
// subordinate one. -1 when there is none.
func (t *depTree) clauseAfterComma(kids []int, c int) int {
	for _, k := range kids {
		if k > c && (t.w[k].Rel == "conj" || t.w[k].Rel == "parataxis") && (t.w[k].UPOS == "VERB" || t.w[k].UPOS == "AUX" || t.hasKid(k, "cop")) && t.hasKid(k, "nsubj", "nsubj:pass", "expl") {
			if t.hasKid(k, "cc") {
				return -1
			}
			return k
		}
	}
	return -1
}

// nameAsConjunctSubject repairs a name that ends a noun phrase of the
// clause before, which the parser made the subject of the next conjoined
// verb ("Trump praised his summit with North Korean leader Kim Jong Un,
// described his relationship with him as ..., and announced ...": "Kim"
// the subject of "described"). A conjunct with a subject of its own is
// joined by a conjunction ("..., and Kim described"); with none, no
// comma-spliced clause starts right after a noun, so the name is in
// apposition to the noun before it and the verb shares the first
// conjunct's subject. (Only before a comma: "on the night Epstein died"
// is a relative clause without "that".)
func (t *depTree) nameAsConjunctSubject() bool {
	for v := range t.w {
		h := t.w[v].Head - 1
		if h < 0 || h > v || v == 0 || t.w[v-1].Form != "," || t.w[v].Rel != "conj" || t.w[v].UPOS != "VERB" || t.w[h].UPOS != "VERB" || t.hasKid(v, "cc") || !t.hasKid(h, "nsubj") {
			continue
		}
		for _, s := range t.kids[v] {
			if s > v || t.w[s].Rel != "nsubj" || t.w[s].UPOS != "PROPN" {
				continue
			}
			lo, _ := t.subtree(s)
			n := lo - 1
			if n <= h || t.w[n].UPOS != "NOUN" || !t.descends(n, h) {
				continue
			}
			t.w[s].Head, t.w[s].Rel = n+1, "appos"
			return true
		}
	}
	return false
}

// progressiveAsAdjective repairs a verb in the progressive the tagger read
// as an adjective of its object ("Ankara is threatening retaliation
// against Washington": "threatening" an amod of "retaliation", the root,
// "is" its copula): a copula before an -ing word of threatening or
// demanding and a bare noun is the auxiliary of that verb, which takes
// the noun as its object and the clause's subject, modifiers and
// punctuation. Only verbs of that kind: "is interesting news" keeps its
// adjective.
func (t *depTree) progressiveAsAdjective() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || t.w[n].UPOS != "NOUN" || n < 2 {
			continue
		}
		a, c := n-1, n-2
		if t.w[a].Head != n+1 || t.w[a].Rel != "amod" || progressiveVerbs[t.lows[a]] == "" ||
			t.w[c].Head != n+1 || t.w[c].Rel != "cop" || t.lemma(c) != "be" {
			continue
		}
		subj := -1
		for _, k := range t.kids[n] {
			if k < c && t.w[k].Rel == "nsubj" && (t.w[k].UPOS == "PROPN" || t.w[k].UPOS == "NOUN") {
				subj = k
			}
		}
		if subj < 0 {
			continue
		}
		t.w[a].Head, t.w[a].Rel, t.w[a].UPOS, t.w[a].XPOS = 0, "root", "VERB", "VBG"
		t.w[a].Lemma, t.lems[a] = progressiveVerbs[t.lows[a]], progressiveVerbs[t.lows[a]]
		t.w[c].Head, t.w[c].Rel = a+1, "aux"
		for _, k := range t.kids[n] {
			switch r := t.w[k].Rel; {
			case k < n, r == "advcl", r == "punct", r == "parataxis", strings.HasPrefix(r, "obl"):
				if k != a && k != c {
					t.w[k].Head = a + 1
				}
			}
		}
		t.w[n].Head, t.w[n].Rel = a+1, "obj"
		return true
	}
	return false
}

// progressiveVerbs are the -ing forms of threatening and demanding that
// progressiveAsAdjective reads as verbs.
// (form -> lemma: the tagger's lemma is the adjective's.)
var progressiveVerbs = map[string]string{"threatening": "threaten", "demanding": "demand", "seeking": "seek",
	"promising": "promise", "urging": "urge", "claiming": "claim", "denying": "deny", "warning": "warn", "accusing": "accuse"}

// subjectApposition repairs an apposition set off by commas that the parser
// made a second subject of the verb ("Tran Quoc Bao, the planning and
// marketing director at City International Hospital, told a regional
// conference that ...": "Tran" and "planning" both subjects of "told"):
// a clause has one subject, and a noun phrase between two commas right
// after it, before the verb, is its apposition.
func (t *depTree) subjectApposition() bool {
	changed := false
	for v := range t.w {
		var subj []int
		for _, k := range t.kids[v] {
			if k < v && t.w[k].Rel == "nsubj" {
				subj = append(subj, k)
			}
		}
		if len(subj) != 2 {
			continue
		}
		s1, s2 := subj[0], subj[1]
		_, e1 := t.subtree(s1)
		lo2, e2 := t.subtree(s2)
		if t.w[s1].UPOS != "PROPN" && t.w[s1].UPOS != "NOUN" || t.w[s2].UPOS != "NOUN" && t.w[s2].UPOS != "PROPN" {
			continue
		}
		// s2's phrase (its own commas aside) sits between a comma after s1
		// and a comma before the verb.
		if e2 >= v || t.w[e2].Form == "," {
			e2--
		}
		if e1+1 >= len(t.w) || t.w[e1+1].Form != "," || lo2 > e1+2 || e2+1 >= v || t.w[e2+1].Form != "," {
			continue
		}
		t.w[s2].Head, t.w[s2].Rel = s1+1, "appos"
		changed = true
	}
	return changed
}

// vocativeSubject repairs a subject set off by commas that the parser read
// as a form of address ("Ankara, too, is warning Washington of severe
// consequences": "Ankara" a vocative of "warning"): news prose addresses
// no one outside quotations, so a name or noun before a verb that has no
// subject of its own, read as its vocative, is that subject.
func (t *depTree) vocativeSubject() bool {
	changed := false
	for k := range t.w {
		v := t.w[k].Head - 1
		if t.w[k].Rel != "vocative" || v <= k || (t.w[k].UPOS != "PROPN" && t.w[k].UPOS != "NOUN") || (t.w[v].UPOS != "VERB" && !t.hasKid(v, "cop")) || !t.subjectless(v) {
			continue
		}
		t.w[k].Rel = "nsubj"
		if t.hasKid(v, "aux:pass") {
			t.w[k].Rel = "nsubj:pass"
		}
		changed = true
	}
	return changed
}

// relativeAsClauseSubject repairs a garden path the parser takes when a
// relative clause stands between a subject and its verb ("A page on the
// ministry website that outlines relations states that the two have a
// partnership": "states" read as the relative clause of "website", with
// "outlines" its clausal subject, and the noun "page" left as the root).
// A finite verb right after a relative pronoun is that pronoun's clause,
// not the subject of the verb after it; a sentence whose root is a bare
// noun has lost its main verb, and the finite verb that was read as the
// relative clause is it, the root noun its subject.
func (t *depTree) relativeAsClauseSubject() bool {
	for v2 := range t.w {
		n := t.w[v2].Head - 1
		if t.w[v2].Rel != "acl:relcl" || t.w[v2].UPOS != "VERB" || !finiteTags[t.w[v2].XPOS] || n < 0 || n > v2 || t.hasKid(v2, "nsubj", "nsubj:pass") {
			continue
		}
		v1 := -1
		for _, k := range t.kids[v2] {
			if t.w[k].Rel == "csubj" && k < v2 && t.w[k].UPOS == "VERB" && finiteTags[t.w[k].XPOS] && t.subjectless(k) {
				v1 = k
			}
		}
		if v1 < 1 || v1-1 <= n {
			continue
		}
		m := v1 - 1
		if h := t.w[m].Head - 1; (h != v2 && h != v1) || t.lows[m] != "that" && t.lows[m] != "which" && t.lows[m] != "who" {
			continue
		}
		// The root: a noun without a copula, whose phrase holds n.
		r := n
		for t.w[r].Head != 0 {
			r = t.w[r].Head - 1
		}
		if r >= n+1 || (t.w[r].UPOS != "NOUN" && t.w[r].UPOS != "PROPN") || t.hasKid(r, "cop", "nsubj", "nsubj:pass") {
			continue
		}
		// The verb keeps a complement after it ("states that ...").
		if !t.hasKidAfter(v2, "ccomp", "obj", "xcomp") {
			continue
		}
		t.w[v1].Head, t.w[v1].Rel = n+1, "acl:relcl"
		t.w[m].Head, t.w[m].Rel, t.w[m].UPOS, t.w[m].XPOS = v1+1, "nsubj", "PRON", "WDT"
		t.promote(v2, r, v2, "nsubj")
		return true
	}
	return false
}

// clauseOfRelativeObject repairs a that-clause the parser hung on the
// relative clause of a verb's indirect object ("Gambill told a few
// thousand teachers who covered the lawn that the Legislature should
// direct money ...": "direct" a complement of "covered"). A verb with an
// indirect object and no clause of its own ("told", "assured", "warned")
// is the one that takes a clause; a relative clause that already has its
// object does not take a second complement after it.
func (t *depTree) clauseOfRelativeObject() bool {
	for c := range t.w {
		r := t.w[c].Head - 1
		if t.w[c].Rel != "ccomp" || r < 0 || r > c || t.w[r].Rel != "acl:relcl" || !t.hasKid(c, "mark") {
			continue
		}
		m := -1
		for _, k := range t.kids[c] {
			if t.w[k].Rel == "mark" && k < c && (m < 0 || k < m) {
				m = k
			}
		}
		if t.lows[m] != "that" {
			continue
		}
		obj := false
		for _, k := range t.kids[r] {
			if t.w[k].Rel == "obj" && k > r && k < m {
				obj = true
			}
		}
		n := t.w[r].Head - 1
		if !obj || n < 0 || t.w[n].Rel != "iobj" {
			continue
		}
		v := t.w[n].Head - 1
		if v < 0 || v > n || t.w[v].UPOS != "VERB" || t.hasKid(v, "ccomp", "xcomp", "obj") {
			continue
		}
		t.w[c].Head = v + 1
		return true
	}
	return false
}

// promote makes verb v the root in place of root r, which becomes v's
// dependent rel; r's dependents after word after go with the clause to v
// (the full stop among them).
func (t *depTree) promote(v, r, after int, rel string) {
	t.w[v].Head, t.w[v].Rel = 0, "root"
	for _, k := range t.kids[r] {
		if k > after {
			t.w[k].Head = v + 1
		}
	}
	t.w[r].Head, t.w[r].Rel = v+1, rel
}

// hasKidAfter reports whether word n has a dependent after it with one of
// the relations.
func (t *depTree) hasKidAfter(n int, rels ...string) bool {
	for _, k := range t.kids[n] {
		if k > n && slices.Contains(rels, t.w[k].Rel) {
			return true
		}
	}
	return false
}

// finiteAux reports whether clause c has a finite auxiliary ("had",
// "will", "is"), which a clause without a subject of its own lacks.
func (t *depTree) finiteAux(c int) bool {
	for _, k := range t.kids[c] {
		if t.w[k].Rel == "aux" && finiteTags[t.w[k].XPOS] {
			return true
		}
	}
	return false
}

// objectOfClause repairs the subject of a complement clause the parser
// made the object of the verb before it ("Analysts point out a large
// purchase of jets will likely have consequences": "purchase" the object
// of "point", "have" a clause without a subject): a clause with a modal
// or tense auxiliary of its own needs a subject, so an object right
// before it, with nothing but the clause's own auxiliaries and adverbs
// between, is that subject.
func (t *depTree) objectOfClause() bool {
	changed := false
	for c := range t.w {
		v := t.w[c].Head - 1
		// (An adverbial clause with no marker and a finite auxiliary is
		// the same complement misread: "intelligence reports indicated two
		// attacks had involved participants from the camp"; under a finite
		// verb with a subject, not a participle that modifies a noun:
		// "scientists using a telescope atop Mauna Kea have confirmed" is
		// the scientists' clause.)
		if v < 0 || v > c || t.w[c].Rel != "ccomp" && !(t.w[c].Rel == "advcl" && t.finiteAux(c) && finiteTags[t.w[v].XPOS] && !t.subjectless(v)) || !t.hasKid(c, "aux") || t.hasKid(c, "nsubj", "nsubj:pass", "csubj", "expl", "mark") {
			continue
		}
		o := -1
		for _, k := range t.kids[v] {
			if t.w[k].Rel == "obj" && k > v && k < c && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN") {
				o = k
			}
		}
		if o < 0 || t.hasKid(v, "iobj") {
			continue
		}
		_, hi := t.subtree(o)
		between := true
		for k := hi + 1; k < c; k++ {
			if h := t.w[k].Head - 1; h != c || t.w[k].Rel != "aux" && t.w[k].Rel != "advmod" {
				between = false
			}
		}
		if !between {
			continue
		}
		t.w[o].Head, t.w[o].Rel = c+1, "nsubj"
		t.w[c].Rel = "ccomp"
		changed = true
	}
	// The same clause hung on a word before the verb as a conjunct ("...,
	// with union leaders saying the talks had made progress": "made" a
	// conjunct of the root, "talks" the object of "saying"): with no
	// conjunction of its own and nothing but its auxiliaries and adverbs
	// after the verb's object, it is that verb's complement clause.
	for c := range t.w {
		h := t.w[c].Head - 1
		// (A verb with an auxiliary, or a predicate with a copula: "The
		// report concluded the dam was unsafe".)
		if h < 0 || h > c || (t.w[c].Rel != "conj" && t.w[c].Rel != "parataxis") || !(t.w[c].UPOS == "VERB" && t.hasKid(c, "aux") || t.hasKid(c, "cop")) ||
			t.hasKid(c, "nsubj", "nsubj:pass", "csubj", "expl", "mark", "cc") {
			continue
		}
		// p: the last word before the clause's own auxiliaries and adverbs;
		// o: the object whose phrase ends there.
		p := c - 1
		for p > h && t.w[p].Head-1 == c && (t.w[p].Rel == "aux" || t.w[p].Rel == "advmod" || t.w[p].Rel == "cop") {
			p--
		}
		o := -1
		for k := p; k > h; k = t.w[k].Head - 1 {
			if _, hi := t.subtree(k); hi != p {
				break
			}
			if t.w[k].Rel == "obj" {
				if t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN" {
					o = k
				}
				break
			}
		}
		if o < 0 {
			continue
		}
		v := t.w[o].Head - 1
		if v < h || t.w[v].UPOS != "VERB" || t.hasKid(v, "iobj") {
			continue
		}
		t.w[c].Head, t.w[c].Rel = v+1, "ccomp"
		t.w[o].Head, t.w[o].Rel = c+1, "nsubj"
		changed = true
	}
	return changed
}

// adjectiveRoot repairs a postnominal adjective the parser made the root
// ("A person familiar with the matter told CNN": root "familiar", "with"
// marking "told" and "the matter" its subject): an adjective root without
// a copula, after its subject, whose adverbial clause has a preposition as
// its marker and a subject of its own, modifies that subject, and the
// clause's verb is the root with the first subject as its subject.
func (t *depTree) adjectiveRoot() bool {
	for a := range t.w {
		if t.w[a].Rel != "root" || t.w[a].UPOS != "ADJ" || t.hasKid(a, "cop") {
			continue
		}
		s, v, bareVerb := -1, -1, false
		for _, k := range t.kids[a] {
			switch {
			case k < a && t.w[k].Rel == "nsubj":
				s = k
			case k > a && (t.w[k].Rel == "conj" || t.w[k].Rel == "advcl" && !t.hasKid(k, "mark")) && v < 0 && t.w[k].UPOS == "VERB" && t.bare(k) && t.finite(k) && t.subjectless(k):
				// The same sentence with "with the matter" read right
				// and "told" a conjunct or an unmarked adverbial clause
				// of "familiar", with no conjunction or comma between
				// them.
				v, bareVerb = k, true
			case k > a && t.w[k].Rel == "advcl" && v < 0:
				v = k
			}
		}
		if s < 0 || v < 0 {
			continue
		}
		m, o := -1, -1
		for _, k := range t.kids[v] {
			switch {
			case t.w[k].Rel == "mark" && t.w[k].UPOS == "ADP" && k == a+1:
				m = k
			case t.w[k].Rel == "nsubj" && k < v:
				o = k
			}
		}
		if !bareVerb && (m < 0 || o < 0 || m > o) {
			continue
		}
		// The marker and the second subject stay on the verb: the
		// speaker rules read a verb's second subject after a
		// preposition as the end of the first one's phrase.
		t.w[v].Head, t.w[v].Rel = 0, "root"
		t.w[s].Head = v + 1
		if t.hasKid(v, "aux:pass") {
			// "The plotters involved in the attempt are also detained
			// there": the subject of a passive verb.
			t.w[s].Rel = "nsubj:pass"
		}
		t.w[a].Head, t.w[a].Rel = s+1, "amod"
		for _, k := range t.kids[a] {
			if k > a && k != v && (t.w[k].Rel == "punct" || t.w[k].Rel == "parataxis") {
				t.w[k].Head = v + 1
			}
		}
		return true
	}
	return false
}

// participleUnderSubject repairs a sentence whose subject the parser made
// the root, with the verb as a reduced relative of it ("Rebels seized
// control of the border town": root "Rebels", "seized" an acl VBN with the
// object "control"): a past participle without an auxiliary that takes a
// direct object modifies no noun (a passive participle has no object but
// in a ditransitive, "those given asylum", which the sentence-opening
// noun rules out here), so when it follows the root noun's own words at
// the opening of the sentence, with no comma between, and no other verb
// heads a clause, it is the past-tense verb and the noun its subject.
func (t *depTree) participleUnderSubject() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") {
			continue
		}
		p := -1
		for _, k := range t.kids[n] {
			if k > n && t.w[k].Rel == "acl" && t.w[k].UPOS == "VERB" && (t.w[k].XPOS == "VBN" || t.w[k].XPOS == "VBD") {
				p = k
				break
			}
		}
		// A verb of saying needs no object: a passive "warned" or "noted"
		// with no other verb would make the sentence a headline's
		// fragment, while a name the tagger read as a plural noun opens
		// many a report ("Matthaes warned against hospital care"). Not
		// before "to": "Residents warned to stay indoors" is passive.
		said := p >= 0 && t.lemma(p) != "tell" && speechLemmas[t.lemma(p)] && !t.hasKid(p, "xcomp")
		if p < 0 || p != n+1 || !t.hasKid(p, "obj") && !said || t.hasKid(p, "aux", "aux:pass", "nsubj", "nsubj:pass", "mark", "cop") {
			continue
		}
		if !t.opensAlone(n, p) {
			continue
		}
		t.w[p].XPOS = "VBD"
		t.rootOverSubject(p, n, "nsubj")
		return true
	}
	return t.participleAfterApposition()
}

// opensAlone reports that noun n's words open the sentence and that no
// verb but p and those under it heads a clause.
func (t *depTree) opensAlone(n, p int) bool {
	for k := 0; k < n; k++ {
		if !t.descends(k, n) || t.w[k].UPOS == "PUNCT" || t.w[k].UPOS == "VERB" || t.w[k].UPOS == "AUX" {
			return false
		}
	}
	for k := range t.w {
		if (t.w[k].UPOS == "VERB" || t.w[k].UPOS == "AUX") && k != p && !t.descends(k, p) {
			return false
		}
	}
	return true
}

// participleAfterApposition is participleUnderSubject's shape with an
// apposition between the noun and the verb of saying ("Matthaes, a
// Vietnam dweller of 25 years, warned against hospital care": root
// "Matthaes", "dweller" hung on it, "warned" an acl of "dweller"): the
// phrase set off by commas after the sentence's first noun is its
// apposition, and the verb after the second comma the sentence's.
func (t *depTree) participleAfterApposition() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") || n+2 >= len(t.w) || t.w[n+1].Form != "," {
			continue
		}
		a := -1
		for _, k := range t.kids[n] {
			if k > n+1 && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN") {
				a = k
				break
			}
		}
		if a < 0 {
			continue
		}
		lo, _ := t.subtree(a)
		p := -1
		for _, k := range t.kids[a] {
			if k > a && t.w[k].Rel == "acl" && t.w[k].UPOS == "VERB" && (t.w[k].XPOS == "VBN" || t.w[k].XPOS == "VBD") && speechLemmas[t.lemma(k)] {
				p = k
			}
		}
		if p < 0 || lo != n+2 || t.w[p-1].Form != "," || t.hasKid(p, "aux", "aux:pass", "nsubj", "nsubj:pass", "mark", "cop", "xcomp") {
			continue
		}
		if !t.opensAlone(n, p) {
			continue
		}
		t.w[a].Head, t.w[a].Rel = n+1, "appos"
		t.w[p].Head, t.w[p-1].Head = n+1, p+1
		t.w[p].XPOS = "VBD"
		t.linkKids()
		t.rootOverSubject(p, n, "nsubj")
		return true
	}
	return false
}

// rootOverSubject makes verb v the root and noun n, the root the parser
// chose, its subject (relation rel), with n's dependents after v: the
// shared last step of the repairs that find the sentence's verb under its
// subject.
func (t *depTree) rootOverSubject(v, n int, rel string) {
	t.w[v].Head, t.w[v].Rel = 0, "root"
	t.w[n].Head, t.w[n].Rel = v+1, rel
	for _, k := range t.kids[n] {
		if k > v {
			t.w[k].Head = v + 1
		}
	}
}

// verbalApposition repairs a sentence whose subject the parser made the
// root, with the finite verb as its apposition ("“Today the fugitive
// leader of ISIS in Iraq was killed.": root "leader", "killed" an appos
// with "was" its auxiliary): an apposition is nominal in UD, and a verb
// with an auxiliary of its own and no subject is a clause's predicate,
// so it is the root and the noun its subject (passive with a passive
// auxiliary).
func (t *depTree) verbalApposition() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") {
			continue
		}
		for _, v := range t.kids[n] {
			if v < n || t.w[v].Rel != "appos" || t.w[v].UPOS != "VERB" || !t.hasKid(v, "aux", "aux:pass") || t.hasKid(v, "nsubj", "nsubj:pass", "mark") {
				continue
			}
			// No comma between: "the leader, who was killed" is another shape.
			comma := false
			for k := n + 1; k < v; k++ {
				comma = comma || t.w[k].Form == ","
			}
			if comma {
				continue
			}
			rel := "nsubj"
			if t.hasKid(v, "aux:pass") {
				rel = "nsubj:pass"
			}
			t.rootOverSubject(v, n, rel)
			// The sentence's punctuation and the obliques before the
			// noun are the verb's too ("“Today ... was killed.").
			for _, k := range t.kids[n] {
				if t.w[k].Rel == "punct" || t.w[k].Rel == "obl:unmarked" || t.w[k].Rel == "obl" && k < n {
					t.w[k].Head = v + 1
				}
			}
			return true
		}
	}
	return false
}

// verbAsModifier repairs a sentence whose only verb, a past tense, the
// parser read as an adjective on its object ("Turkey threatened
// retaliation against Washington": "threatened" an amod of the root
// "retaliation", "Turkey" its compound; "The statement threatened
// sanctions": the root "statement" with the object "sanctions" and
// "threatened" its amod): a sentence ending in a full stop has a verb, so
// an -ed verb between two nouns that has no other verb beside it is the
// predicate, the noun before it its subject and the one after it its
// object. (A hyphen makes a compound modifier: "Turkey-backed rebels".)
func (t *depTree) verbAsModifier() bool {
	if len(t.w) < 4 || t.w[len(t.w)-1].Form != "." {
		return false
	}
	for a := 1; a+1 < len(t.w); a++ {
		if t.w[a].Rel != "amod" || t.w[a].UPOS != "VERB" || (t.w[a].XPOS != "VBN" && t.w[a].XPOS != "VBD") || !strings.HasSuffix(t.lows[a], "ed") || len(t.kids[a]) > 0 {
			continue
		}
		o := t.w[a].Head - 1
		if o <= a || t.w[o].UPOS != "NOUN" && t.w[o].UPOS != "PROPN" || t.w[a-1].Form == "-" {
			continue
		}
		verbs := false
		for k := range t.w {
			if k != a && (t.w[k].UPOS == "VERB" || t.w[k].UPOS == "AUX") {
				verbs = true
			}
		}
		if verbs {
			continue
		}
		s := a - 1
		if t.w[s].UPOS != "NOUN" && t.w[s].UPOS != "PROPN" {
			continue
		}
		switch {
		case t.w[o].Rel == "root" && t.w[s].Head-1 == o && t.w[s].Rel == "compound":
			// Shape one: "Turkey threatened retaliation".
			t.w[a].Head, t.w[a].Rel = 0, "root"
			t.w[s].Head, t.w[s].Rel = a+1, "nsubj"
			t.w[o].Head, t.w[o].Rel = a+1, "obj"
			for _, k := range t.kids[o] {
				switch {
				case k < s:
					t.w[k].Head = s + 1 // "The": the subject's
				case k > o && (t.w[k].Rel == "punct" || t.w[k].Rel == "obl"):
					t.w[k].Head = a + 1
				}
			}
		case t.w[s].Rel == "root" && t.w[o].Head-1 == s && (t.w[o].Rel == "obj" || t.w[o].Rel == "conj" && !t.hasKid(o, "cc")):
			// Shape two: "The statement threatened sanctions" (the
			// object the root's object, or its conjunct: "Officials
			// threatened sanctions").
			t.rootOverSubject(a, s, "nsubj")
			t.w[o].Head, t.w[o].Rel = a+1, "obj"
		default:
			continue
		}
		return true
	}
	return false
}

// participleBeforeName repairs an -ing modifier of a name the parser made
// a verb with the name as its object ("Blinken assured visiting
// Australian Foreign Minister Marise Payne that ...": "visiting" an xcomp
// of "assured", "Payne" its object, the "that" clause its adverbial): a
// participle right after a verb that has no object of its own, whose
// object is a proper name right after it and which governs a "that"
// clause after the name, is the name's modifier; the name is the verb's
// object and the participle's clauses the verb's (the "that" clause its
// complement).
func (t *depTree) participleBeforeName() bool {
	for g := 1; g < len(t.w); g++ {
		v := t.w[g].Head - 1
		if t.w[g].XPOS != "VBG" || v != g-1 || t.w[v].UPOS != "VERB" || (t.w[g].Rel != "xcomp" && t.w[g].Rel != "advcl") || t.hasKid(v, "obj", "iobj", "ccomp") {
			continue
		}
		o := -1
		for _, k := range t.kids[g] {
			if t.w[k].Rel == "obj" && t.w[k].UPOS == "PROPN" {
				o = k
			}
		}
		// And it governs a "that" clause after the name, which a
		// participle of visiting takes no more than "enjoyed visiting
		// Paris" does: the clause is the verb's.
		that := false
		for _, k := range t.kids[g] {
			that = that || k > o && (t.w[k].Rel == "advcl" || t.w[k].Rel == "ccomp") && t.markOf(k) == "that"
		}
		if o < 0 || !that {
			continue
		}
		if lo, _ := t.subtree(o); lo != g+1 {
			continue
		}
		t.w[o].Head, t.w[o].Rel = v+1, "obj"
		t.w[g].Head, t.w[g].Rel = o+1, "amod"
		for _, k := range t.kids[g] {
			if k == o {
				continue
			}
			t.w[k].Head = v + 1
			if t.w[k].Rel == "advcl" && t.markOf(k) == "that" {
				t.w[k].Rel = "ccomp"
			}
		}
		return true
	}
	return false
}

// reducedRelativeRoot repairs a reduced relative clause the parser made
// the root ("The men involved in the robbery were arrested": root
// "involved", "were arrested" its complement): a past participle root with
// a subject and no object, whose later clause has an auxiliary but neither
// a subject nor a marker, and nothing between the two but the
// participle's own words, modifies its subject; the later verb is the
// root, with that subject (passive with a passive auxiliary).
func (t *depTree) reducedRelativeRoot() bool {
	for a := range t.w {
		if t.w[a].Rel != "root" || t.w[a].UPOS != "VERB" || (t.w[a].XPOS != "VBD" && t.w[a].XPOS != "VBN") || !strings.HasSuffix(t.lows[a], "ed") {
			continue
		}
		if t.hasKid(a, "obj", "aux", "aux:pass", "cop", "ccomp:obj", "iobj") {
			continue
		}
		s, v := -1, -1
		for _, k := range t.kids[a] {
			switch r := t.w[k].Rel; {
			case k < a && r == "nsubj":
				s = k
			case k > a && v < 0 && (r == "ccomp" || r == "advcl" || r == "conj" || r == "parataxis") && t.w[k].UPOS == "VERB":
				v = k
			}
		}
		if s < 0 || v < 0 || !t.subjectless(v) || t.hasKid(v, "mark", "cc") {
			continue
		}
		// The later verb's first auxiliary is finite ("were arrested",
		// not "having been annexed"), and nothing stands between the two
		// but the participle's words: no comma, no conjunction.
		ok, aux := true, false
		for k := a + 1; k < v; k++ {
			if u := t.w[k].UPOS; u == "PUNCT" || u == "CCONJ" {
				ok = false
			}
			if r := t.w[k].Rel; (r == "aux" || r == "aux:pass") && t.w[k].Head-1 == v && !aux {
				aux = true
				switch t.w[k].XPOS {
				case "VBD", "VBZ", "VBP", "MD":
				default:
					ok = false
				}
			}
		}
		if !ok || !aux {
			continue
		}
		t.w[v].Head, t.w[v].Rel = 0, "root"
		t.w[s].Head, t.w[s].Rel = v+1, "nsubj"
		if t.hasKid(v, "aux:pass") {
			t.w[s].Rel = "nsubj:pass"
		}
		t.w[a].Head, t.w[a].Rel = s+1, "acl"
		for _, k := range t.kids[a] {
			if k > v || t.w[k].Rel == "punct" && k > a {
				t.w[k].Head = v + 1
			}
		}
		return true
	}
	return false
}

// relativeOnParticiple repairs a relative clause the parser hung on a
// participle as an adverbial ("the number of foreigners relocating to
// Japan, which reached a record high": "reached" an advcl of
// "relocating"): a clause whose subject is a relative pronoun modifies a
// noun, never a verb, and a participle that modifies a noun passes it on
// to the noun: the clause is that noun's relative clause. (The parser has
// already declined the participle's own nouns, "Japan", as antecedent.)
func (t *depTree) relativeOnParticiple() bool {
	changed := false
	for v := range t.w {
		p := t.w[v].Head - 1
		if p < 0 || v < p || t.w[v].UPOS != "VERB" || (t.w[v].Rel != "advcl" && t.w[v].Rel != "parataxis") {
			continue
		}
		if t.w[p].UPOS != "VERB" || t.w[p].Rel != "acl" || (t.w[p].XPOS != "VBG" && t.w[p].XPOS != "VBN") {
			continue
		}
		n := t.w[p].Head - 1
		if n < 0 || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") {
			continue
		}
		// The pronoun opens the clause, after a comma: ", which reached".
		r := -1
		for _, k := range t.kids[v] {
			if k < v && strings.HasPrefix(t.w[k].Rel, "nsubj") && t.w[k].UPOS == "PRON" && (t.lows[k] == "which" || t.lows[k] == "who") {
				r = k
			}
		}
		if r < 1 || t.lows[r-1] != "," {
			continue
		}
		t.w[v].Head, t.w[v].Rel = n+1, "acl:relcl"
		changed = true
	}
	return changed
}

// relativeAsConjunct repairs a relative clause the parser made a
// conjunct of a noun before it ("The average rent in the district, which
// is $2,000 a month, has risen": "$" a conjunct of "rent" with "which" its
// subject): a clause whose subject is a relative pronoun right after a
// comma coordinates with nothing; it modifies the noun right before the
// comma ("district"; "a point of tension with Washington, which claims":
// Washington), as a relative clause does, and the claims read a figure's
// clause on a measure's modifier as the measure's ("rent").
func (t *depTree) relativeAsConjunct() bool {
	changed := false
	for c := range t.w {
		h := t.w[c].Head - 1
		if h < 0 || h > c || t.w[c].Rel != "conj" || t.hasKid(c, "cc") {
			continue
		}
		if u := t.w[h].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		for _, k := range t.kids[c] {
			if k < 2 || k > c || !strings.HasPrefix(t.w[k].Rel, "nsubj") || t.w[k].UPOS != "PRON" || (t.lows[k] != "which" && t.lows[k] != "who") || t.lows[k-1] != "," {
				continue
			}
			a := k - 2
			if u := t.w[a].UPOS; (u != "NOUN" && u != "PROPN") || t.descends(a, c) {
				break
			}
			t.w[c].Head, t.w[c].Rel = a+1, "acl:relcl"
			changed = true
			break
		}
	}
	return changed
}

// bareApposition repairs an apposition with nothing between it and its
// head but its own modifiers ("Baidu chief Robin Li": "Li" in apposition
// to "Baidu"): an apposition is set off by a comma, a dash or a bracket,
// so without one the later noun heads the phrase and the earlier one is
// its compound. A name the parser made a conjunct of the noun before it
// with no conjunction or comma between ("Li" a conjunct of "Baidu") is
// the same phrase.
func (t *depTree) bareApposition() bool {
	changed := false
	for a := range t.w {
		h := t.w[a].Head - 1
		if h < 0 || h >= a {
			continue
		}
		switch u := t.w[a].UPOS; t.w[a].Rel {
		case "appos":
			if u != "PROPN" && u != "NOUN" {
				continue
			}
		case "conj":
			if hu := t.w[h].UPOS; u != "PROPN" || hu != "PROPN" && hu != "NOUN" || !t.bare(a) {
				continue
			}
		default:
			continue
		}
		lo, _ := t.subtree(a)
		if lo != h+1 {
			continue // something of the head's, or punctuation, between them
		}
		// An article opens a phrase of its own: "called the deal a
		// disaster" (namedComplement) is two phrases, not a compound.
		if lo < a && t.w[lo].UPOS == "DET" && (t.lows[lo] == "a" || t.lows[lo] == "an" || t.lows[lo] == "the") {
			continue
		}
		bare := true
		for k := lo; k < a; k++ {
			if t.w[k].UPOS == "PUNCT" {
				bare = false
			}
		}
		if !bare || t.hasKid(h, "flat") || t.w[h].Rel == "root" {
			continue
		}
		t.w[a].Head, t.w[a].Rel = t.w[h].Head, t.w[h].Rel
		t.w[h].Head, t.w[h].Rel = a+1, "compound"
		for _, k := range t.kids[h] {
			if k < h {
				t.w[k].Head = a + 1
			}
		}
		changed = true
	}
	return changed
}

// crossedCompound repairs a compound with a preposition of its own
// whose head lies past another preposition ("risen as much as 15% since
// January": "%" a compound of "January"): a compound takes no case word,
// so the word is a modifier of the word right before its phrase ("much").
func (t *depTree) crossedCompound() bool {
	changed := false
	for c := range t.w {
		h := t.w[c].Head - 1
		if h <= c || t.w[c].Rel != "compound" {
			continue
		}
		own, crossed := -1, false
		for _, k := range t.kids[c] {
			if t.w[k].Rel == "case" && k < c {
				own = k
			}
		}
		for _, k := range t.kids[h] {
			if t.w[k].Rel == "case" && c < k && k < h {
				crossed = true
			}
		}
		if own < 0 || !crossed {
			continue
		}
		lo, _ := t.subtree(c)
		if lo == 0 || t.w[lo-1].UPOS == "PUNCT" || t.w[lo-1].Head-1 == c {
			continue
		}
		t.w[c].Head, t.w[c].Rel = lo, "nmod"
		changed = true
	}
	return changed
}

// figureAcrossCase repairs a figure right after a verb that the parser
// made a compound of the noun of a prepositional phrase after it ("rose
// 22% over a period": "%" a compound of "period", past "over"): a
// compound stands inside its head's phrase, after the preposition, so a
// figure before the preposition is the verb's object (the extent of
// "rose", the amount of "paid").
func (t *depTree) figureAcrossCase() bool {
	changed := false
	for f := 1; f < len(t.w); f++ {
		h := t.w[f].Head - 1
		if t.w[f].Rel != "compound" || h <= f+1 || t.w[f].Form != "%" && !t.hasKid(f, "nummod") {
			continue
		}
		v := t.w[h].Head - 1
		if v < 0 || v != f-1 && !(v == f-2 && t.w[f-1].Head-1 == f) || t.w[v].UPOS != "VERB" || t.w[h].Rel != "obl" {
			continue
		}
		across := false
		for _, k := range t.kids[h] {
			if k > f && t.w[k].Rel == "case" {
				across = true
			}
		}
		if !across || t.hasKid(v, "obj") {
			continue
		}
		t.w[f].Head, t.w[f].Rel = v+1, "obj"
		changed = true
	}
	return changed
}

// caseBeforeCompound repairs a compound whose head has two prepositions,
// one before the compound and one between it and the head ("tariffs of up
// to 25% on Chinese goods": "%" a compound of "goods", which has both "of"
// and "on"): a noun takes one preposition, so the first is the compound's,
// and the compound, with it, a modifier of the noun before it
// ("tariffs of 25%").
func (t *depTree) caseBeforeCompound() bool {
	changed := false
	for c := range t.w {
		h := t.w[c].Head - 1
		if h <= c || t.w[c].Rel != "compound" {
			continue
		}
		first, between := -1, -1
		for _, k := range t.kids[h] {
			if t.w[k].Rel != "case" {
				continue
			}
			if k < c && first < 0 {
				first = k
			} else if c < k && k < h {
				between = k
			}
		}
		if first < 1 || between < 0 {
			continue
		}
		if u := t.w[first-1].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		t.w[first].Head = c + 1
		t.w[c].Head, t.w[c].Rel = first, "nmod"
		// "of up to 25%": "up to" bounds the figure; it is no part of "of".
		for _, f := range t.kids[first] {
			if t.w[f].Rel == "fixed" && t.lemma(f) == "up" {
				t.w[f].Head, t.w[f].Rel = c+1, "advmod"
			}
		}
		changed = true
	}
	return changed
}

// splitFigure repairs a number the parser cut from the noun it counts
// ("reduce GDP by 0.25 percent": "0.25" an oblique with "by", "percent"
// an object of the verb): a number with a preposition, right before a
// noun or symbol of the same verb that has no number of its own, is that
// noun's number, and the preposition the noun's.
func (t *depTree) splitFigure() bool {
	changed := false
	for x := 0; x+1 < len(t.w); x++ {
		h, u := t.w[x].Head, x+1
		if t.w[x].UPOS != "NUM" || h == 0 || t.w[u].Head != h || !strings.HasPrefix(t.w[x].Rel, "obl") {
			continue
		}
		if up := t.w[u].UPOS; up != "NOUN" && up != "SYM" || t.hasKid(u, "nummod") {
			continue
		}
		if r := t.w[u].Rel; r != "obj" && !strings.HasPrefix(r, "obl") {
			continue
		}
		cs := -1
		for _, k := range t.kids[x] {
			if t.w[k].Rel == "case" && k < x {
				cs = k
			}
		}
		if cs < 0 {
			continue
		}
		t.w[u].Rel = t.w[x].Rel
		t.w[x].Head, t.w[x].Rel = u+1, "nummod"
		t.w[cs].Head = u + 1
		changed = true
	}
	return changed
}

// figureBeforeNoun repairs a sum the parser made a second object of the
// verb beside the noun it modifies ("proposed an $873 billion plan": "$"
// and "plan" both objects of "proposed"): a money or percent figure whose
// last word is right before a noun of the same head and relation, a noun
// with no number or determiner of its own (nor "worth": "$40 million
// worth of cocaine"), is that noun's compound (as in
// "a $75 billion hit"), and its determiner is the noun's.
func (t *depTree) figureBeforeNoun() bool {
	changed := false
	for f := range t.w {
		if u := t.w[f].UPOS; u != "SYM" && !(u == "NOUN" && (t.lemma(f) == "percent" || t.lemma(f) == "%")) || !t.hasKid(f, "nummod") {
			continue
		}
		_, last := t.subtree(f)
		n := last + 1
		if n >= len(t.w) || t.w[n].UPOS != "NOUN" || t.w[n].Head != t.w[f].Head || t.w[n].Rel != t.w[f].Rel || t.w[f].Head == 0 {
			continue
		}
		if r := t.w[n].Rel; r != "obj" && r != "nsubj" && r != "nsubj:pass" && !strings.HasPrefix(r, "obl") {
			continue
		}
		if t.hasKid(n, "nummod") || t.hasKid(n, "det") || t.lemma(n) == "worth" {
			continue
		}
		for _, k := range t.kids[f] {
			if t.w[k].Rel == "det" && k < f {
				t.w[k].Head = n + 1
			}
		}
		t.w[f].Head, t.w[f].Rel = n+1, "compound"
		changed = true
	}
	return changed
}

// absoluteWith repairs the verb of an absolute "with" phrase that the
// parser hung on the main verb without a subject ("continued to drop,
// with exports to China sinking to $1.3 billion"): an -ing verb right
// after a "with" oblique of the same verb, with no subject of its own,
// says what that oblique's noun does (acl, as in "exports sinking").
func (t *depTree) absoluteWith() bool {
	changed := false
	for v := range t.w {
		h := t.w[v].Head - 1
		if h < 0 || t.w[v].UPOS != "VERB" || !strings.HasSuffix(t.w[v].XPOS, "VBG") || !t.subjectless(v) || t.hasKid(v, "mark") {
			continue
		}
		if r := t.w[v].Rel; r != "advcl" && r != "xcomp" && r != "conj" {
			continue
		}
		for _, n := range t.kids[h] {
			if n >= v || !strings.HasPrefix(t.w[n].Rel, "obl") || t.caseOf(n) != "with" {
				continue
			}
			// The verb follows the noun's phrase, or the obliques of the
			// verb between them ("in the first half of 2019").
			ok := true
			_, e := t.subtree(n)
			for k := e + 1; k < v; k++ {
				if top := t.topBelow(k, h); top < 0 || top != n && !strings.HasPrefix(t.w[top].Rel, "obl") {
					ok = false
				}
			}
			if !ok {
				continue
			}
			for k := e + 1; k < v; k++ {
				if t.w[k].Head == h+1 {
					t.w[k].Head = n + 1
					t.w[k].Rel = "nmod"
				}
			}
			t.w[v].Head, t.w[v].Rel = n+1, "acl"
			changed = true
			break
		}
	}
	return changed
}

// bareConjParticiple repairs a participle after a noun that the parser
// made a conjunct of the verb before it with neither a conjunction nor a
// comma ("there were 3248 cases reported worldwide": "reported" a conjunct
// of "were"): a conjunct needs one of them, so the verb modifies the noun
// before it, a dependent of the same verb (acl, a past participle). The
// parser also makes it a clausal complement (ccomp) of the existential
// "be" ("there were"), which takes none; the same holds, without a
// subordinator.
func (t *depTree) bareConjParticiple() bool {
	changed := false
	for v := 1; v < len(t.w); v++ {
		h := t.w[v].Head - 1
		if h < 0 || h >= v || t.w[v].UPOS != "VERB" || !strings.HasPrefix(t.w[v].XPOS, "VB") || t.w[v].XPOS == "VBG" {
			continue
		}
		switch t.w[v].Rel {
		case "conj":
		case "ccomp":
			if t.lemma(h) != "be" || !t.hasKid(h, "expl") || t.hasKid(v, "mark") {
				continue
			}
		default:
			continue
		}
		if t.hasKid(v, "cc") || !t.subjectless(v) {
			continue
		}
		bare := true
		for _, k := range t.kids[v] {
			if k < v && t.w[k].Rel == "punct" {
				bare = false
			}
		}
		n := v - 1
		if u := t.w[n].UPOS; !bare || u != "NOUN" && u != "PROPN" || t.w[n].Head-1 != h {
			continue
		}
		t.w[v].Head, t.w[v].Rel, t.w[v].XPOS = n+1, "acl", "VBN"
		changed = true
	}
	return changed
}

// perfectAsConjunct repairs a perfect split by an adverbial ("Trump has
// at various times said his tariffs ...": "has" the root with "said" its
// conjunct, tagged VBD): a conjunct has a conjunction or a comma, and
// "have" with nothing of its own between it and a bare past form is that
// participle's auxiliary. The participle takes "have"'s place and its
// dependents.
func (t *depTree) perfectAsConjunct() bool {
	changed := false
	for v := 1; v < len(t.w); v++ {
		h := t.w[v].Head - 1
		if h < 0 || h >= v-1 || t.w[v].Rel != "conj" || t.w[v].XPOS != "VBN" && t.w[v].XPOS != "VBD" || t.lemma(h) != "have" {
			continue
		}
		if t.hasKid(v, "cc", "nsubj", "nsubj:pass") || t.hasKid(h, "obj", "ccomp", "xcomp") {
			continue
		}
		// What stands between them is adverbials of "have", with no
		// comma: "at various times", "long", "repeatedly".
		ok := true
		for k := h + 1; k < v && ok; k++ {
			top := k
			for top >= 0 && t.w[top].Head-1 != h && t.w[top].Head-1 != v {
				top = t.w[top].Head - 1
				if top > v || top < h {
					top = -1
				}
			}
			if top < 0 || t.w[k].Form == "," {
				ok = false
			} else if r := t.w[top].Rel; r != "obl" && r != "advmod" && !strings.HasPrefix(r, "obl:") {
				ok = false
			}
		}
		if !ok {
			continue
		}
		for _, k := range t.kids[h] {
			if k != v {
				t.w[k].Head = v + 1
			}
		}
		t.w[v].Head, t.w[v].Rel = t.w[h].Head, t.w[h].Rel
		t.w[h].Head, t.w[h].Rel, t.w[h].UPOS = v+1, "aux", "AUX"
		changed = true
	}
	return changed
}

// finiteXcomp repairs a finite clause the parser labelled xcomp
// ("alleging the moves violate U.S. law": "violate" an xcomp of
// "alleging", "moves" its object): an open complement has no subject and
// no tense of its own, so a verb in a finite form is a clausal complement,
// with the object right before it as its subject when it has none.
func (t *depTree) finiteXcomp() bool {
	changed := false
	for v := range t.w {
		if t.w[v].Rel != "xcomp" || t.w[v].UPOS != "VERB" {
			continue
		}
		switch t.w[v].XPOS {
		case "VBP", "VBZ", "VBD":
		default:
			continue
		}
		if t.hasKid(v, "nsubj", "nsubj:pass") {
			t.w[v].Rel = "ccomp"
			changed = true
			continue
		}
		// Its subject read as the head's object, right before it: "the
		// moves" of "alleging the moves violate U.S. law".
		h := t.w[v].Head - 1
		for _, o := range t.kids[h] {
			if _, hi := t.subtree(o); t.w[o].Rel == "obj" && o < v && hi == v-1 {
				t.w[o].Head, t.w[o].Rel = v+1, "nsubj"
				t.w[v].Rel = "ccomp"
				changed = true
				break
			}
		}
	}
	return changed
}

// subjectOfParticiple repairs a subject the parser gave to a participle
// set off by commas after it ("Hegseth, also speaking in late January,
// called the center ...": "Hegseth" the subject of "speaking", "called"
// without one): a participial phrase between commas has no subject of its
// own, and the subject before it belongs to the verb after it.
func (t *depTree) subjectOfParticiple() bool {
	changed := false
	for v := 1; v < len(t.w); v++ {
		h := t.w[v].Head - 1
		if h <= v || t.w[v].Rel != "advcl" || t.w[v].XPOS != "VBG" || t.w[h].UPOS != "VERB" || t.hasKid(h, "nsubj", "nsubj:pass", "csubj") {
			continue
		}
		for _, k := range t.kids[v] {
			if t.w[k].Rel != "nsubj" || k >= v {
				continue
			}
			comma := false
			for j := k + 1; j < v; j++ {
				if t.w[j].Form == "," && t.w[j].Head-1 == v {
					comma = true
				}
			}
			if comma {
				t.w[k].Head = h + 1
				changed = true
			}
			break
		}
	}
	return changed
}

// coordinatedSubject repairs the subject of a coordinated clause that the
// parser hung as a dependent of the clause before ("eager to withdraw,
// but General Mark Milley, chairman of ..., told US media": "Milley" the
// object of "withdraw", with "but" under it, and "told" without a
// subject): a nominal that is no conjunct yet has a conjunction of its
// own, right before a conjoined verb without a subject, is that verb's
// subject, and the conjunction the verb's.
func (t *depTree) coordinatedSubject() bool {
	changed := false
	for n := range t.w {
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" || t.w[n].Rel == "conj" || t.w[n].Rel == "root" {
			continue
		}
		cc := -1
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "cc" && k < n {
				cc = k
			}
		}
		if cc < 0 {
			continue
		}
		_, e := t.subtree(n)
		v := e + 1
		for v < len(t.w) && t.w[v].UPOS == "PUNCT" {
			v++
		}
		if v >= len(t.w) || t.w[v].UPOS != "VERB" || t.w[v].Rel != "conj" || !t.subjectless(v) || t.inside(n, v) {
			continue
		}
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		t.w[cc].Head = v + 1
		if cc > 0 && t.w[cc-1].UPOS == "PUNCT" && t.w[cc-1].Head == n+1 {
			t.w[cc-1].Head = v + 1
		}
		changed = true
	}
	return changed
}

// parataxisWithConj relabels a verb the parser hung on the clause before
// as parataxis although a coordinating conjunction opens it ("did not
// give a date, but said the bridge would reopen"): a clause joined by
// "and"/"but" is a conjunct in UD, and a conjunct without a subject
// shares the first clause's (sharedSubject). Only a verb without a
// subject of its own: "..., but officials said" is a clause of its own
// either way. Labels only.
func (t *depTree) parataxisWithConj() bool {
	for v := range t.w {
		if t.w[v].Rel != "parataxis" || t.w[v].UPOS != "VERB" || t.w[v].Head-1 >= v || !t.subjectless(v) {
			continue
		}
		for _, k := range t.kids[v] {
			if t.w[k].Rel == "cc" && k < v {
				t.w[v].Rel = "conj"
				break
			}
		}
	}
	return false
}

// thatAdverbial relabels a clause opened by "that" alone that the parser
// hung on a verb as an adverbial ("reported Wednesday that the index
// reached 408": advcl, "Wednesday" read as the object): a bare "that"
// marks a complement clause; adverbial clauses take "because", "if",
// "so that" ("that" then fixed under "so"). A result clause of "so" or
// "such" ("ran so fast that ...") keeps its reading. Labels only.
func (t *depTree) thatAdverbial() bool {
	for v := range t.w {
		h := t.w[v].Head - 1
		if t.w[v].Rel != "advcl" || h < 0 || h > v || t.w[h].UPOS != "VERB" || t.markOf(v) != "that" {
			continue
		}
		so := false
		for k := h + 1; k < v; k++ {
			if l := t.lower(k); l == "so" || l == "such" {
				so = true
			}
		}
		for _, k := range t.kids[v] {
			if t.w[k].Rel == "mark" && t.lemma(k) != "that" {
				so = true // "now that", "in that", "except that"
			}
		}
		if !so {
			t.w[v].Rel = "ccomp"
		}
	}
	return false
}

// appositiveSubjectVerb repairs a sentence whose verb the parser read as
// a participle after the subject's apposition ("Riverside Bank, a lender
// based in Ohio, reported on Monday that ...": "Bank" the root,
// "reported" an acl of it or of "lender"): a sentence needs a predicate,
// and a verb after a comma that runs to the sentence's end, with no
// subject of its own, is the subject's. Only when the noun is the root
// with no copula, so no other predicate stands in the sentence.
func (t *depTree) appositiveSubjectVerb() bool {
	last := len(t.w) - 1
	for last > 0 && t.w[last].UPOS == "PUNCT" {
		last--
	}
	for n := range t.w {
		if t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN" || t.hasKid(n, "cop") {
			continue
		}
		// The noun is the root, or hangs on a punctuation root ("However,
		// CMGM, an outlet covering China news, reported in January that
		// ...": "." the root, "CMGM" its vocative).
		p := -1
		if t.w[n].Rel != "root" {
			h := t.w[n].Head - 1
			if h < 0 || h >= len(t.w) || t.w[h].Rel != "root" || t.w[h].UPOS != "PUNCT" {
				continue
			}
			p = h
		}
		for _, ap := range t.kids[n] {
			if t.w[ap].Rel != "appos" || ap < n {
				continue
			}
			_, apEnd := t.subtree(ap)
			for v := ap + 1; v <= last; v++ {
				// The verb hangs on the noun, its apposition, or (the
				// participle's reading) a word inside the apposition's
				// phrase: "covering China news, reported", "news" its head.
				h := t.w[v].Head - 1
				if h != n && h != ap && (h < ap || h > apEnd || h >= v) || t.w[v].Rel != "acl" || t.w[v].UPOS != "VERB" || t.w[v-1].Form != "," ||
					(t.w[v].XPOS != "VBN" && t.w[v].XPOS != "VBD") || !t.subjectless(v) {
					continue
				}
				if _, e := t.subtree(v); e != last {
					continue
				}
				for _, k := range t.kids[n] {
					if k > v {
						t.w[k].Head = v + 1
					}
				}
				if p >= 0 {
					for _, k := range t.kids[p] {
						if k != n {
							t.w[k].Head = v + 1
						}
					}
					t.w[p].Head, t.w[p].Rel = v+1, "punct"
				}
				t.w[v].Head, t.w[v].Rel, t.w[v].XPOS = 0, "root", "VBD"
				t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
				return true
			}
		}
	}
	return false
}

// appositiveParticipleRoot repairs a subject's apposition with a
// participle that the parser made the sentence ("Harlow News, a site
// covering local politics, reported in March that ...": "covering" the
// root with "a site" its subject, "reported" its adverbial clause): a
// noun phrase set off by commas right after a name, opening with an
// article, is the name's apposition, and its participle modifies it; the
// finite verb after the next comma, without a subject or marker of its
// own, is the predicate, with the name as its subject.
func (t *depTree) appositiveParticipleRoot() bool {
	for r := range t.w {
		if t.w[r].Rel != "root" || t.w[r].XPOS != "VBG" {
			continue
		}
		s, v := -1, -1
		for _, k := range t.kids[r] {
			switch {
			case k < r && t.w[k].Rel == "nsubj" && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN"):
				s = k
			case k > r && t.w[k].Rel == "advcl" && t.w[k].UPOS == "VERB" && (t.w[k].XPOS == "VBD" || t.w[k].XPOS == "VBN") &&
				t.w[k-1].Form == "," && t.subjectless(k) && t.markOf(k) == "" && v < 0:
				v = k
			}
		}
		if s < 0 || v < 0 {
			continue
		}
		lo, _ := t.subtree(s)
		if lo < 2 || t.w[lo-1].Form != "," || t.lemma(lo) != "a" && t.lemma(lo) != "an" && t.lemma(lo) != "the" {
			continue
		}
		n := lo - 2
		if t.w[n].UPOS != "PROPN" && t.w[n].UPOS != "NOUN" {
			continue
		}
		// The participle's words before the apposition ("However") and
		// after the verb (the full stop) go to the verb; the name (its
		// last word, "News" of "Harlow News", the word before the comma)
		// becomes its subject below.
		for _, k := range t.kids[r] {
			if k < s && k != n {
				t.w[k].Head = v + 1
			}
			if k > v {
				t.w[k].Head = v + 1
			}
		}
		t.w[v].Head, t.w[v].Rel, t.w[v].XPOS = 0, "root", "VBD"
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		t.w[s].Head, t.w[s].Rel = n+1, "appos"
		t.w[r].Head, t.w[r].Rel = s+1, "acl"
		t.w[lo-1].Head = s + 1
		return true
	}
	return false
}

// nounWithThatClause repairs a sentence whose verb the tagger read as a
// plural noun and the parser made the root, with the subject's head its
// compound ("The Congressional Budget Office projects that the rules
// will ...": "projects" a noun, "Office" its compound, the clause its
// relative clause): a sentence needs a predicate, and a root noun ending
// in -s after a noun it takes as compound, with a clause that "that"
// marks as a complementizer (not a relative pronoun) and that has a
// subject of its own, is a verb in the present with that noun's phrase
// its subject and the clause its complement.
func (t *depTree) nounWithThatClause() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || t.w[n].UPOS != "NOUN" || t.w[n].XPOS != "NNS" || t.hasKid(n, "cop") {
			continue
		}
		subj, clause := -1, -1
		for _, k := range t.kids[n] {
			switch {
			case k == n-1 && t.w[k].Rel == "compound" && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN"):
				subj = k
			case k > n && strings.HasPrefix(t.w[k].Rel, "acl") && t.w[k].UPOS == "VERB" && t.markOf(k) == "that" && !t.subjectless(k):
				clause = k
			}
		}
		if subj < 0 || clause < 0 {
			continue
		}
		for _, k := range t.kids[n] {
			if k < subj {
				t.w[k].Head = subj + 1 // its determiner and modifiers
			}
		}
		t.w[subj].Rel = "nsubj"
		t.w[clause].Rel = "ccomp"
		t.w[n].UPOS, t.w[n].XPOS = "VERB", "VBZ" // (a plural's lemma is the verb's)
		return true
	}
	// A root noun the parser gave a subject of its own ("The Office and
	// groups like Amnesty International estimate that more than 1 million
	// people have been confined": "estimate" a noun with "Office" its
	// subject): a noun with a subject and no copula is a predicate, so
	// with a clause that "that" marks and that has its own subject it is a
	// verb in the present, the clause its complement.
	for n := range t.w {
		if t.w[n].Rel != "root" || t.w[n].UPOS != "NOUN" || t.hasKid(n, "cop") {
			continue
		}
		subj, clause := -1, -1
		for _, k := range t.kids[n] {
			switch {
			case k < n && t.w[k].Rel == "nsubj" && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN"):
				subj = k
			case k > n && clause < 0 && strings.HasPrefix(t.w[k].Rel, "acl") && t.w[k].UPOS == "VERB" && t.markOf(k) == "that" && !t.subjectless(k):
				clause = k
			}
		}
		if subj < 0 || clause < 0 {
			continue
		}
		t.w[clause].Rel = "ccomp"
		x := "VBP"
		if t.w[n].XPOS == "NNS" {
			x = "VBZ"
		}
		t.w[n].UPOS, t.w[n].XPOS = "VERB", x
		return true
	}
	// The same noun the parser made the first of two subjects of the
	// clause's verb, with the clause's "that" right after it ("projects"
	// a subject of "reduce", "that" its marker, "rules" its subject).
	for n := 1; n+1 < len(t.w); n++ {
		c := t.w[n].Head - 1
		if c <= n || t.w[n].Rel != "nsubj" || t.w[n].UPOS != "NOUN" || t.w[n].XPOS != "NNS" || t.w[c].UPOS != "VERB" {
			continue
		}
		if t.w[n+1].Head != c+1 || t.w[n+1].Rel != "mark" || t.lows[n+1] != "that" {
			continue
		}
		subj, second := -1, -1
		for _, k := range t.kids[n] {
			if k == n-1 && t.w[k].Rel == "compound" && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN") {
				subj = k
			}
		}
		for _, k := range t.kids[c] {
			if k > n+1 && k < c && (t.w[k].Rel == "nsubj" || t.w[k].Rel == "nsubj:pass") {
				second = k
			}
		}
		if subj < 0 || second < 0 {
			continue
		}
		for _, k := range t.kids[n] {
			if k < subj {
				t.w[k].Head = subj + 1 // its determiner and modifiers
			}
		}
		t.w[subj].Rel = "nsubj"
		t.w[n].Head, t.w[n].Rel = t.w[c].Head, t.w[c].Rel
		t.w[c].Head, t.w[c].Rel = n+1, "ccomp"
		for _, k := range t.kids[c] {
			if k < n || k == len(t.w)-1 && t.w[k].Rel == "punct" {
				t.w[k].Head = n + 1
			}
		}
		t.w[n].UPOS, t.w[n].XPOS = "VERB", "VBZ"
		return true
	}
	return false
}

// nounCompoundVerb repairs a plural noun inside a noun phrase that the
// tagger read as a verb and the parser made the head of the sentence
// ("supervisor of the Pacific studies program at the East-West Center,
// said": "studies" the root, "program" its object, "said" its conjunct):
// a verb right after a noun that has both a preposition and a determiner
// (it stands inside a prepositional phrase) and right before its object,
// a noun without a determiner, is a word of that phrase, whose head is the
// object; the verb's conjoined verb takes its place in the sentence, with
// its subject and other dependents.
func (t *depTree) nounCompoundVerb() bool {
	for v := 1; v+1 < len(t.w); v++ {
		n, o := v-1, v+1
		if t.w[v].UPOS != "VERB" || t.w[o].Head != v+1 || t.w[o].Rel != "obj" || t.w[o].UPOS != "NOUN" || t.hasKid(o, "det") {
			continue
		}
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" || !t.hasKid(n, "case") || !t.hasKid(n, "det") || t.inside(v, n) {
			continue
		}
		if t.hasKid(v, "aux", "aux:pass", "mark", "cop") {
			continue
		}
		c := -1
		for _, k := range t.kids[v] {
			if k > o && t.w[k].Rel == "conj" && t.w[k].UPOS == "VERB" && t.subjectless(k) {
				c = k
				break
			}
		}
		if c < 0 {
			continue
		}
		t.w[c].Head, t.w[c].Rel = t.w[v].Head, t.w[v].Rel
		for _, k := range t.kids[v] {
			if k != o && k != c {
				t.w[k].Head = c + 1
			}
		}
		t.w[o].Head, t.w[o].Rel = t.w[n].Head, t.w[n].Rel
		for _, k := range t.kids[n] {
			if k < n && (t.w[k].Rel == "case" || t.w[k].Rel == "det") {
				t.w[k].Head = o + 1
			}
		}
		t.w[n].Head, t.w[n].Rel = o+1, "compound"
		t.w[v].Head, t.w[v].Rel, t.w[v].UPOS, t.w[v].XPOS = o+1, "compound", "NOUN", "NNS"
		return true
	}
	return false
}

// fromToRange repairs the end of a "from X to Y" range that the parser
// hung on its start ("increased from 10% to 25%": "25%" a modifier of
// "10%"): both ends are obliques of the verb.
func (t *depTree) fromToRange() bool {
	changed := false
	for y := range t.w {
		x := t.w[y].Head - 1
		if x < 0 || x >= y || t.w[y].Rel != "nmod" || t.caseOf(y) != "to" {
			continue
		}
		if !strings.HasPrefix(t.w[x].Rel, "obl") || t.caseOf(x) != "from" || t.w[x].Head == 0 {
			continue
		}
		t.w[y].Head, t.w[y].Rel = t.w[x].Head, "obl"
		changed = true
	}
	return changed
}

// toBeforeNoun repairs a "to"-phrase the parser made a conjunct ("pushed
// up the price by nearly 40% from 2022, to around $780,000": "$" a
// conjunct of "%", "to" its infinitive marker; "pushed up the rent by
// 12%, to about $2,100": "$" a conjunct of "pushed"): "to" marks verbs, so
// before a noun it is a preposition, and a conjunct with no conjunction
// that "to" opens is no second item but one more oblique of the verb (of
// the verb the first oblique hangs on): the level beside the change.
func (t *depTree) toBeforeNoun() bool {
	changed := false
	for n := range t.w {
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" && u != "NUM" && u != "SYM" {
			continue
		}
		if t.hasKid(n, "nsubj", "nsubj:pass", "aux", "aux:pass", "cop", "obj", "cc") {
			continue // a verb the tagger misread, or a true conjunct
		}
		m := -1
		for _, k := range t.kids[n] {
			if (t.w[k].Rel == "mark" || t.w[k].Rel == "case") && t.lows[k] == "to" && k < n {
				m = k
			}
		}
		if m < 0 {
			continue
		}
		if t.w[m].Rel == "mark" {
			t.w[m].Rel = "case"
			changed = true
		}
		v := t.w[n].Head - 1
		if v < 0 || t.w[n].Rel != "conj" {
			continue
		}
		if t.w[v].Rel == "obl" {
			v = t.w[v].Head - 1
		}
		if v >= 0 && v < n && t.w[v].UPOS == "VERB" {
			t.w[n].Head, t.w[n].Rel = v+1, "obl"
			changed = true
		}
	}
	return changed
}

// possessor repairs a possessor the parser did not attach to what it
// possesses ("over armed organizations' increasing recruiting of minors":
// "organizations" an oblique of the verb, "recruiting" another): a noun
// with a possessive "'s" or "'" after it is the possessor (nmod:poss) of
// the noun phrase that follows it, and a preposition before it is that
// phrase's.
func (t *depTree) possessor() bool {
	changed := false
	for n := range t.w {
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" || t.w[n].Rel == "nmod:poss" {
			continue
		}
		k := -1
		for _, c := range t.kids[n] {
			if c == n+1 && t.w[c].Rel == "case" && t.w[c].UPOS == "PART" {
				k = c
			}
		}
		if k < 0 {
			continue
		}
		m := -1
		for j := k + 1; j < len(t.w) && j <= k+4; j++ {
			if u := t.w[j].UPOS; (u == "NOUN" || u == "PROPN") && (t.w[j].Head-1 < k || t.w[j].Head-1 > j) {
				m = j
				break
			}
		}
		if m < 0 || t.w[m].Head-1 != t.w[n].Head-1 {
			continue // only where both hang on the same word
		}
		for _, c := range t.kids[n] {
			if c < n && t.w[c].Rel == "case" {
				t.w[c].Head = m + 1
			}
		}
		if strings.HasPrefix(t.w[m].Rel, "obl") && strings.HasPrefix(t.w[n].Rel, "obl") {
			t.w[m].Rel = t.w[n].Rel
		}
		t.w[n].Head, t.w[n].Rel = m+1, "nmod:poss"
		changed = true
	}
	return changed
}

// measureObject repairs a measure the parser made a second object of the
// verb ("seized $40 million worth of cocaine": "$" and "worth" both
// objects): a verb has one object, so the first, a figure right before the
// second, measures it (obl:npmod, as EWT marks the figure of "worth").
func (t *depTree) measureObject() bool {
	changed := false
	for a := range t.w {
		v := t.w[a].Head - 1
		if v < 0 || t.w[a].Rel != "obj" || !t.numeric(a) {
			continue
		}
		_, e := t.subtree(a)
		if b := e + 1; b < len(t.w) && t.w[b].Head == v+1 && t.w[b].Rel == "obj" {
			t.w[a].Head, t.w[a].Rel = b+1, "obl:npmod"
			changed = true
		}
	}
	return changed
}

// changeBeforeLevel repairs a change the parser hung on the level that
// follows it ("rose 5% to $2.4 billion": "%" a nummod, or the subject of a
// small clause, of "$"): a figure with a number of its own (a noun or
// symbol, no number word) is no number modifier, and a figure before the
// preposition of another figure is no part of that phrase; it is the
// verb's own, its object (obl:npmod when the verb has one).
func (t *depTree) changeBeforeLevel() bool {
	changed := false
	for f := range t.w {
		h := t.w[f].Head - 1
		if h <= f || t.w[f].UPOS == "NUM" || !t.numeric(f) || !t.numeric(h) {
			continue
		}
		if r := t.w[f].Rel; r != "nummod" && r != "nsubj" && r != "compound" {
			continue
		}
		v := t.w[h].Head - 1
		if v < 0 || t.w[v].UPOS != "VERB" {
			continue
		}
		if r := t.w[h].Rel; r != "obl" && r != "obj" {
			continue
		}
		k := -1
		for _, c := range t.kids[h] {
			if t.w[c].Rel == "case" && t.w[c].UPOS == "ADP" && f < c && c < h {
				k = c
			}
		}
		if k < 0 {
			continue
		}
		_, last := t.subtree(f)
		if last >= k {
			continue
		}
		t.w[h].Rel = "obl" // with its preposition (objWithCase)
		t.w[f].Head, t.w[f].Rel = v+1, "obj"
		for _, c := range t.kids[v] {
			if c != h && t.w[c].Rel == "obj" {
				t.w[f].Rel = "obl:npmod"
			}
		}
		changed = true
	}
	return changed
}

// countBeforeNoun repairs a number the parser cut from the noun it counts
// ("raise at least 88 billion Hong Kong dollars", "anticipated 26 billion
// baht": "billion" the object, "dollars" an oblique of the verb): a
// number that is an object or bare oblique of a verb, right before a noun
// of the same verb with no number, determiner or preposition of its own,
// is that noun's number, and the noun takes its relation. Not a time noun
// ("sold 500 last year").
func (t *depTree) countBeforeNoun() bool {
	changed := false
	for x := range t.w {
		v := t.w[x].Head - 1
		if v < 0 || t.w[x].UPOS != "NUM" || t.w[v].UPOS != "VERB" {
			continue
		}
		if r := t.w[x].Rel; r != "obj" && r != "obl" && r != "obl:unmarked" && r != "obl:npmod" || t.caseOf(x) != "" {
			continue
		}
		_, last := t.subtree(x)
		n := -1
		for _, c := range t.kids[v] {
			if lo, _ := t.subtree(c); lo == last+1 {
				n = c
			}
		}
		if n < 0 || t.w[n].UPOS != "NOUN" || timeUnit[t.lemma(n)] {
			continue
		}
		if r := t.w[n].Rel; r != "obj" && r != "obl" && r != "obl:unmarked" {
			continue
		}
		if t.hasKid(n, "nummod", "det", "case", "amod") {
			continue
		}
		t.w[n].Rel = t.w[x].Rel
		t.w[x].Head, t.w[x].Rel = n+1, "nummod"
		changed = true
	}
	return changed
}

// adverbAfterObject repairs a manner or direction adverb the parser hung
// on the last noun of the verb's object ("revised the count of ballots
// downward to 8,210": "downward" a modifier of "ballots"): an adverb in
// -ward(s) or -ly that ends the object says how the verb's action went,
// not which noun is meant, so it is the verb's. ("members only",
// "A and B respectively" modify what they follow.)
func (t *depTree) adverbAfterObject() bool {
	changed := false
	for a := range t.w {
		n := t.w[a].Head - 1
		if n < 0 || n >= a || t.w[a].UPOS != "ADV" || t.w[a].Rel != "advmod" || len(t.kids[a]) > 0 {
			continue
		}
		if u := t.w[n].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		l := t.lower(a)
		if !strings.HasSuffix(l, "ward") && !strings.HasSuffix(l, "wards") && !strings.HasSuffix(l, "ly") || afterNounAdverb[l] {
			continue
		}
		o := n
		for o >= 0 && t.w[o].Rel != "obj" {
			if r := t.w[o].Rel; r != "nmod" && r != "compound" {
				o = -1
				break
			}
			o = t.w[o].Head - 1
		}
		if o < 0 {
			continue
		}
		v := t.w[o].Head - 1
		if _, last := t.subtree(o); v < 0 || last != a || t.w[v].UPOS != "VERB" || t.hasKid(n, "cop") {
			continue
		}
		t.w[a].Head = v + 1
		changed = true
	}
	return changed
}

// afterNounAdverb holds the adverbs in -ly that do modify the noun they
// follow, or name a time of it.
var afterNounAdverb = map[string]bool{"only": true, "respectively": true, "early": true, "daily": true, "weekly": true, "monthly": true, "yearly": true, "likely": true}

// timeUnit holds the nouns a bare number can stand before as a time
// ("500 a year" aside, "sold 500 Monday" parses with a proper noun).
var timeUnit = map[string]bool{"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true, "days": true,
	"hour": true, "hours": true, "minute": true, "minutes": true, "quarter": true, "quarters": true, "time": true, "times": true, "today": true, "tonight": true}

// topBelow returns the dependent of h whose subtree holds k, or -1 (also
// when k is h or not below it).
func (t *depTree) topBelow(k, h int) int {
	for steps := 0; k >= 0 && steps <= len(t.w); steps++ {
		p := t.w[k].Head - 1
		if p == h {
			return k
		}
		k = p
	}
	return -1
}

// comparativeCount repairs a comparative the parser hung on the counted
// noun instead of its number ("more than 500 lives": "more" on "lives"):
// an adverbial modifier with a fixed word of its own ("than"), left of the
// noun's number, modifies the number.
func (t *depTree) comparativeCount() bool {
	changed := false
	// "More than 270 schoolgirls were abducted" with the noun an oblique
	// of "More" and "More" the verb's adverb: an adverb heads no
	// oblique, so a noun below a comparative adverb, with "than" right
	// after the adverb as its preposition and a number of its own, is the
	// counted phrase; before a verb without a subject it is the subject
	// (the passive one after a passive auxiliary), the adverb and "than"
	// its dependents as the parser otherwise gives them.
	for a := 0; a+2 < len(t.w); a++ {
		v := t.w[a].Head - 1
		if v <= a || t.w[a].Rel != "advmod" || t.lows[a+1] != "than" || t.w[a+1].Rel != "case" || t.w[v].UPOS != "VERB" || !t.subjectless(v) {
			continue
		}
		n := t.w[a+1].Head - 1
		if n <= a+1 || n >= v || t.w[n].Head != a+1 {
			continue
		}
		num := false
		for _, m := range t.kids[n] {
			if t.w[m].Rel == "nummod" && a+1 < m && m < n {
				num = true
			}
		}
		if !num {
			continue
		}
		t.w[n].Head, t.w[n].Rel = v+1, "nsubj"
		if t.hasKid(v, "aux:pass") {
			t.w[n].Rel = "nsubj:pass"
		}
		t.w[a].Head = n + 1
		changed = true
	}
	if changed {
		t.linkKids()
	}
	// "More than 40 percent" with "than" the noun's preposition: it is
	// fixed to the comparative right before it, when the noun's number
	// follows.
	for a := 0; a+2 < len(t.w); a++ {
		n := t.w[a].Head - 1
		if n <= a+1 || t.w[a].Rel != "advmod" || t.lows[a+1] != "than" || t.w[a+1].Head != n+1 || t.w[a+1].Rel != "case" {
			continue
		}
		for _, m := range t.kids[n] {
			if t.w[m].Rel == "nummod" && a+1 < m && m < n {
				t.w[a+1].Head, t.w[a+1].Rel = a+1, "fixed"
				changed = true
				break
			}
		}
	}
	if changed {
		t.linkKids()
	}
	for a := range t.w {
		n := t.w[a].Head - 1
		if n < 0 || t.w[a].Rel != "advmod" || !t.hasKid(a, "fixed") {
			continue
		}
		for _, m := range t.kids[n] {
			if t.w[m].Rel == "nummod" && a < m && m < n {
				t.w[a].Head = m + 1
				changed = true
				break
			}
		}
	}
	return changed
}

// lemma is word i's lemma in lower case.
func (t *depTree) lemma(i int) string { return t.lems[i] }

// lower is word i's form in lower case.
func (t *depTree) lower(i int) string { return t.lows[i] }

// passive reports whether node n is a passive verb.
func (t *depTree) passive(n int) bool {
	for _, k := range t.kids[n] {
		if r := t.w[k].Rel; r == "aux:pass" || r == "nsubj:pass" {
			return true
		}
	}
	return false
}

// caseAfter is the lemma of node n's case word right after word f, ""
// if none.
func (t *depTree) caseAfter(n, f int) string {
	for _, k := range t.kids[n] {
		if k == f+1 && t.w[k].Rel == "case" {
			return t.lemma(k)
		}
	}
	return ""
}

// numeric reports whether node n is a number or has one as its nummod
// ("$ 185.25" parses as "$" with the number below it), or is a unit that
// "half a" measures ("by half a percentage point": "point" with the
// predeterminer "half"; the number finder reads the figure).
func (t *depTree) numeric(n int) bool {
	if t.w[n].UPOS == "NUM" {
		return true
	}
	for _, k := range t.kids[n] {
		if r := t.w[k].Rel; r == "nummod" && t.w[k].UPOS == "NUM" || r == "det:predet" && t.lower(k) == "half" && t.lemma(n) == "point" {
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
				// An adverbial clause with a subject of its own shares
				// nothing with the clause above it: "Police will
				// investigate after two people were killed" names no killer.
				if t.w[n].Rel == "advcl" && t.hasKid(n, "nsubj", "nsubj:pass", "expl", "csubj") {
					continue
				}
				// Nor does an infinitive after the object of the clause
				// above, whose subject is often that object: "prompted
				// some Twitter users to argue that ..." (the users argue).
				if h := t.w[n].Head - 1; t.w[n].Rel == "advcl" && t.markOf(n) == "to" && h >= 0 && t.hasKid(h, "obj") {
					continue
				}
				if h := t.w[n].Head - 1; h >= 0 && st.matches(t.w[n].Rel) {
					next = append(next, h)
				}
				continue
			}
			if st.rel == "nsubj" && !st.prefix && t.passive(n) {
				continue // a passive verb has no agent subject; "nsubj" there is a misparse
			}
			found := false
			for _, k := range t.kids[n] {
				if st.matches(t.w[k].Rel) && (t.w[k].Rel != "obl:agent" || t.caseOf(k) == "by") {
					next = append(next, k) // an agent without "by" is a misparse
					found = true
				}
			}
			if !found && (st.rel == "nsubj" || st.rel == "nsubj:pass") && !st.prefix {
				next = append(next, t.sharedSubject(n, st.rel == "nsubj:pass")...)
				next = append(next, t.participleSubject(n, st.rel == "nsubj:pass")...)
			}
			if !found && st.rel == "obj" && !st.prefix {
				next = append(next, t.sharedObject(n)...)
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
				// ("fines of up to $500": "up" hangs on "of", and "to" is
				// a case of its own; "up to" qualifies the figure, and the
				// preposition is "of".)
				if t.w[f].Rel == "fixed" && !(t.lemma(f) == "up" && t.caseAfter(n, f) == "to") {
					l += " " + t.lemma(f)
				}
			}
			return l
		}
	}
	// "to 50 %": the parser may hang a figure's preposition on its number.
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "nummod" && k < n {
			for _, c := range t.kids[k] {
				if t.w[c].Rel == "case" && c < k {
					return t.lemma(c)
				}
			}
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
		// A determiner or pronoun that heads the phrase is restricted by
		// its modifier, whatever the preposition ("All on board", "those
		// in the car"); an adjective after its noun brings its own
		// complement ("a person familiar with the matter"), where the noun
		// is a subject: after an object the adjective may be a predicate
		// of its own ("left more than 4,000 families homeless in the
		// coastal districts").
		quant := t.w[k].UPOS == "DET" || t.w[k].UPOS == "PRON" && t.w[k].XPOS != "PRP" && t.w[k].XPOS != "PRP$"
		postAdj := false
		if h := t.w[k].Head - 1; t.w[k].Rel == "amod" && h >= 0 && h < k {
			postAdj = strings.HasPrefix(t.w[h].Rel, "nsubj")
		}
		for _, c := range t.kids[k] {
			r := t.w[c].Rel
			if postAdj && r == "obl" && c > k {
				walk(c, false)
				continue
			}
			// "Data released by MOTIE": a bare noun's origin may be a
			// participle's agent; it comes whole.
			if top && r == "acl" && t.agentOrigin(k, c) {
				_, h2 := t.subtree(c)
				hi = max(hi, h2)
				continue
			}
			// Inside an of-phrase a coordination is one noun phrase: "the
			// average price of a new truck or SUV" (the top node's
			// conjuncts are claims of their own: coordinationEnd, spread).
			if !top && r == "conj" && t.hasKid(c, "cc") && strings.HasPrefix(t.w[k].Rel, "nmod") && t.caseOf(k) == "of" {
				walk(c, false)
				continue
			}
			if !phraseRels[r] {
				continue
			}
			if top && r == "case" {
				continue // "in the town": the place is "the town"
			}
			if strings.HasPrefix(r, "nmod") && r != "nmod:poss" && r != "nmod:npmod" && t.caseOf(c) != "of" && !quant && !(top && (t.originOf(k, c) || t.bodyOf(k, c) || t.flowOf(k, c))) {
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

// originOf reports whether nmod c of the phrase head k says where a bare
// noun comes from: "analysis from Poynter", "imports from China", "data
// from the ministry", "a study by Harvard" is not bare. Without a
// determiner the noun alone names nothing an analyst can use ("according
// to analysis"), so its origin is part of the argument.
func (t *depTree) originOf(k, c int) bool {
	if t.w[k].UPOS != "NOUN" || c < k {
		return false
	}
	if cs := t.caseOf(c); cs != "from" && cs != "by" {
		return false
	}
	// (A document keeps its origin whatever its determiner: "A statement
	// from the army said".)
	return docNouns[t.lemma(k)] || t.undetermined(k)
}

// undetermined reports a noun without a determiner, possessor or number
// of its own: "analysis", "data", not "the analysis" or "two studies".
func (t *depTree) undetermined(k int) bool {
	for _, d := range t.kids[k] {
		if r := t.w[d].Rel; r == "det" || r == "det:poss" || r == "nmod:poss" || r == "nummod" {
			return false
		}
	}
	return true
}

// docNouns are documents that speak for those who issued them.
var docNouns = map[string]bool{"statement": true, "report": true, "study": true, "survey": true, "analysis": true,
	"letter": true, "memo": true, "filing": true, "document": true, "assessment": true, "review": true, "poll": true}

// bodyOf reports whether nmod c of the phrase head k names the body a
// person acts for: "a spokesman for the army", "an analyst at Barclays",
// "a fellow with the institute" (not "people in Kabul": a place).
func (t *depTree) bodyOf(k, c int) bool {
	return t.complementOf(k, c, bodyNouns, "for", "at", "with", "from")
}

// complementOf reports whether nmod c, after its head noun k of nouns,
// has one of the case words cases.
func (t *depTree) complementOf(k, c int, nouns map[string]bool, cases ...string) bool {
	return t.w[k].UPOS == "NOUN" && c > k && nouns[t.lemma(k)] && slices.Contains(cases, t.caseOf(c))
}

// flowOf reports whether nmod c of the phrase head k says where a flow
// goes or comes from: "exports to China", "imports from Mexico", "aid to
// Ukraine" (what a figure of the head measures).
func (t *depTree) flowOf(k, c int) bool {
	// (Not "on"/"for": "duties on the panels rose" would lose its reading
	// to the surface rule's "panels".)
	return t.complementOf(k, c, flowNouns, "to", "from", "into")
}

// flowNouns are what goes from one place or party to another.
var flowNouns = map[string]bool{"export": true, "import": true, "shipment": true, "sale": true, "flow": true,
	"investment": true, "aid": true, "remittance": true, "trade": true, "tariff": true, "duty": true, "sanction": true,
	"loan": true, "transfer": true, "payment": true, "deliveries": true, "delivery": true}

// bodyNouns are persons named by the body they serve.
var bodyNouns = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokespeople": true,
	"official": true, "representative": true, "envoy": true, "ambassador": true, "director": true, "head": true,
	"chief": true, "member": true, "leader": true, "adviser": true, "advisor": true, "analyst": true, "researcher": true,
	"fellow": true, "professor": true, "lawyer": true, "attorney": true, "commander": true, "economist": true,
	"strategist": true, "expert": true, "scientist": true, "executive": true, "manager": true, "officer": true}

// agentOrigin reports whether acl c of the bare noun k is a participle
// with its agent, which says where the noun comes from ("data released by
// the ministry", "figures compiled by Reuters"): the originOf of a
// participle.
func (t *depTree) agentOrigin(k, c int) bool {
	if t.w[k].UPOS != "NOUN" || c < k || t.w[c].XPOS != "VBN" {
		return false
	}
	switch t.lemma(c) {
	case "release", "publish", "compile", "issue", "collect", "gather", "provide", "produce", "conduct", "commission", "prepare", "post":
	default:
		return false // "payments to farmers hit by tariffs" names no origin
	}
	if !t.undetermined(k) {
		return false
	}
	for _, d := range t.kids[c] {
		if r := t.w[d].Rel; r == "obl:agent" || r == "obl" && t.caseOf(d) == "by" {
			return true
		}
	}
	return false
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

// match returns every binding of p in t, any word its trigger. animate
// reports whether a node names people (it needs the claim document's
// mentions and lists).
func (p *depPattern) match(t *depTree, sem *depSemantics) []depBinding {
	var out []depBinding
	for i := range t.w {
		out = p.matchTrigger(t, i, sem, out)
	}
	return out
}

// matchAmong is match with the trigger among the words cands (in order):
// the words whose lemma or form the rule set indexes for p
// (RuleSet.triggerWords), so that most rules try no word of a sentence.
func (p *depPattern) matchAmong(t *depTree, sem *depSemantics, cands []int32) []depBinding {
	var out []depBinding
	for _, i := range cands {
		out = p.matchTrigger(t, int(i), sem, out)
	}
	return out
}

// matchTrigger appends to out the bindings of p with word i its trigger.
func (p *depPattern) matchTrigger(t *depTree, i int, sem *depSemantics, out []depBinding) []depBinding {
	if !p.triggers(t, i, sem) {
		return out
	}
	b := depBinding{trigger: i, nodes: make([]int, len(p.args))}
	ok := true
	for ai, a := range p.args {
		b.nodes[ai] = -1
		if a.absent {
			for _, path := range a.paths {
				for _, n := range t.follow(i, path) {
					if a.accepts(t, n, sem) {
						return out
					}
				}
			}
			continue
		}
		seen := false
		for _, path := range a.paths {
			for _, n := range t.follow(i, path) {
				seen = true
				if a.accepts(t, n, sem) {
					b.nodes[ai] = n
					break
				}
			}
			if b.nodes[ai] >= 0 {
				break
			}
		}
		if b.nodes[ai] < 0 && (!a.optional || a.strict && seen) {
			ok = false
			break
		}
	}
	if !ok {
		return out
	}
	p.countOfVictims(t, b)
	keep := true
	for ai, a := range p.args {
		if a.spread && b.nodes[ai] >= 0 && t.titleOf(b.nodes[ai], t.conjuncts(b.nodes[ai])) {
			keep = false // "the deaths of Speaker, Benjamin Nzeribe": the name is the claim
		}
	}
	if keep {
		out = append(out, b)
	}
	// One claim per conjunct of a spread argument.
	for ai, a := range p.args {
		if !a.spread || b.nodes[ai] < 0 {
			continue
		}
		// A conjunct shares the first item's preposition: "by 0.25
		// percent or $63.1 billion".
		ac := a
		ac.cases = nil
		items := t.conjuncts(b.nodes[ai])
		for ci, c := range items {
			if t.titleOf(c, items[ci+1:]) {
				continue // "Speaker, Benjamin Nzeribe and member, Funke Adedoyin"
			}
			if ac.accepts(t, c, sem) {
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
	return out
}

// countOfVictims makes a count the victims' own number when they have one
// and the count was read elsewhere: "killed in the last 15 months, along
// with 563 security personnel" counts 563, not the months.
func (p *depPattern) countOfVictims(t *depTree, b depBinding) {
	vi, ci := -1, -1
	for ai, a := range p.args {
		switch a.role {
		case "victims":
			vi = ai
		case "count":
			ci = ai
		}
	}
	if vi < 0 || ci < 0 || b.nodes[vi] < 0 || b.nodes[ci] == b.nodes[vi] || b.nodes[ci] >= 0 && t.inside(b.nodes[ci], b.nodes[vi]) {
		return
	}
	if t.w[b.nodes[vi]].UPOS == "PRON" {
		return // "three people who went missing": the count is the antecedent's
	}
	for _, k := range t.kids[b.nodes[vi]] {
		if t.w[k].Rel == "nummod" && t.w[k].UPOS == "NUM" {
			b.nodes[ci] = k
			return
		}
	}
	if b.nodes[ci] >= 0 {
		b.nodes[ci] = -1 // a number outside the victims' phrase counts something else
	}
}

// figureWord reports whether word i of t is a figure: a number the
// number finder reads, and the word that carries it ("$", "percent"),
// not its parts.
func (t *depTree) figureWord(i int) bool {
	return t.numeric(i) && !(t.w[i].UPOS == "NUM" && (t.w[i].Rel == "nummod" || t.w[i].Rel == "compound") && t.numeric(t.w[i].Head-1))
}

// numericCands are the words of t that may trigger a numeric pattern
// (triggers): a figure, a fraction or a verb of multiplying. The numeric
// rules try these alone instead of every word each (matchAmong).
func (t *depTree) numericCands() []int32 {
	var out []int32
	for i := range t.w {
		if t.figureWord(i) || t.fractionOK(i) || t.multipleOK(i) {
			out = append(out, int32(i))
		}
	}
	return out
}

// triggers reports whether word i of t is p's trigger.
func (p *depPattern) triggers(t *depTree, i int, sem *depSemantics) bool {
	if p.numeric && (p.fraction && t.fractionOK(i) || p.multiple && t.multipleOK(i)) {
		// "More than half of their population", "doubled the price": a
		// fraction word or a verb of multiplying, which the number finder
		// leaves out, is a figure of a rule that lists its type.
	} else if p.numeric {
		if !t.figureWord(i) {
			return false
		}
		// "one of the poorest regions", "two of the attackers": a number
		// heading an of-phrase picks members out; it measures nothing.
		if t.w[i].UPOS == "NUM" {
			for _, k := range t.kids[i] {
				if strings.HasPrefix(t.w[k].Rel, "nmod") && t.caseOf(k) == "of" {
					return false
				}
			}
		}
		if sem != nil && sem.numberType != nil {
			typ, ok := sem.numberType(t, i)
			if !ok || p.number != nil && !p.number[typ] {
				return false
			}
		}
	} else if !p.lemmas[t.lemma(i)] && !p.lemmas[t.lower(i)] {
		// The lemma, or the form: a list may hold an irregular form the
		// lemmatizer gets wrong ("fled").
		return false
	}
	if p.numeric && p.lemmas != nil && !p.lemmas[t.lemma(i)] && !p.lemmas[t.lower(i)] {
		return false // "100,000 square kilometers": the unit that carries the figure
	}
	if p.upos != nil && !p.upos[t.w[i].UPOS] {
		return false
	}
	if p.rels != nil && !slices.ContainsFunc(p.rels, func(st depStep) bool { return st.matches(t.w[i].Rel) }) {
		return false
	}
	if p.cases != nil {
		c := t.caseOf(i)
		if c == "" {
			c = "none" // "case: [none]": a figure with no preposition
		}
		if !p.cases[c] {
			return false
		}
	}
	return true
}

// enablingVerb reports whether a bare infinitive under lemma l happened:
// "were able to apprehend", "forced them to flee", "caused thousands to
// flee" (not "tried to kill", "plans to arrest").
func enablingVerb(l string) bool {
	switch l {
	case "able", "manage", "succeed", "help", "force", "compel", "oblige", "cause", "prompt":
		return true
	}
	return false
}

// sharedSubject returns the subject a coordinated verb without one of its
// own shares with the verb before it ("the car hit a bomb and was then
// attacked": the car was attacked), as enhanced UD would: a passive verb
// takes the other's subject of either voice; an active one only the
// active subject ("Rebels stormed the town and attacked the villages").
func (t *depTree) sharedSubject(n int, pass bool) []int {
	if t.w[n].Rel != "conj" || t.w[n].UPOS != "VERB" || t.passive(n) != pass {
		return nil
	}
	// Coordination says "and"/"but"/"or"; a conj without one is often a
	// clause the parser failed to attach ("Officials said 31 people ...,
	// lost their lives").
	cc := false
	for _, k := range t.kids[n] {
		if strings.HasPrefix(t.w[k].Rel, "nsubj") || strings.HasPrefix(t.w[k].Rel, "csubj") || t.w[k].Rel == "expl" {
			return nil
		}
		cc = cc || t.w[k].Rel == "cc" && k < n
	}
	// In a list of three or more ("praised X, described Y as ..., and
	// announced Z") the conjunction stands before the last conjunct only,
	// which hangs on the first conjunct or, chained, on this one.
	h := t.w[n].Head - 1
	for _, k := range t.kids[n] {
		cc = cc || k > n && t.w[k].Rel == "conj" && t.hasKid(k, "cc")
	}
	if h >= 0 {
		for _, k := range t.kids[h] {
			cc = cc || k > n && t.w[k].Rel == "conj" && t.hasKid(k, "cc")
		}
	}
	if !cc {
		return nil
	}
	// A chain of conjuncts without subjects shares the first one's.
	for h >= 0 && t.w[h].Rel == "conj" && t.w[h].UPOS == "VERB" && !t.hasKid(h, "nsubj", "nsubj:pass", "csubj", "expl") && t.w[h].Head > 0 {
		h = t.w[h].Head - 1
	}
	// The first clause may be a predicate with a copula: "Portugal is one
	// of the plan's critics and has accused Brussels of ...".
	if h < 0 || t.w[h].UPOS != "VERB" && !t.hasKid(h, "cop") {
		return nil
	}
	for _, k := range t.kids[h] {
		if r := t.w[k].Rel; r == "nsubj" || pass && r == "nsubj:pass" {
			if t.disagrees(n, k) {
				if s := t.agreeingSubjectAbove(n, h, pass); s >= 0 {
					return []int{s}
				}
			}
			return []int{k}
		}
	}
	return nil
}

// agreeingSubjectAbove returns the subject of the nearest clause above
// h whose number agrees with conjunct n, -1 when none does: in "Officials
// rejected claims that the water is unsafe and maintain that ...", the
// parser hangs "maintain" on the claim's clause, but a plural verb
// cannot share "the water"; it shares "Officials".
func (t *depTree) agreeingSubjectAbove(n, h int, pass bool) int {
	for a := t.w[h].Head - 1; a >= 0; a = t.w[a].Head - 1 {
		for _, k := range t.kids[a] {
			if r := t.w[k].Rel; (r == "nsubj" || pass && r == "nsubj:pass") && k < n && !t.disagrees(n, k) {
				return k
			}
		}
	}
	return -1
}

// disagrees reports whether present-tense verb v cannot take subject s
// for number: "maintain" (VBP) with a singular noun, "says" (VBZ) with a
// plural one or a coordination. Only nouns and personal pronouns are
// judged; a past verb agrees with anything.
func (t *depTree) disagrees(v, s int) bool {
	plural := false
	switch t.w[s].XPOS {
	case "NNS", "NNPS":
		plural = true
	case "NN", "NNP":
		plural = t.hasKid(s, "conj")
	case "PRP":
		switch t.lower(s) {
		case "they", "we", "you", "i":
			plural = true
		case "he", "she", "it":
		default:
			return false
		}
	default:
		return false
	}
	switch t.w[v].XPOS {
	case "VBZ":
		return plural
	case "VBP":
		return !plural
	}
	return false
}

// participleSubject returns the noun a passive participle without a
// subject of its own says something about, as enhanced UD would: a
// reduced relative ("the militants killed in the raid": acl) or a
// passive clause the parser hung on the noun before it instead of making
// the noun its subject ("Today the fugitive leader of ISIS in Iraq was
// killed", where "killed" came out as a dep of "leader").
func (t *depTree) participleSubject(n int, pass bool) []int {
	h := t.w[n].Head - 1
	if h < 0 || h > n || t.w[n].UPOS != "VERB" {
		return nil
	}
	if u := t.w[h].UPOS; u != "NOUN" && u != "PROPN" {
		return nil
	}
	for _, k := range t.kids[n] {
		if r := t.w[k].Rel; strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") || r == "expl" || r == "mark" {
			return nil
		}
	}
	switch t.w[n].Rel {
	case "acl":
		if pass && t.w[n].XPOS == "VBN" && !t.passive(n) {
			// "in support of Palestinians injured in clashes": the parser
			// may hang the participle on the noun whose of-phrase ends
			// right before it; the of-phrase's noun is the other reading,
			// tried when the head does not fit.
			for _, k := range t.kids[h] {
				if _, e := t.subtree(k); t.w[k].Rel == "nmod" && k < n && e == n-1 && t.caseOf(k) == "of" {
					return []int{h, k}
				}
			}
			return []int{h}
		}
	case "dep", "parataxis":
		// The noun heads the sentence in place of a verb: it has no verb
		// head of its own ("Import duties on the panels rose from 120%").
		if t.passive(n) == pass && t.w[h].Head == 0 {
			return []int{h}
		}
	}
	return nil
}

// sharedObject returns the object a verb without one shares with the verb
// coordinated right after it ("has been attacking and fighting Kenyan
// troops": the troops are attacked too), as enhanced UD would. The second
// verb has no subject of its own, and the object stands after it.
func (t *depTree) sharedObject(n int) []int {
	if t.w[n].UPOS != "VERB" {
		return nil
	}
	for _, k := range t.kids[n] {
		if r := t.w[k].Rel; r == "obj" || r == "ccomp" || r == "xcomp" || r == "obl" && k > n {
			return nil // its own complement: "attacked in the night and fled"
		}
	}
	for _, c := range t.kids[n] {
		if t.w[c].Rel != "conj" || t.w[c].UPOS != "VERB" || c < n {
			continue
		}
		cc := false
		for _, k := range t.kids[c] {
			r := t.w[k].Rel
			if strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") {
				return nil
			}
			cc = cc || r == "cc" && k < c && k > n
		}
		if !cc || c-n > 3 {
			return nil
		}
		for _, k := range t.kids[c] {
			if t.w[k].Rel == "obj" && k > c {
				return []int{k}
			}
		}
		return nil
	}
	return nil
}

// titleOf reports whether conjunct c is a bare common noun standing, with
// a comma, before the name that follows it among the later conjuncts: the
// parser reads "member, Funke Adedoyin" as two items of a list, but it is
// one person with a title (an apposition).
func (t *depTree) titleOf(c int, later []int) bool {
	if len(later) == 0 || t.w[c].UPOS != "NOUN" || t.w[later[0]].UPOS != "PROPN" {
		return false
	}
	_, hi := t.subtree(c)
	lo, _ := t.subtree(later[0])
	for lo < later[0] && t.w[lo].UPOS == "PUNCT" {
		lo++ // the comma may hang on either word
	}
	commas := 0
	for k := hi + 1; k < lo; k++ {
		if t.w[k].Form != "," {
			return false
		}
		commas++
	}
	return commas > 0
}

// conjuncts returns the words coordinated with n: its conj dependents,
// and, where the parser attached a coordinated item flat beside n (same
// head, same relation, with its own "or"/"and": "by 0.25 percent or $63.1
// billion"), those siblings.
func (t *depTree) conjuncts(n int) []int {
	var out []int
	for _, c := range t.kids[n] {
		if t.w[c].Rel == "conj" || t.subset(c) {
			out = append(out, c)
		}
	}
	if h := t.w[n].Head - 1; len(out) == 0 && h >= 0 {
		for _, k := range t.kids[h] {
			if k <= n || t.w[k].Rel != t.w[n].Rel {
				continue
			}
			for _, c := range t.kids[k] {
				if t.w[c].Rel == "cc" && c < k {
					out = append(out, k)
					break
				}
			}
		}
	}
	return out
}

// subset reports whether word c names members of its head's set, the
// parser hanging "including X" on it as an apposition or modifier with
// "including" as X's preposition ("40 people, including 11 children"):
// those members are an item of their own, as a conjunct is.
func (t *depTree) subset(c int) bool {
	if r := t.w[c].Rel; r != "appos" && r != "nmod" || c < t.w[c].Head {
		return false
	}
	for _, k := range t.kids[c] {
		if t.w[k].Rel == "case" && t.lemma(k) == "include" {
			return true
		}
	}
	return false
}

// clause returns the first and last word (0-based, inclusive) of node
// n's clause: its subtree, widened over the later dependents of n's head
// that complete it (xcomp, or an obl or advcl with "as": "called the
// attack a crime", "described X as the worst"), and cut before a clause
// of its own that reports more words (", adding that ...": a statement
// of its own).
func (t *depTree) clause(n int) (int, int) {
	lo, hi := t.subtree(n)
	// asEnd: the span ends in an "as" complement, which a following
	// oblique of the verb continues ("described the flooding as the worst
	// in a decade": the parser hangs "in a decade" on the verb).
	asEnd := false
	for _, k := range t.kids[n] {
		if _, e := t.subtree(k); e == hi && t.w[k].Rel == "nmod" && t.caseOf(k) == "as" {
			asEnd = true
		}
	}
	if h := t.w[n].Head - 1; h >= 0 {
		for _, k := range t.kids[h] {
			if k <= hi {
				continue
			}
			r := t.w[k].Rel
			lo2, _ := t.subtree(k)
			if asEnd && strings.HasPrefix(r, "obl") && lo2 == hi+1 {
				_, hi = t.subtree(k)
				continue
			}
			if r == "xcomp" || (strings.HasPrefix(r, "obl") || r == "advcl") && (t.caseOf(k) == "as" || t.markOf(k) == "as") {
				_, hi = t.subtree(k)
				asEnd = r != "xcomp"
				continue
			}
			// An object's content clause the parser hung on the verb
			// ("expressed concern that the fighting could spread").
			if t.w[n].Rel == "obj" && r == "ccomp" && lo2 == hi+1 && t.markOf(k) == "that" {
				_, hi = t.subtree(k)
			}
			// An object's topic: "expressed concern over the rising
			// number of deaths".
			if lo2, _ := t.subtree(k); t.w[n].Rel == "obj" && strings.HasPrefix(r, "obl") && lo2 == hi+1 {
				switch t.caseOf(k) {
				case "about", "over", "at", "regarding", "of", "for", "on":
					_, hi = t.subtree(k)
				}
			}
			// What the object is accused or blamed of, a gerund clause the
			// parser hung on the verb: "accused Beijing of encroaching into
			// ...", "blamed the administration for disrupting the deal".
			if m := t.markOf(k); t.w[n].Rel == "obj" && r == "advcl" && lo2 == hi+1 && (m == "of" || m == "for") {
				_, hi = t.subtree(k)
			}
		}
	}
	// A participle or verb of saying hung inside the clause (a misparse
	// of ", adding that ...") ends it.
	for k := n + 1; k <= hi; k++ {
		if k > lo && t.w[k-1].Form == "," && t.w[k].UPOS == "VERB" && strings.HasSuffix(t.w[k].XPOS, "VBG") && speechLemmas[t.lemma(k)] {
			hi = k - 1
			break
		}
	}
	return lo, t.closeQuote(lo, hi)
}

// closeQuote widens a span of words [lo, hi] that opens a quotation and
// does not close it to the word that closes it, when the sentence has
// one: what someone said never stops inside their quoted words. The
// parser often hangs the rest of a quotation on a verb outside the clause
// (", adding that children are “increasingly, being recruited ...”").
func (t *depTree) closeQuote(lo, hi int) int {
	open := 0
	for k := lo; k <= hi; k++ {
		switch quoteSide(t.w[k]) {
		case 1:
			open++
		case -1:
			if open > 0 {
				open--
			}
		}
	}
	if open == 0 {
		return hi
	}
	for k := hi + 1; k < len(t.w); k++ {
		if quoteSide(t.w[k]) == -1 {
			if open--; open == 0 {
				return k
			}
		}
	}
	return hi
}

// quoteSide is 1 for a word that opens a double quotation, -1 for one
// that closes it and 0 otherwise; a straight quote's side is its tag.
func quoteSide(w depWord) int {
	switch w.Form {
	case "“":
		return 1
	case "”":
		return -1
	case "\"":
		switch w.XPOS {
		case "``":
			return 1
		case "''":
			return -1
		}
	}
	return 0
}

// speechLemmas are verbs of saying whose participle after a comma starts
// a statement of its own (", adding that", ", saying").
var speechLemmas = map[string]bool{"say": true, "add": true, "note": true, "warn": true, "stress": true, "explain": true,
	"argue": true, "insist": true, "point": true, "claim": true, "tell": true, "emphasize": true, "emphasise": true}

// markOf returns the lemma of node n's mark dependent, "" when none.
func (t *depTree) markOf(n int) string {
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "mark" {
			return t.lemma(k)
		}
	}
	return ""
}

// subtree returns the first and last word (0-based, inclusive) below n.
func (t *depTree) subtree(n int) (int, int) {
	lo, hi := n, n
	for _, c := range t.kids[n] {
		a, b := t.subtree(c)
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// depSemantics answers what the tree cannot: whether a node names
// people, or something one can attack (the claim document's mentions and
// word lists). A nil one accepts every node.
type depSemantics struct {
	animate  func(t *depTree, n int) bool
	physical func(t *depTree, n int) bool
	// person: the node names people by its words (a person or group, a
	// word for people), whatever number it has: "jobs" in "195,600 jobs"
	// is no one.
	person func(t *depTree, n int) bool
	// human: person, less organizations.
	human func(t *depTree, n int) bool
	place func(t *depTree, n int) bool
	agent func(t *depTree, n int) bool
	armed func(t *depTree, n int) bool
	// numberType is the type of the number mention at node n (money,
	// percent, cardinal), false when the number finder reads none there.
	numberType func(t *depTree, n int) (string, bool)
}

func (a depArg) accepts(t *depTree, n int, sem *depSemantics) bool {
	if a.upos != nil && !a.upos[t.w[n].UPOS] {
		return false
	}
	fraction := false
	if a.role == "value" && a.number[NumFraction] {
		_, fraction = t.fraction(n) // "by one-third": no number mention, or "third" an ordinal
	}
	if (a.role == "count" || a.role == "value" || a.role == "baseline") && !t.numeric(n) && !fraction {
		return false // "closed in New York at $185.25": the obl with a number
	}
	// A figure of another type is no match, so a later path may bind one
	// of the arg's types ("added 20.72 points, or 0.24%, to 8,570.66": the
	// index level is no percent; the figure in apposition is).
	if (a.number != nil || a.units != nil) && (a.role == "count" || a.role == "value" || a.role == "baseline") && !fraction && sem != nil && sem.numberType != nil {
		if typ, ok := sem.numberType(t, n); ok && !a.takes(t, n, typ) {
			return false
		}
	}
	if u := t.w[n].UPOS; a.figure && !t.numeric(n) && (u == "NOUN" || u == "PROPN" || u == "PRON") {
		return false
	}
	if a.lemmas != nil && !a.lemmas[t.lemma(n)] && !a.lemmas[t.lower(n)] && !a.antecedentIn(t, n) {
		return false
	}
	if a.cases != nil {
		c := t.caseOf(n)
		if c == "" {
			c = "none" // "case: [none]": no preposition ("lost 0.66%")
		}
		// Or the mark of a clause: "described X as the worst".
		if !a.cases[c] && !(c == "none" && a.cases[t.markOf(n)]) {
			return false
		}
	}
	if sem != nil && (a.animate && !sem.animate(t, n) || a.inanimate && sem.person(t, n) || a.person && !sem.person(t, n) || a.human && !sem.human(t, n) || a.place && !sem.place(t, n) || a.physical && !sem.physical(t, n) || a.agent && !sem.agent(t, n) || a.armed && !sem.armed(t, n)) {
		return false
	}
	return true
}

// antecedentIn reports whether n is a relative pronoun standing for a
// word of the arg's lemmas: the noun its clause modifies, or a noun above
// it whose of-phrase that noun is ("the number of foreigners living there,
// which reached 3.4 million": "which" says it of the number), as the
// claim reads a relative pronoun (depClaims).
func (a depArg) antecedentIn(t *depTree, n int) bool {
	if t.w[n].UPOS != "PRON" || !slices.Contains([]string{"which", "that", "who"}, t.lemma(n)) {
		return false
	}
	v := t.w[n].Head - 1
	if v < 0 || !strings.HasPrefix(t.w[v].Rel, "acl") {
		return false
	}
	for h := t.w[v].Head - 1; h >= 0 && t.w[h].UPOS == "NOUN"; h = t.w[h].Head - 1 {
		if a.lemmas[t.lemma(h)] || a.lemmas[t.lower(h)] {
			return true
		}
		if t.w[h].Rel != "nmod" || t.caseOf(h) != "of" {
			return false
		}
	}
	return false
}

// takes reports whether a figure of number type typ at node n is one
// of the arg's: one of its types, or a count of one of its units.
func (a depArg) takes(t *depTree, n int, typ string) bool {
	if a.number == nil && a.units == nil || a.number[typ] {
		return true
	}
	return typ == NumCardinal && (a.units[t.lemma(n)] || a.units[t.lower(n)])
}

// treeCertainty reads negation, modals and embedding off the trigger:
// "not"/"never" or a subject with "no" (negated), a modal or a
// conditional clause (hypothetical), a clause under deny (denied), under
// claim/allege/accuse (alleged).
func (t *depTree) treeCertainty(i int) string { return t.certaintyOf(i, true, false) }

// certaintyOf is treeCertainty; habitual says whether a verb in the simple
// present states no event (true for events: "they kill people"; false for
// figures, where the present is a plain fact: "78 percent of Americans
// live paycheck to paycheck"); said, whether i is a statement's verb of saying.
func (t *depTree) certaintyOf(i int, habitual, said bool) string {
	// An event's conjunct verb without auxiliaries of its own shares its
	// first conjunct's ("if children can still be attacked or kidnapped",
	// "was not beaten or detained"): their modal or "if", and a negation
	// under "or" ("did not give a date, but said": no negation of "said").
	if h := t.w[i].Head - 1; habitual && t.w[i].Rel == "conj" && h >= 0 && t.w[h].UPOS == "VERB" && !t.hasKid(i, "aux", "aux:pass") {
		cc := ""
		for _, k := range t.kids[i] {
			if t.w[k].Rel == "cc" {
				cc = t.lemma(k)
			}
		}
		for _, k := range t.kids[h] {
			if k > i || cc == "but" {
				continue
			}
			r, l := t.w[k].Rel, t.lemma(k)
			switch {
			case (r == "advmod" || r == "neg") && (l == "not" || l == "never" || l == "n't") && (cc == "or" || cc == "nor"):
				return negated
			case r == "aux" && modalAux(l):
				return Hypothetical
			case r == "mark" && (l == "if" || l == "unless"):
				return Hypothetical
			}
		}
	}
	for _, k := range t.kids[i] {
		r, l := t.w[k].Rel, t.lemma(k)
		switch {
		case (r == "advmod" || r == "neg") && (l == "not" || l == "never" || l == "n't"):
			return negated
		// "I almost died", "was nearly killed": the event did not happen
		// (events only: "sales nearly doubled" did).
		case habitual && r == "advmod" && (l == "almost" || l == "nearly") && t.w[i].UPOS == "VERB":
			return negated
		// ("Police can confirm that two were killed": a statement made.)
		case r == "aux" && modalAux(l) && !(said && l == "can"):
			return Hypothetical
		case r == "mark" && (l == "if" || l == "unless"):
			return Hypothetical
		case strings.HasPrefix(r, "nsubj") || r == "obj":
			// (The form too: the lemmatizer may miss a closed-class word,
			// "nobody" -> "nobodyg".)
			if f := t.lower(k); l == "nobody" || l == "none" || l == "no one" || f == "nobody" || f == "none" {
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
	if t.w[i].UPOS == "VERB" && habitual {
		switch t.w[i].XPOS {
		case "VBP", "VBZ":
			return Hypothetical
		case "VB":
			// "tried to kill", not "were able to apprehend" or "caused
			// thousands to flee" (the parser may hang the infinitive on
			// the object: "caused many to flee", many an xcomp).
			if h := t.w[i].Head - 1; h >= 0 {
				g := h
				if r := t.w[h].Rel; t.w[h].UPOS != "VERB" && (r == "xcomp" || r == "obj") && t.w[h].Head > 0 {
					g = t.w[h].Head - 1
				}
				if !enablingVerb(t.lemma(h)) && !enablingVerb(t.lemma(g)) {
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
		// A verb of saying (said: a statement's trigger) conjoined to a
		// denial or a claim says its own words: "rejected the accusations
		// and maintain that the trial is fair".
		if r == "conj" && n == i && said {
			break
		}
		// Nor does a participle of saying: in "the suit seeks to stop the
		// transfers, alleging they violate the law" the allegation is made.
		if r == "advcl" && n == i && said && t.w[n].XPOS == "VBG" {
			break
		}
		// A finite adverbial clause with a subject of its own states its
		// event whatever the main clause's modal: "Although the minister
		// said the talks had failed, the sides will meet", "Police will
		// investigate after two were killed" ("if" and "unless" clauses
		// were read above, on the trigger).
		if r == "advcl" && (finiteTags[t.w[n].XPOS] || t.hasKid(n, "aux", "aux:pass")) && t.hasKid(n, "nsubj", "nsubj:pass") && t.markOf(n) != "" && t.markOf(n) != "if" && t.markOf(n) != "unless" {
			break
		}
		switch t.lemma(h) {
		case "deny", "reject":
			return Denied
		case "claim", "allege", "accuse", "suggest":
			return Alleged
		case "threaten", "plan", "vow", "want", "try", "seek", "fear", "warn", "intend", "aim",
			"project", "forecast", "predict", "expect":
			if r != "conj" {
				return Hypothetical
			}
		}
		// A clause without a subject or tense of its own under "can" or
		// "should" is an ability or a duty, no event: "the prison system
		// can focus on securely detaining dangerous prisoners" ("can
		// confirm that two were killed" embeds a finite clause).
		nonFinite := (r == "advcl" || r == "xcomp") && t.subjectless(n) && (t.w[n].XPOS == "VBG" || t.w[n].XPOS == "VB")
		for _, k := range t.kids[h] {
			if r != "conj" && t.w[k].Rel == "aux" {
				switch t.lemma(k) {
				case "could", "might", "may", "would", "will", "'ll", "shall":
					return Hypothetical
				case "can", "should":
					if nonFinite {
						return Hypothetical
					}
				}
			}
		}
		n = h
	}
	return Asserted
}

// modalAux reports a modal that makes its verb a possibility or a
// prediction, not a fact: "could kill", "will shrink to 25%".
func modalAux(l string) bool {
	switch l {
	case "could", "might", "may", "would", "can", "should", "will", "'ll", "shall", "wo":
		return true
	}
	return false
}

// governor returns the verb whose clause a figure or noun belongs to
// ("$5 billion" in "the project would cost $5 billion" -> "cost"), or -1.
func (t *depTree) governor(i int) int {
	for n, steps := t.w[i].Head-1, 0; n >= 0 && steps < 4; n, steps = t.w[n].Head-1, steps+1 {
		if t.w[n].UPOS == "VERB" {
			return n
		}
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "cop" {
				return n // "The population is 300,000": the copula's clause
			}
		}
	}
	return -1
}

// adjectiveEnding reports a word with an ending only adjectives take
// ("exclusionary", "dangerous", "illegal", "unacceptable").
func adjectiveEnding(w string) bool {
	for _, suf := range []string{"ary", "ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ish"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// namingLemmas are the verbs that name or judge their object ("call it a
// crime", "deemed it a failure"): the second of two objects is its
// predicate.
var namingLemmas = map[string]bool{"call": true, "dub": true, "label": true, "brand": true, "term": true, "deem": true, "consider": true}

// twoObjects repairs a noun phrase the parser split into two objects of
// one verb ("study co-author Mia Holt": "co-author" and "Mia" both objects
// of "study"): a verb takes one direct object, and a second one right
// after the first, with nothing between them, is the head of their
// phrase, the first its compound. A name written joined to what follows
// is one too ("blamed COVID-19-related travel restrictions": "COVID" and
// "restrictions" both objects).
func (t *depTree) twoObjects() bool {
	changed := false
	for o2 := range t.w {
		v := t.w[o2].Head - 1
		if v >= 0 && v < o2 && namingLemmas[t.lemma(v)] && t.w[o2].Rel == "advmod" && t.w[o2].UPOS == "ADV" && adjectiveEnding(t.lows[o2]) &&
			len(t.kids[o2]) == 0 && o2 >= 1 && t.w[o2-1].Head == v+1 && t.w[o2-1].Rel == "obj" && t.w[o2-1].UPOS == "PRON" {
			t.w[o2].Rel, t.w[o2].UPOS, t.w[o2].XPOS = "xcomp", "ADJ", "JJ"
			changed = true
			continue
		}
		if v < 0 || v > o2 || t.w[o2].Rel != "obj" && !(t.w[o2].Rel == "obl" && t.caseOf(o2) == "" && namingLemmas[t.lemma(v)]) {
			continue
		}
		// "calling it a crime against humanity": after a verb of naming,
		// a pronoun object and a noun phrase right after it are the thing
		// named and what it is called (xcomp), as UD reads "call it X".
		// (Or an oblique with no preposition: "calling it a gift".)
		// ("calling it exclusionary": the tagger may read the adjective
		// as an adverb; one with an adjective's ending is the predicate,
		// not "called him later".)
		if namingLemmas[t.lemma(v)] && o2 >= 2 && t.w[o2].UPOS == "NOUN" {
			if lo, _ := t.subtree(o2); lo >= 1 && t.w[lo-1].Head == v+1 && t.w[lo-1].Rel == "obj" && t.w[lo-1].UPOS == "PRON" && len(t.kids[lo-1]) == 0 {
				t.w[o2].Rel = "xcomp"
				changed = true
				continue
			}
		}
		if t.w[o2].Rel != "obj" {
			continue
		}
		for _, o1 := range t.kids[v] {
			if o1 > v && o1 < o2 && t.w[o1].Rel == "obj" && (t.w[o1].UPOS == "NOUN" || t.w[o1].UPOS == "PROPN" && !t.w[o1].SpaceAfter) && len(t.kids[o1]) == 0 {
				if lo, _ := t.subtree(o2); lo == o1+1 && (t.w[o2].UPOS == "NOUN" || t.w[o2].UPOS == "PROPN") {
					t.w[o1].Head, t.w[o1].Rel = o2+1, "compound"
					changed = true
				}
			}
		}
	}
	return changed
}

// namedComplement repairs what a verb of naming calls its object when the
// parser did not make it the verb's complement (UD: "called the deal a
// disaster" has "deal" the obj and "disaster" the xcomp of "called"). The
// parser reads the second phrase as an apposition or bare modifier of the
// first ("the deal a disaster", "the budget a betrayal"), or both phrases
// as complements and none as the object ("called the detention center
// “the perfect place”"). After such a verb a common noun or adjective
// right after the object with no comma or dash between is no apposition
// but what the object is called (a name in apposition stays one: "called
// his brother John"); of two complements and no object, the first is the
// thing named.
func (t *depTree) namedComplement() bool {
	changed := false
	for v := range t.w {
		if !namingLemmas[t.lemma(v)] || t.w[v].UPOS != "VERB" {
			continue
		}
		var objs, xcomps []int
		for _, c := range t.kids[v] {
			switch {
			case c < v:
			case t.w[c].Rel == "obj":
				objs = append(objs, c)
			case t.w[c].Rel == "xcomp":
				xcomps = append(xcomps, c)
			}
		}
		switch {
		case len(objs) == 1 && len(xcomps) == 0:
			o := objs[0]
			for _, a := range t.kids[o] {
				if a < o || t.w[a].Rel != "appos" && t.w[a].Rel != "nmod:unmarked" && t.w[a].Rel != "nmod:npmod" || t.w[a].UPOS != "NOUN" && t.w[a].UPOS != "ADJ" {
					continue
				}
				if lo, _ := t.subtree(a); lo > 0 && !appositionMark(t.w[lo-1].Form) && !appositionMark(t.w[lo].Form) {
					t.w[a].Head, t.w[a].Rel = v+1, "xcomp"
					changed = true
				}
				break
			}
		case len(objs) == 0 && len(xcomps) == 2 && (t.w[xcomps[0]].UPOS == "NOUN" || t.w[xcomps[0]].UPOS == "PRON"):
			if lo, _ := t.subtree(xcomps[1]); lo > 0 && !appositionMark(t.w[lo-1].Form) {
				t.w[xcomps[0]].Rel = "obj"
				changed = true
			}
		}
	}
	return changed
}

// appositionMark reports punctuation that sets off an apposition.
func appositionMark(form string) bool {
	switch form {
	case ",", "—", "–", "-", "(", ":", ";":
		return true
	}
	return false
}

// adjacentSubjects repairs a title before a name that the parser made a
// second subject of the same predicate ("Rebel commander Ali Hassan is
// dead.": "commander" and "Ali" both subjects of "dead"): a clause has one
// subject, and two nominals with nothing between them are one phrase, so
// the earlier is a compound of the name that heads it.
func (t *depTree) adjacentSubjects() bool {
	changed := false
	for v := range t.w {
		var subj []int
		for _, k := range t.kids[v] {
			if k < v && strings.HasPrefix(t.w[k].Rel, "nsubj") {
				subj = append(subj, k)
			}
		}
		for i := 0; i+1 < len(subj); i++ {
			a, b := subj[i], subj[i+1]
			_, ahi := t.subtree(a)
			blo, _ := t.subtree(b)
			if ahi+1 != blo || t.w[b].UPOS != "PROPN" || t.w[a].UPOS != "NOUN" && t.w[a].UPOS != "PROPN" || t.hasKid(a, "punct", "cc") {
				continue
			}
			t.w[a].Head, t.w[a].Rel = b+1, "compound"
			changed = true
		}
	}
	return changed
}

// obliqueBeforeApposition repairs a subject with a name in apposition
// that the parser split the other way round ("The prison inspector
// general, Hector Paul Joseph, also was killed": "general" an oblique of
// "killed", "Hector" its subject): a nominal without a preposition,
// followed by a name set off by commas that closes right before the
// verb's own words, is the subject, and the name its apposition. The
// second comma is what tells it from a time phrase before a subject
// ("Last week, Hector Paul Joseph was killed").
func (t *depTree) obliqueBeforeApposition() bool {
	for v := range t.w {
		o, s := -1, -1
		for _, k := range t.kids[v] {
			switch {
			case k < v && t.w[k].Rel == "obl" && (t.w[k].UPOS == "NOUN" || t.w[k].UPOS == "PROPN") && !t.hasKid(k, "case"):
				o = k
			case k < v && strings.HasPrefix(t.w[k].Rel, "nsubj") && t.w[k].UPOS == "PROPN":
				s = k
			}
		}
		if o < 0 || s < o {
			continue
		}
		_, ohi := t.subtree(o)
		slo, shi := t.subtree(s)
		if ohi+1 != slo || t.lower(ohi) != "," || shi+1 >= v || t.lower(shi+1) != "," {
			continue
		}
		between := true
		for k := shi + 2; k < v; k++ {
			if r := t.w[k].Rel; t.w[k].Head-1 != v || r != "advmod" && r != "aux" && r != "aux:pass" {
				between = false
			}
		}
		if !between {
			continue
		}
		t.w[o].Rel = t.w[s].Rel
		t.w[s].Head, t.w[s].Rel = o+1, "appos"
		t.w[shi+1].Head = o + 1
		return true
	}
	return false
}

// passiveSubjectLabel relabels the subject of a passive verb (one with a
// passive auxiliary) that the parser left a plain nsubj: UD marks it
// nsubj:pass, and the rules for victims read that label.
func (t *depTree) passiveSubjectLabel() bool {
	changed := false
	for v := range t.w {
		if !t.hasKid(v, "aux:pass") {
			continue
		}
		for _, k := range t.kids[v] {
			if t.w[k].Rel == "nsubj" {
				t.w[k].Rel = "nsubj:pass"
				changed = true
			}
		}
	}
	return changed
}

// clauseUnderOblique repairs a sentence whose root the parser made a
// fronted oblique ("On Friday a man attacked two women": "Friday" the
// root, "man" its subject and "attacked" a reduced relative on "man"): a
// nominal with a preposition has no subject, and a participle with an
// object is no reduced relative, so the verb is the root, the nominal its
// oblique and the noun its subject.
func (t *depTree) clauseUnderOblique() bool {
	for r := range t.w {
		if t.w[r].Rel != "root" || t.w[r].UPOS != "NOUN" && t.w[r].UPOS != "PROPN" || !t.hasKid(r, "case") {
			continue
		}
		for _, n := range t.kids[r] {
			if n < r || t.w[n].Rel != "nsubj" {
				continue
			}
			for _, v := range t.kids[n] {
				if v < n || t.w[v].Rel != "acl" || t.w[v].UPOS != "VERB" || !t.hasKid(v, "obj") || !t.subjectless(v) || t.hasKid(v, "mark") {
					continue
				}
				t.w[n].Head = v + 1
				t.promote(v, r, n, "obl")
				return true
			}
		}
	}
	return false
}

// punctHead re-attaches a word the parser hung on a punctuation mark that
// is not the root ("On Friday a man attacked ...": "man" below the full
// stop): punctuation heads nothing in UD, so the word belongs to what the
// mark hangs on.
func (t *depTree) punctHead() bool {
	changed := false
	for i := range t.w {
		h := t.w[i].Head - 1
		if h < 0 || h >= len(t.w) || t.w[h].UPOS != "PUNCT" || t.w[h].Head == 0 || t.w[i].UPOS == "PUNCT" {
			continue
		}
		t.w[i].Head = t.w[h].Head
		changed = true
	}
	return changed
}

// parentheticalSubject repairs a sentence whose subject is followed by a
// parenthetical prepositional phrase between commas that the parser took
// as the subject of the verb after it, with the verb an acl of the noun
// ("Maria, in her 30s, had been arrested in 2015": "Maria" the root,
// "30s" the passive subject of "arrested"): a subject takes no
// preposition, and a verb with a finite auxiliary heads a clause, not a
// participle modifier, so the verb is the root with the noun its subject
// and the phrase the noun's modifier (nmod). Only when the noun is the
// root with no copula, so the sentence has no other predicate.
func (t *depTree) parentheticalSubject() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") || t.hasKid(n, "cop") {
			continue
		}
		for _, v := range t.kids[n] {
			if v < n || t.w[v].Rel != "acl" || t.w[v].UPOS != "VERB" || !t.hasKid(v, "aux") {
				continue
			}
			s, rel := -1, ""
			for _, k := range t.kids[v] {
				if r := t.w[k].Rel; (r == "nsubj" || r == "nsubj:pass") && k > n && k < v {
					s, rel = k, r
				}
			}
			if s < 0 || t.w[n+1].Form != "," {
				continue
			}
			if _, hi := t.subtree(s); t.w[hi].Form != "," && (hi+1 >= v || t.w[hi+1].Form != ",") {
				continue // no closing comma: no parenthetical
			}
			prep := false
			for _, k := range t.kids[s] {
				if k < s && t.w[k].Rel == "case" && t.w[k].UPOS == "ADP" {
					prep = true
				}
			}
			if !prep {
				continue
			}
			for _, k := range t.kids[n] {
				if k > v {
					t.w[k].Head = v + 1
				}
			}
			t.w[s].Head, t.w[s].Rel = n+1, "nmod"
			t.w[v].Head, t.w[v].Rel = 0, "root"
			t.w[n].Head, t.w[n].Rel = v+1, rel
			return true
		}
	}
	return false
}

// countRootVerb repairs a sentence whose subject is a number picking
// members out of an of-phrase that the parser made the root, with the
// verb after it a loose dependent ("Forty of those who fled have been
// caught": "Forty" the root, "caught" its dep): a number heads no
// clause, and a verb with an auxiliary and no subject of its own after
// it is the sentence's predicate with the number its subject.
func (t *depTree) countRootVerb() bool {
	for n := range t.w {
		if t.w[n].Rel != "root" || t.w[n].UPOS != "NUM" {
			continue
		}
		for _, v := range t.kids[n] {
			if v < n || t.w[v].Rel != "dep" || t.w[v].UPOS != "VERB" || !t.hasKid(v, "aux", "aux:pass") || !t.subjectless(v) {
				continue
			}
			rel := "nsubj"
			if t.hasKid(v, "aux:pass") {
				rel = "nsubj:pass"
			}
			for _, k := range t.kids[n] {
				if k > v {
					t.w[k].Head = v + 1
				}
			}
			t.w[v].Head, t.w[v].Rel = 0, "root"
			t.w[n].Head, t.w[n].Rel = v+1, rel
			return true
		}
	}
	return false
}
