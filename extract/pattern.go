package extract

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A pattern is a sequence of elements matched against the tokens of one
// sentence. The syntax, written in rule files:
//
//	seized|captured        one token from the alternatives; a space always
//	                       separates elements, so multi-word alternatives
//	                       go in a list: "has been" in @passive_aux
//	@capture_verbs         one entry of a word list defined under "lists:"
//	[place] [person|org]   an entity mention of one of the kinds; also
//	                       [actor] (organization or person), [np] (a short
//	                       noun phrase of plain words), [name] (capitalised
//	                       words no lexicon knows)
//	...  ...{0,3}          a gap of 0 to 4 (or the given) tokens
//	*                      any one word (not punctuation)
//	( a b | c )            a group of alternative sequences
//	role:ELEM              the words ELEM matched fill the claim role
//	ELEM?                  optional
//
// Words match case-insensitively with curly quotes and apostrophes folded;
// "country's" matches the two tokens "country" and "'s".
type patSeq struct {
	src   string // the pattern as written (top level only)
	elems []*patElem
	// What a sentence must hold for the pattern to match at all, so that
	// most patterns are skipped without trying every token: for each
	// mandatory word element the first words of its alternatives, and for
	// each mandatory entity slot its kinds.
	needWords [][]string
	needKinds [][]string
	// needWordIDs and needKindIDs are needWords and needKinds as indexes
	// into the rule set's needs (RuleSet.internNeeds), which possible reads.
	needWordIDs [][]int32
	needKindIDs [][]int32
	// anchor: the first mandatory word element, its first words, and the
	// most tokens the elements before it can take (-1: unbounded). A match
	// can only start within anchorReach tokens before an anchor word.
	anchor      map[string]bool
	anchorReach int
	// When the first element is mandatory, where it can match at all:
	// firstClause, a [clause], only at the sentence's first token;
	// firstKinds, an entity slot of mention kinds only ("actor" read as
	// person and organization), only where such a mention starts. Other
	// tokens would fail at once; starts skips them (most tokens, for the
	// statement rules that open on a quotation or a clause).
	firstClause bool
	firstKinds  []string
}

type patElem struct {
	role     string
	optional bool
	src      string // the element as written, for --explain
	top      bool   // an element of the pattern itself, not of a group

	words [][]string // literal alternatives or list entries, folded token sequences
	// byFirst holds words by their first word, each word's entries in the
	// order of words, when there are many (indexWords): a list of a
	// hundred entries is then one map lookup a token tried, not a hundred
	// string comparisons.
	byFirst map[string][][]string
	kinds   []string // entity slot
	gap     bool
	gapMin  int
	gapMax  int
	any     bool
	group   []*patSeq
}

// entity-slot kinds accepted in patterns.
var slotKinds = map[string]bool{
	KindPlace: true, KindPerson: true, KindOrganization: true, KindNumber: true, KindDate: true,
	"org": true, "actor": true, "np": true, "name": true, "quote": true, "rest": true, "clause": true,
}

func (p *patSeq) roles() []string {
	var out []string
	for _, e := range p.elems {
		if e.role != "" {
			out = append(out, e.role)
		}
		for _, g := range e.group {
			out = append(out, g.roles()...)
		}
	}
	return out
}

func parsePattern(src string, lists map[string][][]string) (*patSeq, error) {
	lex := lexPattern(src)
	ps := &patParser{lex: lex, lists: lists}
	seq, err := ps.seq(false)
	if err != nil {
		return nil, err
	}
	if ps.pos < len(ps.lex) {
		return nil, fmt.Errorf("pattern %q: unexpected %q", src, ps.lex[ps.pos])
	}
	if len(seq.elems) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	if seq.elems[0].gap || seq.elems[len(seq.elems)-1].gap {
		return nil, fmt.Errorf("pattern %q: a gap cannot start or end a pattern", src)
	}
	for _, e := range seq.elems {
		e.top = true
	}
	seq.src = src
	seq.prefilter()
	seq.setAnchor()
	seq.setFirst()
	return seq, nil
}

// prefilter fills needWords and needKinds from the mandatory top-level
// elements.
func (s *patSeq) prefilter() {
	for _, e := range s.elems {
		if e.optional {
			continue
		}
		switch {
		case e.leadWords() != nil:
			alts := e.leadWords()
			firsts := make([]string, 0, len(alts))
			for _, w := range alts {
				firsts = append(firsts, w[0])
			}
			s.needWords = append(s.needWords, firsts)
		case e.kinds != nil:
			var ks []string
			for _, k := range e.kinds {
				switch k {
				case "actor":
					ks = append(ks, KindPerson, KindOrganization)
				case KindPlace, KindPerson, KindOrganization, KindNumber, KindDate, "quote":
					ks = append(ks, k)
				default:
					ks = nil // np, name, rest, clause: any sentence may have them
				}
				if ks == nil {
					break
				}
			}
			if ks != nil {
				s.needKinds = append(s.needKinds, ks)
			}
		}
	}
}

