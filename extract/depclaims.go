package extract

import (
	"slices"
	"sort"
	"strings"
)

// depClaims runs the dependency rules over one parsed sentence.
func (d *claimDoc) depClaims(si int, t *depTree, prev []Claim) []Claim {
	var out []Claim
	sem := &depSemantics{animate: d.animate, physical: d.physical, person: d.person, human: d.human, place: d.placeNode, agent: d.agent, armed: d.armed, numberType: d.numberType}
	cands := d.rules.triggerCands(t)
	// numCands are the words the numeric rules try, found on first use.
	var numCands []int32
	numFound := false
	for _, r := range d.rules.Rules {
		if r.Dep == nil {
			continue
		}
		var bs []depBinding
		if r.Dep.numeric {
			if !numFound {
				numCands, numFound = t.numericCands(), true
			}
			bs = r.Dep.matchAmong(t, sem, numCands)
		} else {
			bs = r.Dep.matchAmong(t, sem, cands[r.Dep.index])
		}
		for _, b := range bs {
			caps, parts, start, end, ok := d.depCaptures(t, r.Dep, b)
			if !ok {
				continue
			}
			// A verb carries its own negation and modals; a noun's are on
			// the clause around it, which the surface reading handles
			// ("was not related to an attack on the train").
			if r.Kind == "quantity" && (!t.inClause(b.trigger) || t.countedAttribute(r.Dep, b)) {
				// A row of a table or a list ("DL Larry Ogunjobi 63 85% 1
				// tackle"): no clause says what the figure measures.
				continue
			}
			if r.Kind != "quantity" && r.Kind != "statement" && r.Kind != "role" && t.readerClause(b.trigger) {
				continue // "You're going to parry the bolts, killing them in one hit": a game, a manual
			}
			if r.Kind == "casualty" && t.intendedEvent(b.trigger) {
				continue // "offered to pay them to plan Alinejad's murder": it did not happen
			}
			cert := ""
			if h := t.w[b.trigger].Head - 1; t.w[b.trigger].UPOS == "NOUN" && t.w[b.trigger].Rel == "obj" && h >= 0 && presupposingLemmas[t.lemma(h)] && r.Kind != "statement" && r.Kind != "quantity" {
				// "China has never condemned Russia's invasion of
				// Ukraine": what one condemns, mourns or investigates
				// happened, whatever one does about it; the negation is the
				// verb's, not the event's ("did not launch an attack" is).
				cert = Asserted
			} else if t.w[b.trigger].UPOS == "VERB" {
				cert = t.certaintyOf(b.trigger, r.Kind != "quantity" && r.Kind != "statement", r.Kind == "statement") // "They say ..." is no habit
			} else if r.Dep.numeric {
				// A figure takes the certainty of its clause: "the deal
				// would raise at least 88 billion", "your list will shrink
				// to 25% of its size".
				if g := t.governor(b.trigger); g >= 0 {
					if t.addressesReader(g) {
						continue // a promise to "you" is no fact about anything
					}
					cert = t.certaintyOf(g, false, false)
					// "faces up to a $250,000 fine", "risks a $1 billion
					// penalty": a figure someone faces may yet come.
					if l := t.lemma(g); cert == Asserted && (l == "face" || l == "risk") {
						cert = Hypothetical
					}
				} else if t.w[b.trigger].Rel == "root" || t.hasCop(b.trigger) {
					cert = t.certaintyOf(b.trigger, false, false)
				}
			}
			if r.Kind == "statement" && !d.depStatementHolds(t, r.Dep, b, caps, append(prev, out...)) {
				continue
			}
			ta, _ := d.wordTokens(t.w[b.trigger].Span)
			c, ok := d.build(r, si, start, end, caps, append(prev, out...), cert, ta)
			if !ok || c.Kind == "casualty" && !hasRole(c, "count") && !hasRole(c, "victims") {
				continue // "claimed lives" with no one named or counted
			}
			if c.Kind == "quantity" && d.rangeUpper(c) {
				continue // "grows 18% to 20%": a range, its lower figure the value
			}
			if c.Kind == "quantity" {
				d.worthOfSubject(&c)
			}
			if !hasRole(c, "source") {
				if src, ok := d.treeSource(t, b.trigger); ok {
					c.Args = append(c.Args, src)
					sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
					if c.Certainty == Asserted {
						c.Certainty = Reported
					}
				}
			}
			if d.fired != nil {
				d.fired[r.ID] = true
			}
			if d.explain {
				c.Explain = &Explanation{Rule: r.ID, Source: r.Pos, Layer: "dependency", Pattern: r.Dep.src, Parts: parts}
			}
			out = append(out, c)
		}
	}
	return out
}

// presupposingLemmas are verbs of attitude to an event their object
// names: the event happened whether or not the subject condemns it.
var presupposingLemmas = map[string]bool{"condemn": true, "denounce": true, "criticize": true, "criticise": true,
	"protest": true, "mourn": true, "recall": true, "remember": true, "investigate": true, "discuss": true, "mention": true,
	"acknowledge": true, "recognize": true, "recognise": true, "justify": true, "blame": true, "commemorate": true,
	"document": true, "support": true, "oppose": true, "survive": true}

// worthOfSubject turns an attribute "worth of X" into the subject X ("$360
// billion worth of Chinese goods": what is worth the figure is the goods,
// as worth_of_tree reads it; "a $17 million net worth" keeps its
// attribute).
func (d *claimDoc) worthOfSubject(c *Claim) {
	k := argIndex(c, "attribute")
	if k < 0 || hasRole(*c, "subject") {
		return
	}
	a, b := d.wordTokens(c.Args[k].Span)
	if b-a < 3 || d.toks[a].Lower != "worth" || d.toks[a+1].Lower != "of" {
		return
	}
	c.Args[k] = d.arg(capture{"subject", a + 2, b, d.actorCovering(a+2, b), nil})
}

