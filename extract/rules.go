package extract

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed rules/*.yaml
var defaultRules embed.FS

// Claim kinds and the roles each may fill. Rules are checked against this
// table when they load, so a typo in a role name is an error, not a silent
// empty column.
var claimRoles = map[string][]string{
	"capture":    {"actor", "place", "time", "manner", "source"},
	"casualty":   {"count", "victims", "outcome", "place", "time", "cause", "source"},
	"statement":  {"speaker", "content", "medium", "time", "source"},
	"role":       {"person", "title", "organization", "place", "source"},
	"quantity":   {"subject", "attribute", "value", "change", "unit", "time", "baseline", "source"},
	"attack":     {"actor", "target", "means", "place", "time", "source"},
	"surrender":  {"actor", "recipient", "place", "time", "source"},
	"withdrawal": {"actor", "place", "deadline", "time", "source"},
}

// Rule is one compiled pattern rule.
type Rule struct {
	ID        string // file stem + "." + id, e.g. "capture.fell_to"
	Kind      string
	Certainty string            // fixed certainty, "" to infer it
	Norm      map[string]string // constant norms per role (outcome: killed)
	Inherit   []string          // roles copied from the previous claim of the same kind in the sentence
	// ValueNumber: the number types a surface rule's value may be (money,
	// percent, ...), nil for any: a pattern slot [number] takes every
	// number, and "rose 5%" is a quantity where "rose 3 places" is none.
	ValueNumber map[string]bool
	// Fallback: a surface rule kept where the parser often misreads the
	// form; its claim is dropped when another rule read the same figure
	// (or count) of the sentence.
	Fallback bool
	Patterns []*patSeq
	// Layer is "surface" (patterns over words) or "dependency" (Dep, over
	// the parse tree).
	Layer    string
	Dep      *depPattern
	Examples []string // sentences the rule must match (TestRuleExamples)
	Pos      string   // file:line, for messages
}

// RuleSet is every rule and word list, loaded once and never changed.
type RuleSet struct {
	Rules []*Rule
	Lists map[string][][]string // list name -> entries (each a folded token sequence)
	// eventVerbs are the one-word entries of eventVerbLists, one set for
	// the per-token noun-phrase check.
	eventVerbs map[string]bool
	// entries holds each list's entries joined by single spaces, as a
	// set (inList, and hasWord for the checks made per token: is this a
	// verb of saying, a force noun); byFirst holds them by their first
	// word (listAt).
	entries map[string]map[string]bool
	byFirst map[string]map[string][][]string
	// corefFirst holds the first words of the entries of corefLists:
	// addCoref skips the tokens that start none.
	corefFirst map[string]bool
	Hash       string // SHA-256 over the rule files, stored with each run
	hasDep     bool   // some rule reads the dependency tree
	// depKeys holds, by their first three letters, the stems of every
	// dependency trigger ("kill", "injur" for injure, and irregular forms
	// as the rules list them), each with whether its rule needs a number
	// in the sentence: a sentence where no rule can fire is not parsed.
	depKeys map[string][]depKey
	// numTypes holds the number types some numeric trigger takes (a
	// sentence with such a number is parsed); numAny: some takes any.
	numTypes map[string]bool
	numAny   bool
	// triggerWords maps each trigger lemma of a dependency rule (not a
	// numeric one) to the index of every such rule's pattern listing it
	// (depPattern.index), so that a tree's words are looked up once, not
	// once for every rule (triggerCands).
	triggerWords map[string][]int32
	nLemmaDeps   int
	// needs numbers what the surface patterns' prefilters ask for.
	needs patNeeds
}

type depKey struct {
	stem   string
	exact  bool // a short word matches only itself ("go", "die")
	number bool // the rule needs a number mention in the sentence
	// statement: a statement rule's trigger. Most sentences of news hold
	// a verb of saying, and the surface rules read most of them, so such
	// a sentence is parsed only when a verb of saying lies outside every
	// statement the surface rules found in it (mayTriggerStatement).
	statement bool
}

// mayTrigger reports whether some dependency rule could fire in the
// sentence of toks; hasNumber says whether it holds a number mention.
func (rs *RuleSet) mayTrigger(toks []Token, hasNumber bool) bool {
	for _, t := range toks {
		n := min(3, len(t.Lower))
		for _, k := range rs.depKeys[t.Lower[:n]] {
			if !k.statement && k.matches(t.Lower) && (hasNumber || !k.number) {
				return true
			}
		}
	}
	return false
}

func (k depKey) matches(w string) bool {
	return k.exact && w == k.stem || !k.exact && strings.HasPrefix(w, k.stem)
}

// mayTriggerStatement reports whether some statement dependency rule
// could fire at a token of toks that covered does not exclude (covered
// gets the token's index in toks).
func (rs *RuleSet) mayTriggerStatement(toks []Token, covered func(int) bool) bool {
	for i, t := range toks {
		n := min(3, len(t.Lower))
		for _, k := range rs.depKeys[t.Lower[:n]] {
			if k.statement && k.matches(t.Lower) && !covered(i) {
				return true
			}
		}
	}
	return false
}

func (rs *RuleSet) addDepKeys(p *depPattern, statement bool) {
	if rs.depKeys == nil {
		rs.depKeys = map[string][]depKey{}
	}
	if p.numeric {
		if p.number == nil {
			rs.numAny = true
		}
		if rs.numTypes == nil {
			rs.numTypes = map[string]bool{}
		}
		for typ := range p.number {
			rs.numTypes[typ] = true
		}
	}
	number := false
	for _, a := range p.args {
		number = number || !a.optional && (a.role == "count" || a.role == "value")
	}
	for l := range p.lemmas {
		if p.numeric {
			break // a figure's unit: the sentence's numbers let it through
		}
		k := depKey{stem: l, number: number, statement: statement}
		switch {
		case len(l) <= 3:
			k.exact = true // "die", "go", "hit", "cut": their forms are listed
		case strings.HasSuffix(l, "e"):
			k.stem = l[:len(l)-1] // "injure" -> "injur" (injured, injuring)
		case strings.HasSuffix(l, "y"):
			k.stem = l[:len(l)-1] // "bury" -> "bur" (buried)
		}
		head := k.stem[:min(3, len(k.stem))]
		if !slices.Contains(rs.depKeys[head], k) {
			rs.depKeys[head] = append(rs.depKeys[head], k)
		}
	}
}

// indexTriggers gives p its index among the lemma-triggered patterns and
// records its trigger lemmas in triggerWords.
func (rs *RuleSet) indexTriggers(p *depPattern) {
	p.index = -1
	if p.numeric {
		return
	}
	if rs.triggerWords == nil {
		rs.triggerWords = map[string][]int32{}
	}
	p.index = rs.nLemmaDeps
	rs.nLemmaDeps++
	for l := range p.lemmas {
		rs.triggerWords[l] = append(rs.triggerWords[l], int32(p.index))
	}
}

// triggerCands returns, for each lemma-triggered pattern (by index), the
// words of t, in order, whose lemma or form is one of its trigger lemmas:
// the only words depPattern.triggers can accept.
func (rs *RuleSet) triggerCands(t *depTree) [][]int32 {
	cands := make([][]int32, rs.nLemmaDeps)
	for i := range t.w {
		byLemma := rs.triggerWords[t.lemma(i)]
		for _, k := range byLemma {
			cands[k] = append(cands[k], int32(i))
		}
		if t.lower(i) == t.lemma(i) {
			continue
		}
		for _, k := range rs.triggerWords[t.lower(i)] {
			if !slices.Contains(byLemma, k) {
				cands[k] = append(cands[k], int32(i))
			}
		}
	}
	return cands
}

// RuleError is one problem in a rule file.
type RuleError struct {
	File string
	Line int
	Msg  string
}

func (e RuleError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// RuleErrors collects every problem found while loading, so one run
// reports all bad rules at once.
type RuleErrors []RuleError

func (l RuleErrors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

type ruleFile struct {
	Lists map[string][]string `yaml:"lists"`
	Rules []ruleSpec          `yaml:"rules"`
}

type ruleSpec struct {
	ID        string            `yaml:"id"`
	Kind      string            `yaml:"kind"`
	Certainty string            `yaml:"certainty"`
	Norm      map[string]string `yaml:"norm"`
	Inherit   []string          `yaml:"inherit"`
	Layer     string            `yaml:"layer"`
	// ValueNumber and Fallback: see Rule.
	ValueNumber []string    `yaml:"value_number"`
	Fallback    bool        `yaml:"fallback"`
	Patterns    []yaml.Node `yaml:"patterns"`
	depSpec     `yaml:",inline"`
	Examples    []string `yaml:"examples"` // documentation; tested in txtar cases
	line        int
}

// LoadRules loads the embedded rules and, when dir is not "", every
// *.yaml file in dir as well. All errors are returned together.
func LoadRules(dir string) (*RuleSet, error) {
	type src struct {
		name string
		data []byte
	}
	var files []src
	err := fs.WalkDir(defaultRules, "rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := defaultRules.ReadFile(p)
		files = append(files, src{p, b})
		return err
	})
	if err != nil {
		return nil, err
	}
	if dir != "" {
		paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			return nil, err
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("rules %s: no *.yaml files", dir)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("rules: %w", err)
			}
			files = append(files, src{p, b})
		}
	}
	rs := &RuleSet{Lists: map[string][][]string{}}
	var errs RuleErrors
	h := sha256.New()
	var specs []struct {
		file string
		spec ruleSpec
	}
	listPos := map[string]string{}
	for _, f := range files {
		h.Write([]byte(f.name))
		h.Write(f.data)
		var rf ruleFile
		dec := yaml.NewDecoder(bytes.NewReader(f.data))
		dec.KnownFields(true)
		if err := dec.Decode(&rf); err != nil && !errors.Is(err, io.EOF) {
			errs = append(errs, yamlError(f.name, err))
			continue
		}
		// Line numbers of rules: decode once more as a node tree.
		var root yaml.Node
		_ = yaml.Unmarshal(f.data, &root)
		lines := ruleLines(&root)
		for name, entries := range rf.Lists {
			if prev, ok := listPos[name]; ok {
				errs = append(errs, RuleError{f.name, 1, fmt.Sprintf("list %q already defined in %s", name, prev)})
				continue
			}
			listPos[name] = f.name
			for _, e := range entries {
				toks, _ := Tokenize(e)
				if len(toks) == 0 {
					errs = append(errs, RuleError{f.name, 1, fmt.Sprintf("list %q has an empty entry", name)})
					continue
				}
				seq := make([]string, len(toks))
				for i, t := range toks {
					seq[i] = t.Lower
				}
				rs.Lists[name] = append(rs.Lists[name], seq)
				rs.addEntry(name, seq)
				if len(seq) == 1 {
					if slices.Contains(eventVerbLists, name) {
						if rs.eventVerbs == nil {
							rs.eventVerbs = map[string]bool{}
						}
						rs.eventVerbs[seq[0]] = true
					}
				}
			}
		}
		for i, s := range rf.Rules {
			if i < len(lines) {
				s.line = lines[i]
			}
			specs = append(specs, struct {
				file string
				spec ruleSpec
			}{f.name, s})
		}
	}
	rs.Hash = hex.EncodeToString(h.Sum(nil))
	seen := map[string]string{}
	for _, fs := range specs {
		r, rerrs := compileRule(fs.file, fs.spec, rs.Lists)
		errs = append(errs, rerrs...)
		if r == nil {
			continue
		}
		if prev, ok := seen[r.ID]; ok {
			errs = append(errs, RuleError{fs.file, fs.spec.line, fmt.Sprintf("rule id %q already defined at %s", r.ID, prev)})
			continue
		}
		seen[r.ID] = r.Pos
		rs.Rules = append(rs.Rules, r)
		if r.Dep != nil {
			rs.hasDep = true
			rs.addDepKeys(r.Dep, r.Kind == "statement")
			rs.indexTriggers(r.Dep)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	rs.internNeeds()
	rs.corefFirst = map[string]bool{}
	for _, l := range corefLists {
		for w := range rs.byFirst[l] {
			rs.corefFirst[w] = true
		}
	}
	return rs, nil
}

// yamlError turns a yaml.v3 error into RuleErrors with a line. yaml.v3's
// TypeError carries "line N:" inside each message; it has no structured
// line, so this is the one place that reads one.
// hasWord reports whether word (folded) is a one-token entry of list name.
func (rs *RuleSet) hasWord(name, word string) bool { return rs.entries[name][word] }

// inList reports whether text (folded to lower case, one entry) is an
// entry of list name.
func (rs *RuleSet) inList(name, text string) bool {
	return rs.entries[name][foldLower(text)]
}

// addEntry indexes entry seq of list name for inList and listAt.
func (rs *RuleSet) addEntry(name string, seq []string) {
	if rs.entries == nil {
		rs.entries = map[string]map[string]bool{}
		rs.byFirst = map[string]map[string][][]string{}
	}
	if rs.entries[name] == nil {
		rs.entries[name] = map[string]bool{}
		rs.byFirst[name] = map[string][][]string{}
	}
	rs.entries[name][strings.Join(seq, " ")] = true
	rs.byFirst[name][seq[0]] = append(rs.byFirst[name][seq[0]], seq)
}

func yamlError(file string, err error) RuleError {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return RuleError{file, lineOf(te.Errors[0]), strings.Join(te.Errors, "; ")}
	}
	return RuleError{file, lineOf(err.Error()), err.Error()}
}

func lineOf(msg string) int {
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	j := i + 5
	for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
		j++
	}
	n, _ := strconv.Atoi(msg[i+5 : j])
	return n
}

// ruleLines returns the line of each item of the top-level "rules" list.
func ruleLines(root *yaml.Node) []int {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "rules" {
			var out []int
			for _, n := range m.Content[i+1].Content {
				out = append(out, n.Line)
			}
			return out
		}
	}
	return nil
}

var certainties = []string{"", Asserted, Reported, Alleged, Unverified, Denied, Hypothetical}

func compileRule(file string, s ruleSpec, lists map[string][][]string) (*Rule, RuleErrors) {
	var errs RuleErrors
	bad := func(line int, format string, a ...any) {
		errs = append(errs, RuleError{file, line, fmt.Sprintf(format, a...)})
	}
	stem := strings.TrimSuffix(filepath.Base(file), ".yaml")
	if s.ID == "" {
		bad(s.line, "rule has no id")
		return nil, errs
	}
	roles, ok := claimRoles[s.Kind]
	if !ok {
		bad(s.line, "rule %s: unknown claim kind %q", s.ID, s.Kind)
		return nil, errs
	}
	if !slices.Contains(certainties, s.Certainty) {
		bad(s.line, "rule %s: unknown certainty %q", s.ID, s.Certainty)
	}
	for role := range s.Norm {
		if !slices.Contains(roles, role) {
			bad(s.line, "rule %s: norm for unknown %s role %q", s.ID, s.Kind, role)
		}
	}
	for _, role := range s.Inherit {
		if !slices.Contains(roles, role) {
			bad(s.line, "rule %s: inherit of unknown %s role %q", s.ID, s.Kind, role)
		}
	}
	r := &Rule{ID: stem + "." + s.ID, Kind: s.Kind, Certainty: s.Certainty, Norm: s.Norm, Inherit: s.Inherit, Examples: s.Examples,
		Pos: fmt.Sprintf("%s:%d", file, s.line), Layer: s.Layer}
	r.Fallback = s.Fallback
	if s.Fallback && s.Layer != "surface" {
		bad(s.line, "rule %s: fallback is for surface rules", s.ID)
	}
	if len(s.ValueNumber) > 0 {
		r.ValueNumber = map[string]bool{}
		for _, typ := range s.ValueNumber {
			switch typ {
			case NumCardinal, NumOrdinal, NumPercent, NumMoney:
				r.ValueNumber[typ] = true
			default:
				bad(s.line, "rule %s: unknown number type %q in value_number", s.ID, typ)
			}
		}
		if s.Layer != "surface" || !slices.Contains(roles, "value") {
			bad(s.line, "rule %s: value_number is for surface rules of a kind with a value (a dependency rule's arg says number:)", s.ID)
		}
	}
	switch s.Layer {
	case "surface":
		if len(s.Patterns) == 0 {
			bad(s.line, "rule %s: no patterns", s.ID)
		}
		if len(s.Trigger.Lemma) > 0 || len(s.Args) > 0 || s.TriggerRole != "" {
			bad(s.line, "rule %s: a surface rule has patterns, not trigger or args (or say layer: dependency)", s.ID)
		}
	case "dependency":
		if len(s.Patterns) > 0 {
			bad(s.line, "rule %s: a dependency rule has trigger and args, not patterns", s.ID)
		}
		if len(s.Examples) == 0 {
			bad(s.line, "rule %s: a dependency rule needs examples (sentences it must match)", s.ID)
		}
		dp, err := compileDep(s.depSpec, roles, lists)
		if err != nil {
			bad(s.line, "rule %s: %v", s.ID, err)
		} else {
			r.Dep = dp
		}
	default:
		bad(s.line, "rule %s: layer must be surface or dependency, not %q", s.ID, s.Layer)
	}
	for _, pn := range s.Patterns {
		if pn.Kind != yaml.ScalarNode {
			bad(pn.Line, "rule %s: a pattern must be a string", s.ID)
			continue
		}
		p, err := parsePattern(pn.Value, lists)
		if err != nil {
			bad(pn.Line, "rule %s: %v", s.ID, err)
			continue
		}
		for _, role := range p.roles() {
			if !slices.Contains(roles, role) {
				bad(pn.Line, "rule %s: %s has no role %q (roles: %s)", s.ID, s.Kind, role, strings.Join(roles, ", "))
			}
		}
		r.Patterns = append(r.Patterns, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

// roleNames returns the sorted role names of a kind, for docs and tests.
func roleNames(kind string) []string {
	r := slices.Clone(claimRoles[kind])
	sort.Strings(r)
	return r
}

// isDep reports whether the rule with this id is a dependency rule.
// isFallback reports whether the rule with this ID is a fallback.
func (rs *RuleSet) isFallback(id string) bool {
	for _, r := range rs.Rules {
		if r.ID == id {
			return r.Fallback
		}
	}
	return false
}

func (rs *RuleSet) isDep(id string) bool {
	for _, r := range rs.Rules {
		if r.ID == id {
			return r.Dep != nil
		}
	}
	return false
}