// setAnchor finds the first mandatory word element and how far before
// it a match may start.
func (s *patSeq) setAnchor() {
	s.anchorReach = -1
	reach := 0
	for _, e := range s.elems {
		if alts := e.leadWords(); alts != nil && !e.optional {
			s.anchor = map[string]bool{}
			for _, w := range alts {
				s.anchor[w[0]] = true
			}
			s.anchorReach = reach
			return
		}
		n := e.maxLen()
		if n < 0 {
			return
		}
		reach += n
	}
}

// setFirst fills firstClause and firstKinds.
func (s *patSeq) setFirst() {
	e := s.elems[0]
	if e.optional || e.kinds == nil {
		return
	}
	if len(e.kinds) == 1 && e.kinds[0] == "clause" {
		s.firstClause = true
		return
	}
	var ks []string
	for _, k := range e.kinds {
		switch k {
		case "actor":
			ks = append(ks, k, KindPerson, KindOrganization)
		case KindPlace, KindPerson, KindOrganization, KindNumber, KindDate, "quote":
			ks = append(ks, k)
		default:
			return // np, name, rest, clause: not a mention
		}
	}
	s.firstKinds = ks
}

// leadWords returns the word sequences an element must start with: a
// word element's alternatives, or, for a group whose every alternative
// starts with a mandatory word element, those elements' alternatives
// ("(came|come under | faced)", "means:(@attack_means | rocket fire)").
// Only their first words are used (prefilter, anchor); nil when the
// element may start with anything else.
func (e *patElem) leadWords() [][]string {
	if e.words != nil {
		return e.words
	}
	if e.group == nil {
		return nil
	}
	var out [][]string
	for _, g := range e.group {
		if len(g.elems) == 0 || g.elems[0].optional {
			return nil
		}
		lw := g.elems[0].leadWords()
		if lw == nil {
			return nil
		}
		out = append(out, lw...)
	}
	return out
}

// maxLen is the most tokens an element can match, -1 when unbounded.
func (e *patElem) maxLen() int {
	switch {
	case e.gap:
		return e.gapMax
	case e.any:
		return 1
	case e.words != nil:
		m := 0
		for _, w := range e.words {
			m = max(m, len(w))
		}
		return m
	case e.group != nil:
		m := 0
		for _, g := range e.group {
			sum := 0
			for _, x := range g.elems {
				n := x.maxLen()
				if n < 0 {
					return -1
				}
				sum += n
			}
			m = max(m, sum)
		}
		return m
	case e.kinds != nil:
		m := 0
		for _, k := range e.kinds {
			switch k {
			case "rest", "clause", "quote":
				return -1
			case "name":
				m = max(m, 4)
			case "np":
				m = max(m, 1+maxMention) // a determiner and an actor
			default:
				m = max(m, maxMention)
			}
		}
		return m
	}
	return -1
}

// maxMention bounds the tokens of an entity mention the anchor assumes;
// starts() falls back to every token when a longer mention exists.
const maxMention = 10

// starts marks the tokens of [first, last) where s may start a match.
// With long, the sentence has a mention longer than maxMention, so the
// anchor's reach does not hold; mentions are the document's, by first
// token.
func (s *patSeq) starts(toks []Token, first, last int, mark []bool, long bool, mentions map[int][]*mention) []bool {
	mark = mark[:0]
	if s.firstClause {
		for i := first; i < last; i++ {
			mark = append(mark, i == first)
		}
		return mark
	}
	if s.firstKinds != nil {
		for i := first; i < last; i++ {
			ok := false
			for _, m := range mentions[i] {
				ok = ok || slices.Contains(s.firstKinds, m.kind)
			}
			mark = append(mark, ok)
		}
		return mark
	}
	anchored := !long && s.anchor != nil && s.anchorReach >= 0
	for i := first; i < last; i++ {
		mark = append(mark, !anchored)
	}
	if !anchored {
		return mark
	}
	for j := first; j < last; j++ {
		if s.anchor[toks[j].Lower] {
			for i := max(first, j-s.anchorReach); i <= j; i++ {
				mark[i-first] = true
			}
		}
	}
	return mark
}

// possible reports whether a sentence can match s: words[id] tells
// whether the sentence holds the word RuleSet.needs.words numbers id,
// kinds[id] whether it holds a mention of that kind.
func (s *patSeq) possible(words, kinds []bool) bool {
	for _, alts := range s.needWordIDs {
		if !anyIn(alts, words) {
			return false
		}
	}
	for _, alts := range s.needKindIDs {
		if !anyIn(alts, kinds) {
			return false
		}
	}
	return true
}