// rangeUpper reports a quantity whose value is the upper figure of a
// range, "to" right after another figure ("grows 18% to 20% every year"):
// the range is one quantity with its lower figure (the claims gold's
// convention), which another rule reads.
func (d *claimDoc) rangeUpper(c Claim) bool {
	v, ok := findArg(c, "value")
	if !ok {
		return false
	}
	k := d.tokIndex(v.Start)
	if k < 2 || k >= len(d.toks) || d.toks[k-1].Lower != "to" {
		return false
	}
	var hi *mention
	for _, m := range d.mentions[k] {
		if m.kind == KindNumber && m.ent != nil {
			hi = m
		}
	}
	if hi == nil {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-3; j-- {
		for _, m := range d.mentions[j] {
			// ("rose from 250% to 390%": a baseline and the figure reached;
			// "rose 3.5 percent to $27.2 billion": a change and the figure
			// reached, two kinds of figure.)
			if m.kind == KindNumber && m.end == k-1 && m.ent != nil && m.ent.Type == hi.ent.Type {
				return m.start == 0 || d.toks[m.start-1].Lower != "from"
			}
		}
	}
	return false
}

// depStatementHolds checks a statement the tree reads: its verb is the
// article's, not inside a quotation ("“I told him we would win,” she
// said" is one statement, hers); its speaker is a name or a noun, or a
// pronoun the speaker resolution can follow (he, she, they: not "it",
// "I", "you"); and no surface rule already read the same words (the
// surface reading is kept: its speaker checks are older and tested).
func (d *claimDoc) depStatementHolds(t *depTree, p *depPattern, b depBinding, caps []capture, prev []Claim) bool {
	trigger := b.trigger
	if d.insideQuote(t.w[trigger].Span) {
		return false
	}
	// "He did not say which countries": no words reported.
	for _, k := range t.kids[trigger] {
		if l := t.lemma(k); (t.w[k].Rel == "advmod" || t.w[k].Rel == "neg") && (l == "not" || l == "never" || l == "n't") {
			return false
		}
	}
	// "..., a deal announced at the beginning of the week": a bare past
	// participle after an indefinite noun in apposition is a reduced
	// relative clause on it (the parse may make the noun its subject); no
	// one speaks.
	if w := t.w[trigger]; w.XPOS == "VBN" && !t.hasKid(trigger, "aux", "aux:pass") {
		for _, k := range t.kids[trigger] {
			if strings.HasPrefix(t.w[k].Rel, "nsubj") && k < trigger && t.w[k].UPOS == "NOUN" {
				// (Set off by a comma, an apposition: "But a judge ruled
				// that ..." is a judge's ruling.)
				for _, dk := range t.kids[k] {
					if l := t.lemma(dk); t.w[dk].Rel == "det" && (l == "a" || l == "an") && dk > 0 && t.w[dk-1].Form == "," {
						return false
					}
				}
			}
		}
	}
	// A passive's agent speaks ("is accused by critics of ...":
	// accused_passive_tree), after its verb, as it must.
	agent := false
	for ai, a := range p.args {
		if n := b.nodes[ai]; a.role == "speaker" && n >= 0 && t.w[n].Rel == "obl:agent" && t.w[n].Head-1 == trigger {
			agent = true
		}
	}
	// "have been told that ...": the subject of a passive verb of saying
	// is its addressee.
	if t.passive(trigger) && !agent {
		return false
	}
	// "the helicopter, which they said crashed": a relative pronoun before
	// the verb's subject opens a relative clause; what was said is about
	// the antecedent outside it, which the clause does not name.
	for _, k := range t.kids[trigger] {
		if x := t.w[k].XPOS; k < trigger && (x == "WDT" || x == "WP") && t.w[k].Rel != "nsubj" {
			return false
		}
	}
	for ai, a := range p.args {
		n := b.nodes[ai]
		// "Hours before X's performance, Y expressed ...": a noun with a
		// subordinator of its own is the parser's misreading of an
		// adverbial clause, never the speaker.
		// Nor when the speaker's verb has a second nominal subject: one of
		// the two is the misread clause's.
		if a.role == "speaker" && n >= 0 {
			// "Many of the residents say": a quantifier speaks only for
			// the group its of-phrase names; "Many say", "All said" name
			// no one.
			if u := t.w[n].UPOS; (u == "ADJ" || u == "DET") && !t.partitive(n) {
				return false
			}
			for _, k := range t.kids[n] {
				if t.w[k].Rel == "mark" {
					return false
				}
			}
			if h := t.w[n].Head - 1; h >= 0 && strings.HasPrefix(t.w[n].Rel, "nsubj") {
				for _, k := range t.kids[h] {
					if k != n && strings.HasPrefix(t.w[k].Rel, "nsubj") {
						return false
					}
				}
			}
		}
		// "Residents call the road “the highway of death”": a name in
		// quotation marks given to something is no statement.
		if a.role == "" && n >= 0 && t.w[n].Rel == "xcomp" {
			if lo, _ := t.subtree(n); lo > 0 && isOpenQuote(t.w[lo-1].Form) || isOpenQuote(t.w[lo].Form) {
				return false
			}
		}
		if l := t.lemma(max(n, 0)); a.role == "content" && n >= 0 && (strings.HasSuffix(l, "self") || strings.HasSuffix(l, "selves")) {
			return false // "a cell calling itself the Lions of ...": a name
		}
		// A clause above the trigger (said_after_tree, according_to_tree)
		// says something: it has a verb or a predicate, not "a rally".
		if br := t.topBelow(trigger, max(n, 0)); a.role == "content" && n >= 0 && br >= 0 {
			// Its subject stands outside the trigger's branch: in "According
			// to a report in the Argus Leader, Gov. Kristi Noem launched
			// ..." the parser may take the name into the source's phrase,
			// leaving a clause without a subject.
			subj := false
			for _, k := range t.kids[n] {
				if r := t.w[k].Rel; (strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") || r == "expl") && !t.inside(k, br) {
					subj = true
				}
			}
			if !subj || !t.isClause(n) {
				return false
			}
			// A relative clause reports nothing of its own: "after which
			// the city fell, according to a report" is the article's
			// account of an antecedent the clause does not name.
			if strings.HasPrefix(t.w[n].Rel, "acl") {
				return false
			}
			for _, k := range t.kids[n] {
				if x := t.w[k].XPOS; (x == "WDT" || x == "WP" || x == "WP$") && k < n {
					return false
				}
			}
			if t.w[trigger].Rel == "parataxis" {
				// "Shares fell 3%; the Nasdaq added 20 points": a verb with
				// an object or a clause of its own says its own words, not
				// the clause it hangs on ("told reporters" names whom).
				for _, k := range t.kids[trigger] {
					r := t.w[k].Rel
					if r == "ccomp" || r == "xcomp" || r == "csubj" || (r == "obj" || r == "iobj") && !d.rules.hasWord("tell_lemmas", t.lower(trigger)) {
						return false
					}
				}
				// What was said comes first, and the attribution after a
				// comma or a closing quote ("..., Hege said", "...,” she said").
				lo, _ := t.subtree(br)
				for lo < trigger && t.w[lo].UPOS == "PUNCT" && lo > 0 && t.w[lo-1].UPOS != "PUNCT" {
					lo++ // the branch's own comma
				}
				if lo == 0 || t.w[lo-1].UPOS != "PUNCT" || lo < n {
					return false
				}
			}
		}
		if a.role != "content" || n < 0 || !slices.Contains(a.pathSrc, "ccomp") || t.w[n].Rel != "ccomp" {
			continue
		}
		// A clause says something: a verb, or a predicate with its subject
		// or copula ("said at a rally in Monroe" has no clause "a rally").
		if !t.isClause(n) {
			return false
		}
		// "told NBC’s “Meet the Press” show": a verb that opens a quotation
		// inside its own phrase is a title's first word, no clause.
		if lo, _ := t.subtree(n); n > 0 && lo < n-1 && quoteSide(t.w[n-1]) == 1 && !t.hasKid(n, "nsubj", "nsubj:pass", "aux", "cop") {
			return false
		}
		// "Cook told Benioff, which ultimately meant ...": a clause whose
		// subject is a relative pronoun is a relative clause the parse took
		// for what was said.
		for _, k := range t.kids[n] {
			if x := t.w[k].XPOS; strings.HasPrefix(t.w[k].Rel, "nsubj") && (x == "WDT" || x == "WP") && k < n {
				return false
			}
		}
		// "said, as he left the hall, that ...": a clause a subordinator
		// opens is an adverbial the parse took for what was said.
		if m := t.markOf(n); m != "" && m != "that" && subordinators[m] {
			return false
		}
		// ", adding that ...": the participle is a statement of its own.
		if t.w[n].XPOS == "VBG" && speechLemmas[t.lemma(n)] {
			return false
		}
	}
	var content, speaker Span
	for _, cp := range caps {
		switch cp.role {
		case "content":
			content = d.spanOf(cp.start, cp.end)
		case "speaker":
			speaker = d.spanOf(cp.start, cp.end)
			if cp.end-cp.start == 1 {
				switch d.toks[cp.start].Lower {
				case "it", "i", "you", "we", "this", "that", "these", "those", "which", "who", "what", "one", "there", "nothing", "something", "anything", "everything":
					return false
				}
			}
		}
	}
	if content == (Span{}) || speaker == (Span{}) || overlaps(content, speaker) {
		return false
	}
	// An inverted speaker ("..., said Mayor X, sitting in a cafe") is the
	// surface rules' reading; the parser often takes the words after the
	// name for the verb's clause.
	if ts := t.w[trigger].Span; speaker.Start > ts.Start && t.w[trigger].Rel != "case" && !agent {
		return false
	}
	// What was said lies in the verb's sentence: a clause after a full
	// stop ("she said. “The legend is ...") is the next sentence, which
	// the splitter did not cut.
	// Nor after a conjunction: in "police said, and no one was injured"
	// the article speaks again.
	ta, _ := d.wordTokens(t.w[trigger].Span)
	ca, _ := d.wordTokens(content)
	// (The source "according to" governs lies between, with its own
	// words: "According to an assessment of attitudes on Russian and
	// Chinese networks, ...".)
	var source Span
	if t.w[trigger].Rel == "case" {
		for ai, a := range p.args {
			if n := b.nodes[ai]; a.role == "speaker" && n >= 0 {
				lo, hi := t.subtree(n)
				source = Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End}
			}
		}
	}
	for k := ta + 1; k < ca; k++ {
		if d.toks[k].Start >= source.Start && d.toks[k].End <= source.End {
			continue
		}
		switch d.toks[k].Lower {
		case ".", "!", "?":
			// (A full stop inside a word of the tree is none:
			// "told Polygraph.info that ...".)
			if w := t.wordAt(d.toks[k].Span); w >= 0 && t.w[w].UPOS != "PUNCT" {
				continue
			}
			return false
		case "and", "but", "or", "while", "whereas", "yet":
			return false
		}
		// Nor past another verb's ", adding that": what follows is its.
		if d.rules.hasWord("added_participles", d.toks[k].Lower) {
			return false
		}
	}
	// "Baidu chief Robin Li said": the parser may leave the name out of the
	// subject's phrase; the name right after it is the speaker.
	for k := range caps {
		if caps[k].role != "speaker" || caps[k].end >= ta {
			continue
		}
		for _, m := range d.mentions[caps[k].end] {
			if m.kind == KindPerson && m.end <= ta {
				caps[k] = capture{"speaker", m.start, m.end, m, nil}
				break
			}
		}
		// "Fort Worth Police Department responded and confirmed": a name
		// the parse cut is the whole name the recogniser found.
		for _, m := range d.mentions[caps[k].start] {
			if isActorKind(m.kind) && m.ent != nil && m.end > caps[k].end && m.end <= ta {
				caps[k] = capture{"speaker", m.start, m.end, m, nil}
				break
			}
		}
	}
	// "Trump praised his summit with North Korean leader Kim Jong Un,
	// described his relationship with him as ...": a subject set off from
	// its conjoined verb by a comma alone, after the first conjunct, is the
	// end of that conjunct's phrase the parser took for a subject; the
	// conjuncts share the first one's subject.
	if h := t.w[trigger].Head - 1; t.w[trigger].Rel == "conj" && h >= 0 && trigger > 0 && t.w[trigger-1].Form == "," {
		for ai, a := range p.args {
			n := b.nodes[ai]
			if a.role != "speaker" || n <= h || n >= trigger || t.w[n].Head-1 != trigger {
				continue
			}
			if _, hi := t.subtree(n); hi != trigger-2 && hi != trigger-1 {
				continue
			}
			s := -1
			for _, k := range t.kids[h] {
				if t.w[k].Rel == "nsubj" {
					s = k
				}
			}
			if s < 0 {
				return false
			}
			lo, hi := t.subtree(s)
			x, _ := d.wordTokens(t.w[lo].Span)
			_, y := d.wordTokens(t.w[hi].Span)
			for k := range caps {
				if caps[k].role == "speaker" {
					caps[k] = capture{"speaker", x, y, d.actorCovering(x, y), nil}
					speaker = d.spanOf(x, y)
				}
			}
		}
	}
	_, ce := d.wordTokens(content)
	// "said Beijing had assured it that ...": a verb of saying that heads
	// what another verb of saying reports, its subject opening that
	// content, is a statement nested in the other (nestedStatement); one
	// conjoined to a word of the content ("said the talks had gone well
	// and added that") is the parser hanging the second verb low.
	nests := t.w[trigger].Rel != "conj" && t.w[trigger].Rel != "parataxis"
	for _, c := range prev {
		if c.Kind != "statement" {
			continue
		}
		a, ok := findArg(c, "content")
		// "X has voiced concern over ..., according to Z": an attribution
		// inside what "according to" attributes is one more statement.
		if ok && isAccordingTo(c.Rule) && speaker.Start >= a.Start && content.End <= a.End {
			continue
		}
		if ok && nests && speaker.Start >= a.Start && content.End <= a.End && (opensContent(a, speaker.Start) || subordinateAt(a, speaker.Start)) {
			continue
		}
		if ok && overlaps(a.Span, content) {
			return false
		}
		// "said the talks had gone well and added that ...": a speaker
		// inside what another statement of the sentence reports is the
		// parser hanging the second verb on the first one's clause.
		if ok && speaker.Start >= a.Start && speaker.End <= a.End {
			return false
		}
		// "rejected allegations that the army had ...": the surface rule
		// read the same speaker's words just after the object the tree
		// took for them.
		if sp, ok2 := findArg(c, "speaker"); ok && ok2 && overlaps(sp.Span, speaker) && a.Start >= t.w[trigger].Span.End {
			if k := d.tokIndex(a.Start); k <= ce+3 {
				return false
			}
		}
	}
	return true
}

