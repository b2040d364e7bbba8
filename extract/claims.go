package extract

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// claimDoc is everything the claim matchers read for one article.
type claimDoc struct {
	text     string
	toks     []Token
	sents    []Sentence
	ents     []Entity
	body     []bool // per sentence: inside a paragraph region
	mentions map[int][]*mention
	dated    []bool // per token: inside a date mention
	// quoted marks the tokens where a quote mention starts
	// (addQuoteMention), so that insideQuote looks up only those in
	// mentions; nil when there is none.
	quoted  []bool
	rules   *RuleSet
	explain bool // record what each pattern element matched
	// trees holds each sentence's dependency tree, nil when the sentence
	// was not parsed (no parser, or not a body sentence).
	trees []*depTree
	// parse, when set, parses sentence si on demand (a statement's
	// speaker is checked on the tree of a sentence no dependency rule
	// asked for).
	parse func(si int) *depTree
	// ctx, when set, stops the claim stage between sentences (the
	// caller, ExtractContext, returns its error).
	ctx context.Context
	// published is the article's publication day ("YYYY-MM-DD", "" when
	// unknown): a statement was made by then.
	published string
	// fired names the rules that made a claim before duplicates were
	// dropped (TestRuleExamples: a rule's example must fire it even when
	// another rule's reading of the sentence is kept).
	fired map[string]bool
}

func newClaimDoc(text string, toks []Token, sents []Sentence, ents []Entity, regions []Region, rules *RuleSet) *claimDoc {
	d := &claimDoc{text: text, toks: toks, sents: sents, ents: ents, rules: rules, mentions: map[int][]*mention{}}
	d.body = make([]bool, len(sents))
	for si, s := range sents {
		d.body[si] = len(regions) == 0
		for _, r := range regions {
			if (r.Kind == "paragraph") && s.Start >= r.Start && s.End <= r.End {
				d.body[si] = true
			}
			// "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on
			// Wednesday accused ...": the first sentence of a story starts
			// in its dateline and is body text all the same.
			if r.Kind == "paragraph" && s.Start < r.Start && s.End > r.Start && s.End <= r.End {
				for _, dl := range regions {
					if dl.Kind == "dateline" && s.Start >= dl.Start && dl.End <= r.Start {
						d.body[si] = true
					}
				}
			}
		}
	}
	for i := range ents {
		e := &ents[i]
		a, b := d.tokRange(e.Span)
		if e.Kind == KindDate {
			if d.dated == nil {
				d.dated = make([]bool, len(toks))
			}
			for k := a; k < b; k++ {
				d.dated[k] = true
			}
		}
		if a < b {
			d.mentions[a] = append(d.mentions[a], &mention{kind: e.Kind, start: a, end: b, ent: e, norm: e.Norm})
		}
	}
	d.addQuotes()
	d.addCoref()
	return d
}

// tokRange maps a byte span to the token range it covers.
func (d *claimDoc) tokRange(s Span) (int, int) {
	a := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= s.Start })
	b := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= s.End })
	return a, b
}

// spanText returns the byte span and text of tokens [a, b).
func (d *claimDoc) spanOf(a, b int) Span { return Span{Start: d.toks[a].Start, End: d.toks[b-1].End} }

// claims runs every rule over every body sentence, then the Go matchers
// that are really code (quote continuation), then fills the roles every
// claim may carry: source, time, place, certainty.
func (d *claimDoc) claims() []Claim {
	var out []Claim
	words, kinds := make([]bool, len(d.rules.needs.words)), make([]bool, len(d.rules.needs.kinds))
	var mark []bool
	// One matcher for all the sentences: its continuation and capture
	// stacks (frames, capBuf) are empty again after every match, and a
	// matcher made per sentence grew them anew from nothing each time.
	sm := &sentMatcher{}
	for si, s := range d.sents {
		if !d.body[si] || d.foreignSentence(s) {
			continue
		}
		if d.ctx != nil && d.ctx.Err() != nil {
			return nil
		}
		// Rules read the sentence after its dateline: "KABUL — Taliban
		// fighters killed ..." has the cause "Taliban fighters". The
		// dateline's place still locates the sentence's claims.
		s := d.parsedPart(si)
		*sm = sentMatcher{toks: d.toks, first: s.First, last: s.Last, mentions: d.mentions, dated: d.dated, rules: d.rules, trace: d.explain,
			frames: sm.frames[:0], capBuf: sm.capBuf[:0]}
		clear(words)
		clear(kinds)
		longMention := false // a mention longer than the anchors assume
		for i := s.First; i < s.Last; i++ {
			if id, ok := d.rules.needs.words[d.toks[i].Lower]; ok {
				words[id] = true
			}
			for _, m := range d.mentions[i] {
				if id, ok := d.rules.needs.kinds[m.kind]; ok {
					kinds[id] = true
				}
				longMention = longMention || m.end-m.start > maxMention
			}
		}
		var sentClaims []Claim
		for _, r := range d.rules.Rules {
			for _, p := range r.Patterns {
				if !p.possible(words, kinds) {
					continue
				}
				mark = p.starts(d.toks, s.First, s.Last, mark, longMention, d.mentions)
				for i := s.First; i < s.Last; i++ {
					if !mark[i-s.First] {
						continue
					}
					end, caps, ok := sm.matchAt(p, i)
					if !ok || end <= i {
						continue
					}
					if c, ok := d.build(r, si, i, end, caps, sentClaims, "", i); ok {
						if d.explain {
							c.Explain = d.explainMatch(r, p, caps)
						}
						if d.fired != nil {
							d.fired[r.ID] = true
						}
						sentClaims = append(sentClaims, c)
					}
					i = end - 1
				}
			}
		}
		if si < len(d.trees) && d.trees[si] == nil && d.parse != nil &&
			d.rules.mayTriggerStatement(d.toks[s.First:s.Last], func(k int) bool { return d.inStatement(sentClaims, s.First+k) }) {
			d.tree(si) // a verb of saying no surface rule read
		}
		if si < len(d.trees) && d.trees[si] != nil {
			sentClaims = append(sentClaims, d.depClaims(si, d.trees[si], sentClaims)...)
		}
		sentClaims = d.relativeReports(si, s, sentClaims)
		out = append(out, d.coordinatedSpeakers(dropUnnamedQuantities(dropConvertedAmounts(d.text, d.coordinatedPlaces(dropBaselineTimes(d.changeSubjects(si, dropCountedQuantities(dedupeClaims(dropFallbacks(d.coordinatedCounts(sentClaims), d.rules.isFallback), d.rules.isDep))))))))...)
	}
	out = dropUnsaid(d.text, out)
	d.resolveSpeakers(out)
	out = append(out, d.continuedQuotes(out)...)
	out = dropUnresolvedSpeakers(out)
	out = d.pairSpeakers(out)
	quoteClaimSpans(d.text, out)
	closeContentQuotes(d.text, out)
	quotedSources(out)
	firstPersonSources(out)
	out = nestedSources(out)
	out = d.attributedAccordingTo(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return argStart(out[i]) < argStart(out[j])
	})
	return out
}

// afterPublication reports whether the date norm (a day, month or year,
// or an interval "A/B") starts after the article's publication day.
func (d *claimDoc) afterPublication(norm string) bool {
	if len(d.published) < 10 || norm == "" {
		return false
	}
	start, _, _ := strings.Cut(norm, "/")
	if len(start) > 10 || len(start) < 4 {
		return false
	}
	return start > d.published[:len(start)]
}

// dropUnsaid drops an event whose victims are "anyone" ("did not say
// whether anyone was arrested"): the article says nothing happened to
// anyone it knows of. And a statement whose speaker is the first
// conjunct after "neither" ("Neither the ministry nor the police have
// confirmed ..."), which the tree rules read as "the ministry"; the
// surface rules' speakers are statementHolds's (negated_speakers,
// said_nothing).
func dropUnsaid(text string, cs []Claim) []Claim {
	return slices.DeleteFunc(cs, func(c Claim) bool {
		if sp, ok := findArg(c, "speaker"); ok && c.Kind == "statement" {
			before := strings.TrimRight(text[:sp.Start], " ")
			if i := strings.LastIndexByte(before, ' '); foldLower(before[i+1:]) == "neither" {
				return true
			}
		}
		if v, ok := findArg(c, "victims"); ok && isEvent(c.Kind) {
			switch foldLower(v.Text) {
			case "anyone", "anybody", "any", "no one", "nobody", "none":
				return true
			}
		}
		return false
	})
}

// dropConvertedAmounts drops a quantity whose figure is the conversion, in
// parentheses, of the figure before it ("26 billion baht ($860 million)
// in revenue": one amount, the article's own first): the claim of the
// first figure stays.
func dropConvertedAmounts(text string, cs []Claim) []Claim {
	ends := map[int]bool{}
	for _, c := range cs {
		if c.Kind != "quantity" {
			continue
		}
		for _, a := range c.Args {
			if a.Role == "value" || a.Role == "unit" {
				ends[a.End] = true
			}
		}
	}
	return slices.DeleteFunc(cs, func(c Claim) bool {
		v, ok := findArg(c, "value")
		if !ok || c.Kind != "quantity" {
			return false
		}
		before := strings.TrimRight(text[:v.Start], " ")
		if !strings.HasSuffix(before, "(") || !strings.HasPrefix(text[v.End:], ")") {
			return false
		}
		return ends[len(strings.TrimRight(strings.TrimSuffix(before, "("), " "))]
	})
}