// anyIn reports whether one of ids is set.
func anyIn(ids []int32, set []bool) bool {
	for _, k := range ids {
		if set[k] {
			return true
		}
	}
	return false
}

// patNeeds numbers the words and mention kinds some pattern's prefilter
// asks for, so that a sentence is read into two flag slices (one map
// lookup per token) rather than into sets every pattern looks words up in.
type patNeeds struct {
	words, kinds map[string]int32
}

func (n *patNeeds) ids(alts [][]string, m map[string]int32) [][]int32 {
	out := make([][]int32, len(alts))
	for i, a := range alts {
		for _, w := range a {
			id, ok := m[w]
			if !ok {
				id = int32(len(m))
				m[w] = id
			}
			out[i] = append(out[i], id)
		}
	}
	return out
}

// internNeeds numbers the needs of every pattern of rs.
func (rs *RuleSet) internNeeds() {
	rs.needs = patNeeds{words: map[string]int32{}, kinds: map[string]int32{}}
	for _, r := range rs.Rules {
		for _, p := range r.Patterns {
			p.needWordIDs = rs.needs.ids(p.needWords, rs.needs.words)
			p.needKindIDs = rs.needs.ids(p.needKinds, rs.needs.kinds)
		}
	}
}

// lexPattern splits on white space and makes "(", ")" and a lone "|"
// separate lexemes. "role:(" becomes "role:" "(".
func lexPattern(src string) []string {
	var out []string
	for _, f := range strings.Fields(src) {
		for f != "" {
			if i := strings.IndexAny(f, "()"); i >= 0 {
				if i > 0 {
					out = append(out, f[:i])
				}
				out = append(out, f[i:i+1])
				f = f[i+1:]
				continue
			}
			out = append(out, f)
			break
		}
	}
	return out
}

type patParser struct {
	lex   []string
	pos   int
	lists map[string][][]string
}

func (p *patParser) seq(inGroup bool) (*patSeq, error) {
	s := &patSeq{}
	for p.pos < len(p.lex) {
		l := p.lex[p.pos]
		if inGroup && (l == "|" || l == ")") {
			break
		}
		if l == ")" || l == "|" {
			return nil, fmt.Errorf("unexpected %q", l)
		}
		e, err := p.elem()
		if err != nil {
			return nil, err
		}
		s.elems = append(s.elems, e)
	}
	return s, nil
}

// elem parses one element and keeps its source words.
func (p *patParser) elem() (*patElem, error) {
	from := p.pos
	e, err := p.elem0()
	if e != nil {
		e.src = strings.Join(p.lex[from:p.pos], " ")
		e.src = strings.NewReplacer(": ( ", ":(", "( ", "(", " ) ?", ")?", " )", ")").Replace(e.src)
	}
	return e, err
}

func (p *patParser) elem0() (*patElem, error) {
	l := p.lex[p.pos]
	p.pos++
	e := &patElem{}
	// "role:" prefix, either glued ("place:[place]") or alone before "(".
	if i := strings.Index(l, ":"); i > 0 && isRoleName(l[:i]) {
		e.role = l[:i]
		l = l[i+1:]
		if l == "" {
			if p.pos >= len(p.lex) || p.lex[p.pos] != "(" {
				return nil, fmt.Errorf("role %q: expected ( after it", e.role)
			}
			l = p.lex[p.pos]
			p.pos++
		}
	}
	if l == "(" {
		for {
			s, err := p.seq(true)
			if err != nil {
				return nil, err
			}
			if len(s.elems) == 0 {
				return nil, fmt.Errorf("empty alternative in group")
			}
			e.group = append(e.group, s)
			if p.pos >= len(p.lex) {
				return nil, fmt.Errorf("unclosed (")
			}
			l := p.lex[p.pos]
			p.pos++
			if l == ")" {
				break
			}
		}
		if p.pos < len(p.lex) && p.lex[p.pos] == "?" {
			e.optional = true
			p.pos++
		}
		return e, nil
	}
	if strings.HasSuffix(l, "?") && len(l) > 1 {
		e.optional = true
		l = strings.TrimSuffix(l, "?")
	}
	switch {
	case l == "*":
		e.any = true
	case strings.HasPrefix(l, "..."):
		e.gap, e.gapMin, e.gapMax = true, 0, 4
		if rest := l[3:]; rest != "" {
			var ok bool
			e.gapMin, e.gapMax, ok = parseRange(rest)
			if !ok {
				return nil, fmt.Errorf("bad gap %q (want ...{m,n})", l)
			}
		}
		if e.role != "" {
			return nil, fmt.Errorf("a gap cannot fill a role; use role:[np] or a group")
		}
	case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
		for _, k := range strings.Split(l[1:len(l)-1], "|") {
			if !slotKinds[k] {
				return nil, fmt.Errorf("unknown entity kind %q in %s", k, l)
			}
			if k == "org" {
				k = KindOrganization
			}
			e.kinds = append(e.kinds, k)
		}
	case strings.HasPrefix(l, "@"):
		entries, ok := p.lists[l[1:]]
		if !ok {
			return nil, fmt.Errorf("unknown list %s", l)
		}
		// Longest entries first, so that the first match is the longest:
		// "in a video message" before "in a video".
		e.words = append([][]string(nil), entries...)
		sort.SliceStable(e.words, func(i, j int) bool { return len(e.words[i]) > len(e.words[j]) })
	default:
		for _, w := range strings.Split(l, "|") {
			toks, _ := Tokenize(w)
			if len(toks) == 0 {
				return nil, fmt.Errorf("empty word in %q", l)
			}
			seq := make([]string, len(toks))
			for i, t := range toks {
				seq[i] = t.Lower
			}
			e.words = append(e.words, seq)
		}
	}
	e.indexWords()
	return e, nil
}