// isClause reports whether node n heads a clause: a verb, or a word with
// a subject or a copula of its own.
// A participle without a subject or an auxiliary is a phrase ("said, as
// reported by Reuters").
func (t *depTree) isClause(n int) bool {
	for _, k := range t.kids[n] {
		if r := t.w[k].Rel; strings.HasPrefix(r, "nsubj") || r == "cop" || strings.HasPrefix(r, "csubj") || r == "expl" ||
			strings.HasPrefix(r, "aux") || t.w[n].UPOS == "VERB" && r == "mark" && t.lemma(k) != "as" {
			return true
		}
	}
	switch t.w[n].XPOS {
	case "VBN", "VBG":
		return false
	}
	return t.w[n].UPOS == "VERB" || t.w[n].UPOS == "AUX"
}

// wordTokens maps a byte span to the claim tokens it overlaps.
func (d *claimDoc) wordTokens(sp Span) (int, int) {
	a := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > sp.Start })
	b := a
	for b < len(d.toks) && d.toks[b].Start < sp.End {
		b++
	}
	return a, b
}

// depCaptures turns a binding into captures over the claim tokens (the
// parser's words refine them: "n't", hyphens), with the mention that
// fills each when one covers the phrase.
func (d *claimDoc) depCaptures(t *depTree, p *depPattern, b depBinding) ([]capture, []ExplainPart, int, int, bool) {
	var caps []capture
	var parts []ExplainPart
	ta, tb := d.wordTokens(t.w[b.trigger].Span)
	if ta >= tb {
		return nil, nil, 0, 0, false
	}
	start, end := ta, tb
	tsp := d.spanOf(ta, tb)
	parts = append(parts, ExplainPart{Elem: "trigger " + t.w[b.trigger].Lemma + "/" + t.w[b.trigger].UPOS, Role: p.triggerRole, Span: tsp, Text: d.text[tsp.Start:tsp.End]})
	// A figure that is the trigger: its number mention is the value, and
	// the phrases around it leave its words out ("a $75.3 billion hit":
	// the attribute is "hit").
	figLo, figHi := -1, -1
	if p.numeric {
		lo, hi := t.phraseOfNumber(b.trigger)
		pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
		m := d.numberAt(pa, pb, t.w[b.trigger].Span)
		if p.number[NumFraction] && (m == nil || m.ent.Type == NumOrdinal || m.ent.Type == NumCardinal) {
			if fm := d.fractionMention(t, b.trigger); fm != nil {
				m = fm // "nearly one-fifth": the number finder reads none, or "third" an ordinal
			}
		}
		if p.number[NumMultiple] && t.multipleOK(b.trigger) {
			m = d.multipleMention(t, b.trigger) // the verb is the figure, whatever number is near
		}
		if m == nil {
			return nil, nil, 0, 0, false
		}
		caps = append(caps, capture{p.triggerRole, m.start, m.end, m, nil})
		start, end = min(start, m.start), max(end, m.end)
		figLo, figHi = t.subtree(b.trigger)
		// "2 million barrels of oil", "a 275 horsepower motor": a trigger
		// noun after the figure is the unit it counts in.
		unit := false
		if p.triggerRole == "value" && t.w[b.trigger].UPOS == "NOUN" && t.w[b.trigger].Span.Start >= d.toks[m.end-1].End {
			if ua, ub := d.wordTokens(t.w[b.trigger].Span); ua < ub {
				// The unit's own modifiers between the figure and it:
				// "25 square kilometers", "3 metric tons".
				for _, k := range t.kids[b.trigger] {
					if ka, _ := d.wordTokens(t.w[k].Span); t.w[k].Rel == "amod" && ka >= m.end && ka < ua && t.w[k].UPOS == "ADJ" {
						ua = ka
						break
					}
				}
				caps = append(caps, capture{"unit", ua, d.unitEnd(ub), nil, nil})
				unit = true
			}
		}
		// A unit that modifies a noun must stand as a word of its own, and
		// a range from zero is a benchmark ("0-62 mph time"), not a
		// measure: "5-gallon bottles" would keep a figure without its unit.
		if r := t.w[b.trigger].Rel; (r == "compound" || r == "nmod:npmod" || r == "amod") && d.rules.hasWord("measure_units", t.lemma(b.trigger)) {
			if !unit || m.ent.Max != nil && m.ent.Value != nil && *m.ent.Value == 0 {
				return nil, nil, 0, 0, false
			}
		}
	} else if p.triggerRole != "" {
		tc := capture{p.triggerRole, ta, tb, nil, nil}
		for ai, a := range p.args {
			if n := b.nodes[ai]; n >= 0 && a.withTrig {
				// From the node's first word ("to" of "stabbed to death") to the
				// node itself ("dead", not "dead in his cell").
				lo, _ := t.subtree(n)
				if na, nb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[n].Span.End}); na == tc.end {
					tc.end = nb
				}
			}
		}
		caps = append(caps, tc)
		end = max(end, tc.end)
	}
	for ai, a := range p.args {
		if n := b.nodes[ai]; n >= 0 && a.role == "value" && figLo < 0 {
			figLo, figHi = t.subtree(n)
		}
	}
	// A baseline figure inside another phrase stays out of it too:
	// "doubling the 25% tariff to 50%" has the attribute "tariff".
	type figRange struct{ lo, hi int }
	figs := []figRange{}
	if figLo >= 0 {
		figs = append(figs, figRange{figLo, figHi})
	}
	for ai, a := range p.args {
		if n := b.nodes[ai]; n >= 0 && a.role == "baseline" && t.numeric(n) {
			lo, hi := t.subtree(n)
			figs = append(figs, figRange{lo, hi})
		}
	}
	for ai, a := range p.args {
		n := b.nodes[ai]
		if n < 0 || a.role == "" {
			continue
		}
		// "its people, many of whom are internally displaced": the
		// victims a partitive of "whom" picks out are the noun before it.
		if a.role == "victims" {
			if ante := t.partitiveAntecedent(n, b.trigger); ante >= 0 {
				n = ante
			}
		}
		// "The military removed Bashir and jailed him": an object pronoun
		// of a conjoined verb is the first verb's named object.
		if l := t.lemma(n); a.role == "victims" && t.w[n].UPOS == "PRON" && (l == "he" || l == "she") && t.w[b.trigger].Rel == "conj" {
			if h := t.w[b.trigger].Head - 1; h >= 0 && h < b.trigger && t.w[h].UPOS == "VERB" {
				for _, k := range t.kids[h] {
					if t.w[k].Rel == "obj" && t.w[k].UPOS == "PROPN" {
						n = k
						break
					}
				}
			}
		}
		// "Haji was among the first refugees to arrive ..., driven from
		// Somalia": a predicate noun with its copula is said of its
		// subject, the one named.
		if a.role == "victims" && t.hasKid(n, "cop") {
			for _, k := range t.kids[n] {
				if t.w[k].Rel == "nsubj" && (t.w[k].UPOS == "PROPN" || t.w[k].UPOS == "NOUN") {
					n = k
					break
				}
			}
		}
		// A relative pronoun stands for the noun its clause modifies:
		// "the girls, who were kidnapped last Friday".
		if l := t.lemma(n); (l == "who" || l == "which" || l == "that" || l == "whom") && t.w[n].UPOS == "PRON" {
			// The clause is the pronoun's own, which may hold the trigger
			// below its verb: "the group that spearheaded the offensive".
			cv := b.trigger
			if v := t.w[n].Head - 1; v >= 0 && v != cv && strings.HasPrefix(t.w[v].Rel, "acl") && t.descends(cv, v) {
				cv = v
			}
			if h := t.w[cv].Head - 1; h >= 0 && strings.HasPrefix(t.w[cv].Rel, "acl") {
				pron := n
				n = h
				// "battling extradition to the United States, which accuses
				// him": a clause after a comma that the parser hung on a
				// noun above a name is said of the name right before the
				// comma, when it is that noun's nmod.
				if a.role == "speaker" && pron >= 2 && t.w[pron-1].Form == "," {
					w := pron - 2
					for w >= 0 && (t.w[w].Rel == "flat" || t.w[w].Rel == "compound") && t.w[w].Head-1 > w {
						w = t.w[w].Head - 1
					}
					for w >= 0 && t.w[w].Rel == "flat" && t.w[w].Head-1 < w {
						w = t.w[w].Head - 1
					}
					if w >= 0 && w != h && t.w[w].UPOS == "PROPN" && t.w[w].Rel == "nmod" && t.w[w].Head-1 == h {
						n = w
					}
				}
				// "Otto Warmbier, an American college student who died":
				// the clause hangs on the apposition, and the victim is the
				// person it describes, by name.
				if a.role == "victims" && t.w[h].Rel == "appos" {
					if p := t.w[h].Head - 1; p >= 0 && t.w[p].UPOS == "PROPN" {
						n = p
					}
				}
				// "the inhabitants of the islands who were expelled": "who"
				// names a person, so a clause the parser hung on a thing
				// inside a noun's of-phrase is said of that noun.
				if l == "who" && a.animate && !d.animate(t, h) && t.w[h].Rel == "nmod" && t.caseOf(h) == "of" {
					if p := t.w[h].Head - 1; p >= 0 && (t.w[p].UPOS == "NOUN" || t.w[p].UPOS == "PROPN") {
						n = p
					}
				}
				// "the average price in the metropolitan area, which is
				// about $550,000": a figure the clause gives is said of the
				// measure whose modifier the parser hung the clause on.
				if a.role == "attribute" {
					for t.w[n].Rel == "nmod" && !d.rules.hasWord("figure_nouns", t.lemma(n)) {
						up := t.w[n].Head - 1
						if up < 0 || t.w[up].UPOS != "NOUN" || !d.rules.hasWord("figure_nouns", t.lemma(up)) {
							break
						}
						n = up
					}
				}
			} else {
				continue
			}
		}
		// "One of the group's leaders is dead", "two of the attackers were
		// killed": a number that picks members out of an of-phrase counts
		// them; the victims are the phrase's noun.
		if a.role == "victims" && t.w[n].UPOS == "NUM" {
			for _, k := range t.kids[n] {
				if t.w[k].Rel == "nmod" && t.caseOf(k) == "of" && d.animate(t, k) {
					n = k
					break
				}
			}
		}
		lo, hi := t.phrase(n)
		if a.clause {
			lo, hi = t.clause(n)
			// A clause above the trigger is what was said without the
			// trigger's own branch: "The roads are closed, officials said"
			// (the verb hangs on the clause as parataxis), "Prices rose,
			// according to the bureau". The words before the branch; the
			// statement checks run them on past an interrupting "..., he
			// said, ..." as they do for the surface rules.
			if c := t.topBelow(b.trigger, n); c >= 0 {
				clo, chi := t.subtree(c)
				if clo > lo {
					hi = min(hi, clo-1)
				} else {
					lo = max(lo, chi+1)
				}
				if lo > hi {
					return nil, nil, 0, 0, false
				}
			}
		}
		if a.role == "victims" {
			lo, hi = t.withAppos(n, lo, hi)
		}
		if a.role == "attribute" {
			hi = t.withFlow(n, hi)
		}
		// A speaker is all its conjuncts: "Businesses and residents ...
		// say" (coordinatedSpeakers splits named ones).
		if a.coord || a.role == "speaker" && t.w[n].UPOS != "PRON" {
			hi = t.coordinationEnd(n, hi)
		}
		// The noun a trigger is the case word of starts after it: in "the
		// year before, according to the federation" the parse may hang
		// "before" on the source.
		if !a.clause && n == t.w[b.trigger].Head-1 && t.w[b.trigger].Rel == "case" && lo < b.trigger {
			lo = b.trigger + 1
		}
		for _, f := range figs {
			// (The figure's subtree may run past the phrase: "a budget of
			// $4.2 billion for next year" hangs the year on the figure.)
			if a.role != "value" && a.role != "baseline" && f.lo <= hi && f.hi >= lo && (f.hi < n || f.lo > n) {
				if f.hi < n {
					lo = f.hi + 1 // "195,600 jobs": the attribute is "jobs"
				} else {
					hi = f.lo - 1
				}
			}
		}
		// The trigger's own word stays out ("left 2,000 families
		// homeless": the victims are the families).
		if b.trigger == hi && hi > lo {
			hi--
		} else if b.trigger == lo && hi > lo {
			lo++
		}
		// "told the council that his teams had seen": a "that" the parser
		// made the clause's object (or its mark, tagged a pronoun) is its
		// complementizer.
		if a.clause && lo < hi && t.lemma(lo) == "that" && t.w[lo].Head-1 == n && (t.w[lo].Rel == "obj" || t.w[lo].Rel == "mark") {
			lo++
		}
		for lo < hi && (t.w[lo].UPOS == "PUNCT" || t.w[lo].UPOS == "ADP" || t.w[lo].UPOS == "SCONJ" || t.w[lo].UPOS == "CCONJ" || t.lemma(lo) == "including" || t.lemma(lo) == "include" ||
			a.clause && t.w[lo].UPOS == "PART" && t.lower(lo) == "to" && t.w[lo+1].XPOS == "VBG") { // "admitted to threatening"
			lo++
		}
		for hi > lo && (t.w[hi].UPOS == "PUNCT" || t.w[hi].UPOS == "ADP" || t.w[hi].UPOS == "CCONJ" || t.w[hi].UPOS == "DET") {
			hi-- // "the March high of [21.8 percent]": the figure's "of" stays out
		}
		if a.role == "count" {
			lo, hi = t.phraseOfNumber(n)
		}
		pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
		if pa >= pb {
			continue
		}
		// The figure's own words stay out of the other phrases ("a 30-60
		// per cent chance": the attribute is "chance").
		for _, cp := range caps {
			if cp.role == "value" {
				if pa >= cp.start && pa < cp.end {
					pa = cp.end
				}
				if pb > cp.start && pb <= cp.end {
					pb = cp.start
					// "a levy of 3%": the figure's preposition goes with it.
					for pb > pa+1 && d.toks[pb-1].Lower == "of" {
						pb--
					}
				}
			}
		}
		if pa >= pb {
			continue
		}
		var m *mention
		if a.role == "count" || a.role == "value" || a.role == "baseline" {
			m = d.numberAt(pa, pb, t.w[n].Span)
			if m == nil && a.role == "count" && t.partitiveOne(n) {
				// "One of the group's leaders is dead": the number finder
				// leaves "one of" alone (mostly "one of the reasons"); as
				// the count of victims it is one.
				one, sp := 1.0, t.w[n].Span
				m = &mention{kind: KindNumber, start: pa, end: pb, ent: &Entity{Kind: KindNumber, Span: sp, Text: d.text[sp.Start:sp.End], Value: &one, Type: NumCardinal}}
			}
			if (m == nil || m.ent.Type == NumOrdinal || m.ent.Type == NumCardinal) && a.role == "value" && a.number[NumFraction] {
				// "have decreased by one-third", "fell by half": a
				// fraction the number finder leaves out (it is a share,
				// not a count; it reads "third" alone as an ordinal, the
				// "two" of "two-thirds" as a count) is the size of a change.
				if fm := d.fractionMention(t, n); fm != nil {
					m = fm
				}
			}
			if m == nil || !a.takes(t, n, m.ent.Type) || a.min > 0 && (m.ent.Value == nil || *m.ent.Value < a.min) {
				if !a.optional {
					return nil, nil, 0, 0, false
				}
				continue // a count the number finder does not read has no value
			}
			pa, pb = m.start, m.end
			// "60 kilometers": the noun the number measures in is the unit.
			if a.role == "value" && t.w[n].UPOS == "NOUN" && t.w[n].Span.Start >= d.toks[pb-1].End {
				if ua, ub := d.wordTokens(t.w[n].Span); ua < ub {
					caps = append(caps, capture{"unit", ua, d.unitEnd(ub), nil, nil})
				}
			}
		} else {
			for _, x := range d.mentions[pa] {
				if x.end == pb && x.kind != KindNumber && x.kind != KindDate {
					m = x
				}
			}
		}
		if a.role == "victims" && t.w[n].UPOS == "NUM" {
			continue // "killing at least five": the count is all there is
		}
		if m == nil && a.role != "time" && d.dated != nil && d.dated[pa] {
			if !a.optional {
				return nil, nil, 0, 0, false // "an attack on Monday" names no target
			}
			continue
		}
		role := a.role
		if role == "victims" {
			// "Thousands have fled": the victims phrase is a number, so
			// it is the count.
			for _, x := range d.mentions[pa] {
				if x.kind == KindNumber && x.end == pb && !hasCapture(caps, "count") {
					role, m = "count", x
				}
			}
		}
		caps = append(caps, capture{role, pa, pb, m, nil})
		start, end = min(start, pa), max(end, pb)
		sp := d.spanOf(pa, pb)
		parts = append(parts, ExplainPart{Elem: a.role + ":" + t.pathTo(b.trigger, n, a), Role: a.role, Span: sp, Text: d.text[sp.Start:sp.End]})
	}
	return caps, parts, start, end, true
}