// dropUnnamedQuantities drops a quantity that names neither what the
// figure measures nor whose it is: a value alone ("up to 99%" whose
// attribute the checks removed) says nothing an analyst can query.
func dropUnnamedQuantities(cs []Claim) []Claim {
	kept := cs[:0]
	for _, c := range cs {
		if c.Kind == "quantity" && !hasRole(c, "attribute") && !hasRole(c, "subject") {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// foreignSentence reports a sentence in another language than English:
// at least two of its words, and a fifth of them, are function words
// of German, French, Spanish, Italian or Dutch that English never uses
// (a German "die Regierung" read as the verb "die"). Words inside a
// name do not count: "Ursula von der Leyen", "Los Angeles", "Le Monde".
func (d *claimDoc) foreignSentence(s Sentence) bool {
	n, words, named := 0, 0, s.First
	for i := s.First; i < s.Last; i++ {
		for _, m := range d.mentions[i] {
			if d.toks[i].Cap {
				named = max(named, m.end) // ("der Patient" is no name)
			}
		}
		t := d.toks[i]
		if !isWordRune(firstRune(t.Text)) {
			continue
		}
		words++
		if foreignFunctionWords[t.Lower] && i >= named {
			n++
		}
	}
	return n >= 2 && 5*n >= words
}

// foreignFunctionWords are articles, pronouns, prepositions,
// conjunctions and auxiliaries of other languages, none an English word.
var foreignFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`der und ist nicht mit das dem den des ein eine einen einem einer eines sich von zu
		wird werden wurde sind auch bei nach oder aus für über wir ich sie auf im zum zur vom durch wie noch nur aber
		kann können haben dass daß diese dieser dieses sein seine ihre ihr soll sollen hier kein keine mehr schon
		immer wenn weil dann denn doch sehr jetzt zwischen gegen ohne seit sowie bereits wurden müssen muss gibt
		allerdings beim
		le la les du et est une dans pour pas qui sur au aux avec sont ce cette nous vous ils elle été être très
		el los las del y es una por para con que se su sus al como más pero ha han está están fue
		il di che della delle dei gli sono è het een van zijn niet voor wordt`) {
		m[w] = true
	}
	return m
}()

// inStatement reports whether token k lies between the first and the
// last argument of one of the statements of cs, or within two tokens
// of its speaker (the verb of "“...,” he said", "said Mayor X").
func (d *claimDoc) inStatement(cs []Claim, k int) bool {
	s := d.toks[k].Span
	for _, c := range cs {
		if c.Kind != "statement" || len(c.Args) == 0 {
			continue
		}
		// "X has voiced concern over ..., according to Z": a verb of
		// saying inside what "according to" attributes is an attribution
		// of its own (one more statement), so it does not count as read.
		if isAccordingTo(c.Rule) {
			if sp, ok := findArg(c, "speaker"); ok {
				if a, b := d.wordTokens(sp.Span); k >= a-2 && k < b {
					return true
				}
			}
			continue
		}
		lo, hi := c.Args[0].Start, c.Args[0].End
		for _, a := range c.Args {
			lo, hi = min(lo, a.Start), max(hi, a.End)
		}
		// A verb of saying inside what was said is not read by the
		// statement around it: "said Beijing had assured it that ..." is
		// also Beijing's (nestedStatement).
		if ct, ok := findArg(c, "content"); ok && s.Start >= ct.Start && s.End <= ct.End && !d.insideQuote(s) {
			continue
		}
		if s.Start >= lo && s.End <= hi {
			return true
		}
		if sp, ok := findArg(c, "speaker"); ok {
			if a, b := d.wordTokens(sp.Span); k >= a-2 && k < b+2 {
				return true
			}
		}
	}
	return false
}

// saidBefore reports whether tokens [first, k) of sentence si hold a verb
// of saying (@quote_verbs, outside a quotation) that the tree gives a
// clause of its own: not "who had written the song", "That being said".
func (d *claimDoc) saidBefore(si, first, k int) bool {
	for i := first; i < k; i++ {
		if !d.rules.hasWord("quote_verbs", d.toks[i].Lower) || d.insideQuote(d.toks[i].Span) {
			continue
		}
		t := d.tree(si)
		if t == nil {
			return false
		}
		if v := t.wordAt(d.toks[i].Span); v >= 0 && t.hasKid(v, "ccomp", "parataxis") {
			return true
		}
	}
	return false
}

func argStart(c Claim) int {
	m := c.End
	for _, a := range c.Args {
		m = min(m, a.Start)
	}
	return m
}

// build turns one match into a claim. It returns false when the match
// must stay silent (negated or hypothetical events).
//
// treeCert is the certainty a dependency rule read off the tree ("" for
// surface rules, whose certainty comes from the words around the match);
// anchor is the trigger's token, before which a verb of claim or denial
// governs it (the match start for surface rules: a dependency match may
// begin at an actor before "claimed").
func (d *claimDoc) build(r *Rule, si, start, end int, caps []capture, prev []Claim, treeCert string, anchor int) (Claim, bool) {
	s := d.sents[si]
	// "Tran told a conference that Vietnam was a “preferred hub for
	// health care”, the investment review says": a quotation inside what
	// a verb of saying before it reports is that speaker's; the speaker
	// after it attributes the whole clause (clause_said, the inner
	// statement nested in it), not the quoted words.
	if r.ID == "statement.quote_speaker_said" {
		for _, cp := range caps {
			if cp.role == "content" && d.saidBefore(si, s.First, cp.start) {
				return Claim{}, false
			}
		}
	}
	c := Claim{Kind: r.Kind, Rule: r.ID, Span: s.Span, Text: d.text[s.Start:s.End]}
	for _, cp := range caps {
		if cp.role == "" {
			continue // an element traced for --explain
		}
		// "Women make up 60% of the displaced": a share or a sum counts
		// no one; the figure is a quantity's. Nor does a rank: "a third
		// was killed" is one more person, not three.
		if cp.role == "count" && r.Kind == "casualty" && cp.m != nil && cp.m.ent != nil && (cp.m.ent.Type == NumPercent || cp.m.ent.Type == NumMoney || cp.m.ent.Type == NumOrdinal) {
			return Claim{}, false
		}
		if cp.role == "value" && r.ValueNumber != nil && (cp.m == nil || cp.m.ent == nil || !r.ValueNumber[cp.m.ent.Type]) {
			return Claim{}, false // "rose 3 places": no sum or share
		}
		a := d.arg(cp)
		if n, ok := r.Norm[cp.role]; ok {
			a.Norm = n
		}
		c.Args = append(c.Args, a)
	}
	// "With a population of 340,000, it is ...": a pronoun subject names
	// the last town named before. Of any other figure ("UNHCR Kenya
	// received $94 million ... For 2021, it had received $33 million") it
	// names the organization of this sentence or the one before, when
	// there is one: a body receives, spends and owes.
	for k, a := range c.Args {
		if a.Role == "subject" && a.Norm == "" && strings.EqualFold(a.Text, "it") {
			if r.Norm["attribute"] != "population" && d.lastOrgBefore(d.tokIndex(a.Start)) != nil {
				continue // quantityWhat: the body that says so, else that organization
			}
			if m := d.lastPlaceBefore(s.First); m != nil {
				c.Args[k].Norm = m.norm
			}
		}
	}
	// "“2019 is not as strong as 2018.” Officials said on Monday that the
	// road was closed": a verb of saying after a quotation with "that" and
	// a clause of its own reports that clause, not the quotation before.
	if ct, ok := findArg(c, "content"); ok && c.Kind == "statement" && end < s.Last && d.toks[end].Lower == "that" {
		if sp, ok := findArg(c, "speaker"); ok && ct.End <= sp.Start {
			return Claim{}, false
		}
	}
	// A means in capitals inside a sentence is a word of a name, not an
	// event: "Assassin's Creed Odyssey, Attack on Titan: Final Battle 2"
	// lists games.
	if a, ok := findArg(c, "means"); ok && c.Kind == "attack" {
		if k := d.tokIndex(a.Start); k > s.First && k < len(d.toks) && d.toks[k].Cap && !allCaps(d.toks[k].Text) {
			return Claim{}, false
		}
	}
	// A place is never a cause: "an airstrike on a convoy in central Gaza
	// killed seven" has no cause "central Gaza".
	kept := c.Args[:0]
	for _, a := range c.Args {
		if a.Role == "cause" && (d.endsInPlace(a.Span) || d.afterLocative(a.Span)) {
			continue
		}
		kept = append(kept, a)
	}
	c.Args = kept
	// A weapon is never the attacker: "Two missiles struck the port" is
	// the means_hit reading, not "[np] struck X" with the actor "Two
	// missiles".
	// Nor is the word before a weapon: "hit by a Russian missile strike"
	// has no actor "Russian".
	if a, ok := findArg(c, "actor"); ok && c.Kind == "attack" {
		if f := strings.Fields(a.Text); len(f) > 0 && d.rules.inList("attack_means", f[len(f)-1]) {
			return Claim{}, false
		}
		m, _ := findArg(c, "means")
		if after := d.tokIndex(a.End); after < len(d.toks) && d.toks[after].Start != m.Start && d.listAt("attack_means", after) > 0 {
			return Claim{}, false // ("an Israeli airstrike", its own means, is fine)
		}
	}
	// The place that fell is the subject, never a preposition's object:
	// "Soybean exports to Japan fell to $3.2 billion", "prices in Kenya
	// fell" ("the city of Sar-e Pul fell" keeps its of-phrase).
	if p, ok := findArg(c, "place"); ok && (r.ID == "capture.fell" || r.ID == "capture.fell_to") {
		if k := d.tokIndex(p.Start); k > 0 && k < len(d.toks) {
			switch d.toks[k-1].Lower {
			case "to", "from", "in", "at", "near", "across", "with", "for", "on", "by", "into", "against", "over":
				return Claim{}, false
			}
		}
	}
	// "A number of soldiers reached 20 villages": "a number of" counts
	// people or things as "some" does; it is no measure that reaches a
	// level ("the number of migrants reached 3 million" is).
	if a, ok := findArg(c, "attribute"); ok && c.Kind == "quantity" && strings.HasPrefix(strings.ToLower(a.Text), "a number of ") {
		return Claim{}, false
	}
	// People have fortunes, not attributes: "a man worth $5 billion".
	if a, ok := findArg(c, "subject"); ok && r.ID == "quantity.worth" {
		if f := strings.Fields(a.Text); len(f) == 0 || d.rules.inList("victims", f[len(f)-1]) || d.rules.inList("people_words", f[len(f)-1]) || d.personSpan(a.Span) {
			return Claim{}, false
		}
	}
	// "called the road “the highway of death”": a quotation that opens
	// with a capital or "the" gives the thing its name, which is no
	// statement; "called it “reckless”" is an opinion, the speaker's words.
	if r.ID == "statement.called_quote" {
		for _, cp := range caps {
			if cp.role != "content" {
				continue
			}
			for k := cp.start; k+1 < cp.end; k++ {
				if isOpenQuote(d.toks[k].Text) {
					if f := d.toks[k+1]; f.Cap || f.Lower == "the" {
						return Claim{}, false
					}
					break
				}
			}
		}
	}
	if c.Kind == "statement" && (!d.statementHolds(&c, si, end) || !d.fixSpeaker(&c, si, start, end, caps) || d.adverbSpeaker(&c) || d.speakerOpensWithVerb(&c, si)) {
		return Claim{}, false
	}
	// 'The party says "illegal" government is confiscating its assets':
	// a quotation right after the verb, with no comma or colon, that the
	// clause runs on after is a word the writer marks, not what was said
	// (the reported clause is; another rule reads it).
	if ct, ok := findArg(c, "content"); ok && c.Kind == "statement" {
		if a, b := d.wordTokens(ct.Span); a >= 2 && b+1 < s.Last && isOpenQuote(d.toks[a-1].Text) && isQuoteMark(d.toks[b].Text) {
			if p := d.toks[a-2].Text; p != "," && p != ":" && d.isSayForm(d.toks[a-2].Lower) && isWordRune(firstRune(d.toks[b+1].Text)) && !quoteThenClause[d.toks[b+1].Lower] {
				return Claim{}, false
			}
		}
	}
	// An outcome without a constant norm takes the list its words are in:
	// "among those killed" is killed, "among the wounded" injured.
	for k, a := range c.Args {
		if c.Kind == "casualty" && a.Role == "outcome" && a.Norm == "" {
			for _, o := range outcomeLists {
				if d.rules.inList(o.list, a.Text) {
					c.Args[k].Norm = o.norm
					break
				}
			}
		}
	}
	for role, n := range r.Norm {
		if !hasRole(c, role) {
			// A constant norm with no words of its own borrows the trigger's
			// span: the whole match.
			sp := d.spanOf(start, end)
			c.Args = append(c.Args, Arg{Role: role, Span: sp, Text: d.text[sp.Start:sp.End], Norm: n})
		}
	}
	for _, role := range r.Inherit {
		if hasRole(c, role) {
			continue
		}
		for k := len(prev) - 1; k >= 0; k-- {
			if prev[k].Kind == c.Kind {
				if a, ok := findArg(prev[k], role); ok {
					c.Args = append(c.Args, a)
				}
				break
			}
		}
	}
	// A statement's content keeps its own modality: "X said the city
	// could fall" is a plain statement.
	var quoted Span
	if a, ok := findArg(c, "content"); ok {
		quoted = a.Span
	}
	certEnd := end
	if sp, ok := findArg(c, "speaker"); ok && c.Kind == "statement" && quoted.End > 0 && sp.Start >= quoted.End {
		// "..., wrote Taylor, who had never smoked": what the inverted
		// speaker's apposition or relative clause says is not the
		// statement's certainty.
		certEnd = min(end, d.tokIndex(sp.End))
	}
	cert := d.certainty(si, start, max(start, anchor), certEnd, quoted)
	// (After the certainty, which reads the whole reported span: "said the
	// storm had passed, but warned that rivers could flood" is no
	// supposition of the speaker's.)
	if c.Kind == "statement" {
		d.cutLeadIn(&c)
		d.cutSourceApposition(&c, si)
		d.cutAddedClause(&c)
		d.widenPartialQuote(&c, si)
		d.cutAtClosingQuote(&c, si)
	}
	if treeCert != "" {
		// The tree says what negates or supposes the trigger; the words
		// around it still say when the article cannot verify, or
		// someone alleges or denies it.
		if cert != Unverified && cert != Alleged && cert != Denied || treeCert != Asserted {
			cert = treeCert
		}
	}
	if r.Certainty != "" {
		cert = r.Certainty
	}
	// "a kidnapped 8-year-old girl": a number glued to a hyphenated word
	// is an age or a measure, not a count of people.
	if a, ok := findArg(c, "count"); ok && a.End < len(d.text) && d.text[a.End] == '-' {
		return Claim{}, false
	}
	// "only one of the matches reached three sets": a small bare number
	// with no unit and no named attribute says nothing on its own.
	if c.Kind == "quantity" && r.Norm["attribute"] == "amount" && !hasRole(c, "unit") {
		if v, ok := findArg(c, "value"); ok && v.Value != nil && *v.Value < 1000 && isBareNumber(v.Text) {
			return Claim{}, false
		}
	}
	if c.Kind == "quantity" {
		var ok bool
		if c, ok = d.quantityWhat(c, si, start, end); !ok {
			return Claim{}, false
		}
	}
	if c.Kind == "quantity" && !d.namesAttribute(c) {
		return Claim{}, false
	}
	// (A verb's clause is no figure: "as the car hit a bomb and was then
	// attacked" is an attack; the tree read its certainty.)
	if c.Kind == "attack" && treeCert == "" && d.figurative(si, start) {
		cert = Hypothetical
	}
	// "Imports from China to the U.S. fell 5%": a place that falls is the
	// subject, never a preposition's object, and a fall by a figure is a
	// change of a quantity.
	if c.Kind == "capture" && (r.ID == "capture.fell" || r.ID == "capture.fell_to") {
		if p, ok := findArg(c, "place"); ok {
			if k := d.tokIndex(p.Start); k > s.First {
				pk := k - 1
				if d.toks[pk].Lower == "the" && pk > s.First {
					pk--
				}
				switch d.toks[pk].Lower {
				case "of":
					// ("the city of Sar-e Pul fell": the place named.)
					if pk > s.First && d.rules.hasWord("place_nouns", d.toks[pk-1].Lower) {
						break
					}
					return Claim{}, false
				case "to", "from", "in", "for", "with", "on", "at", "into":
					return Claim{}, false
				}
			}
		}
		if end < s.Last && (len(d.mentions[end]) > 0 && d.mentions[end][0].kind == KindNumber || d.toks[end].Lower == "by") {
			return Claim{}, false
		}
	}
	// "The police foiled an attack on the embassy": an attack someone
	// foiled or prevented did not take place.
	if c.Kind == "attack" && start >= 2 {
		for k := max(s.First, start-3); k < start; k++ {
			switch d.toks[k].Lower {
			case "foiled", "thwarted", "prevented", "averted", "foil", "thwart", "prevent", "avert":
				return Claim{}, false
			}
		}
	}
	// "The attack can kill hundreds": a modal right before the event's
	// verb (an adverb between) supposes it.
	if isEvent(c.Kind) && cert == Asserted {
		if o, ok := findArg(c, "outcome"); ok {
			if k := d.tokIndex(o.Start); k > s.First {
				p := k - 1
				if p > s.First && strings.HasSuffix(d.toks[p].Lower, "ly") {
					p--
				}
				switch d.toks[p].Lower {
				case "can", "could", "may", "might", "would", "will", "should", "must", "cannot":
					cert = Hypothetical
				}
			}
		}
	}
	// What the article itself negates ("did not fall", "Nobody was
	// killed") or supposes is no event; what someone denies is one, with
	// the certainty "denied".
	if (cert == negated || cert == Hypothetical) && isEvent(c.Kind) {
		return Claim{}, false
	}
	if cert == negated {
		cert = Denied
	}
	if c.Kind != "statement" && c.Kind != "role" {
		// A source is someone else than what the claim is about: "70
		// percent of Americans say" has no source "Americans".
		if src, ok := d.source(si, start, end); ok && !hasRole(c, "source") && !overlapsArg(c, src.Span) && !vagueSource(src) {
			c.Args = append(c.Args, src)
			if cert == Asserted {
				cert = Reported
			}
		}
	}
	c.Certainty = cert
	if !hasRole(c, "time") && roleAllowed(c.Kind, "time") {
		// A date inside what was said is not when it was said.
		// Nor a date inside another quotation of the sentence ("..., adding,
		// “2019 is just not as strong as 2018.”").
		// Nor, for a second statement, a date inside what the first one
		// reports ("told VOA she visited the camp on Monday and said ...").
		// Nor a date after ", noting that" past the match: the next
		// statement's ("“We are ready,” Ruiz said, noting that the talks
		// would resume in May").
		// Nor a date in the charge or reason a verb of saying governs
		// ("blamed the administration for withdrawing in 2017").
		// Nor, for a statement, a date after the article's publication
		// ("According to a U.N. report to be released next month, ..."):
		// what the article reports was said by then.
		if t, ok := d.nearest(si, start, end, KindDate, "time", quoted, c.Kind == "statement"); ok && !usesSpan(c, t.Span) && !(c.Kind == "statement" && (d.insideQuote(t.Span) || insideContent(prev, t.Span, quoted) || d.pastAddedClause(end, t.Span) || d.inComplementClause(si, anchor, t.Span) || d.outsideSubordinate(si, anchor, t.Span) || d.afterPublication(t.Norm))) {
			c.Args = append(c.Args, t)
		}
	}
	if !hasRole(c, "place") && (c.Kind == "casualty" || c.Kind == "attack") {
		if p, ok := d.placeIn(si, start, end); ok {
			c.Args = append(c.Args, p)
		} else if si > 0 && d.sameParagraph(si-1, si) {
			// "UNICEF expressed concern at child deaths in Afghanistan.
			// At least 27 children have been killed." A country carries
			// over from the sentence before, in the same paragraph; a town
			// might not be where the next event happened.
			ps := d.sents[si-1]
			if p, ok := d.placeIn(si-1, ps.Last, ps.Last); ok && d.isCountry(p.Span) {
				c.Args = append(c.Args, p)
			}
		}
	}
	sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
	// A quotation of several sentences attributed after its last one: the
	// claim's evidence runs from the opening quote mark.
	if a, ok := findArg(c, "content"); ok && a.Start < c.Start {
		st := a.Start
		if k := d.tokIndex(a.Start); k > 0 && isOpenQuote(d.toks[k-1].Text) {
			st = d.toks[k-1].Start
		}
		c.Span = Span{Start: st, End: c.End}
		c.Text = d.text[st:c.End]
	}
	return c, true
}

// pastAddedClause reports whether span s lies after a participle that
// reports more words (@added_participles: ", adding that", ", noting")
// between token end and s.
func (d *claimDoc) pastAddedClause(end int, s Span) bool {
	for k := end; k < len(d.toks) && d.toks[k].End <= s.Start; k++ {
		if d.rules.hasWord("added_participles", d.toks[k].Lower) {
			return true
		}
	}
	return false
}

// inComplementClause reports whether span s lies in a clause that the
// word at token anchor (a claim's trigger) of sentence si governs as its
// complement, the clause marked "for", "of" or "to" ("blamed X for
// withdrawing in 2017", "accused Y of lying in May"): when the deed
// charged happened, not when the words were said. A clause of time or
// circumstance ("said, after the vote in May, that") is not one. Only a
// parsed sentence is read.
func (d *claimDoc) inComplementClause(si, anchor int, s Span) bool {
	if si >= len(d.trees) || d.trees[si] == nil || anchor < 0 || anchor >= len(d.toks) {
		return false
	}
	t := d.trees[si]
	v, w := t.wordAt(d.toks[anchor].Span), t.wordAt(s)
	if v < 0 || w < 0 {
		return false
	}
	for _, k := range t.kids[v] {
		switch t.w[k].Rel {
		case "advcl", "acl", "xcomp", "ccomp":
		default:
			continue
		}
		if m := t.markOf(k); (m == "for" || m == "of" || m == "to") && t.inside(w, k) {
			return true
		}
	}
	return false
}

// outsideSubordinate reports whether span s lies outside the adverbial
// clause that the verb at token anchor heads under a subordinator: in
// "Although the minister said the talks had failed, the sides will meet on
// Monday" the date is the meeting's, not the statement's.
func (d *claimDoc) outsideSubordinate(si, anchor int, s Span) bool {
	if si >= len(d.trees) || d.trees[si] == nil || anchor < 0 || anchor >= len(d.toks) {
		return false
	}
	t := d.trees[si]
	v, w := t.wordAt(d.toks[anchor].Span), t.wordAt(s)
	if v < 0 || w < 0 || t.w[v].Rel != "advcl" || !subordinators[t.markOf(v)] {
		return false
	}
	return !t.inside(w, v)
}

// infinitiveAt reports whether token k of sentence si is the "to" of an
// infinitive in the sentence's tree, when it was parsed: what was vowed
// or threatened ("vowed to make the region climate neutral") opens with
// it, which is no preposition. No sentence is parsed for this.
func (d *claimDoc) infinitiveAt(si, k int) bool {
	if d.toks[k].Lower != "to" || si >= len(d.trees) || d.trees[si] == nil {
		return false
	}
	t := d.trees[si]
	w := t.wordAt(d.toks[k].Span)
	if w < 0 || t.w[w].UPOS != "PART" || t.w[w].Rel != "mark" {
		return false
	}
	h := t.w[w].Head - 1
	return h > w && t.w[h].UPOS == "VERB"
}

// insideContent reports whether span s lies inside the content of one of
// the statements cs of its sentence that reports other words than the
// content own (another reading of the same words does not count, nor
// "according to", which attributes the whole clause, date and all).
func insideContent(cs []Claim, s, own Span) bool {
	for _, c := range cs {
		if a, ok := findArg(c, "content"); ok && c.Kind == "statement" && !isAccordingTo(c.Rule) && c.Start <= s.Start && s.End <= c.End && a.Start <= s.Start && s.End <= a.End && !overlaps(a.Span, own) {
			return true
		}
	}
	return false
}

// vagueSource reports a source that names no one: "it", "they", "we" or
// "ve" of "we've" ("which it said crashed", "as we've noted").
func vagueSource(a Arg) bool {
	if a.Norm != "" {
		return false
	}
	switch foldLower(a.Text) {
	case "it", "they", "we", "ve", "'ve", "this", "that", "which", "who", "you":
		return true
	}
	return false
}

// statementHolds checks a statement's speaker and content and widens a
// content cut by a speaker inside the sentence. It reports false for a
// match that reports no words.
func (d *claimDoc) statementHolds(c *Claim, si int, end int) bool {
	s := d.sents[si]
	a, ok := findArg(*c, "content")
	if !ok {
		return true
	}
	sp, _ := findArg(*c, "speaker")
	prev, _ := utf8.DecodeLastRuneInString(d.text[:a.Start])
	inQuote := strings.ContainsRune("\"'“‘", prev)
	// "not what rights groups say it is": a free relative leaves the verb
	// of saying a clause without its predicate; "it is" reports nothing.
	// (Words before the source run on past it: "He had, according to X,
	// killed ...".)
	if lo, hi := d.wordTokens(a.Span); a.Start >= sp.End && hi-lo <= 2 && hi > lo && auxForms[d.toks[hi-1].Lower] {
		return false
	}
	// "“... they are on their way." Olayinka Badmus, deputy director,
	// said the new strain poses a higher risk": a curly quotation closed
	// by a straight mark after a full stop ended its sentence (the
	// splitter, waiting for the curly mark, did not cut there); the name
	// after it opens the next one, whose verb reports its own clause.
	if prev == '“' && a.End <= sp.Start && end < s.Last && isWordRune(firstRune(d.toks[end].Text)) {
		if k := d.tokIndex(a.End); k > 0 && k+1 < len(d.toks) && d.toks[k-1].Text == "." && d.toks[k].Text == "\"" {
			return false
		}
	}
	// "Al-Shabab claimed responsibility for the attack" claims a deed, it
	// reports no words (claim_objects); reported words after their verb
	// never start with a preposition (content_not_start). A fronted clause
	// ("At least 1,500 people were killed, officials said") or a quote may
	// start with anything.
	// ("at least some of the families ..." is a count, not a place.)
	if k := d.tokIndex(a.Start); k < len(d.toks) && d.toks[k].Start == a.Start && !inQuote && a.Start >= sp.End && !d.atLeast(k) &&
		(d.listAt("claim_objects", k) > 0 || d.listAt("content_not_start", k) > 0 && !d.infinitiveAt(si, k) || !d.toks[k].Cap && d.listAt("content_not_start_aux", k) > 0) {
		return false
	}
	if !inQuote && a.Start >= sp.End && (d.saysWhenNotWhat(si, a.Span) || d.reportsToBody(*c, a.Span)) {
		return false
	}
	// "the spokesperson added in a statement emailed to VOA": a participle
	// right after the medium says how the medium came, not what was said
	// (medium_participles).
	if md, ok := findArg(*c, "medium"); ok && !inQuote && md.End <= a.Start && strings.TrimSpace(d.text[md.End:a.Start]) == "" {
		if k := d.tokIndex(a.Start); k < len(d.toks) && d.toks[k].Start == a.Start && !d.toks[k].Cap && d.listAt("medium_participles", k) > 0 {
			return false
		}
	}
	// "The minister said, as he left the hall, that ...": words after a
	// comma that follows the verb are what was said only when they open a
	// clause of their own ("He also argues, revenue from hunting does not
	// ..."), not an adverbial clause that interrupts the attribution.
	if k := d.tokIndex(a.Start); !inQuote && a.Start >= sp.End && k >= 2 && k < len(d.toks) && d.toks[k].Start == a.Start && d.toks[k-1].Text == "," && d.isSayVerb(k-2) {
		// Nor a participle (", adding that ...", ", meaning ...": a
		// statement of its own or the article's gloss) or an adverb
		// (", explicitly or by intimation, that ...").
		l := d.toks[k].Lower
		if subordinators[l] || l == "that" || l == "who" || l == "which" || !d.toks[k].Cap && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ly") && !npAdverbNouns[l]) {
			return false
		}
		// Only a speaker who opens the sentence: in "But Apple has had a
		// place in his heart, Benioff says, ever since ..." the verb
		// interrupts the clause before it, which is what was said.
		first := s.First
		for first < k && (d.toks[first].Lower == "but" || d.toks[first].Lower == "and") {
			first++
		}
		if first < k && d.toks[first].Lower == "as" && c.Rule == "statement.as_reported" {
			first++ // "As VOA first reported, ...": the clause opens with "as"
		}
		// (The tree's reading stands: "At current rates, Bridenstine
		// said, there will be ...".)
		if sa, _ := d.wordTokens(sp.Span); sa != first && !d.rules.isDep(c.Rule) {
			return false
		}
	}
	// "..., said Monica de Bolle, a senior fellow at X": a name right after
	// the verb, closed by a comma or the sentence's end, is the speaker
	// standing after its verb, not what was said (the clause before the
	// verb is, read by clause_said).
	if k := d.tokIndex(a.Start); !inQuote && a.Start >= sp.End && k > 0 && k < len(d.toks) && d.toks[k].Start == a.Start && d.isSayVerb(k-1) {
		// The name may follow its title: "..., says certified financial
		// planner Eric Roberge."
		for n := k; n < k+4 && n < len(d.toks) && d.toks[n].Start < a.End; n++ {
			for _, m := range d.mentions[n] {
				if isActorKind(m.kind) && m.ent != nil && (m.end >= len(d.toks) || d.toks[m.end].Start >= a.End || d.toks[m.end].Text == ",") {
					// "Prosecutors say Amirov, 45, and Omarov, 40, hired
					// ...": a name with an age is the subject of what was
					// said.
					if m.end+2 < len(d.toks) && d.toks[m.end].Text == "," && d.toks[m.end+2].Text == "," && isAge(d.toks[m.end+1].Text) {
						continue
					}
					return false
				}
			}
			if n > k && d.toks[n].Cap {
				break
			}
		}
	}
	// "According to X, ...": what follows is what X says only when the
	// phrase opens the sentence; in "..., according to X, the council head
	// of ..., after which ..." it is X's apposition.
	if k := d.tokIndex(sp.Start); a.Start > sp.Start && k >= 2 && d.toks[k-1].Lower == "to" && d.toks[k-2].Lower == "according" && !d.relativeSpeaker(sp.Span, a.Span) {
		first := s.First
		for first < k-2 && (d.toks[first].Lower == "but" || d.toks[first].Lower == "and") {
			first++
		}
		// (Or a coordinated clause: "X says ... but according to MSF, the
		// situation is dire".)
		if k-2 != first && !(k >= 3 && (d.toks[k-3].Lower == "but" || d.toks[k-3].Lower == "and")) {
			return false
		}
	}
	// "Rebels hold the north, and according to the ministry, the army
	// ...": what ends in a conjunction is no clause of the source's; and
	// the source is a noun phrase, no verb ("according to witnesses left
	// at noon").
	if d.afterAccordingTo(sp.Span) {
		if _, cb := d.wordTokens(a.Span); cb > 0 && a.End <= sp.Start {
			switch d.toks[cb-1].Lower {
			case "and", "but", "or":
				return false
			}
		}
		// (A finite verb: "the United Nations" may be tagged a verb, and
		// "multiple people I spoke to" has its own subject before it.)
		if t := d.tree(si); t != nil {
			pron := false
			for _, w := range t.w {
				if w.Span.Start < sp.Start || w.Span.End > sp.End {
					continue
				}
				pron = pron || w.XPOS == "PRP"
				if (w.XPOS == "VBD" || w.XPOS == "VBZ" || w.XPOS == "VBP") && !pron {
					return false
				}
			}
		}
	}
	// "According to recent U.N. figures, ...": a speaker cut before a
	// capitalised word is a cut noun phrase, not the source.
	if k := d.tokIndex(sp.Start); sp.End > sp.Start && k >= 2 && d.toks[k-1].Lower == "to" && d.toks[k-2].Lower == "according" {
		if e := d.tokIndex(sp.End); e < s.Last && d.toks[e].Cap && isWordRune(firstRune(d.toks[e].Text)) {
			return false
		}
	}
	// "Neither Britain nor Mauritius have confirmed any details", "The
	// two governments have said nothing about ...": a negated subject or a
	// content that is "nothing" reports that no words were said
	// (negated_speakers, said_nothing). A quotation may say anything.
	if k := d.tokIndex(sp.Start); sp.End > 0 && k < len(d.toks) && d.toks[k].Start == sp.Start && d.listAt("negated_speakers", k) > 0 {
		return false
	}
	if k := d.tokIndex(a.Start); !inQuote && a.Start >= sp.End && k < len(d.toks) && d.toks[k].Start == a.Start && d.listAt("said_nothing", k) > 0 {
		// ("said nothing would change" reports a clause whose subject is
		// "nothing".)
		if n := k + 1; n >= len(d.toks) || d.toks[n].Start >= a.End || !d.verbAt(n) {
			return false
		}
	}
	// "Correction added Nov. 18: ..." is an editor's note, not a speaker.
	if k := d.tokIndex(sp.Start); sp.End > 0 && k < len(d.toks) && d.toks[k].Start == sp.Start && d.listAt("not_speakers", k) > 0 {
		return false
	}
	// "The larger landers, he said, could deliver tools": the speaker
	// stands inside the sentence and what was said runs on after it. Only
	// after "…, he said," (the verb right before the comma): not after an
	// inverted speaker's apposition ("said Rockhold, a veteran"), a quote,
	// or a conjunction or participle that starts the article's own words
	// ("police said, and no one was injured").
	// (A verb after the comma is the fronted subject's: "Another reason
	// for hope, she said, is that ...", "The suspect, police said, was
	// arrested".) A fronted content of one or two words is such a
	// subject or nothing ("This, he says, would ...", "Yes, he said."):
	// it stands only when the sentence runs on.
	ca, cb := d.wordTokens(a.Span)
	short := a.End <= sp.Start && !inQuote && cb-ca < 3
	// "Ja Ian Chong, associate professor of ..., told VOA": a fronted
	// content that is one name is the subject with its apposition, not
	// what was said (unless a source between commas follows it: "President
	// Donald Trump, according to the White House, made ...").
	if a.End <= sp.Start && !inQuote && cb-ca <= 4 && !d.afterAccordingTo(sp.Span) {
		for k := ca; k <= ca+1 && k < cb; k++ {
			for _, m := range d.mentions[k] {
				if isActorKind(m.kind) && m.end == cb {
					return false
				}
			}
		}
	}
	// "The new rules, says Maria Alvarez, a lawyer in Lima, will hurt
	// small farmers": an apposition after the inverted speaker, then the
	// predicate of the fronted subject; the content runs on after it.
	if k := d.tokIndex(sp.Start); a.End <= sp.Start && !inQuote && end+1 < s.Last && d.toks[end-1].Text == "," && k >= 2 &&
		d.toks[k-2].Text == "," && d.rules.hasWord("inverted_verbs", d.toks[k-1].Lower) && d.listAt("apposition_openers", end) > 0 && !d.hasVerb(si, a.Span) {
		for j := end + 1; j < s.Last && j <= end+14; j++ {
			if d.toks[j].Text != "," {
				continue
			}
			if j+1 < s.Last && isWordRune(firstRune(d.toks[j+1].Text)) && d.hasVerb(si, d.toks[j+1].Span) {
				last := s.Last
				for last > j+1 && !isWordRune(firstRune(d.toks[last-1].Text)) {
					last--
				}
				for k := range c.Args {
					if c.Args[k].Role == "content" {
						c.Args[k].Span = Span{Start: a.Start, End: d.toks[last-1].End}
						c.Args[k].Text = d.text[a.Start:d.toks[last-1].End]
					}
				}
				return true
			}
			break
		}
	}
	if a.End > sp.Start || inQuote || end-2 <= 0 || end >= s.Last || d.toks[end-1].Text != "," || !d.verbBeforeComma(sp.Span, end-1) ||
		!isWordRune(firstRune(d.toks[end].Text)) || npStop[d.toks[end].Lower] && !modals[d.toks[end].Lower] && !fronted[d.toks[end].Lower] || strings.HasSuffix(d.toks[end].Lower, "ing") {
		// A fronted content without a verb, the sentence not running
		// on after its speaker, is a subject with its apposition ("Rep.
		// Frank Lucas, the ranking member of the committee, asked them
		// ...") or one a parenthetical source cut ("A further 17
		// manufacturers, according to the report, had ..."), not what was
		// said; a quotation may be a phrase ("extremely distressing").
		if a.End <= sp.Start && !inQuote && !d.hasVerb(si, a.Span) {
			return false
		}
		return !short
	}
	// After a source between commas the sentence's predicate runs on
	// ("The minister, according to state media, left ..."); a noun phrase
	// there is the source's apposition ("according to X, the council head
	// of ..., after which ...").
	if d.afterAccordingTo(sp.Span) && !d.hasVerb(si, d.toks[end].Span) {
		return false
	}
	last := s.Last
	for last > end && !isWordRune(firstRune(d.toks[last-1].Text)) {
		last--
	}
	// "Still, Hecker said, their return would not ...": a fronted
	// connective adverb is the writer's, not the speaker's; what was said
	// is the clause after the attribution.
	from := a.Start
	if short && d.connectiveOnly(si, ca, cb) {
		from = d.toks[end].Start
	}
	if last > end {
		for k := range c.Args {
			if c.Args[k].Role == "content" {
				c.Args[k].Span = Span{Start: from, End: d.toks[last-1].End}
				c.Args[k].Text = d.text[from:d.toks[last-1].End]
			}
		}
	}
	return true
}