// minIndexed is the fewest alternatives indexWords indexes: below it,
// comparing each costs less than hashing the token.
const minIndexed = 8

// indexWords fills byFirst when e has at least minIndexed word
// alternatives.
func (e *patElem) indexWords() {
	if len(e.words) < minIndexed {
		return
	}
	e.byFirst = map[string][][]string{}
	for _, w := range e.words {
		e.byFirst[w[0]] = append(e.byFirst[w[0]], w)
	}
}

func parseRange(s string) (int, int, bool) {
	if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
		return 0, 0, false
	}
	a, b, ok := strings.Cut(s[1:len(s)-1], ",")
	if !ok {
		return 0, 0, false
	}
	m, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || m < 0 || n < m || n > 30 {
		return 0, 0, false
	}
	return m, n, true
}

// mention is an entity (or a resolved coreferent phrase) as the matcher sees
// it: token indexes [start, end).
type mention struct {
	kind       string
	start, end int // token indexes
	ent        *Entity
	norm       string
	span       Span // when set, the words that fill a role (a quote's inside)
}

// capture is one filled role: token range and the mention that filled it.
type capture struct {
	role       string
	start, end int
	m          *mention
	// elem is the pattern element that matched; with sentMatcher.trace
	// every top-level element is recorded (role "" when it fills none),
	// so --explain can show what each part matched.
	elem *patElem
}

// sentMatcher matches patterns against one sentence's tokens.
type sentMatcher struct {
	toks     []Token
	first    int // first token of the sentence
	last     int // one past its last token
	mentions map[int][]*mention
	// dated marks tokens inside a date mention: a date is never part of
	// a noun phrase ("said Monday" has no speaker "Monday").
	dated []bool
	// rules, when set, names the event verbs a noun phrase stops at.
	rules *RuleSet
	steps int // backtracking budget, so a bad rule cannot hang a batch
	trace bool
	// end and caps are the match matchAt found.
	end  int
	caps []capture
	// frames are the continuations of the match being tried (nextStep).
	frames []nextStep
	// capBuf is the captures' stack, reused from one match to the next:
	// the caps a match returns hold until the next matchAt.
	capBuf []capture
}

const matchBudget = 20000

// matchAt tries p anchored at token i; it returns the end token and captures
// of the first match found. The captures are valid until the next call.
func (sm *sentMatcher) matchAt(p *patSeq, i int) (int, []capture, bool) {
	sm.steps = 0
	sm.end, sm.caps = 0, nil
	if sm.capBuf == nil {
		sm.capBuf = make([]capture, 0, 16)
	}
	ok := sm.seq(p.elems, i, sm.capBuf[:0], -1)
	return sm.end, sm.caps, ok
}

// nextStep is what follows once element e, begun at token start, has
// matched: record its capture, then match rest, then go on with frame k
// of sentMatcher.frames (-1: the pattern has matched). The matcher
// backtracks depth first, so these continuations form a stack, kept in
// one slice (closures, as the matcher was first written, cost an
// allocation per element tried).
type nextStep struct {
	e     *patElem
	start int
	rest  []*patElem
	k     int
}

// step goes on after the element of frame n matched tokens [start, j),
// m the mention that filled it if any. The captures are a stack too: an
// append here overwrites only what a failed branch (backtracked over)
// wrote after caps, never what an enclosing match holds.
func (sm *sentMatcher) step(n int, j int, m *mention, caps []capture) bool {
	f := sm.frames[n] // a copy: deeper matches may grow the slice
	if (f.e.role != "" || sm.trace && f.e.top) && j > f.start {
		caps = append(caps, capture{f.e.role, f.start, j, m, f.e})
	}
	return sm.seq(f.rest, j, caps, f.k)
}