func hasCapture(caps []capture, role string) bool {
	for _, c := range caps {
		if c.role == role {
			return true
		}
	}
	return false
}

// physical reports whether node n names something one can attack: people,
// a place, organization or person, or a word of @attack_targets.
func (d *claimDoc) physical(t *depTree, n int) bool {
	// A date is no target ("hurled stones and bottles at the soldiers on
	// Friday": "on Friday" is no "on" of an attack), so that a later
	// candidate may be.
	if pa, pb := d.wordTokens(t.w[n].Span); pa < pb && d.dated != nil && d.dated[pa] {
		return false
	}
	return d.animate(t, n) || d.rules.hasWord("attack_targets", t.lemma(n)) || d.rules.hasWord("attack_targets", t.lower(n)) ||
		d.placeMention(t, n)
}

// agent reports whether node n names someone who can act: people, a
// person, organization or place mention, or a word for attackers, forces,
// weapons or aircraft ("Warplanes bombed the town").
func (d *claimDoc) agent(t *depTree, n int) bool {
	if d.person(t, n) || d.placeMention(t, n) || t.w[n].UPOS == "PROPN" {
		return true
	}
	for _, l := range []string{"attackers", "force_nouns", "weapons", "aircraft", "attack_means"} {
		if d.rules.hasWord(l, t.lemma(n)) || d.rules.hasWord(l, t.lower(n)) {
			return true
		}
	}
	return false
}