// connectiveOnly reports whether tokens [a, b) are adverbs and
// conjunctions alone ("Still", "But now", "However"), by the tree's tags.
func (d *claimDoc) connectiveOnly(si, a, b int) bool {
	t := d.tree(si)
	if t == nil || a >= b {
		return false
	}
	for k := a; k < b; k++ {
		if !isWordRune(firstRune(d.toks[k].Text)) {
			continue
		}
		w := t.wordAt(d.toks[k].Span)
		if w < 0 || t.w[w].UPOS != "ADV" && t.w[w].UPOS != "CCONJ" {
			return false
		}
	}
	return true
}

// hasVerb reports whether a word of span sp in sentence si is a verb or
// an auxiliary in the sentence's tree; without a parser it says yes.
func (d *claimDoc) hasVerb(si int, sp Span) bool {
	t := d.tree(si)
	if t == nil {
		return true
	}
	for _, w := range t.w {
		if w.Span.Start >= sp.Start && w.Span.End <= sp.End && (w.UPOS == "VERB" || w.UPOS == "AUX") {
			return true
		}
	}
	return false
}

// saysWhenNotWhat reports a content right after its verb of saying that
// tells when or about what the words were said, not the words: a date
// that ends the content or meets a preposition ("said Wednesday during a
// television interview", "said earlier this month"), or "about" as a
// preposition on the parse ("he said about stock market losses last
// week"). A quotation before the verb is what
// was said; this phrase is no second statement. ("said Monday was a
// holiday" and "said about 300 people died", where "about" is an adverb,
// keep theirs.) Only a content opening with "about" before no figure is
// parsed for the test.
func (d *claimDoc) saysWhenNotWhat(si int, a Span) bool {
	k := d.tokIndex(a.Start)
	if k < 1 || k >= len(d.toks) || d.toks[k].Start != a.Start {
		return false
	}
	// Nor the object of "in"/"at"/"during"/"on" after the verb or its
	// date ("said Tuesday in a fireside chat with ...": a phrase the
	// pattern's optional parts left over).
	if k >= 2 {
		switch d.toks[k-1].Lower {
		case "in", "at", "during", "on":
			if p := k - 2; d.isSayVerb(p) || p < len(d.dated) && d.dated[p] {
				return true
			}
		}
	}
	if !d.isSayVerb(k - 1) {
		return false
	}
	switch {
	case k < len(d.dated) && d.dated[k]:
		// The date's end: the content's end or a preposition
		// (content_not_start), no parse needed.
		j := k
		for j < len(d.toks) && j < len(d.dated) && d.dated[j] {
			j++
		}
		return j >= len(d.toks) || d.toks[j].Start >= a.End || d.listAt("content_not_start", j) > 0
	case d.toks[k].Lower == "about" && !d.numberStarts(k+1):
		t := d.tree(si)
		if t == nil {
			return false
		}
		w := t.wordAt(d.toks[k].Span)
		return w >= 0 && t.w[w].UPOS == "ADP"
	}
	return false
}

// numberStarts reports a number mention at token k.
func (d *claimDoc) numberStarts(k int) bool {
	for _, m := range d.mentions[k] {
		if m.kind == KindNumber {
			return true
		}
	}
	return false
}