// seq matches elems from token i, then goes on with frame k.
func (sm *sentMatcher) seq(elems []*patElem, i int, caps []capture, k int) bool {
	sm.steps++
	if sm.steps > matchBudget {
		return false
	}
	if len(elems) == 0 {
		if k < 0 {
			sm.end, sm.caps = i, caps
			return true
		}
		return sm.step(k, i, nil, caps)
	}
	e := elems[0]
	next := len(sm.frames)
	sm.frames = append(sm.frames, nextStep{e: e, start: i, rest: elems[1:], k: k})
	ok := sm.one(e, i, caps, next)
	if !ok && e.optional && !e.gap {
		// Greedy: the element first, then without it.
		ok = sm.seq(elems[1:], i, caps, k)
	}
	sm.frames = sm.frames[:next]
	return ok
}

func (sm *sentMatcher) one(e *patElem, i int, caps []capture, next int) bool {
	switch {
	case e.gap:
		for n := e.gapMin; n <= e.gapMax && i+n <= sm.last; n++ {
			if sm.step(next, i+n, nil, caps) {
				return true
			}
		}
		return false
	case e.any:
		// A word, not punctuation: "car bombs on hotels, restaurants" has
		// the target "hotels", not "hotels, restaurants".
		// A possessive is a word of its phrase: "of Istanbul's Yeditepe
		// University".
		return i < sm.last && (isWordRune(firstRune(sm.toks[i].Text)) || i > sm.first && isPossessive(sm.toks[i].Lower)) && sm.step(next, i+1, nil, caps)
	case e.words != nil:
		alts := e.words
		if e.byFirst != nil {
			if i >= sm.last {
				return false
			}
			alts = e.byFirst[sm.toks[i].Lower]
		}
		for _, w := range alts {
			if sm.wordsAt(w, i) && sm.step(next, i+len(w), nil, caps) {
				return true
			}
		}
		return false
	case e.kinds != nil:
		for _, kind := range e.kinds {
			if kind == "rest" {
				// The rest of the sentence, less its final punctuation.
				// It starts with a word or a quote, not with a
				// preposition: "confirmed to CNN" has no content.
				j := sm.last
				for j > i && isTrailingPunct(sm.toks[j-1].Text) {
					j--
				}
				// ("at least 40 people": a count.)
				if j-i >= 2 && (!restStop[sm.toks[i].Lower] || sm.toks[i].Lower == "at" && sm.toks[i+1].Lower == "least") && (isWordRune(firstRune(sm.toks[i].Text)) || isOpenQuote(sm.toks[i].Text)) && sm.step(next, j, nil, caps) {
					return true
				}
				continue
			}
			if kind == "clause" {
				// A clause from the start of the sentence: "…, UNICEF said";
				// a word or two when the attribution interrupts it ("This,
				// he says, would ...": the statement checks the rest).
				n0 := 1
				if i != sm.first {
					continue
				}
				if !sm.clauseStart(i) {
					// A subordinate clause first: the content runs on
					// past the main clause after it.
					lead := sm.subordinateLead(i)
					if lead < 0 {
						continue
					}
					n0 = lead - i + 3
				}
				for n := n0; n <= 80 && i+n <= sm.last; n++ {
					if sm.step(next, i+n, nil, caps) {
						return true
					}
				}
				continue
			}
			if kind == "name" {
				// A capitalised name no lexicon knows: the rule around it is
				// the evidence ("Sherberghan fell on Saturday").
				n := 0
				for n < 4 && i+n < sm.last && sm.nameToken(i+n) {
					n++
				}
				for ; n >= 1; n-- {
					if sm.step(next, i+n, nil, caps) {
						return true
					}
				}
				continue
			}
			if kind == "np" {
				// A determiner before an actor takes the whole actor: "the
				// U.N. refugee agency", "the US Embassy in Kabul".
				if i+1 < sm.last && npDeterminers[sm.toks[i].Lower] {
					for _, m := range sm.mentions[i+1] {
						if (m.kind == KindOrganization || m.kind == KindPerson) && m.ent != nil && m.end <= sm.last && sm.step(next, m.end, nil, caps) {
							return true
						}
						// "the Libyan Red Crescent": a place word, then the
						// organization it qualifies.
						if m.kind == KindPlace && m.end < sm.last {
							for _, o := range sm.mentions[m.end] {
								if o.kind == KindOrganization && o.ent != nil && o.end <= sm.last && sm.step(next, o.end, nil, caps) {
									return true
								}
							}
						}
					}
					// "the state-run Xinhua News Agency": one or two
					// lower-case modifiers, then the organization; or a
					// compound with a name ("the Paris-based International
					// Energy Agency").
					for k := i + 1; k < sm.last && k <= i+2 && (!sm.toks[k].Cap || strings.Contains(sm.toks[k].Text, "-") && len(sm.mentions[k]) == 0) && isWordRune(firstRune(sm.toks[k].Text)) && !npStop[sm.toks[k].Lower]; k++ {
						for _, o := range sm.mentions[k+1] {
							if k+1 < sm.last && o.kind == KindOrganization && o.ent != nil && o.end <= sm.last && sm.step(next, o.end, nil, caps) {
								return true
							}
						}
					}
				}
				// A title abbreviation before a person takes the person:
				// "said Gen. Charles Brown".
				if i+2 < sm.last && isAbbreviation(sm.toks[i].Lower) && sm.toks[i+1].Text == "." {
					for _, m := range sm.mentions[i+2] {
						if m.kind == KindPerson && m.end <= sm.last && sm.step(next, m.end, nil, caps) {
							return true
						}
					}
					continue // "Gen" alone is no noun phrase
				}
				// One or two lower-case words describing a person, then
				// the person: "according to local resident Abala Waro"
				// (the plain words alone stop before a person, below).
				for k := i; k < sm.last && k <= i+1 && !sm.toks[k].Cap && isWordRune(firstRune(sm.toks[k].Text)) && !npStop[sm.toks[k].Lower] && !sm.verbLike(k); k++ {
					for _, o := range sm.mentions[k+1] {
						if k+1 < sm.last && o.kind == KindPerson && o.ent != nil && o.end <= sm.last && sm.step(next, o.end, nil, caps) {
							return true
						}
					}
				}
				// Longest first: "told news network Al Jazeera" has the
				// medium "news network Al Jazeera", not "news".
				n := 0
				for n < npMax && i+n < sm.last && sm.npToken(i+n, n == 0) && !sm.verbLike(i+n) && (n == 0 || !(sm.personAt(i+n) && sm.toks[i+n-1].Lower != "and") || sm.orgModifierAt(i+n)) {
					n++
				}
				for ; n >= 1; n-- {
					// "Some noted that ...": a quantifier opening the
					// sentence alone is its subject.
					if npEnd[sm.toks[i+n-1].Lower] && !(n == 1 && i == sm.first && sm.toks[i].Lower == "some") {
						continue
					}
					if sm.step(next, i+n, nil, caps) {
						return true
					}
				}
				continue
			}
			for _, m := range sm.mentions[i] {
				if m.end <= sm.last && (m.kind == kind || kind == "actor" && (m.kind == KindOrganization || m.kind == KindPerson)) {
					if sm.step(next, m.end, m, caps) {
						return true
					}
				}
			}
		}
		return false
	case e.group != nil:
		for _, g := range e.group {
			if sm.seq(g.elems, i, caps, next) {
				return true
			}
		}
		return false
	}
	return false
}