// armed reports whether node n names an armed group or a military: an
// organization mention of type armed_group or military over it, or a
// word for attackers or forces ("militant", "army").
func (d *claimDoc) armed(t *depTree, n int) bool {
	for _, l := range []string{"attackers", "force_nouns"} {
		if d.rules.hasWord(l, t.lemma(n)) || d.rules.hasWord(l, t.lower(n)) {
			return true
		}
	}
	a, b := d.wordTokens(t.w[n].Span)
	for k := max(0, a-6); k < b; k++ {
		for _, m := range d.mentions[k] {
			if m.kind == KindOrganization && m.ent != nil && (m.ent.Type == "armed_group" || m.ent.Type == "military") && m.start < b && m.end > a {
				return true
			}
		}
	}
	return false
}

// placeNode reports whether node n names a place: a place mention over
// it, or a word of @place_nouns.
func (d *claimDoc) placeNode(t *depTree, n int) bool {
	return d.rules.hasWord("place_nouns", t.lemma(n)) || d.rules.hasWord("place_nouns", t.lower(n)) ||
		d.placeMention(t, n)
}

// placeMention reports whether a place mention overlaps node n's word
// (mentions are indexed by their first token: those starting up to 6 tokens before it are read).
func (d *claimDoc) placeMention(t *depTree, n int) bool {
	a, b := d.wordTokens(t.w[n].Span)
	for k := max(0, a-6); k < b; k++ {
		for _, m := range d.mentions[k] {
			if m.kind == KindPlace && m.start < b && m.end > a {
				return true
			}
		}
	}
	return false
}