// reportsToBody reports "X reports to Y" without "that": whom X answers
// to ("Bennett reports to the U.N. Human Rights Council based in Geneva
// and has conducted several trips"), no words; "reported to police that
// ..." keeps its statement.
func (d *claimDoc) reportsToBody(c Claim, a Span) bool {
	md, ok := findArg(c, "medium")
	if !ok || md.End > a.Start {
		return false
	}
	m := d.tokIndex(md.Start)
	k := d.tokIndex(a.Start)
	if m < 2 || k < 1 || k > len(d.toks) || d.toks[m-1].Lower != "to" || d.toks[k-1].Lower == "that" {
		return false
	}
	switch d.toks[m-2].Lower {
	case "report", "reports", "reported", "reporting":
		return true
	}
	return false
}

// atLeast reports "at least" (or "at most") at token k.
func (d *claimDoc) atLeast(k int) bool {
	return k+1 < len(d.toks) && d.toks[k].Lower == "at" && (d.toks[k+1].Lower == "least" || d.toks[k+1].Lower == "most")
}

// verbBeforeComma reports whether the words between speaker sp and the
// comma at token c are a verb of saying and what follows it: "he said,",
// "he argues,", "she told VOA,", "he told news network Al Jazeera,".
func (d *claimDoc) verbBeforeComma(sp Span, c int) bool {
	a, b := d.wordTokens(sp)
	// "The minister, according to state media, left ...": the source
	// between commas.
	if d.afterAccordingTo(sp) && a >= 3 && d.toks[a-3].Text == "," && (b == c || b < c && d.listAt("speaker_of", b) > 0) {
		return true
	}
	// "That approach, said the ministry, has failed": an inverted verb of
	// saying and its speaker between commas.
	// (Only when a verb follows, the fronted subject's predicate: in
	// "..., said Laura Kemp, an economist at ..." an apposition follows.)
	if b == c && a >= 2 && c+1 < len(d.toks) && d.toks[a-2].Text == "," && d.rules.hasWord("inverted_verbs", d.toks[a-1].Lower) {
		return d.hasVerb(d.toks[c+1].Sent, d.toks[c+1].Span)
	}
	if b >= c {
		return false
	}
	if d.isSayVerb(b) || d.isSayForm(d.toks[b].Text) {
		return b == c-1 || d.toks[b].Lower == "told" || d.toks[b].Lower == "tells"
	}
	return false
}

// relativeSpeaker reports whether a relative clause on the speaker
// holds the verb that reports the content: in "..., according to
// Bontemps, who said that most would accept", Bontemps's own words follow
// the relative pronoun, whatever the source attributes before.
func (d *claimDoc) relativeSpeaker(sp, content Span) bool {
	e := d.tokIndex(sp.End)
	if e+2 >= len(d.toks) || d.toks[e].Text != "," || d.toks[e+1].Start >= content.Start {
		return false
	}
	l := d.toks[e+1].Lower
	return l == "who" || l == "which"
}

// afterAccordingTo reports whether "according to" stands right before span sp.
func (d *claimDoc) afterAccordingTo(sp Span) bool {
	a, _ := d.wordTokens(sp)
	return a >= 2 && d.toks[a-2].Lower == "according" && d.toks[a-1].Lower == "to"
}

// fronted are the verb forms that may follow "X, he said,": the finite
// verb of the clause the attribution interrupts.
var fronted = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true}

// cutLeadIn starts a content after a colon that closes the speaker's own
// lead-in ("We have said this before, many times: the border stays
// open"): words before the colon that say the speaker is speaking, with a
// verb of saying, announce what follows; what was said is after it.
func (d *claimDoc) cutLeadIn(c *Claim) {
	for k := range c.Args {
		a := c.Args[k]
		if a.Role != "content" {
			continue
		}
		lo, hi := d.wordTokens(a.Span)
		say := false
		for i := lo; i < hi-2 && i < lo+12; i++ {
			if d.toks[i].Text == ":" {
				if say && isWordRune(firstRune(d.toks[i+1].Text)) {
					c.Args[k].Span = Span{Start: d.toks[i+1].Start, End: a.End}
					c.Args[k].Text = d.text[d.toks[i+1].Start:a.End]
				}
				return
			}
			if isQuoteMark(d.toks[i].Text) || d.toks[i].Text == "." {
				return
			}
			say = say || d.isSayVerb(i) || d.rules.hasWord("quote_verbs", d.toks[i].Lower)
		}
	}
}

// cutAtClosingQuote ends a content that opens right after a quotation
// mark at the mark that closes it ("what officials described as “high
// threat illegal aliens” to Guantanamo Bay": the parser hangs "to
// Guantanamo Bay" on "aliens"; the quoted words are what they said).
func (d *claimDoc) cutAtClosingQuote(c *Claim, si int) {
	s := d.sents[si]
	if k := argIndex(c, "content"); k >= 0 {
		a := c.Args[k]
		// A quote that opens the sentence and runs on unquoted ("“We
		// don't want those people” working in prisons, she said") is one
		// clause of the speaker's: only a quote inside the sentence is cut.
		lo, hi := d.wordTokens(a.Span)
		if lo-1 <= s.First || lo >= hi {
			return
		}
		switch d.toks[lo-1].Text {
		case "\u201c":
		case "\"":
			// A straight mark opens a quote when the marks before it in
			// the sentence pair up.
			n := 0
			for i := s.First; i < lo-1; i++ {
				if d.toks[i].Text == "\"" {
					n++
				}
			}
			if n%2 != 0 {
				return
			}
		default:
			return
		}
		for i := lo; i < hi; i++ {
			t := d.toks[i].Text
			if t == "\u201c" {
				return // another quote opens: the content is more than one quote
			}
			if t == "\u201d" || t == "\"" {
				end := d.toks[i-1].End
				if i-1 >= lo && d.toks[i-1].Text == "," {
					end = d.toks[max(lo, i-2)].End
				}
				if i == lo || end <= a.Start {
					return
				}
				c.Args[k].Span.End = end
				c.Args[k].Text = d.text[a.Start:end]
				return
			}
		}
		return
	}
}

// widenPartialQuote gives a statement whose content is a quote that ends
// a sentence it did not start the whole sentence as content ("China's State
// Council may take measures to stop the passage of foreign ships into
// “territorial waters,” the law says": the law says all of it, in words of
// which it is quoted for two). It applies only when the speaker comes
// after the quote, no word of saying or colon stands before it (that is a
// speaker of its own: "Lee told them it was “a disgrace,” his aide said"
// keeps the quote), no colon or dash introduces the quote ("has amended
// his testimony once — “I now do recall,”"), and the quote marks before
// it pair up.
func (d *claimDoc) widenPartialQuote(c *Claim, si int) {
	s := d.sents[si]
	if k := argIndex(c, "content"); k >= 0 {
		a := c.Args[k]
		lo, _ := d.wordTokens(a.Span)
		if lo-1 <= s.First || lo >= s.Last || !isQuoteMark(d.toks[lo-1].Text) || isQuoteMark(d.toks[s.First].Text) {
			return
		}
		sp, ok := findArg(*c, "speaker")
		if !ok || sp.Start < a.End {
			return
		}
		marks := 0
		for i := s.First; i < lo-1; i++ {
			switch {
			case isQuoteMark(d.toks[i].Text) && d.toks[i].Text != "\u2019" && d.toks[i].Text != "'":
				marks++
			case d.toks[i].Text == ":" || d.toks[i].Text == "\u2014" || d.toks[i].Text == "\u2013" || d.toks[i].Text == "--" ||
				d.isSayVerb(i) || d.rules.hasWord("quote_verbs", d.toks[i].Lower):
				return
			}
		}
		if marks%2 != 0 {
			return
		}
		// (The closing mark joins the content later: closeContentQuotes.)
		start := d.toks[s.First].Start
		c.Args[k].Span = Span{Start: start, End: a.End}
		c.Args[k].Text = d.text[start:a.End]
		if start < c.Start {
			c.Span.Start = start
			c.Text = d.text[c.Start:c.End]
		}
		return
	}
}

// cutSourceApposition starts the content of "According to X, <apposition
// of X>, <clause>" after the apposition ("According to Equal Measures
// 2030, a coalition of ... networks, women in at least 77 countries are
// ..."): words after the source's comma that open with "a"/"an" and run
// to the next comma without a verb name the source, not what it says.
func (d *claimDoc) cutSourceApposition(c *Claim, si int) {
	s := d.sents[si]
	if s.Last-s.First < 6 || d.toks[s.First].Lower != "according" || d.toks[s.First+1].Lower != "to" {
		return
	}
	for k := range c.Args {
		a := c.Args[k]
		if a.Role != "content" {
			continue
		}
		lo, hi := d.wordTokens(a.Span)
		if lo <= s.First || d.toks[lo-1].Text != "," || (d.toks[lo].Lower != "a" && d.toks[lo].Lower != "an") {
			return
		}
		t := d.tree(si)
		if t == nil {
			return
		}
		// The last comma before the first verb ends the apposition, which
		// may hold a list of its own ("a coalition of national, regional
		// and global leaders from ..., civil society and international
		// development, women in ... are"); none when the words from that
		// comma to the verb are a list's end ("a convoy of trucks, buses
		// and cars reached": "and" before the verb).
		comma, list := -1, false
		for i := lo + 1; i < hi-2; i++ {
			if w := t.wordAt(d.toks[i].Span); w >= 0 && (t.w[w].UPOS == "VERB" && t.w[w].XPOS != "VBN" && t.w[w].XPOS != "VBG" || t.w[w].UPOS == "AUX") {
				break
			}
			switch d.toks[i].Lower {
			case ",":
				comma, list = i, false
			case "and", "or":
				list = true
			}
		}
		if comma > 0 && !list {
			c.Args[k].Span = Span{Start: d.toks[comma+1].Start, End: a.End}
			c.Args[k].Text = d.text[d.toks[comma+1].Start:a.End]
		}
		return
	}
}

// unsaidAfter reports whether tokens [i, hi) open a clause that says what
// someone did not say: a negation and a verb of telling within its first
// six words ("it didn't say when", "he declined to elaborate", "gave no
// details").
func (d *claimDoc) unsaidAfter(i, hi int) bool {
	neg, tell := false, false
	for k := i; k < hi && k < i+6; k++ {
		// ("didn't" is three tokens: "didn", "'", "t".)
		if strings.Contains(strings.ReplaceAll(strings.ToLower(d.text[d.toks[i].Start:d.toks[k].Start]), "’", "'"), "n't") {
			neg = true
		}
		switch d.toks[k].Lower {
		case "not", "never", "no", "declined", "refused":
			neg = true
		case "say", "specify", "elaborate", "give", "gave", "provide", "provided", "comment", "disclose", "explain",
			"detail", "details", "offer", "offered", "name", "reveal", "identify", "indicate", "confirm":
			tell = neg
		case ",", ";", ".":
			return false
		}
	}
	return tell
}

// cutAddedClause ends a statement's content before ", adding that ...",
// ", noting ...": the participle reports more words, a statement of its
// own (said_tree reads it), not part of the first one.
func (d *claimDoc) cutAddedClause(c *Claim) {
	for k := range c.Args {
		a := c.Args[k]
		if a.Role != "content" {
			continue
		}
		lo, hi := d.wordTokens(a.Span)
		// "said the children were sick. "We need more beds,” she said":
		// a full stop before an opening quote mark ends what was said
		// (the splitter missed the sentence's end: the quotation before
		// it was closed by a mark of the other kind).
		if !d.insideQuote(a.Span) {
			for i := lo + 1; i+1 < hi; i++ {
				if d.toks[i].Text == "." && isOpenQuote(d.toks[i+1].Text) && d.toks[i+1].Start > d.toks[i].End {
					c.Args[k].Span = Span{Start: a.Start, End: d.toks[i-1].End}
					c.Args[k].Text = d.text[a.Start:d.toks[i-1].End]
					return
				}
			}
		}
		// "Nur confirmed the attack in a phone interview with VOA": a
		// medium phrase that ends the content is where the words were said.
		if e, ok := d.trailingMedium(lo, hi); ok && e > lo {
			med := Span{Start: d.toks[e].Start, End: a.End}
			c.Args[k].Span = Span{Start: a.Start, End: d.toks[e-1].End}
			c.Args[k].Text = d.text[a.Start:d.toks[e-1].End]
			if !hasRole(*c, "medium") {
				c.Args = append(c.Args, Arg{Role: "medium", Span: med, Text: d.text[med.Start:med.End]})
				sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
			}
			return
		}
		// "While Trump has said he has good relations with Putin, there is
		// a consensus that ...": words said inside a subordinate clause that
		// opens the sentence end where the clause ends, at the comma after
		// which the parse leaves the verb of saying's clause.
		if e := d.subordinateContentEnd(lo, hi); e > lo {
			c.Args[k].Span = Span{Start: a.Start, End: d.toks[e-1].End}
			c.Args[k].Text = d.text[a.Start:d.toks[e-1].End]
			return
		}
		for i := lo + 1; i < hi-1; i++ {
			participle := d.toks[i-1].Text == "," && strings.HasSuffix(d.toks[i].Lower, "ing") && d.rules.hasWord("added_participles", d.toks[i].Lower)
			// "said the roads were safe, but added that drivers should
			// take care": a second finite verb of saying, coordinated
			// with the first, starts a statement of its own.
			conjoined := (d.toks[i].Lower == "but" || d.toks[i].Lower == "and") && d.conjoinedSpeech(i+1, hi)
			// "says it has the upper hand, but according to MSF, the
			// situation is dire": a coordinated clause with a source of its
			// own is another statement.
			sourced := (d.toks[i].Lower == "but" || d.toks[i].Lower == "and") && i+2 < hi && d.toks[i+1].Lower == "according" && d.toks[i+2].Lower == "to"
			// "said it would cut prices, but it didn't say when": what
			// the speaker left unsaid is the article's remark, not theirs.
			unsaid := (d.toks[i].Lower == "but" || d.toks[i].Lower == "and") && d.toks[i-1].Text == "," && d.unsaidAfter(i+1, hi)
			// "said the evidence was circumstantial, while Omarov's lawyer,
			// Michael Perkins, said ...": after a comma, a clause whose verb
			// of saying has its own subject and hangs on the first verb of
			// saying is another speaker's statement.
			parallel := d.toks[i-1].Text == "," && parallelOpeners[d.toks[i].Lower] && d.parallelSpeech(i, hi)
			// "said sales rose 5 percent, according to a filing": the source
			// at the end attributes the report, not the speaker's words
			// (according_to reads it).
			according := d.toks[i-1].Text == "," && d.toks[i].Lower == "according" && i+1 < hi && d.toks[i+1].Lower == "to" && !isAccordingTo(c.Rule)
			if (participle || conjoined || sourced || unsaid || parallel || according) && !d.insideQuote(d.toks[i].Span) {
				end := i
				if participle {
					end = i - 1
				}
				for end > lo && !isWordRune(firstRune(d.toks[end-1].Text)) && !isQuoteMark(d.toks[end-1].Text) {
					end--
				}
				if end > lo {
					c.Args[k].Span = Span{Start: a.Start, End: d.toks[end-1].End}
					c.Args[k].Text = d.text[a.Start:d.toks[end-1].End]
				}
				return
			}
		}
	}
}

// conjoinedSpeech reports whether the words from token j, right after
// "and" or "but" inside a content that ends before token hi, open a
// second statement of the same speaker: a verb of saying, after a
// subject pronoun of its own or an adverb ("and he indicated Germany
// might abstain", "but later acknowledged that some had"), with "that"
// after it, a comma before the conjunction, or the parse's reading of a
// conjoined verb with a clause of its own. A name in between is left
// out: "said the envoy and Smith told no one" may be the reported
// clause's own subject.
func (d *claimDoc) conjoinedSpeech(j, hi int) bool {
	comma := d.toks[j-2].Text == ","
	subject := false
	if j < hi {
		switch d.toks[j].Lower {
		case "he", "she", "they":
			subject = true
			j++
		}
	}
	for j < hi && conjoinedAdverbs[d.toks[j].Lower] {
		j++
	}
	if j+1 >= hi {
		return false
	}
	w := d.toks[j].Lower
	if !d.rules.hasWord("report_verbs", w) && !d.rules.hasWord("quote_verbs", w) && !d.rules.hasWord("that_verbs", w) && !d.rules.hasWord("speech_lemmas", w) {
		return false
	}
	return d.toks[j+1].Lower == "that" || comma || d.conjoinedReport(j, subject)
}