func (sm *sentMatcher) wordsAt(w []string, i int) bool {
	if i+len(w) > sm.last {
		return false
	}
	for k, s := range w {
		if sm.toks[i+k].Lower != s {
			return false
		}
	}
	return true
}

// eventVerbLists are the word lists whose -ed words end a noun phrase
// (RuleSet.eventVerbs holds their one-word entries).
var eventVerbLists = []string{"killed", "injured", "displaced", "arrested"}

// npMax is the most tokens a noun phrase takes. Eight would take "the
// retail cost of 1.5 kilograms of chicken" whole, but on the VOA stories it
// also glued clauses into speakers and victims ("7% of Indonesians consume
// dog meat this means millions"): more wrong arguments than right ones.
const npMax = 6

// modals are the modal verbs of npStop: "The larger landers, he said,
// could deliver tools" runs on after "he said,".
var modals = map[string]bool{"can": true, "could": true, "would": true, "will": true, "should": true, "may": true, "might": true, "must": true}

// npStop are words that cannot start a noun phrase.
var npStop = map[string]bool{
	"and": true, "or": true, "but": true, "that": true, "which": true, "who": true, "when": true,
	"after": true, "before": true, "as": true, "while": true, "if": true, "because": true, "said": true,
	"also": true, "then": true, "have": true, "has": true, "had": true, "was": true, "were": true,
	"is": true, "are": true, "been": true, "be": true, "to": true, "of": true, "in": true, "on": true,
	"at": true, "by": true, "for": true, "with": true, "from": true, "meanwhile": true, "however": true,
	"say": true, "says": true, "told": true, "tells": true,
	"since": true, "although": true, "though": true, "until": true, "unless": true, "whether": true,
	"where": true, "whose": true, "whom": true,
	"not": true, "now": true, "still": true, "already": true, "just": true, "currently": true, "again": true,
	// modals: "You can say ...", "I would have said" name no speaker.
	"can": true, "could": true, "would": true, "will": true, "should": true, "may": true, "might": true, "must": true,
	// time adverbs: "One day earlier, parliament voted ..., saying" has no
	// speaker "One day earlier".
	"ago": true, "earlier": true, "later": true,
}