// coordinationEnd widens a phrase ending at hi over the conjuncts after
// node n, and theirs in turn: the parser chains "Farmers, fishers and
// herders" as well as it fans them out.
func (t *depTree) coordinationEnd(n, hi int) int {
	for _, c := range t.conjuncts(n) {
		if c > hi {
			_, chi := t.phrase(c)
			hi = t.coordinationEnd(c, max(hi, chi))
		}
	}
	return hi
}

// withAppos widens a phrase over the node's apposition, without the
// apposition's relative clauses: "The son of former President Richard von
// Weizsäcker, Fritz Eckart von Weizsäcker".
func (t *depTree) withAppos(n, lo, hi int) (int, int) {
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "appos" && k > hi {
			_, h := t.phrase(k)
			hi = max(hi, h)
		}
	}
	return lo, hi
}

// partitiveAntecedent returns the noun that "whom" or "which" stands for
// when n picks members out of it ("many of whom", "two of which"), or -1.
// The clause may hang on that noun (acl) or, misparsed, on the verb
// before it; then the noun is the one before the comma that opens the
// clause, or the noun its of-phrase hangs on ("families from the village,
// many of whom": the families).
func (t *depTree) partitiveAntecedent(n, trigger int) int {
	rel := -1
	for _, k := range t.kids[n] {
		if l := t.lemma(k); (l == "whom" || l == "which") && (t.w[k].Rel == "nmod" || t.w[k].Rel == "obl") && t.caseOf(k) == "of" {
			rel = k
		}
	}
	if rel < 0 {
		return -1
	}
	if h := t.w[trigger].Head - 1; h >= 0 && h < n && strings.HasPrefix(t.w[trigger].Rel, "acl") {
		return h
	}
	lo, _ := t.phrase(n)
	if lo < 2 || t.lows[lo-1] != "," {
		return -1
	}
	h := lo - 2
	if u := t.w[h].UPOS; u != "NOUN" && u != "PROPN" {
		return -1
	}
	for t.w[h].Rel == "nmod" {
		up := t.w[h].Head - 1
		if up < 0 || up > h || (t.w[up].UPOS != "NOUN" && t.w[up].UPOS != "PROPN") {
			break
		}
		h = up
	}
	return h
}

// pathTo names the relation path that reached n, for --explain.
func (t *depTree) pathTo(trigger, n int, a depArg) string {
	for k, path := range a.paths {
		for _, x := range t.follow(trigger, path) {
			if x == n {
				return a.pathSrc[k]
			}
		}
	}
	return "conj"
}

// phraseOfNumber is a count's words: the number and its own modifiers
// ("at least 27"), not the noun it counts.
func (t *depTree) phraseOfNumber(n int) (int, int) {
	if t.w[n].UPOS != "NUM" {
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "nummod" {
				n = k
				break
			}
		}
	}
	lo, hi := n, n
	var walk func(k int)
	walk = func(k int) {
		lo, hi = min(lo, k), max(hi, k)
		for _, c := range t.kids[k] {
			switch t.w[c].Rel {
			case "advmod", "fixed", "compound", "case", "nummod", "quantmod", "cc", "conj":
				if t.w[c].Rel == "conj" || t.w[c].Rel == "cc" {
					continue
				}
				walk(c)
			}
		}
	}
	walk(n)
	return lo, hi
}

// numberAt returns the number mention within tokens [a, b) that holds the
// word at sp, or the only one there.
func (d *claimDoc) numberAt(a, b int, sp Span) *mention {
	var only *mention
	count := 0
	for k := max(0, a-3); k < b; k++ {
		for _, m := range d.mentions[k] {
			if m.kind != KindNumber || m.ent == nil {
				continue
			}
			if m.ent.Start <= sp.Start && sp.End <= m.ent.End {
				return m
			}
			// (A qualifier the parser hung elsewhere may start the mention
			// before the phrase: "at least" read as an nmod.)
			if m.end > a && m.end <= b {
				only, count = m, count+1
			}
		}
	}
	if count == 1 {
		return only
	}
	return nil
}

// animate reports whether node n names people: a word of the victims
// list, a pronoun for people, a number or a counted noun, or a person or
// organization mention.
func (d *claimDoc) animate(t *depTree, n int) bool {
	w := t.w[n]
	form, lemma := t.lower(n), t.lemma(n)
	if strings.HasSuffix(lemma, "self") || strings.HasSuffix(lemma, "selves") {
		return false // "hurt herself" is no casualty
	}
	if w.UPOS == "PROPN" {
		return true // a name a verb of killing takes is someone's
	}
	for _, k := range t.kids[n] {
		if t.lemma(k) == "all" && k < n {
			return true // "All on board were killed"
		}
	}
	if d.rules.hasWord("victims", form) || d.rules.hasWord("victims", lemma) || d.rules.hasWord("force_nouns", form) || d.rules.hasWord("people_words", lemma) || d.rules.hasWord("people_words", form) {
		return true
	}
	switch w.UPOS {
	case "NUM":
		return true
	case "PRON":
		return !strings.Contains(" it this that which what something anything nothing ", " "+lemma+" ")
	}
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "nummod" {
			return true
		}
	}
	a, b := d.wordTokens(w.Span)
	for k := max(0, a-6); k < b; k++ {
		for _, m := range d.mentions[k] {
			// A person or group, or a count ("tens of thousands").
			if (m.kind == KindPerson || m.kind == KindOrganization || m.kind == KindNumber) && m.start < b && m.end > a {
				return true
			}
		}
	}
	return false
}

// numberType returns the type of the number mention at node n (the node's
// own words and its number: "$" with "5,000").
func (d *claimDoc) numberType(t *depTree, n int) (string, bool) {
	lo, hi := t.phraseOfNumber(n)
	pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
	if pa >= pb {
		return "", false
	}
	m := d.numberAt(pa, pb, t.w[n].Span)
	if m == nil || m.ent == nil {
		return "", false
	}
	return m.ent.Type, true
}

// human reports whether node n names a person or people: a person
// mention, a pronoun for people, a word of the people lists; unlike
// person, an organization is none.
func (d *claimDoc) human(t *depTree, n int) bool {
	form, lemma := t.lower(n), t.lemma(n)
	if d.rules.hasWord("victims", form) || d.rules.hasWord("victims", lemma) || d.rules.hasWord("people_words", lemma) || d.rules.hasWord("people_words", form) {
		return true
	}
	if t.w[n].UPOS == "PRON" {
		return strings.Contains(" he she they him her them i we you ", " "+lemma+" ")
	}
	// A person's name takes no article: "the Nasdaq Composite", which the
	// name finder may read as a person, is an index.
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "det" {
			return false
		}
	}
	a, b := d.wordTokens(t.w[n].Span)
	for k := max(0, a-6); k < b; k++ {
		for _, m := range d.mentions[k] {
			if m.kind == KindPerson && m.start < b && m.end > a {
				return true
			}
		}
	}
	return false
}