// trailingMedium returns where a medium phrase that closes a content over
// tokens [lo, hi) starts: "in|during a|an (phone) interview|statement|email
// (with|to X)" up to the content's end, the preposition at least two words
// in (false when none, or the content is inside a quotation).
func (d *claimDoc) trailingMedium(lo, hi int) (int, bool) {
	if d.insideQuote(d.toks[lo].Span) {
		return 0, false
	}
	for k := lo + 2; k+1 < hi; k++ {
		// (An indefinite medium only: "errors in the report" is what was
		// said.)
		if l := d.toks[k].Lower; l != "in" && l != "during" || d.toks[k+1].Lower != "a" && d.toks[k+1].Lower != "an" {
			continue
		}
		j := k + 1
		for j < hi && j <= k+4 && !d.rules.hasWord("medium_nouns", d.toks[j].Lower) {
			if !isWordRune(firstRune(d.toks[j].Text)) {
				break
			}
			j++
		}
		if j >= hi || !d.rules.hasWord("medium_nouns", d.toks[j].Lower) {
			continue
		}
		j++
		if j < hi && (d.toks[j].Lower == "with" || d.toks[j].Lower == "to") {
			j += 2
			for j < hi && d.toks[j].Cap {
				j++
			}
		}
		for j < hi && !isWordRune(firstRune(d.toks[j].Text)) {
			j++
		}
		if j == hi {
			return k, true
		}
	}
	return 0, false
}

// subordinate opens a subordinate clause at a sentence's start.
var subordinate = map[string]bool{"while": true, "although": true, "though": true, "whereas": true, "because": true,
	"since": true, "if": true, "as": true, "when": true, "even": true}

// subordinateContentEnd returns the token at which a content over tokens
// [lo, hi) ends when its verb of saying stands in a subordinate clause
// that opens the sentence: the first comma after which the parse leaves
// that verb's clause (0 when none, or no parse).
func (d *claimDoc) subordinateContentEnd(lo, hi int) int {
	si := d.toks[lo].Sent
	first := d.sents[si].First
	if !subordinate[d.toks[first].Lower] {
		return 0
	}
	t := d.tree(si)
	if t == nil {
		return 0
	}
	sv := -1
	for k := lo - 1; k > first; k-- {
		if d.isSayForm(d.toks[k].Lower) {
			sv = t.wordAt(d.toks[k].Span)
			break
		}
	}
	if sv < 0 {
		return 0
	}
	// The verb of saying is the subordinate clause's ("While X said ..."),
	// not the main clause's ("Even if they secure access, analysts say
	// ..."): the opening subordinator marks it or a verb above it.
	m := -1
	for k := first; k <= first+1 && k < lo; k++ {
		if w := t.wordAt(d.toks[k].Span); w >= 0 && (t.w[w].Rel == "mark" || t.w[w].Rel == "advmod" && t.lemma(w) == "when") {
			m = w
			break
		}
	}
	if m < 0 || !t.inside(sv, t.w[m].Head-1) {
		return 0
	}
	for k := lo + 1; k+1 < hi; k++ {
		if d.toks[k].Text != "," {
			continue
		}
		if w := t.wordAt(d.toks[k+1].Span); w >= 0 && !t.inside(w, sv) {
			return k
		}
	}
	// The parser may hang the main clause inside the complement ("While
	// Trump has said he has good relations with both ..., there is a
	// consensus ...": "is" a conjunct of "has"); a subordinate clause
	// still needs one after it. The first comma followed by the subject
	// of a finite verb ends what was said (not a relative pronoun's:
	// "the talks, which failed, ...").
	for k := lo + 1; k+1 < hi; k++ {
		if d.toks[k].Text != "," {
			continue
		}
		w := t.wordAt(d.toks[k+1].Span)
		if w < 0 || !(t.w[w].Rel == "expl" || t.w[w].Rel == "nsubj") || relativePronouns[t.lower(w)] {
			continue
		}
		if v := t.w[w].Head - 1; v > w && (finiteTags[t.w[v].XPOS] || t.hasKid(v, "aux")) && t.w[v].Rel != "ccomp" {
			return k
		}
	}
	return 0
}

var relativePronouns = map[string]bool{"which": true, "who": true, "whom": true, "whose": true, "that": true, "where": true, "when": true}

// parallelOpeners open, after a comma, a clause that may be a second
// speaker's statement.
var parallelOpeners = map[string]bool{"while": true, "whereas": true, "but": true, "and": true, "although": true, "though": true}

// parallelSpeech reports whether, to the parse, the clause that token i
// opens has a verb of saying with a subject and a reported clause of its
// own ("the letter Mike wrote" reports nothing), attached
// (parataxis, advcl, conj) to a verb of saying before i.
func (d *claimDoc) parallelSpeech(i, hi int) bool {
	t := d.tree(d.toks[i].Sent)
	if t == nil {
		return false
	}
	wi := t.wordAt(d.toks[i].Span)
	if wi < 0 {
		return false
	}
	for j := i + 1; j < hi; j++ {
		v := t.wordAt(d.toks[j].Span)
		if v < 0 || !d.isSayForm(d.toks[j].Lower) && !d.rules.hasWord("speech_lemmas", t.lemma(v)) {
			continue
		}
		if t.w[v].UPOS != "VERB" || !t.hasKid(v, "nsubj") || !t.hasKid(v, "ccomp") {
			continue
		}
		h := t.w[v].Head - 1
		if r := t.w[v].Rel; h >= 0 && h < wi && (r == "parataxis" || r == "advcl" || r == "conj") && d.rules.hasWord("speech_lemmas", t.lemma(h)) {
			return true
		}
	}
	return false
}

// conjoinedAdverbs may stand between "and" and a second verb of saying:
// "but later acknowledged", "and also said".
var conjoinedAdverbs = map[string]bool{"also": true, "later": true, "then": true, "further": true, "again": true, "repeatedly": true, "subsequently": true}

// conjoinedReport reports whether token v, a verb of saying after "and"
// or "but", is to the parse a conjoined verb with a clause of its own:
// "says the harvest was poor but says prices have risen", "told VOA she
// visited the camp and said the children were hungry". Its clause is a
// second statement (said_tree, said_conj_tree), not more of the first.
// Without "that" or a comma only the parse tells it from a verb of the
// reported clause's own ("said the man fled and told no one").
// A verb with a subject of its own ("and he said") is conjoined only
// when ownSubject is set: the pronoun before it was read.
func (d *claimDoc) conjoinedReport(v int, ownSubject bool) bool {
	t := d.tree(d.toks[v].Sent)
	if t == nil {
		return false
	}
	w := t.wordAt(d.toks[v].Span)
	return w >= 0 && t.w[w].UPOS == "VERB" && t.w[w].Rel == "conj" && t.hasKid(w, "ccomp") && (ownSubject || !t.hasKid(w, "nsubj"))
}

// negated is certainty's answer for the article's own negation; events
// with it are dropped, other claims store it as Denied.
const negated = "negated"

// outcomeLists maps the casualty word lists to the outcome norms of the
// claim contract.
var outcomeLists = []struct{ list, norm string }{
	{"killed", "killed"}, {"injured", "injured"}, {"displaced", "displaced"}, {"arrested", "arrested"},
	{"missing", "missing"}, {"death_nouns", "killed"}, {"injury_nouns", "injured"}, {"casualty_nouns", "casualties"},
}

// isPlace reports whether a place mention covers exactly s.
func (d *claimDoc) isPlace(s Span) bool {
	k := d.tokIndex(s.Start)
	if k >= len(d.toks) {
		return false
	}
	for _, m := range d.mentions[k] {
		if m.kind == KindPlace && d.toks[m.end-1].End == s.End {
			return true
		}
	}
	return false
}

// afterLocative reports whether s follows "in", "near", "at" or "across":
// "airstrikes in the Middle Shabelle region have killed 50" has no cause
// "the Middle Shabelle region".
func (d *claimDoc) afterLocative(s Span) bool {
	k := d.tokIndex(s.Start)
	if k == 0 || k >= len(d.toks) {
		return false
	}
	switch d.toks[k-1].Lower {
	case "in", "near", "at", "across", "throughout":
		return true
	}
	return false
}

// lastPlaceBefore returns the last city or province (else country) named in the two
// sentences before token i.
func (d *claimDoc) lastPlaceBefore(i int) *mention {
	si := d.toks[i].Sent
	first := d.sents[max(0, si-2)].First
	var country *mention
	for k := i - 1; k >= first; k-- {
		for _, m := range d.mentions[k] {
			if m.ent == nil || m.kind != KindPlace {
				continue
			}
			if m.ent.Type == "city" || m.ent.Type == "division" {
				return m
			}
			if m.ent.Type == "country" && country == nil {
				country = m
			}
		}
	}
	return country
}

// lastOrgBefore returns the last organization named before token i in
// its sentence or the one before.
func (d *claimDoc) lastOrgBefore(i int) *mention {
	first := d.sents[max(0, d.toks[i].Sent-1)].First
	for k := i - 1; k >= first; k-- {
		for _, m := range d.mentions[k] {
			if m.ent != nil && m.kind == KindOrganization && m.end <= i {
				return m
			}
		}
	}
	return nil
}

// figurative reports an attack named as a figure of speech: "denounced
// the moves as an attack on the constitutional order", "an attack on one
// is an attack on all".
func (d *claimDoc) figurative(si, start int) bool {
	s := d.sents[si]
	k := start - 1
	for k > s.First && (d.toks[k].Lower == "a" || d.toks[k].Lower == "an" || d.toks[k].Lower == "the") {
		k--
	}
	if k < s.First || k == start-1 && start == s.First {
		return false
	}
	switch d.toks[k].Lower {
	case "as", "is", "was", "be", "been", "are", "were":
		return true
	}
	return false
}

// namesAttribute reports whether a quantity's attribute and subject name
// something a figure measures: "only one of the matches reached three
// sets" has a count where the attribute should be, and "you" or "your
// to-do list" is the reader addressed, not a fact about anything.
// quantityWhat drops the subject or attribute of a quantity that names
// nothing: a pronoun nothing resolved ("it hit a maximum of 89 degrees"),
// punctuation ("XAU= added 0.1%"), a stretch of time ("up 39 percent
// year-to-date"). A quantity left with neither measures nothing.
func (d *claimDoc) quantityWhat(c Claim, si, start, end int) (Claim, bool) {
	had, kept := false, false
	args := c.Args[:0:0]
	for _, a := range c.Args {
		if a.Role != "subject" && a.Role != "attribute" {
			args = append(args, a)
			continue
		}
		had = true
		if a.Norm == "" && !namesSomething(a.Text) {
			// "The UN agency said it needs a billion dollars": the
			// pronoun is the one who says so, when that is no person.
			if l := foldLower(a.Text); l == "it" || l == "they" {
				if src, ok := d.source(si, start, end); ok && src.End <= a.Start && namesSomething(src.Text) && !d.personSpan(src.Span) {
					a.Norm = src.Norm
					if a.Norm == "" {
						a.Norm = src.Text
					}
					args = append(args, a)
					kept = true
				} else if m := d.lastOrgBefore(d.tokIndex(a.Start)); m != nil && l == "it" && a.Role == "subject" {
					a.Norm = m.norm // "UNHCR Kenya received $94 million ... it had received $33 million"
					args = append(args, a)
					kept = true
				}
			}
			continue
		}
		kept = true
		args = append(args, a)
	}
	c.Args = args
	return c, kept || !had
}

// personSpan reports whether a person mention covers span sp ("he" cannot
// be "it").
func (d *claimDoc) personSpan(sp Span) bool {
	a, b := d.tokRange(sp)
	for k := a; k < b; k++ {
		for _, m := range d.mentions[k] {
			if m.kind == KindPerson && m.start < b && m.end > a {
				return true
			}
		}
	}
	return false
}

// namesSomething reports whether a subject or attribute phrase names a
// thing: not a bare pronoun, not punctuation alone, not a span of time.
func namesSomething(text string) bool {
	f := strings.Fields(foldLower(text))
	if len(f) == 0 || !strings.ContainsFunc(text, unicode.IsLetter) {
		return false
	}
	if len(f) == 1 {
		switch f[0] {
		case "it", "its", "this", "that", "these", "those", "they", "them", "which", "what", "he", "she", "we", "i", "one",
			"year", "year-to-date", "month", "week", "day", "today", "date":
			return false
		}
	}
	return true
}

func (d *claimDoc) namesAttribute(c Claim) bool {
	for _, a := range c.Args {
		if a.Role != "attribute" && a.Role != "subject" {
			continue
		}
		f := strings.Fields(strings.ToLower(a.Text))
		for len(f) > 1 && (f[0] == "only" || f[0] == "just" || f[0] == "the" || f[0] == "about") {
			f = f[1:]
		}
		if len(f) == 0 {
			continue
		}
		if f[0] == "you" || f[0] == "your" || f[0] == "yours" {
			return false
		}
		// "to the tune of $28 billion", "in lieu of $70,000", "in excess
		// of": phrases of amount, no attribute.
		if slices.ContainsFunc(f, func(w string) bool { return w == "tune" || w == "lieu" || w == "excess" }) {
			return false
		}
		if len(f) > 1 && f[1] == "of" && (isBareNumber(f[0]) && numberWord(f[0])) {
			return false
		}
	}
	return true
}

// numberWord reports a count written as a word or in digits ("one",
// "three", "12").
func numberWord(w string) bool {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "none", "each":
		return true
	}
	return false
}

// isBareNumber reports a number written without a currency, percent or
// scale word.
func isBareNumber(s string) bool {
	return !strings.ContainsAny(s, "$€£¥%") && !strings.Contains(strings.ToLower(s), "percent") &&
		!strings.Contains(s, "illion")
}

// quotedSources gives an event claim read from inside what someone said
// ("“Seven other people were killed,” he said") that speaker as its
// source, and makes it reported.
func quotedSources(cs []Claim) {
	for i := range cs {
		c := &cs[i]
		if !isEvent(c.Kind) || hasRole(*c, "source") {
			continue
		}
		for _, st := range cs {
			// (Overlapping spans: one sentence of a quotation of several is
			// a statement of its own, inside the sentence the splitter
			// left whole.)
			if st.Kind != "statement" || st.Start >= c.End || c.Start >= st.End {
				continue
			}
			content, ok1 := findArg(st, "content")
			speaker, ok2 := findArg(st, "speaker")
			if !ok1 || !ok2 || argStart(*c) < content.Start || claimArgsEnd(*c) > content.End {
				continue
			}
			speaker.Role = "source"
			c.Args = append(c.Args, speaker)
			if c.Certainty == Asserted {
				c.Certainty = Reported
			}
			break
		}
	}
}

// firstPersonSources resolves the "I" and "me" of an event reported in
// someone's words to its source: in "“... I tried to enter California
// but was caught by police,” he said" the one caught is the speaker.
// The speaker is the one of the statement whose words hold the "I" (its
// resolution is the statement's, which may differ from the source's).
func firstPersonSources(cs []Claim) {
	for i := range cs {
		src, ok := findArg(cs[i], "source")
		if !ok || !isEvent(cs[i].Kind) {
			continue
		}
		// A source that is a statement's speaker ("he" of "“...,” he
		// said") is resolved as that speaker is.
		for _, st := range cs {
			if sp, ok := findArg(st, "speaker"); ok && st.Kind == "statement" && sp.Span == src.Span && sp.Norm != "" && sp.Norm != src.Norm {
				k := argIndex(&cs[i], "source")
				cs[i].Args[k].Norm = sp.Norm
				src = cs[i].Args[k]
			}
		}
		for k := range cs[i].Args {
			a := &cs[i].Args[k]
			if a.Role == "source" || a.Norm != "" || !(a.Text == "I" || strings.EqualFold(a.Text, "me")) {
				continue
			}
			a.Norm = cmp.Or(src.Norm, src.Text)
			for _, st := range cs {
				if ct, ok := findArg(st, "content"); ok && st.Kind == "statement" && ct.Start <= a.Start && a.End <= ct.End {
					if sp, ok := findArg(st, "speaker"); ok {
						a.Norm = cmp.Or(sp.Norm, sp.Text)
					}
				}
			}
		}
	}
}

func claimArgsEnd(c Claim) int {
	e := 0
	for _, a := range c.Args {
		if a.Role != "time" && a.Role != "place" {
			e = max(e, a.End)
		}
	}
	return e
}