// clauseStop are words a reported clause does not start with: "In a
// separate statement, X said" and "Pressed on the matter, X said" have no
// content before "said".
var clauseStop = map[string]bool{
	"in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "from": true, "after": true,
	"before": true, "during": true, "following": true, "while": true, "although": true, "though": true,
	"when": true, "as": true, "since": true, "speaking": true, "asked": true, "pressed": true, "responding": true,
	"according": true, "if": true, "unless": true, "until": true, "ready": true, "writing": true, "separately": true,
	"meanwhile": true, "earlier": true, "later": true, "also": true, "but": true, "and": true, "to": true,
}

func (sm *sentMatcher) clauseStart(i int) bool {
	t := sm.toks[i]
	if isOpenQuote(t.Text) {
		// Quotations have their own rules; but a quotation joined to
		// more of the article's words ("“Poor road conditions ... ,” and
		// “significant amounts” of money have gone ..., Jusnes said") is
		// the start of a longer clause.
		for k := i + 1; k+1 < sm.last; k++ {
			if w := sm.toks[k].Text; w == "\u201d" || w == "\"" {
				return sm.toks[k+1].Lower == "and" || sm.toks[k+1].Lower == "but"
			}
		}
		return false
	}
	if t.Lower == "at" && i+1 < sm.last && sm.toks[i+1].Lower == "least" {
		return true // "At least 27 people were killed, officials said."
	}
	// "But the talks failed, he said": a conjunction joins the clause to
	// the sentence before; the clause starts after it.
	if (t.Lower == "but" || t.Lower == "and") && i+1 < sm.last {
		return sm.clauseStart(i + 1)
	}
	return !clauseStop[t.Lower] && !(strings.HasSuffix(t.Lower, "ing") && len(t.Lower) > 5)
}

// subordinators open a clause that hangs on a main clause after it.
var subordinators = map[string]bool{"when": true, "if": true, "while": true, "although": true, "though": true,
	"as": true, "since": true, "until": true, "unless": true, "because": true, "once": true}

// leadPreps open a fronted prepositional phrase before the main clause.
var leadPreps = map[string]bool{"in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "from": true,
	"after": true, "before": true, "during": true, "following": true, "over": true, "amid": true, "despite": true, "throughout": true}