// person reports whether node n names people by its words: a name, a
// person or group mention, a pronoun for people, or a word of the people
// lists. Unlike animate, a number alone does not make one: "195,600
// jobs", "$5 million".
func (d *claimDoc) person(t *depTree, n int) bool {
	w := t.w[n]
	form, lemma := t.lower(n), t.lemma(n)
	if d.rules.hasWord("victims", form) || d.rules.hasWord("victims", lemma) || d.rules.hasWord("force_nouns", form) || d.rules.hasWord("people_words", lemma) || d.rules.hasWord("people_words", form) {
		return true
	}
	if w.UPOS == "PRON" {
		return !strings.Contains(" it this that which what something anything nothing ", " "+lemma+" ")
	}
	a, b := d.wordTokens(w.Span)
	named := false // a place's name ("New Orleans") is no demonym
	for k := max(0, a-6); k < b; k++ {
		for _, m := range d.mentions[k] {
			if (m.kind == KindPerson || m.kind == KindOrganization) && m.start < b && m.end > a {
				return true
			}
			if m.kind == KindPlace && m.start < b && m.end > a {
				if m.ent != nil && m.ent.Type == PlaceDemonym && (w.UPOS == "NOUN" || w.UPOS == "PROPN") {
					return true // "half of Germans", "three-quarters of French": a demonym as a noun
				}
				named = true
			}
		}
	}
	// "about 6% of sub-Saharan Africans", "Republicans": a capitalized
	// plural in -ans names people of a place, party or faith.
	return !named && len(w.Form) > 5 && w.Form[0] >= 'A' && w.Form[0] <= 'Z' && strings.HasSuffix(w.Form, "ans")
}

// hasFigure reports whether sentence s holds a number some numeric
// dependency trigger takes.
func (d *claimDoc) hasFigure(s Sentence) bool {
	for i := s.First; i < s.Last; i++ {
		// "half of their population": a fraction's of-phrase, for a rule
		// that takes fractions ("the third quarter" is none).
		if d.rules.numTypes[NumFraction] && i+1 < s.Last && d.toks[i+1].Lower == "of" && fractionWord(d.toks[i].Lower) {
			return true
		}
		if d.rules.numTypes[NumMultiple] && multipleWord(d.toks[i].Lower) {
			return true // "doubled the price"
		}
		for _, m := range d.mentions[i] {
			if m.kind == KindNumber && m.ent != nil && (d.rules.numAny || d.rules.numTypes[m.ent.Type]) {
				return true
			}
		}
	}
	return false
}

// hasNumber reports whether sentence s holds a number mention, or a
// fraction word a rule may read as one ("by one-third", "by half").
func (d *claimDoc) hasNumber(s Sentence) bool {
	for i := s.First; i < s.Last; i++ {
		if fractionWord(d.toks[i].Lower) {
			return true // "half", "two-thirds" (one token)
		}
		for _, m := range d.mentions[i] {
			if m.kind == KindNumber {
				return true
			}
		}
	}
	return false
}

// addressesReader reports a clause whose subject is the reader: "you pay
// $7 a month", "your to-do list will shrink to 25%".
func (t *depTree) addressesReader(v int) bool {
	for _, k := range t.kids[v] {
		if !strings.HasPrefix(t.w[k].Rel, "nsubj") {
			continue
		}
		if l := t.lemma(k); l == "you" {
			return true
		}
		// The possessive may hang on a compound of the subject ("your
		// to-do list": "your" on "do").
		mods := []int{k}
		for _, d := range t.kids[k] {
			if t.w[d].Rel == "compound" {
				mods = append(mods, d)
			}
		}
		for _, m := range mods {
			for _, d := range t.kids[m] {
				if l := t.lemma(d); (t.w[d].Rel == "nmod:poss" || t.w[d].Rel == "det:poss" || t.w[d].Rel == "det") && (l == "your" || l == "you") {
					return true
				}
			}
		}
	}
	return false
}

// readerClause reports an event whose clause, or a clause it hangs on,
// has the reader as subject: a game review's "you'll parry the bolts,
// killing them", a manual's "you attack the castle". News reports events
// of third persons.
func (t *depTree) readerClause(i int) bool {
	for n, steps := i, 0; n >= 0 && steps < 4; steps++ {
		if t.addressesReader(n) {
			return true
		}
		for _, k := range t.kids[n] {
			if strings.HasPrefix(t.w[k].Rel, "nsubj") {
				return false // a clause of its own: "You said the soldiers killed five people"
			}
		}
		switch t.w[n].Rel {
		case "advcl", "xcomp", "conj", "acl":
			n = t.w[n].Head - 1
		default:
			return false
		}
	}
	return false
}

// intendedEvent reports whether the event noun i is the object of a verb
// of intending or preventing ("to plan Alinejad's murder", "foiled the
// killing of the minister"): an event that has not happened. (The parser
// sometimes tags a possessive's "killing" a verb; it is the same noun.)
func (t *depTree) intendedEvent(i int) bool {
	if t.w[i].Rel != "obj" {
		return false
	}
	h := t.w[i].Head - 1
	if h < 0 {
		return false
	}
	switch t.lemma(h) {
	case "plan", "plot", "attempt", "try", "threaten", "prevent", "foil", "thwart", "avert", "fear", "seek", "want", "order", "demand", "call":
		return true
	}
	return false
}

// inClause reports whether word i belongs to a clause: some word on its
// way to the root is a verb or a predicate with a copula or auxiliary. A
// figure in a heading, a caption or a table row has none ("LB Mack Wilson
// 74 100% 1 tackle").
func (t *depTree) inClause(i int) bool {
	predicate := func(n int) bool {
		if t.w[n].UPOS == "VERB" {
			return true
		}
		for _, k := range t.kids[n] {
			if r := t.w[k].Rel; r == "cop" || r == "aux" || r == "aux:pass" {
				return true
			}
		}
		return false
	}
	for n, steps := i, 0; n >= 0 && steps <= len(t.w); n, steps = t.w[n].Head-1, steps+1 {
		if predicate(n) {
			return true
		}
		if t.w[n].Head == 0 {
			// A noun root with the sentence's verb hung beside it (a
			// misparse: "Botswana, with ... herd at 130,000 elephants,
			// has recorded ...").
			for _, k := range t.kids[n] {
				if r := t.w[k].Rel; (r == "dep" || r == "parataxis" || r == "appos" || r == "conj" || r == "ccomp") && predicate(k) {
					return true
				}
			}
		}
	}
	return false
}

// countedAttribute reports an attribute with a count of its own outside
// the figure ("85% 1 tackle": the tackle is counted, not measured by 85%).
func (t *depTree) countedAttribute(p *depPattern, b depBinding) bool {
	figLo, figHi := -1, -1
	if p.numeric {
		figLo, figHi = t.subtree(b.trigger)
	}
	figure := func(k int) bool {
		if k >= figLo && k <= figHi {
			return true
		}
		for ai, a := range p.args {
			if n := b.nodes[ai]; n >= 0 && (a.role == "value" || a.role == "baseline") && t.inside(k, n) {
				return true
			}
		}
		return false
	}
	for ai, a := range p.args {
		n := b.nodes[ai]
		if n < 0 || a.role != "attribute" {
			continue
		}
		for _, k := range t.kids[n] {
			if t.w[k].Rel == "nummod" && t.w[k].UPOS == "NUM" && !figure(k) {
				return true
			}
		}
	}
	return false
}

func (t *depTree) hasCop(n int) bool {
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "cop" {
			return true
		}
	}
	return false
}

// treeSource returns who reports a figure or event whose clause is the
// complement of a verb of estimating or reporting: "The Tax Foundation
// projected in May that the tariffs would reduce GDP by 0.25 percent".
// (Verbs of saying are read by the attribution finder.)
func (d *claimDoc) treeSource(t *depTree, i int) (Arg, bool) {
	for n, steps := i, 0; steps < 5; steps++ {
		h := t.w[n].Head - 1
		if h < 0 {
			break
		}
		if t.w[n].Rel == "ccomp" {
			switch t.lemma(h) {
			case "project", "estimate", "forecast", "predict", "calculate", "report", "find", "show", "conclude", "count", "tally", "record":
				for _, k := range t.kids[h] {
					if t.w[k].Rel != "nsubj" || t.w[k].UPOS == "PRON" {
						continue
					}
					lo, hi := t.phrase(k)
					pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
					if pa >= pb {
						return Arg{}, false
					}
					var m *mention
					for _, x := range d.mentions[pa] {
						if x.end == pb && x.kind != KindNumber && x.kind != KindDate {
							m = x
						}
					}
					return d.arg(capture{"source", pa, pb, m, nil}), true
				}
			}
			return Arg{}, false // the nearest clause's verb decides
		}
		n = h
	}
	return Arg{}, false
}