// changeSubjects gives "a 47% increase from 2020" the subject of the
// clause it hangs on: another quantity's subject in the sentence before
// it, or that quantity's attribute as its own, the change noun then its
// change ("Trade hit $1.1 billion, a 10.1% increase": a change of trade),
// else the noun after the last count before it ("5,183 casualties were
// recorded – a 47% increase").
func (d *claimDoc) changeSubjects(si int, cs []Claim) []Claim {
	for i := range cs {
		c := &cs[i]
		if c.Kind != "quantity" || hasRole(*c, "subject") {
			continue
		}
		if a, ok := findArg(*c, "attribute"); !ok || !d.rules.inList("change_nouns", a.Text) {
			continue
		}
		for _, o := range cs {
			if o.Kind != "quantity" || argStart(o) >= argStart(*c) {
				continue
			}
			if sub, ok := findArg(o, "subject"); ok && sub.End <= argStart(*c) {
				c.Args = append(c.Args, sub)
				break
			}
			// "Bilateral trade ... hit $1.1 billion, a 10.1% increase":
			// the other figure measures an attribute, and the change is
			// of it; the change noun says which way it went.
			if at, ok := findArg(o, "attribute"); ok && at.End <= argStart(*c) && !d.rules.inList("change_nouns", at.Text) {
				for j := range c.Args {
					if c.Args[j].Role == "attribute" {
						c.Args[j].Role = "change"
					}
				}
				c.Args = append(c.Args, at)
				sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
				break
			}
		}
		if hasRole(*c, "subject") || hasRole(*c, "change") {
			continue
		}
		// From the figure itself: a source or time may come first
		// ("According to the agency, 821,838 Chinese nationals were living
		// in Japan, a 13% increase").
		at := argStart(*c)
		if v, ok := findArg(*c, "value"); ok {
			at = v.Start
		}
		start, _ := d.tokRange(Span{Start: at, End: at})
		s := d.sents[si]
		for k := start - 1; k >= s.First; k-- {
			var num *mention
			for _, m := range d.mentions[k] {
				if m.kind == KindNumber && m.end < start {
					num = m
				}
			}
			if num == nil {
				continue
			}
			e := num.end
			for e < start && e-num.end < 3 && isWordRune(firstRune(d.toks[e].Text)) && !npStop[d.toks[e].Lower] && !d.isBeAux(e) {
				e++
			}
			if e > num.end {
				c.Args = append(c.Args, d.arg(capture{"subject", num.end, e, nil, nil}))
			}
			break
		}
		sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
	}
	return cs
}

// coordinatedPlaces gives each place of a list its own capture,
// withdrawal or attack (on a place) claim: "The Taliban captured Kunduz, Sar-e-Pul and Taloqan"
// is three captures sharing actor and time. The list is places joined by
// commas and "and", right after the claim's place.
func (d *claimDoc) coordinatedPlaces(cs []Claim) []Claim {
	n := len(cs)
	for i := 0; i < n; i++ {
		c := cs[i]
		role := "place"
		switch c.Kind {
		case "capture", "withdrawal":
		case "attack":
			role = "target" // "shelled Kramatorsk and Lysychansk"
		default:
			continue
		}
		p, ok := findArg(c, role)
		if !ok || !d.isPlace(p.Span) {
			continue
		}
		// Read "A, B, C and D": items after commas count only once the
		// list closes with "and"; "Kandahar, Afghanistan's second city,"
		// is an apposition, not a list.
		var items []*mention
		k, sent := d.tokIndex(p.End), d.toks[d.tokIndex(p.Start)].Sent
		closed := false
		for !closed && k < len(d.toks) && d.toks[k].Sent == sent {
			j, and := k, false
			for j < len(d.toks) && (d.toks[j].Text == "," || d.toks[j].Lower == "and") {
				and = and || d.toks[j].Lower == "and"
				j++
			}
			if j == k || j >= len(d.toks) {
				break
			}
			var next *mention
			for _, m := range d.mentions[j] {
				if m.kind == KindPlace && (next == nil || m.end > next.end) {
					next = m
				}
			}
			if next == nil || next.end < len(d.toks) && d.toks[next.end].Lower == "'s" {
				break
			}
			items = append(items, next)
			closed = and
			k = next.end
		}
		if !closed {
			continue
		}
		for _, m := range items {
			extra := Claim{Kind: c.Kind, Rule: c.Rule, Certainty: c.Certainty, Span: c.Span, Text: c.Text}
			for _, a := range c.Args {
				if a.Role == role && a.Span == p.Span {
					a = d.arg(capture{role, m.start, m.end, m, nil})
				}
				extra.Args = append(extra.Args, a)
			}
			sort.SliceStable(extra.Args, func(i, j int) bool { return extra.Args[i].Start < extra.Args[j].Start })
			cs = append(cs, extra)
		}
	}
	return cs
}

// coordinatedSpeakers gives each of two coordinated persons who speak a
// statement of their own: "Prime Minister John Smith and Finance Minister
// Mary Jones said ..." is a statement of Smith and one of Jones, where a
// pattern or the parse read one of them. The other person stands across
// "and" with only title words between (capitalised words, "outgoing",
// "former"); the pair opens the sentence or follows a comma, and the verb
// of saying follows it.
func (d *claimDoc) coordinatedSpeakers(cs []Claim) []Claim {
	n := len(cs)
	for i := 0; i < n; i++ {
		c := cs[i]
		sp, ok := findArg(c, "speaker")
		if c.Kind != "statement" || !ok {
			continue
		}
		a, b := d.wordTokens(sp.Span)
		me := d.personSpanning(a, b)
		if me == nil {
			continue
		}
		first := d.sents[d.toks[a].Sent].First
		// The pair, titles and all, opens the sentence ("Both ..." too) or
		// follows a comma.
		pairOpens := func(k int) bool {
			s := d.titleStart(k, first)
			return s == first || d.toks[s-1].Text == "," || s == first+1 && d.toks[first].Lower == "both"
		}
		var other *mention
		// The other person before: "P and [titles] SPEAKER said".
		if k := d.titleStart(a, first); k > first && d.toks[k-1].Lower == "and" && b < len(d.toks) && d.isSayForm(d.toks[b].Lower) {
			if p := d.personEnding(k - 2); p != nil {
				if pairOpens(p.start) {
					other = p
				}
			}
		}
		// The other person after: "SPEAKER and [titles] Q said".
		if other == nil && b+1 < len(d.toks) && d.toks[b].Lower == "and" {
			k := b + 1
			for k < len(d.toks) && k-b <= 5 && d.personSpanning(k, k+1) == nil && (d.toks[k].Cap || titleModifiers[d.toks[k].Lower]) {
				k++
			}
			if q := d.personStarting(k); q != nil && q.end < len(d.toks) && d.isSayForm(d.toks[q.end].Lower) {
				if pairOpens(a) {
					other = q
				}
			}
		}
		if other == nil {
			continue
		}
		dup := false
		for _, o := range cs {
			if osp, ok := findArg(o, "speaker"); ok && o.Kind == "statement" && o.Span == c.Span && osp.Start < d.toks[other.end-1].End && d.toks[other.start].Start < osp.End {
				dup = true
			}
		}
		if dup {
			continue
		}
		extra := Claim{Kind: c.Kind, Rule: c.Rule, Certainty: c.Certainty, Span: c.Span, Text: c.Text, Explain: c.Explain}
		for _, x := range c.Args {
			if x.Role == "speaker" {
				x = d.arg(capture{"speaker", other.start, other.end, other, nil})
			}
			extra.Args = append(extra.Args, x)
		}
		sort.SliceStable(extra.Args, func(i, j int) bool { return extra.Args[i].Start < extra.Args[j].Start })
		cs = append(cs, extra)
	}
	return cs
}

// pairSpeakers gives each of two named persons who speak together a
// statement of their own ("Claudia Sheinbaum and outgoing Canadian Prime
// Minister Justin Trudeau told Trump ...", "Vindman and Williams told
// lawmakers"), so that what each said can be asked. It runs after the
// speakers are resolved: a "they" in the sentences after stands for the
// pair ("Residents, they said, had been warned").
func (d *claimDoc) pairSpeakers(cs []Claim) []Claim {
	n := len(cs)
	for i := 0; i < n; i++ {
		k := argIndex(&cs[i], "speaker")
		if cs[i].Kind != "statement" || k < 0 {
			continue
		}
		a, b := d.wordTokens(cs[i].Args[k].Span)
		p, q := d.personPair(a, b)
		if p == nil {
			continue
		}
		c := cs[i]
		c.Args = append([]Arg(nil), c.Args...)
		cs[i].Args[k] = d.arg(capture{"speaker", p.start, p.end, p, nil})
		c.Args[k] = d.arg(capture{"speaker", q.start, q.end, q, nil})
		sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
		cs = append(cs, c)
	}
	return cs
}

// personPair returns the two persons of a speaker over tokens [a, b)
// that is "P and [titles] Q", Q ending the span; nil when it is not.
func (d *claimDoc) personPair(a, b int) (*mention, *mention) {
	for j := a + 1; j+1 < b; j++ {
		if d.toks[j].Lower != "and" {
			continue
		}
		p := d.personEnding(j - 1)
		k := j + 1
		for k < b && k-j <= 6 && d.personSpanning(k, k+1) == nil && (d.toks[k].Cap || titleModifiers[d.toks[k].Lower]) {
			k++
		}
		// (Only title words before P: "residents of Dadaab and Kakuma" is
		// one group of people.)
		if q := d.personStarting(k); p != nil && q != nil && q.end == b && d.titleStart(p.start, a) == a {
			return p, q
		}
		return nil, nil
	}
	return nil, nil
}

// titleModifiers are lower-case words of a title before a name.
var titleModifiers = map[string]bool{"outgoing": true, "former": true, "acting": true, "incoming": true, "interim": true}

// titleStart walks back from token a over the title words before a name
// (capitalised words, @titleModifiers; at most five), not past first.
func (d *claimDoc) titleStart(a, first int) int {
	k := a
	for k > first && a-k < 5 && (d.toks[k-1].Cap || titleModifiers[d.toks[k-1].Lower]) && d.personEnding(k-1) == nil {
		k--
	}
	return k
}

// personSpanning returns the person mention that covers tokens [a, b),
// personEnding the one whose last token is k, personStarting the one
// that starts at k.
func (d *claimDoc) personSpanning(a, b int) *mention {
	if a >= b {
		return nil
	}
	for k := a; k >= 0 && k > a-6; k-- {
		for _, m := range d.mentions[k] {
			if m.kind == KindPerson && m.start <= a && m.end >= b {
				return m
			}
		}
	}
	return nil
}

func (d *claimDoc) personEnding(k int) *mention {
	for j := k; j >= 0 && j > k-6; j-- {
		for _, m := range d.mentions[j] {
			if m.kind == KindPerson && m.end == k+1 {
				return m
			}
		}
	}
	return nil
}

func (d *claimDoc) personStarting(k int) *mention {
	for _, m := range d.mentions[k] {
		if m.kind == KindPerson {
			return m
		}
	}
	return nil
}

// coordinatedCounts gives each count of a list before a casualty's
// count its own claim: "18 personnel, three railway staff and five
// civilian passengers were among those killed" is three claims, where a
// pattern (or a parse that missed the coordination) read only the last.
// The list is "N words" items joined by commas and a closing "and" right
// before the claim's count; each item's words are its victims.
func (d *claimDoc) coordinatedCounts(cs []Claim) []Claim {
	n := len(cs)
	for i := 0; i < n; i++ {
		c := cs[i]
		cnt, ok := findArg(c, "count")
		if c.Kind != "casualty" || !ok {
			continue
		}
		cs = append(cs, d.countsAfter(c, cnt)...)
		k := d.tokIndex(cnt.Start) - 1
		if k < 1 || d.toks[k].Lower != "and" {
			continue
		}
		first := d.sents[d.toks[k].Sent].First
		for {
			j := k - 1 // the last token of the item before the separator
			if j >= first && d.toks[j].Text == "," && d.toks[k].Lower == "and" {
				j--
			}
			m := d.countItem(first, j)
			if m == nil || m.end <= j && !d.namesPeople(m.end, j+1) {
				break // "26 cases and 11 deaths": cases are no one
			}
			extra := Claim{Kind: c.Kind, Rule: c.Rule, Certainty: c.Certainty, Span: c.Span, Text: c.Text, Explain: c.Explain}
			for _, a := range c.Args {
				switch a.Role {
				case "count":
					a = d.arg(capture{"count", m.start, m.end, m, nil})
				case "victims":
					continue
				}
				extra.Args = append(extra.Args, a)
			}
			if m.end <= j {
				extra.Args = append(extra.Args, d.arg(capture{"victims", m.end, j + 1, nil, nil}))
			}
			sort.SliceStable(extra.Args, func(i, j int) bool { return extra.Args[i].Start < extra.Args[j].Start })
			cs = append(cs, extra)
			k = m.start - 1
			if k < first || d.toks[k].Text != "," {
				break
			}
		}
	}
	return cs
}

// countsAfter reads the items of a list of counts after a casualty's
// count and victims: "the bodies of five troops and six civilians", "five
// soldiers, two police officers and a child" (only items with a number).
func (d *claimDoc) countsAfter(c Claim, cnt Arg) []Claim {
	end := cnt.End
	if v, ok := findArg(c, "victims"); ok && v.Start >= cnt.Start {
		end = v.End
	}
	k := d.tokIndex(end)
	if k >= len(d.toks) {
		return nil
	}
	last := d.sents[d.toks[k-1].Sent].Last
	type item struct {
		m        *mention
		from, to int // the victims' tokens
	}
	var items []item
	closed := false
	for !closed && k < last && (d.toks[k].Text == "," || d.toks[k].Lower == "and") {
		closed = d.toks[k].Lower == "and" || k+1 < last && d.toks[k+1].Lower == "and"
		for k < last && (d.toks[k].Text == "," || d.toks[k].Lower == "and") {
			k++
		}
		var m *mention
		if k < last {
			for _, x := range d.mentions[k] {
				if x.kind == KindNumber && x.ent != nil && x.ent.Type == NumCardinal {
					m = x
				}
			}
		}
		if m == nil {
			return nil
		}
		e := m.end
		for e < last && e-m.end < 4 && isWordRune(firstRune(d.toks[e].Text)) && !npStop[d.toks[e].Lower] && !d.isBeAux(e) {
			e++
		}
		if e == m.end || !d.namesPeople(m.end, e) {
			return nil // "five troops and six": no noun, likely another reading
		}
		items = append(items, item{m, m.end, e})
		k = e
	}
	if !closed {
		return nil
	}
	var out []Claim
	for _, it := range items {
		extra := Claim{Kind: c.Kind, Rule: c.Rule, Certainty: c.Certainty, Span: c.Span, Text: c.Text, Explain: c.Explain}
		for _, a := range c.Args {
			switch a.Role {
			case "count":
				a = d.arg(capture{"count", it.m.start, it.m.end, it.m, nil})
			case "victims":
				continue
			}
			extra.Args = append(extra.Args, a)
		}
		extra.Args = append(extra.Args, d.arg(capture{"victims", it.from, it.to, nil, nil}))
		sort.SliceStable(extra.Args, func(i, j int) bool { return extra.Args[i].Start < extra.Args[j].Start })
		out = append(out, extra)
	}
	return out
}

// namesPeople reports whether tokens [a, b) name people: a word of the
// victims, people or force lists (a plural of a people word too), or a
// person, organization or place (demonym) mention.
func (d *claimDoc) namesPeople(a, b int) bool {
	for k := a; k < b; k++ {
		w := d.toks[k].Lower
		if d.rules.hasWord("victims", w) || d.rules.hasWord("people_words", w) || d.rules.hasWord("people_words", strings.TrimSuffix(w, "s")) || d.rules.hasWord("force_nouns", w) {
			return true
		}
		for _, m := range d.mentions[k] {
			if m.kind == KindPerson || m.kind == KindOrganization || m.kind == KindPlace {
				return true
			}
		}
	}
	return false
}

// countItem returns the number that starts an item of a list of counts
// ending at token last ("three railway staff"): a number mention followed
// by at most nine words (the words of a unit's name: "18 off-duty
// military and paramilitary Frontier Corps personnel"), no punctuation
// but a hyphen and no verb among them, not inside a larger phrase ("of
// the 40 passengers").
func (d *claimDoc) countItem(first, last int) *mention {
	for k := last; k >= first && last-k <= 9; k-- {
		t := d.toks[k]
		if !isWordRune(firstRune(t.Text)) && t.Text != "-" {
			return nil
		}
		for _, m := range d.mentions[k] {
			if m.kind != KindNumber || m.ent == nil || m.end > last+1 || m.ent.Type != NumCardinal {
				continue
			}
			if p := m.start - 1; p >= first {
				switch d.toks[p].Lower {
				case "the", "of", "than", "a", "an", "these", "those", "its", "their", "his", "her", "to", "from":
					return nil
				}
			}
			return m
		}
		if d.isBeAux(k) || d.isSayVerb(k) || d.verbAt(k) {
			return nil
		}
	}
	return nil
}

// verbAt reports whether token k is a verb: a word of the casualty
// outcome lists ("Two officers died and three were injured"), or a verb
// in the sentence's parse when it has one.
func (d *claimDoc) verbAt(k int) bool {
	for _, o := range outcomeLists {
		if d.rules.inList(o.list, d.toks[k].Lower) {
			return true
		}
	}
	si := d.toks[k].Sent
	if si < len(d.trees) && d.trees[si] != nil {
		for _, w := range d.trees[si].w {
			if w.Span.Start < d.toks[k].End && d.toks[k].Start < w.Span.End {
				return w.UPOS == "VERB" || w.UPOS == "AUX"
			}
		}
	}
	return false
}