// subordinateLead returns, for a clause starting at i with a subordinator
// ("When prices are high enough, shoppers wait, said X", "If that holds
// up, it would ..."), the first token of the main clause after the
// subordinate one: the word after its comma. It returns -1 when the
// clause does not start so or no main clause follows within the sentence.
func (sm *sentMatcher) subordinateLead(i int) int {
	if (sm.toks[i].Lower == "but" || sm.toks[i].Lower == "and") && i+1 < sm.last {
		i++
	}
	// "In the 2020 calendar year, the agency received ...": a fronted
	// prepositional phrase, like a subordinate clause, ends at its comma.
	if !subordinators[sm.toks[i].Lower] && !leadPreps[sm.toks[i].Lower] {
		return -1
	}
	for k := i + 2; k+2 < sm.last; k++ {
		if sm.toks[k].Text == "," {
			if sm.clauseStart(k+1) || subordinators[sm.toks[k+1].Lower] {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// restStop are words content after a verb of saying does not start with.
var restStop = map[string]bool{
	"to": true, "on": true, "at": true, "by": true, "for": true, "with": true, "from": true, "over": true,
	"during": true, "after": true, "before": true, "and": true, "but": true, "or": true, "in": true,
	"of": true,
}

func isOpenQuote(s string) bool { return s == "\u201c" || s == "\"" || s == "'" || s == "\u2018" }

// npAdverbNouns are lower-case nouns ending in -ly; other such words are
// adverbs and end a noun phrase ("McKenzie publicly said").
var npAdverbNouns = map[string]bool{"family": true, "ally": true, "assembly": true, "supply": true, "rally": true, "italy": true,
	// degree words that belong to the number after them: "nearly 10 villages"
	"nearly": true, "roughly": true, "approximately": true, "only": true}

// nameStop are capitalised words that are not names.
var nameStop = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "its": true, "they": true, "he": true, "she": true, "we": true, "i": true, "you": true,
	"there": true, "then": true, "but": true, "and": true, "when": true, "after": true, "before": true,
	"on": true, "in": true, "at": true, "by": true, "as": true, "next": true, "later": true, "meanwhile": true,
}

// nameToken reports whether token i can be part of an unknown name: a
// capitalised word, or a hyphen inside one ("Sar-e-Pul").
func (sm *sentMatcher) nameToken(i int) bool {
	t := sm.toks[i]
	if sm.dated != nil && sm.dated[i] || len(sm.mentions[i]) > 0 {
		return false
	}
	if t.Text == "-" {
		return i > sm.first && sm.toks[i-1].End == t.Start
	}
	return t.Cap && !nameStop[t.Lower] && isWordRune(firstRune(t.Text))
}

// verbLike reports a past-tense verb inside would-be noun phrase: a
// lower-case -ed word before a determiner ("the ministry condemned the
// strike"). "armed groups" and "displaced people" stay nouns.
func (sm *sentMatcher) verbLike(i int) bool {
	t := sm.toks[i]
	if t.Cap || !strings.HasSuffix(t.Lower, "ed") {
		return false
	}
	// An event verb of the casualty lists is a verb whatever follows: "Two
	// police officers died and three were injured" has the victims "police
	// officers", not "police officers died and three". After a determiner
	// it is a noun: "the wounded".
	if sm.rules != nil && sm.rules.eventVerbs[t.Lower] && (i == 0 || !npDeterminers[sm.toks[i-1].Lower]) {
		return true
	}
	if i+1 >= sm.last {
		return false
	}
	switch sm.toks[i+1].Lower {
	case "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "to", "on", "in", "at", "that's", "from", "by",
		"all", "both", "several", "dozens", "hundreds", "thousands", "scores":
		return true
	}
	// "Security forces killed six militants": a count after it.
	for _, m := range sm.mentions[i+1] {
		if m.kind == KindNumber {
			return true
		}
	}
	return false
}

// personAt reports a person or organization mention starting at token i:
// a noun phrase stops before it, so "President Joe Biden said" has the
// speaker "Joe Biden" and "The US Embassy in Kabul, saying" the embassy.
func (sm *sentMatcher) personAt(i int) bool {
	for _, m := range sm.mentions[i] {
		if m.kind == KindPerson || m.kind == KindOrganization && m.ent != nil {
			return true
		}
	}
	return false
}

// orgModifierAt reports an organization's name at token i that
// modifies the lower-case noun after it: "top White House economic
// officials" is one phrase, where a name would otherwise end it.
func (sm *sentMatcher) orgModifierAt(i int) bool {
	for _, m := range sm.mentions[i] {
		if m.kind != KindOrganization || m.ent == nil || m.end >= sm.last {
			continue
		}
		if t := sm.toks[m.end]; !t.Cap && isWordRune(firstRune(t.Text)) && !npStop[t.Lower] && !sm.verbLike(m.end) &&
			(sm.rules == nil || !sm.rules.hasWord("say_verbs", t.Lower) && !sm.rules.hasWord("report_verbs", t.Lower) && !sm.rules.hasWord("source_verbs", t.Lower)) {
			return true
		}
	}
	return false
}

var npDeterminers = map[string]bool{"the": true, "a": true, "an": true, "all": true, "both": true, "some": true, "several": true}

// npEnd are words a noun phrase cannot end with.
var npEnd = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "our": true,
	"this": true, "these": true, "those": true, "some": true, "and": true, "of": true, "-": true,
	// "Ashraf Ghani first announced": an adverb before the verb.
	"first": true,
}

var possessiveDeterminers = map[string]bool{"its": true, "his": true, "her": true, "their": true, "our": true, "my": true, "your": true}

func (sm *sentMatcher) npToken(i int, first bool) bool {
	t := sm.toks[i]
	if sm.dated != nil && sm.dated[i] {
		return false
	}
	if t.Lower == "'s" || t.Lower == "-" {
		return !first
	}
	if !isWordRune(firstRune(t.Text)) {
		return false
	}
	if first && npStop[t.Lower] {
		return false
	}
	if !t.Cap && strings.HasSuffix(t.Lower, "ly") && !npAdverbNouns[t.Lower] {
		return false
	}
	// "two people familiar with the matter": the adjective's complement.
	if t.Lower == "with" && !first && sm.toks[i-1].Lower == "familiar" {
		return true
	}
	// Inside a phrase "and" and "of" may join nouns ("the US and its
	// allies"); other stop words end it. A possessive determiner after
	// them only: elsewhere it opens a noun phrase of its own ("told VOA
	// its research found that": the medium is "VOA").
	if !first && possessiveDeterminers[t.Lower] {
		return sm.toks[i-1].Lower == "and" || sm.toks[i-1].Lower == "of" || sm.toks[i-1].Lower == "with"
	}
	return !npStop[t.Lower] || t.Lower == "and" || t.Lower == "of"
}

func isTrailingPunct(s string) bool {
	switch s {
	case ".", "!", "?", ",", ";", ":", "\"", "\u201d", "'", "\u2019", ")":
		return true
	}
	return false
}

func isRoleName(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}

// isPossessive reports the possessive clitic as the tokenizer splits it.
func isPossessive(w string) bool { return w == "'s" || w == "’s" }