// partitiveOne reports whether node n is "one" picking a member out of an
// of-phrase: "one of the leaders".
func (t *depTree) partitiveOne(n int) bool {
	if t.w[n].UPOS != "NUM" || t.lemma(n) != "one" {
		return false
	}
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "nmod" && t.caseOf(k) == "of" {
			return true
		}
	}
	return false
}

// partitive reports whether node n picks its referent out of the group
// an of-phrase names: "many of the residents", "some of them".
func (t *depTree) partitive(n int) bool {
	for _, k := range t.kids[n] {
		if t.w[k].Rel == "nmod" && t.caseOf(k) == "of" {
			return true
		}
	}
	return false
}

// multipleWord reports a form of a verb of multiplying.
func multipleWord(w string) bool {
	for l := range multiples {
		if strings.HasPrefix(w, l[:len(l)-1]) && len(w) <= len(l)+3 {
			return true // double, doubled, doubles, doubling
		}
	}
	return false
}

// fractionWord reports a fraction's denominator, alone or after its
// numerator in one token: "half", "third", "two-thirds".
func fractionWord(w string) bool {
	_, ok := fractionDenominators[w[strings.LastIndexByte(w, '-')+1:]]
	return ok
}

// fractionDenominators are the words of a fraction's denominator.
var fractionDenominators = map[string]float64{"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
	"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

// fraction reads node n as a fraction: "one-third" (numerator and
// denominator one word or two), "two-thirds", "a quarter", a bare "half".
// An ordinal's phrase is none: "the third quarter", "a third straight
// day", "a fifth of whisky" aside (a modifier or another determiner
// than a/an leaves it out).
func (t *depTree) fraction(n int) (float64, bool) {
	low := t.lows[n]
	if i := strings.LastIndexByte(low, '-'); i > 0 {
		d, ok := fractionDenominators[low[i+1:]]
		v, ok2 := numUnits[low[:i]]
		if !ok || !ok2 || v == 0 || v >= d {
			return 0, false
		}
		return v / d, true
	}
	d, ok := fractionDenominators[low]
	if !ok {
		return 0, false
	}
	num := -1.0
	for _, k := range t.kids[n] {
		switch r := t.w[k].Rel; r {
		case "nummod":
			v, ok := numUnits[t.lows[k]]
			if !ok || k > n {
				return 0, false
			}
			num = v
		case "det":
			if l := t.lows[k]; l != "a" && l != "an" {
				return 0, false
			}
			num = 1
		case "nmod":
			// "half of their population": the whole the share is of.
			if t.caseOf(k) != "of" {
				return 0, false
			}
		case "amod", "compound", "acl", "acl:relcl", "det:poss", "nmod:poss":
			return 0, false
		}
	}
	if num < 0 && (low == "half" || low == "halves") {
		num = 1
	}
	if num <= 0 || num >= d {
		return 0, false
	}
	return num / d, true
}

// fractionOK reports whether node n reads as a fraction.
func (t *depTree) fractionOK(n int) bool {
	_, ok := t.fraction(n)
	return ok
}

// multiples are the factors of the verbs of multiplying.
var multiples = map[string]float64{"double": 2, "triple": 3, "treble": 3, "quadruple": 4}

// multipleOK reports whether node n is a verb of multiplying.
func (t *depTree) multipleOK(n int) bool {
	_, ok := multiples[t.lemma(n)]
	return ok && t.w[n].UPOS == "VERB"
}

// multipleMention makes a number mention of the factor a verb of
// multiplying names, over the verb and its qualifier ("more than
// doubled": 2, more_than); nil when n is no such verb.
func (d *claimDoc) multipleMention(t *depTree, n int) *mention {
	v, ok := multiples[t.lemma(n)]
	if !ok || t.w[n].UPOS != "VERB" {
		return nil
	}
	lo := n
	for _, c := range t.kids[n] {
		if t.w[c].Rel == "advmod" && c < n && slices.Contains([]string{"more", "nearly", "almost", "roughly", "about", "over"}, t.lower(c)) {
			lo = min(lo, c) // "more than doubled", "nearly tripled"
		}
	}
	pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[n].Span.End})
	if pa >= pb {
		return nil
	}
	return d.figureWordMention(pa, pb, v, NumMultiple)
}

// fractionMention makes a number mention of the fraction at node n, over
// the fraction's words and its qualifier ("More than half", "nearly
// one-fifth", "roughly a quarter"); nil when n is no fraction.
func (d *claimDoc) fractionMention(t *depTree, n int) *mention {
	v, ok := t.fraction(n)
	if !ok {
		return nil
	}
	lo, hi := n, n
	var walk func(k int)
	walk = func(k int) {
		lo, hi = min(lo, k), max(hi, k)
		for _, c := range t.kids[k] {
			switch r := t.w[c].Rel; {
			case r == "advmod" || r == "fixed" || r == "det" || r == "nummod" || r == "punct" && c < n && c > lo-2:
				walk(c)
			}
		}
	}
	walk(n)
	// "more than a third": the parser often makes "more" the head, the
	// fraction its oblique with "than".
	if h := t.w[n].Head - 1; h >= 0 && h < lo && t.w[n].Rel == "obl" && slices.Contains([]string{"more", "less", "fewer"}, t.lower(h)) {
		for _, c := range t.kids[n] {
			if t.w[c].Rel == "case" && t.lower(c) == "than" {
				lo = h
			}
		}
	}
	pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
	if pa >= pb {
		return nil
	}
	return d.figureWordMention(pa, pb, v, NumFraction)
}

// figureWordMention makes the number mention of a figure written as a
// word over tokens [pa, pb), with the qualifier its first words are
// ("More than half": more_than).
func (d *claimDoc) figureWordMention(pa, pb int, v float64, typ string) *mention {
	sp := d.spanOf(pa, pb)
	qual := QualExact
	if ps, ok := numQualPhrases[d.toks[pa].Lower]; ok {
		for _, q := range ps {
			if numMatchWords(d.toks, pa, q.words) {
				qual = q.qual
				break
			}
		}
	}
	return &mention{kind: KindNumber, start: pa, end: pb, ent: &Entity{Kind: KindNumber, Span: sp, Text: d.text[sp.Start:sp.End], Value: &v, Qualifier: qual, Type: typ}}
}

// unitEnd extends a unit ending before token ub over a rate written
// without spaces ("km/h", "m/s", "cases/day"): the parse splits it at the
// slash, but "km" alone is a distance, not a speed.
func (d *claimDoc) unitEnd(ub int) int {
	for ub+1 < len(d.toks) && d.toks[ub].Text == "/" && d.toks[ub].Start == d.toks[ub-1].End &&
		d.toks[ub+1].Start == d.toks[ub].End && isWord(d.toks[ub+1].Text) {
		ub += 2
	}
	return ub
}

// withFlow extends an attribute's phrase, ending at hi, over the from-
// and to-phrases of its noun n that follow it: "imports from China to the
// U.S." measures other goods than "imports", "flights to London" other
// flights. (A place "in" a phrase is left to the place rules.)
func (t *depTree) withFlow(n, hi int) int {
	for _, k := range t.kids[n] {
		if k <= hi || t.w[k].Rel != "nmod" {
			continue
		}
		if c := t.caseOf(k); c != "from" && c != "to" {
			continue
		}
		// A bare singular noun makes an idiom, not a flow: "up 40% year
		// to date", "from time to time".
		if t.w[k].XPOS == "NN" && !t.hasKid(k, "det", "det:poss", "nmod:poss", "amod", "compound") {
			continue
		}
		lo, h := t.phrase(k)
		// Only a phrase that follows the one so far, its preposition
		// between: no clause or comma in between.
		for j := hi + 1; j < lo; j++ {
			if t.w[j].Rel != "case" || t.w[j].Head-1 != k {
				return hi
			}
		}
		hi = t.withFlow(k, h)
	}
	return hi
}