// dropBaselineTimes removes a time that another claim of the sentence
// holds as its baseline: in "Trade hit $1.1 billion, a 10.1% increase from
// the previous year", the previous year is what the change is measured
// against, not when trade hit $1.1 billion.
func dropBaselineTimes(cs []Claim) []Claim {
	for i := range cs {
		t, ok := findArg(cs[i], "time")
		if !ok {
			continue
		}
		for j, o := range cs {
			if b, ok := findArg(o, "baseline"); ok && j != i && b.Span == t.Span {
				kept := cs[i].Args[:0]
				for _, a := range cs[i].Args {
					if a.Role != "time" || a.Span != t.Span {
						kept = append(kept, a)
					}
				}
				cs[i].Args = kept
				break
			}
		}
	}
	return cs
}

func (d *claimDoc) isBeAux(i int) bool {
	switch d.toks[i].Lower {
	case "were", "was", "are", "is", "have", "has", "had", "been", "be":
		return true
	}
	return false
}

// overlapsArg reports whether span s overlaps an argument of c.
func overlapsArg(c Claim, s Span) bool {
	for _, a := range c.Args {
		if overlaps(a.Span, s) {
			return true
		}
	}
	return false
}

// usesSpan reports whether an argument of c already holds span s.
func usesSpan(c Claim, s Span) bool {
	for _, a := range c.Args {
		if a.Span == s {
			return true
		}
	}
	return false
}

func isEvent(kind string) bool {
	switch kind {
	case "capture", "casualty", "attack", "surrender", "withdrawal":
		return true
	}
	return false
}

func roleAllowed(kind, role string) bool {
	for _, r := range claimRoles[kind] {
		if r == role {
			return true
		}
	}
	return false
}

func hasRole(c Claim, role string) bool {
	_, ok := findArg(c, role)
	return ok
}

// argIndex returns the index of c's first argument of role, -1 if none.
func argIndex(c *Claim, role string) int {
	for k, a := range c.Args {
		if a.Role == role {
			return k
		}
	}
	return -1
}

func findArg(c Claim, role string) (Arg, bool) {
	for _, a := range c.Args {
		if a.Role == role {
			return a, true
		}
	}
	return Arg{}, false
}

// arg makes a claim argument of a capture, carrying the mention's norm
// and, for numbers, value and qualifier.
func (d *claimDoc) arg(cp capture) Arg {
	sp := d.spanOf(cp.start, cp.end)
	a := Arg{Role: cp.role}
	if m := cp.m; m != nil {
		a.Norm = m.norm
		if m.ent != nil {
			sp = m.ent.Span
			if m.ent.Kind == KindNumber {
				a.Value, a.Max, a.Qualifier = m.ent.Value, m.ent.Max, m.ent.Qualifier
			}
		}
		if m.span != (Span{}) {
			sp = m.span
		}
	} else if a.Norm == "" && cp.role != "content" {
		// A phrase: carry the norm of an entity it contains, when just one.
		a.Norm = d.innerNorm(cp.start, cp.end, cp.role == "attribute")
		// "The head of the Red Cross told": a speaker's phrase whose
		// entity follows a preposition is a person of that body, not
		// the body.
		// ("The US Embassy in Kabul" is one name, its preposition inside.)
		if cp.role == "speaker" && a.Norm != "" {
			first := cp.end // where the named entity starts
			for i := cp.start; i < cp.end; i++ {
				for _, m := range d.mentions[i] {
					if m.norm == a.Norm && m.end <= cp.end {
						first = min(first, i)
					}
				}
			}
			for i := cp.start; i < first; i++ {
				if speakerPreps[d.toks[i].Lower] {
					a.Norm = ""
				}
			}
		}
	}
	a.Span = sp
	a.Text = d.text[sp.Start:sp.End]
	return a
}

func (d *claimDoc) innerNorm(a, b int, measured bool) string {
	// Only an entity that is the phrase's head names it: "Russian forces"
	// and "the city of Dnipro" yes, "Russia's defense ministry" and
	// "troops sent to Kabul" no. A force noun after the entity keeps it
	// the head ("Ukrainian troops").
	for i := a; i < b; i++ {
		if d.toks[i].Lower == "and" {
			return "" // "American and NATO troops" name two
		}
	}
	head := b
	if b-1 > a && d.isForceNoun(b-1) {
		head = b - 1
	}
	norm := ""
	for i := a; i < b; i++ {
		for _, m := range d.mentions[i] {
			if (m.end == head || m.end == b) && m.kind != KindNumber && m.kind != KindDate && m.kind != "quote" {
				// "imports from China to the U.S.": in what a figure
				// measures, an entity after "from" or "to" modifies the
				// head before it ("in an email to The Associated Press"
				// is the agency's medium).
				if measured && m.start > a && (d.toks[m.start-1].Lower == "from" || d.toks[m.start-1].Lower == "to") ||
					m.start > a+1 && (d.toks[m.start-2].Lower == "from" || d.toks[m.start-2].Lower == "to") && d.toks[m.start-1].Lower == "the" {
					continue
				}
				if norm != "" && norm != m.norm {
					return ""
				}
				norm = m.norm
			}
		}
	}
	return norm
}

func (d *claimDoc) isForceNoun(i int) bool {
	return d.rules.hasWord("force_nouns", d.toks[i].Lower)
}

// certainty reads the words around a match: a negation or modal right
// before the trigger, "claimed"/"accused", and a nearby "could not
// independently verify".
func (d *claimDoc) certainty(si, start, anchor, end int, skip Span) string {
	s := d.sents[si]
	// Look back up to five words, but not past a clause break: "it was
	// not about an attack on the train" denies; "No one was hurt, but 3
	// were killed" does not.
	from := start
	for from > s.First && start-from < 5 {
		if t := d.toks[from-1].Text; t == "," || t == ";" || d.toks[from-1].Lower == "but" {
			break
		}
		from--
	}
	for i := from; i < end; i++ {
		if t := d.toks[i]; t.Start >= skip.Start && t.End <= skip.End && skip.End > 0 || d.dated != nil && d.dated[i] {
			continue // inside the content, or the month May
		}
		switch d.toks[i].Lower {
		case "no":
			if i+1 < end && (d.toks[i+1].Lower == "fewer" || d.toks[i+1].Lower == "less" || d.toks[i+1].Lower == "more") {
				continue // "no fewer than 20": a number
			}
			return negated
		case "not", "n't", "never", "nobody":
			return negated
		case "would", "could", "might", "may", "if", "threat", "threatened", "threatens", "risk":
			return Hypothetical
		}
	}
	// Someone denies it: "The Taliban denied that its fighters had killed
	// 40 civilians" is a casualty claim, disputed.
	for i := s.First; i < anchor; i++ {
		switch d.toks[i].Lower {
		case "denied", "denies", "deny", "denying":
			return Denied
		}
	}
	// A modal right after a nominal event governs it: "the Taliban's
	// takeover of Kunduz would be a major victory".
	if end < s.Last && !(skip.End > 0 && d.toks[end].Start >= skip.Start && d.toks[end].End <= skip.End) {
		switch d.toks[end].Lower {
		case "would", "could", "might", "may":
			return Hypothetical
		}
	}
	for i := s.First; i < anchor; i++ {
		switch d.toks[i].Lower {
		case "claims", "claim":
			// The noun says nothing of the claim's certainty ("the US has
			// no claim in the sea, but analysts say ..."), unless it
			// names the claim: "the claim that X has a net worth of ...".
			if next := d.toks[min(i+1, len(d.toks)-1)].Lower; next != "that" && next != "of" && si < len(d.trees) && d.trees[si] != nil {
				if w := d.trees[si].wordAt(d.toks[i].Span); w >= 0 && d.trees[si].w[w].UPOS == "NOUN" {
					continue
				}
			}
			return Alleged
		case "claimed", "alleged", "allegedly", "accused", "accuses":
			return Alleged
		}
	}
	for _, k := range []int{si, si + 1} {
		if k >= len(d.sents) || d.sents[k].Start-s.End >= 400 {
			continue
		}
		toks := d.toks[d.sents[k].First:d.sents[k].Last]
		for _, seq := range unverifiedSeqs {
			if containsSeq(toks, seq...) {
				return Unverified
			}
		}
	}
	return Asserted
}

// unverifiedSeqs are the words with which an article says it cannot
// confirm what it reports.
var unverifiedSeqs = [][]string{{"could", "not", "independently"}, {"could", "not", "be", "verified"},
	{"could", "not", "be", "independently"}, {"can", "not", "independently"}, {"cannot", "independently"},
	{"unable", "to", "independently"}, {"unable", "to", "verify"}, {"could", "n't", "independently"},
	{"not", "been", "independently"}}

func containsSeq(toks []Token, words ...string) bool {
outer:
	for i := 0; i+len(words) <= len(toks); i++ {
		for k, w := range words {
			if toks[i+k].Lower != w {
				continue outer
			}
		}
		return true
	}
	return false
}

// occasionBefore reports whether the phrase of the date at token i is the
// object of "at" ("at last week's hearing", "at Monday's briefing"): the
// occasion, and so the time, of what was said there.
func (d *claimDoc) occasionBefore(i int) bool {
	k := i - 1
	if k >= 0 && (d.toks[k].Lower == "last" || d.toks[k].Lower == "this" || d.toks[k].Lower == "next") {
		k-- // (the date mention may leave "last" out)
	}
	return k >= 0 && d.toks[k].Lower == "at"
}

// otherClauseDate reports whether the date at token i, outside a claim's
// match, ends a clause set a stated interval away from the claim ("18
// years after Washington invaded the country in 2001", "two days before
// the talks opened on Monday"): the date is that clause's event's, and
// the interval says it is not the claim's (start is the claim's first
// token: a claim inside that clause keeps its date). A clause with no interval
// ("killed when a bomb exploded on Monday") happened at the claim's time
// and dates it; so does a date right after the subordinator ("a week
// after Monday" has no verb between).
func (d *claimDoc) otherClauseDate(si, i, start int) bool {
	first := d.sents[si].First
	for k := i - 1; k > first && k >= i-10; k-- {
		t := d.toks[k]
		if t.Text == "," || t.Text == ";" || t.Text == "—" {
			return false
		}
		if t.Lower != "after" && t.Lower != "before" || !intervalUnits[d.toks[k-1].Lower] {
			continue
		}
		if start > k && start < i {
			return false // the claim is that clause's: "two days after the rebels attacked the base on Wednesday"
		}
		tr := d.tree(si)
		if tr == nil {
			return false
		}
		for j := k + 1; j < i; j++ {
			// A finite verb: the clause's own event ("invaded"), not a
			// participle of a noun phrase ("Ruiz's opening speech").
			if w := tr.wordAt(d.toks[j].Span); w >= 0 && (tr.w[w].UPOS == "VERB" || tr.w[w].UPOS == "AUX") && finiteTags[tr.w[w].XPOS] {
				return true
			}
		}
		return false
	}
	return false
}

// clauseBreak reports a new coordinated clause opening between tokens a
// and b: ", but", ", and", ", while" or a semicolon.
func (d *claimDoc) clauseBreak(a, b int) bool {
	for k := a; k < b && k+1 < len(d.toks); k++ {
		if d.toks[k].Text == ";" {
			return true
		}
		if d.toks[k].Text == "," {
			switch d.toks[k+1].Lower {
			case "but", "and", "while", "whereas", "yet":
				return true
			}
		}
	}
	return false
}

// intervalUnits measure the time between two events: "18 years after".
// Hours and minutes are left out: "minutes before the speech Monday" is
// the same day, which is all a claim's date says.
var intervalUnits = map[string]bool{"years": true, "year": true, "months": true, "month": true, "weeks": true, "week": true,
	"days": true, "day": true, "decades": true, "decade": true}

// auxForms are the finite forms of "be", "have" and "do" and the modals,
// which end no clause that says something.
var auxForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "do": true, "does": true, "did": true, "will": true, "would": true, "can": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "'s": true}

// finiteTags are the tags of a finite verb.
var finiteTags = map[string]bool{"VBD": true, "VBZ": true, "VBP": true, "MD": true}

// nearest returns, as an argument with the given role, the mention of kind
// closest to the match within the sentence. words is set for a statement,
// whose time is when the words were said.
func (d *claimDoc) nearest(si, start, end int, kind, role string, skip Span, words bool) (Arg, bool) {
	s := d.sents[si]
	best, bestDist := (*mention)(nil), 1<<30
	for i := s.First; i < s.Last; i++ {
		for _, m := range d.mentions[i] {
			if m.kind != kind || m.end > s.Last {
				continue
			}
			if skip.End > 0 && d.toks[m.start].Start >= skip.Start && d.toks[m.end-1].End <= skip.End {
				continue
			}
			if kind == KindDate && (m.end <= start || m.start >= end) && d.saidWhen(m.start) {
				continue // "said Monday that seven were killed": when it was said
			}
			// "decided to weigh in on Thursday's fight on Monday, saying
			// ...": a date in the possessive dates the noun it modifies
			// (the fight), not when words were said; but "at last week's
			// hearing" is where they were said.
			if kind == KindDate && words && m.end < s.Last && isPossessive(d.toks[m.end].Lower) && !d.occasionBefore(m.start) {
				continue
			}
			if kind == KindDate && (m.end <= start || m.start >= end) && d.otherClauseDate(si, m.start, start) {
				continue
			}
			// "Fu blamed X for withdrawing in 2017, but at the same time he
			// said ...": a date in the clause before the one that says the
			// words dates another event.
			if kind == KindDate && words && m.end <= start && d.clauseBreak(m.end, start) {
				continue
			}
			dist := 0
			if m.end <= start {
				dist = start - m.end
			} else if m.start >= end {
				dist = m.start - end
			}
			if dist < bestDist {
				best, bestDist = m, dist
			}
		}
	}
	if best == nil {
		return Arg{}, false
	}
	if kind == KindDate {
		if a, ok := d.dateRange(si, best, role); ok {
			return a, true
		}
	}
	return d.arg(capture{role, best.start, best.end, best, nil}), true
}

// dateRange widens a date that is one end of a span of time, "between 2009
// and 2018", "from March to May", to the whole span (its norm an ISO
// interval): the claim holds over the period, not in its first or last
// year.
func (d *claimDoc) dateRange(si int, m *mention, role string) (Arg, bool) {
	s := d.sents[si]
	dateEndingAt := func(end int) *mention {
		for k := max(s.First, end-6); k < end; k++ {
			for _, x := range d.mentions[k] {
				if x.kind == KindDate && x.end == end {
					return x
				}
			}
		}
		return nil
	}
	dateAt := func(start int) *mention {
		if start >= s.Last {
			return nil
		}
		var best *mention
		for _, x := range d.mentions[start] {
			if x.kind == KindDate && (best == nil || x.end > best.end) {
				best = x
			}
		}
		return best
	}
	lo, hi := m, (*mention)(nil)
	if m.end < s.Last {
		switch d.toks[m.end].Lower {
		case "and", "to", "through", "until", "-", "–":
			hi = dateAt(m.end + 1)
		}
	}
	if hi == nil && m.start-1 > s.First {
		switch d.toks[m.start-1].Lower {
		case "and", "to", "through", "until", "-", "–":
			lo, hi = dateEndingAt(m.start-1), m
		}
	}
	if lo == nil || hi == nil || lo.start-1 < s.First {
		return Arg{}, false
	}
	// "between X and Y", "from X to Y": the opening word makes it a span
	// ("in 2009 and 2018" names two years).
	open := d.toks[lo.start-1].Lower
	join := d.toks[lo.end].Lower
	if !(open == "between" && join == "and" || open == "from" && join != "and") {
		return Arg{}, false
	}
	a := d.arg(capture{role, lo.start - 1, hi.end, nil, nil})
	a.Norm = ""
	if lo.norm != "" && hi.norm != "" {
		from, _, _ := strings.Cut(lo.norm, "/")
		to := hi.norm
		if _, t, ok := strings.Cut(hi.norm, "/"); ok {
			to = t
		}
		a.Norm = from + "/" + to
	}
	return a, true
}

// endsInPlace reports whether the last word of s belongs to a place.
func (d *claimDoc) endsInPlace(s Span) bool {
	for i := max(0, d.tokIndex(s.End)-6); i < len(d.toks) && d.toks[i].Start < s.End; i++ {
		for _, m := range d.mentions[i] {
			if m.kind == KindPlace && d.toks[m.end-1].End == s.End {
				return true
			}
		}
	}
	return false
}

// tokIndex is the index of the first token starting at or after byte b.
func (d *claimDoc) tokIndex(b int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= b })
}

func (d *claimDoc) isCountry(s Span) bool {
	for _, e := range d.ents {
		if e.Span == s && e.Kind == KindPlace && e.Type == "country" {
			return true
		}
	}
	return false
}

// sameParagraph reports whether sentences a and b are in one paragraph.
func (d *claimDoc) sameParagraph(a, b int) bool {
	return !strings.Contains(d.text[d.sents[a].End:d.sents[b].Start], "\n\n")
}

// saidWhen reports whether the date at token i tells when something was
// said ("said Monday", "told CNN on Sunday") rather than when it happened.
func (d *claimDoc) saidWhen(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := d.toks[k].Lower
		if d.isSayVerb(k) || t == "said" || t == "told" || t == "saying" || projectionVerbs[t] {
			return true
		}
		if t != "on" && t != "in" && t != "late" && t != "early" && !d.toks[k].Cap {
			return false
		}
	}
	return false
}

// projectionVerbs date an estimate, not what it estimates: "projected in
// May that the tariffs would reduce GDP".
var projectionVerbs = map[string]bool{"projected": true, "estimated": true, "forecast": true, "predicted": true,
	"calculated": true, "reported": true, "projects": true, "estimates": true, "predicts": true}

// placeIn finds a place introduced by "in" (or "near") in the sentence,
// closest after the match, else before it.
func (d *claimDoc) placeIn(si, start, end int) (Arg, bool) {
	s := d.sents[si]
	var cands []*mention
	for i := s.First + 1; i < s.Last; i++ {
		p := d.toks[i-1].Lower
		if p != "in" && p != "near" && p != "across" && p != "throughout" {
			continue
		}
		for _, m := range d.mentions[i] {
			if m.kind != KindPlace {
				continue
			}
			// "in the city of Dnipro": the name, not the phrase pointing to it.
			if m.ent == nil && m.end+1 < s.Last && d.toks[m.end].Lower == "of" {
				for _, n := range d.mentions[m.end+1] {
					if n.kind == KindPlace && n.ent != nil {
						m = n
					}
				}
			}
			cands = append(cands, m)
		}
	}
	// "27 were killed in different districts, including 20 in Kandahar":
	// the place after "including" is the subset's, not the match's.
	for i := end; i < s.Last; i++ {
		if d.toks[i].Lower == "including" {
			kept := cands[:0]
			for _, m := range cands {
				if m.start < i {
					kept = append(kept, m)
				}
			}
			cands = kept
			break
		}
	}
	for _, m := range cands {
		if m.start >= end {
			return d.arg(capture{"place", m.start, m.end, m, nil}), true
		}
	}
	if len(cands) > 0 {
		m := cands[len(cands)-1]
		return d.arg(capture{"place", m.start, m.end, m, nil}), true
	}
	return Arg{}, false
}

// attributedAccordingTo drops an "according to" statement whose content
// ends with the attribution of another statement ("“...,” he said,
// according to the Intelligencer"): what the source reports is that he
// said it, so the words are his statement, and the source becomes that
// statement's source; a content that holds its own "he said" is no
// one's words.
func (d *claimDoc) attributedAccordingTo(cs []Claim) []Claim {
	drop := make([]bool, len(cs))
	for i, a := range cs {
		if a.Kind != "statement" || !isAccordingTo(a.Rule) {
			continue
		}
		ac, _ := findArg(a, "content")
		src, ok := findArg(a, "speaker")
		if !ok {
			continue
		}
		for j := range cs {
			b := &cs[j]
			if j == i || b.Kind != "statement" || !nestedInAccording(*b, a) {
				continue
			}
			sp, _ := findArg(*b, "speaker")
			bc, _ := findArg(*b, "content")
			// Only an attribution after its words that closes the
			// content: the speaker and at most its verb and an adverb.
			if sp.Start < bc.End || len(strings.Fields(d.text[sp.End:ac.End])) > 2 {
				continue
			}
			drop[i] = true
			if !hasRole(*b, "source") {
				src.Role = "source"
				b.Args = append(b.Args, src)
			}
			break
		}
	}
	return undropped(cs, drop)
}

// nestedInAccording reports whether statement in, speaker and content,
// lies inside the content of the "according to" statement outer.
func nestedInAccording(in, outer Claim) bool {
	if !isAccordingTo(outer.Rule) || isAccordingTo(in.Rule) {
		return false
	}
	oc, ok1 := findArg(outer, "content")
	sp, ok2 := findArg(in, "speaker")
	ic, ok3 := findArg(in, "content")
	inside := func(s Span) bool { return s.Start >= oc.Start && s.End <= oc.End }
	return ok1 && ok2 && ok3 && inside(sp.Span) && inside(ic.Span)
}

// nestedStatement reports whether statement in is what the statement
// outer says: its speaker opens outer's content and its content lies
// inside it ("The government said Beijing had assured it that the men
// would be treated well": Beijing's assurance is a statement of its own,
// reported by the government). A speaker further into the content is a
// content that ran past its clause ("Ghani announced the exchange, officials
// said ..."), which dedupeClaims resolves the other way.
func nestedStatement(in, outer Claim) bool {
	// ("According to his aunt, Jane Starner, “...”": an apposition that
	// opens the content is the same source, which dedupeClaims keeps once.)
	if in.Kind != "statement" || outer.Kind != "statement" || isAccordingTo(in.Rule) {
		return false
	}
	oc, ok1 := findArg(outer, "content")
	sp, ok2 := findArg(in, "speaker")
	ic, ok3 := findArg(in, "content")
	if !ok1 || !ok2 || !ok3 || sp.Start < oc.Start || ic.Start < sp.End || ic.End > oc.End {
		return false
	}
	return opensContent(oc, sp.Start)
}

// subordinateInside reports whether statement in stands whole inside the
// content of outer, in a clause that a subordinator opens right before its
// speaker ("Although Mauritius has said that the facilities are not for
// military use, they give India a foothold ..., say analysts"): a
// statement of its own, beside the outer one, not a second reading of it.
func subordinateInside(in, outer Claim) bool {
	if in.Kind != "statement" || outer.Kind != "statement" {
		return false
	}
	oc, ok1 := findArg(outer, "content")
	sp, ok2 := findArg(in, "speaker")
	ic, ok3 := findArg(in, "content")
	if !ok1 || !ok2 || !ok3 || ic.End > oc.End || ic.Start < sp.End {
		return false
	}
	return subordinateAt(oc, sp.Start)
}

// subordinateAt reports whether the word of content right before byte
// offset at is a subordinator ("Although" before "Mauritius has said").
func subordinateAt(content Arg, at int) bool {
	if at <= content.Start || at > content.End || content.End-content.Start != len(content.Text) {
		return false
	}
	lead := strings.Fields(foldLower(content.Text[:at-content.Start]))
	return len(lead) > 0 && subordinators[lead[len(lead)-1]]
}

// cutOverrun cuts the content of a statement inside what a trailing
// attribution attributes where it runs on over that attribution: in "The
// groups accused the company of trying to influence the talks,
// Agence France-Presse reported" the accusation's [rest] reads to the
// sentence's end, over ", Agence France-Presse reported", and would be
// taken for a second reading of the outer statement. Cut at the outer
// content's end, it is a report inside a report (nestedStatement), one
// statement of each speaker. It reports whether it cut.
func cutOverrun(in *Claim, outer Claim) bool {
	if in.Kind != "statement" || outer.Kind != "statement" || isAccordingTo(outer.Rule) {
		return false
	}
	oc, ok1 := findArg(outer, "content")
	osp, ok2 := findArg(outer, "speaker")
	isp, ok3 := findArg(*in, "speaker")
	if !ok1 || !ok2 || !ok3 || osp.Start < oc.End || isp.Start < oc.Start || !opensContent(oc, isp.Start) {
		return false
	}
	for i, a := range in.Args {
		if a.Role != "content" || a.Start < isp.End || a.Start >= oc.End || a.End < osp.End || a.End-a.Start != len(a.Text) {
			continue
		}
		t := strings.TrimRight(a.Text[:oc.End-a.Start], " ,;:")
		if t == "" {
			return false
		}
		in.Args[i].Text, in.Args[i].End = t, a.Start+len(t)
		return true
	}
	return false
}

// opensContent reports whether byte offset at opens content, after at
// most a complementizer the content kept and an article the speaker's
// phrase left out ("said a scan of the microchip revealed that ...").
func opensContent(content Arg, at int) bool {
	lead := strings.Fields(foldLower(content.Text[:min(max(at-content.Start, 0), len(content.Text))]))
	if len(lead) > 0 && lead[0] == "that" {
		lead = lead[1:]
	}
	return len(lead) == 0 || len(lead) == 1 && (lead[0] == "a" || lead[0] == "an" || lead[0] == "the")
}

// nestedSources gives a statement nested in another (nestedStatement)
// the outer speaker as its source, and makes it reported: the article
// tells what one party says another said. One whose speaker is the outer
// speaker again ("Abdi says she replied that ...") is that speaker's
// statement, which the outer one holds already: it is dropped.
func nestedSources(cs []Claim) []Claim {
	drop := make([]bool, len(cs))
	for i := range cs {
		c := &cs[i]
		if c.Kind != "statement" || hasRole(*c, "source") {
			continue
		}
		for _, o := range cs {
			if !nestedStatement(*c, o) {
				continue
			}
			sp, _ := findArg(o, "speaker")
			if in, _ := findArg(*c, "speaker"); sameReferent(in, sp) {
				drop[i] = true
				break
			}
			sp.Role = "source"
			c.Args = append(c.Args, sp)
			sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
			if c.Certainty == Asserted {
				c.Certainty = Reported
			}
			break
		}
	}
	return undropped(cs, drop)
}

// undropped returns the claims of cs whose drop is false, in place.
func undropped(cs []Claim, drop []bool) []Claim {
	kept := cs[:0]
	for i, c := range cs {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	return kept
}

// sameReferent reports whether two arguments name the same party: the
// same words, or the same resolved name.
func sameReferent(a, b Arg) bool {
	return foldLower(a.Text) == foldLower(b.Text) || a.Norm != "" && a.Norm == b.Norm
}

// dedupeClaims drops claims of one sentence that repeat another of the same
// kind: the same arguments, or the same core argument (count, place,
// content) found by a weaker rule. The claim with more arguments wins.
func dedupeClaims(cs []Claim, depRule func(id string) bool) []Claim {
	// An attack is one whether its words were read as the weapon or the
	// target: "Russian missiles hit a hospital" is matched both as
	// "missiles hit X" and as "[actor] hit X".
	core := map[string][]string{"capture": {"place"}, "casualty": {"count"}, "statement": {"content"},
		"quantity": {"value"}, "attack": {"means", "target"}, "surrender": {"actor"}, "withdrawal": {"actor"},
		"role": {"person"}}
	var out []Claim
next:
	for _, c := range cs {
		for k, o := range out {
			if o.Kind != c.Kind || c.Kind == "casualty" && !sameOutcome(c, o) {
				continue
			}
			roles := core[c.Kind]
			if c.Kind == "casualty" && (!hasRole(c, "count") || !hasRole(o, "count")) {
				// A named victim ("al-Rufay'i was killed") read by two
				// rules is one claim; two counts of one noun are two.
				roles = []string{"count", "victims"}
			}
			for _, role := range roles {
				ca, ok1 := findArg(c, role)
				oa, ok2 := findArg(o, role)
				if ok1 && ok2 && overlaps(ca.Span, oa.Span) {
					if c.Kind == "statement" && (cutOverrun(&c, o) || cutOverrun(&out[k], c)) {
						continue // now nested: nestedStatement below reads it
					}
					// "X has voiced concern over ..., according to Z": an
					// attribution inside what "according to" attributes is
					// one more statement, not a reading of the same one.
					if c.Kind == "statement" && (nestedInAccording(c, o) || nestedInAccording(o, c) || nestedStatement(c, o) || nestedStatement(o, c) || subordinateInside(c, o) || subordinateInside(o, c)) {
						continue
					}
					// "Ghani announced the exchange last week, officials
					// said Kabul had ...": a content that holds another
					// statement's speaker ran past its own clause.
					if c.Kind == "statement" && speakerInside(c, oa.Span) && !speakerInside(o, ca.Span) {
						out[k] = c
						continue next
					}
					// "An analyst at Barclays said": of two readings, the
					// speaker that holds the other's is the whole phrase
					// ("Barclays" is a word of its modifier).
					// (Only a word at the phrase's end: "43-year-old Martin
					// Taylor" against "... of Aberdeenshire" keeps its name.)
					if cp, op, ok := speakers(c, o); c.Kind == "statement" && ok && cp != op && cp.End == op.End {
						if cp.Start < op.Start {
							out[k] = c
							continue next
						}
						continue next
					}
					if c.Kind == "statement" && speakerInside(o, ca.Span) {
						continue next
					}
					// A figure's tree says what it measures better than the
					// nearest noun phrase before the verb ("Duties on the
					// steel rose from 250% to 390%": duties, not steel).
					if len(c.Args) > len(o.Args) || c.Kind == "quantity" && len(c.Args) == len(o.Args) && depRule(c.Rule) && !depRule(o.Rule) && subjectBefore(c, o) {
						out[k] = c
					}
					continue next
				}
			}
			// "double the 10% levy to 20%": the 10% is the change's
			// baseline, not a figure of its own.
			if c.Kind == "quantity" && (argsOverlap(c, "value", o, "baseline") || argsOverlap(c, "baseline", o, "value")) {
				if len(c.Args) > len(o.Args) {
					out[k] = c
				}
				continue next
			}
		}
		out = append(out, c)
	}
	return out
}

// dropFallbacks drops the claims of fallback rules whose core argument
// (a quantity's value, a casualty's count) another claim of the same kind
// in the sentence read: the surface pattern stands in for the tree only
// where the tree found nothing.
func dropFallbacks(cs []Claim, fallback func(id string) bool) []Claim {
	var out []Claim
next:
	for _, c := range cs {
		if fallback(c.Rule) {
			for _, o := range cs {
				if o.Kind == c.Kind && !fallback(o.Rule) && (argsOverlap(c, "value", o, "value") || argsOverlap(c, "count", o, "count")) {
					continue next
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// argsOverlap reports whether c's argument of role rc overlaps o's of
// role ro.
func argsOverlap(c Claim, rc string, o Claim, ro string) bool {
	ca, ok1 := findArg(c, rc)
	oa, ok2 := findArg(o, ro)
	return ok1 && ok2 && overlaps(ca.Span, oa.Span)
}

// subjectBefore reports whether quantity c's attribute starts before o's,
// a different one: o read a noun of c's attribute's modifiers.
func subjectBefore(c, o Claim) bool {
	ca, ok1 := findArg(c, "attribute")
	oa, ok2 := findArg(o, "attribute")
	return ok1 && ok2 && ca.Start < oa.Start && !overlaps(ca.Span, oa.Span)
}

// dropCountedQuantities drops a quantity whose value is a casualty count
// of the same sentence: "the death toll rose to 5,000" is a casualty
// figure, not also a generic amount.
func dropCountedQuantities(cs []Claim) []Claim {
	counts := map[Span]bool{}
	for _, c := range cs {
		if c.Kind == "casualty" {
			if a, ok := findArg(c, "count"); ok {
				counts[a.Span] = true
			}
		}
	}
	out := cs[:0]
	for _, c := range cs {
		if a, ok := findArg(c, "value"); ok && c.Kind == "quantity" && counts[a.Span] {
			continue
		}
		out = append(out, c)
	}
	return out
}

func sameOutcome(a, b Claim) bool {
	x, _ := findArg(a, "outcome")
	y, _ := findArg(b, "outcome")
	return x.Norm == y.Norm
}

func overlaps(a, b Span) bool { return a.Start < b.End && b.Start < a.End }

// words returns the folded text of tokens [a, b).
func (d *claimDoc) words(a, b int) string {
	var parts []string
	for i := a; i < b; i++ {
		parts = append(parts, d.toks[i].Lower)
	}
	return strings.Join(parts, " ")
}

// quoteThenClause are words that may follow a quotation someone said and
// open a clause or phrase of the sentence's own: "said “the bridge will
// reopen” and left", "said “no comment” before the vote".
var quoteThenClause = map[string]bool{"and": true, "but": true, "or": true, "while": true, "as": true, "before": true,
	"after": true, "when": true, "during": true, "in": true, "on": true, "at": true, "because": true, "since": true}

func isQuoteMark(s string) bool {
	return s == "\u201d" || s == "\u201c" || s == "\"" || s == "'" || s == "\u2019" || s == "\u2018"
}

// isAge reports a number of one to three digits: "Amirov, 45,".
func isAge(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isAccordingTo reports whether rule reads "according to X" (the surface
// rule or the tree's).
func isAccordingTo(rule string) bool {
	return rule == "statement.according_to" || rule == "statement.according_to_tree"
}
