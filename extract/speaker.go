package extract

import (
	"slices"
	"strings"
	"unicode"
)

// A statement's speaker is a nominal phrase: the subject of the verb of
// saying. The surface rules take the noun phrase that stands right before
// the verb, which is the subject's last words when the subject carries a
// prepositional modifier ("Officials in the two countries said", "The
// head of MSF told the council", "A doctor on the scene told Ruptly"), and
// a fragment when a clause ends there ("If that holds up, ..., said X"
// gave the speaker "holds up"). fixSpeaker checks a surface statement's
// speaker against the parse of its sentence and, where the two disagree
// and the parse is consistent, takes the subject the parse names.

// tree returns sentence si's dependency tree, parsing it on demand (and
// keeping it) when no dependency rule asked for it; nil without a parser.
func (d *claimDoc) tree(si int) *depTree {
	if si < len(d.trees) && d.trees[si] != nil {
		return d.trees[si]
	}
	if d.parse == nil {
		return nil
	}
	t := d.parse(si)
	if si < len(d.trees) {
		d.trees[si] = t
	}
	return t
}

// subjectAfterFronted returns the subject after the fronted adverbial
// that holds speaker sp, for a ", saying ..." whose surface pattern took
// the sentence's first noun phrase: "One day earlier, parliament's lower
// house voted ..., saying" is said by the house; "Over the course of that
// interview, Dale and Martha disputed ..., saying" by Dale and Martha.
// The adverbial opens the sentence with a preposition or is a time, and
// ends at the first comma; the subject is the phrase the parse builds on
// the word after it, followed by the clause's verb.
func (d *claimDoc) subjectAfterFronted(si int, sp Span, before int) (Arg, bool) {
	a, b := d.wordTokens(sp)
	f := d.sents[si].First
	if a >= b || a < f {
		return Arg{}, false
	}
	c := -1
	for i := f; i < len(d.toks) && d.toks[i].End <= before; i++ {
		if d.toks[i].Text == "," {
			c = i
			break
		}
	}
	if c < b {
		return Arg{}, false
	}
	fronted := openingPreps[d.toks[f].Lower] || frontedPreps[d.toks[f].Lower]
	for i := f; i < c && !fronted; i++ {
		fronted = timeHeads[d.toks[i].Lower]
	}
	t := d.tree(si)
	if !fronted || t == nil || c+1 >= len(d.toks) {
		return Arg{}, false
	}
	w0 := t.wordAt(d.toks[c+1].Span)
	if w0 < 0 {
		return Arg{}, false
	}
	w := w0
	for {
		h := t.w[w].Head - 1
		switch t.w[w].Rel {
		case "nmod:poss", "compound", "amod", "det", "case", "flat", "nummod":
			if h > w {
				w = h
				continue
			}
		}
		break
	}
	lo, hi := t.phrase(w)
	for _, k := range t.kids[w] {
		if t.w[k].Rel == "conj" && k > hi { // "Dale and Martha"
			_, hi = t.phrase(k)
		}
	}
	if lo != w0 || hi+1 >= len(t.w) || t.w[hi+1].UPOS != "VERB" && t.w[hi+1].UPOS != "AUX" {
		return Arg{}, false
	}
	pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
	if pa >= pb || d.toks[pb-1].End > before {
		return Arg{}, false
	}
	return d.arg(capture{"speaker", pa, pb, d.actorCovering(pa, pb), nil}), true
}

// speakerOpensWithVerb reports whether statement c's speaker, as fixed,
// opens with a verb: "This graphic, provided by Statista, shows the U.S.
// states where ..." ("states" a verb of saying to the word lists, a noun
// to the parse) has no speaker "shows the U.S.". Only a phrase in lower
// case that no determiner or pronoun opens is parsed for this.
func (d *claimDoc) speakerOpensWithVerb(c *Claim, si int) bool {
	sp, ok := findArg(*c, "speaker")
	if !ok {
		return false
	}
	a, b := d.wordTokens(sp.Span)
	if a >= b || d.toks[a].Cap || d.listAt("subject_openers", a) > 0 {
		return false
	}
	// ("study co-author Michael Malaska": a title before a name.)
	for i := a; i < b; i++ {
		for _, m := range d.mentions[i] {
			if isActorKind(m.kind) && m.ent != nil {
				return false
			}
		}
	}
	t := d.tree(si)
	if t == nil {
		return false
	}
	w := t.wordAt(d.toks[a].Span)
	return w >= 0 && (t.w[w].UPOS == "VERB" || t.w[w].UPOS == "AUX")
}

// subjectPronouns are the personal pronouns that can be a subject.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// fixSpeaker checks, and fixes when it can, the speaker of statement c
// matched over tokens [start, end) of sentence si. It reports false when
// the statement must be dropped: its speaker is a fragment (a verb or
// adjective with its own subject or object) and the parse names no
// nominal subject for the verb of saying.
func (d *claimDoc) fixSpeaker(c *Claim, si, start, end int, caps []capture) bool {
	k := -1
	for i, a := range c.Args {
		if a.Role == "speaker" {
			k = i
		}
	}
	if k < 0 {
		return true
	}
	defer d.appositiveSpeaker(c, k)
	content, _ := findArg(*c, "content")
	if c.Rule == "statement.saying" {
		if a, ok := d.subjectAfterFronted(si, c.Args[k].Span, content.Start); ok {
			c.Args[k] = a
		}
	}
	sp := c.Args[k].Span
	// "... possible for Swift to perform her songs at the awards after
	// Swift scolded her label, accusing the company of ...": the phrase
	// the surface pattern took before a participle's clause is an object
	// or oblique in the parse, not the subject the participle shares.
	if c.Rule == "statement.saying" || c.Rule == "statement.accused" {
		if t := d.tree(si); t != nil {
			if h := t.spanHead(sp); h >= 0 && t.w[h].UPOS != "PROPN" {
				if r := t.w[h].Rel; r == "obj" || r == "iobj" || strings.HasPrefix(r, "obl") {
					return false
				}
			}
		}
	}
	// "North Korea's army chief of staff Pak Jong Chon said": lower-case
	// words right before a person's name, with no determiner, are the
	// tail of a title the pattern cut ("staff Pak Jong Chon", after "of"
	// or a capitalised word of the title); the name speaks.
	if a, b := d.wordTokens(sp); b-a > 1 && a > 0 {
		if m := d.personEnding(b - 1); m != nil && m.start > a {
			plain := true
			for i := a; i < m.start; i++ {
				if d.toks[i].Cap || !isPlainNoun(d.toks[i]) {
					plain = false
				}
			}
			if plain && (d.toks[a-1].Lower == "of" || d.toks[a-1].Cap) {
				c.Args[k] = d.arg(capture{"speaker", m.start, m.end, m, nil})
				sp = c.Args[k].Span
			}
		}
	}
	// "but at the same time he said": a personal pronoun ends no noun
	// phrase; the words before it are an adverbial, the pronoun alone is
	// the subject.
	if a, b := d.wordTokens(sp); b-a > 1 && subjectPronouns[d.toks[b-1].Lower] && d.actorCovering(a, b) == nil {
		c.Args[k] = d.arg(capture{"speaker", b - 1, b, nil, nil})
		sp = c.Args[k].Span
	}
	// "The front is 60 kilometers long and officials warn it is ...": a
	// phrase right after a form of "be" is the predicate of the clause
	// before, and "and" opens the clause whose subject speaks.
	if a, b := d.wordTokens(sp); a > 0 && a < b && beForms[d.toks[a-1].Lower] {
		for i := b - 2; i > a; i-- {
			if d.toks[i].Lower == "and" {
				c.Args[k] = d.arg(capture{"speaker", i + 1, b, d.actorCovering(i+1, b), nil})
				sp = c.Args[k].Span
				break
			}
		}
	}
	// "images of a three-page letter the minister said the journalist had
	// written": a determiner right after a common noun opens a second noun
	// phrase, the subject of a relative clause without "that"; it speaks.
	// The tagger tells the noun ("letter") from a verb or a preposition
	// before the determiner ("shows the U.S. states where ...", "across
	// the world"); the sentence is parsed only for such a speaker.
	if a, b := d.wordTokens(sp); a < b && d.actorCovering(a, b) == nil {
		for i := b - 2; i > a; i-- {
			if w := d.toks[i].Lower; (w == "the" || w == "a" || w == "an") && isPlainNoun(d.toks[i-1]) && !d.coveredByActor(i-1, i+1) {
				if t := d.tree(si); t != nil {
					if n := t.wordAt(d.toks[i-1].Span); n >= 0 && t.w[n].UPOS == "NOUN" {
						c.Args[k] = d.arg(capture{"speaker", i, b, d.actorCovering(i, b), nil})
						sp = c.Args[k].Span
					}
				}
				break
			}
		}
	}

	// "Dow component Home Depot reported", "Chipmaker Nvidia said": a
	// plain phrase right before a name (no punctuation between) is a
	// compound modifier of the name, which heads the subject.
	if a, b := d.wordTokens(sp); a < b && b < len(d.toks) && d.actorCovering(a, b) == nil && !d.coveredByActor(a, b) {
		for _, m := range d.mentions[b] {
			// "Foreign Secretary Dominic Raab defended ..., saying": words
			// in capitals right before a person's name are the name's
			// title, wherever the verb of saying stands.
			if isActorKind(m.kind) && m.ent != nil && m.end < end && (d.isSayVerbAfter(m.end, end) || m.kind == KindPerson && d.capitalised(a, b)) {
				c.Args[k] = d.arg(capture{"speaker", m.start, m.end, m, nil})
				return true // the parse often makes the modifier the head
			}
		}
	}
	// "Hours before Zach Parise's two-goal performance Tuesday, Wild coach
	// Bruce Boudreau expressed ...": a phrase governed by a preposition or
	// subordinator that opens the sentence is an adverbial, never the
	// subject; the speaker stands after the comma that closes it.
	// (Or a place or manner preposition that is the sentence's first
	// word: "In a sign of the tension, the board, which ..., issued"; not
	// one inside the subject, "A spokesperson for the ministry".)
	if a, b := d.wordTokens(sp); a > 0 && a < b && (frontedPreps[d.toks[a-1].Lower] && a-1-d.sents[d.toks[a].Sent].First <= 2 ||
		openingPreps[d.toks[a-1].Lower] && a-1 == d.sents[d.toks[a].Sent].First) {
		for i := b; i < end && i < len(d.toks); i++ {
			if d.toks[i].Text == "," {
				return false
			}
			// "As VOA first reported, ...": a verb of saying before the
			// comma makes the opening a clause, its subject the speaker.
			if d.isSayForm(d.toks[i].Lower) && d.toks[a-1].Lower == "as" {
				break
			}
		}
	}
	// "In an interview Thursday with VOA's Bosnian Service, Dodik's
	// lawyer, Anto Nobilo, said ...": a speaker inside the phrase of a
	// preposition that opens the sentence, before its comma, is no
	// subject; the name closed by the comma right before the verb is.
	if m := d.nameAfterFrontedPhrase(sp, end); m != nil {
		c.Args[k] = d.arg(capture{"speaker", m.start, m.end, m, nil})
		return true
	}
	// "Economists who have studied the data say", "Teachers who have
	// taught here for decades say": a speaker after the verb of a
	// relative clause on the sentence's subject is a word of that clause;
	// the subject before "who" is the speaker. (Not right after the
	// pronoun: in "the man who police say shot him" police speak.) The
	// parse cannot be asked: it often hangs the verb of saying inside the
	// clause.
	if a, _ := d.wordTokens(sp); a > 0 {
		first := d.sents[d.toks[a].Sent].First
		// The pronoun: the nearest "who"/"which" before the speaker with
		// no comma or dash between.
		w := -1
		for i := a - 2; i > first; i-- {
			if l := d.toks[i].Lower; !isWordRune(firstRune(l)) && !isPossessive(l) {
				break // a comma, a dash, a quote mark, a full stop
			}
			if l := d.toks[i].Lower; l == "who" || l == "which" {
				w = i
				break
			}
		}
		// The antecedent: the words before it, from the sentence's start
		// or a comma ("Even if ..., analysts who have done the
		// calculations say"), at most six, opening with a word.
		s0 := w
		for s0 > first && w-s0 < 6 && d.toks[s0-1].Text != "," && d.toks[s0-1].Text != "—" {
			s0--
		}
		for s0 < w && (d.toks[s0].Lower == "but" || d.toks[s0].Lower == "and") {
			s0++
		}
		if w > 0 && s0 < w && (s0 == first || d.toks[s0-1].Text == "," || d.toks[s0-1].Text == "—") && isWordRune(firstRune(d.toks[s0].Text)) &&
			d.listAt("content_not_start", s0) == 0 {
			c.Args[k] = d.phraseSpeaker(s0, w)
			return true
		}
	}
	// "Like Lutnick, Kevin Hassett ... emphasized": a phrase that opens
	// the sentence with a preposition is an adverbial, never the speaker.
	if a, b := d.wordTokens(sp); a < b && a == d.sents[si].First && (frontedPreps[d.toks[a].Lower] || openingPreps[d.toks[a].Lower]) {
		return false
	}
	// "One day earlier, parliament's lower house voted ..., saying": a
	// time is no speaker.
	// ("Wee of the Times": a capitalised head is a name.)
	if a, b := d.wordTokens(sp); a < b && timeHeads[d.toks[b-1].Lower] && !(d.toks[b-1].Cap && b-1 > d.sents[si].First) && d.actorCovering(a, b) == nil {
		return false
	}
	// "30 times your estimated annual expenses": a speaker never ends in a
	// possessive determiner; the word after it is no verb.
	if a, b := d.wordTokens(sp); a < b && possessiveDeterminers[d.toks[b-1].Lower] {
		return false
	}
	if d.insideQuote(sp) {
		return false // "... and that everything anybody said to me became musical.”"
	}
	// "More: Afghan woman politician sees ...": a speaker across a colon
	// runs a heading or a label into the sentence.
	if a, b := d.wordTokens(sp); a < b {
		for i := a; i < b; i++ {
			if d.toks[i].Text == ":" {
				return false
			}
		}
	}
	// "NAIROBI, Kenya — The health ministry said": the dateline before
	// the dash is no part of the speaker.
	if a, b := d.wordTokens(sp); a < b {
		if j := d.datelineEnd(si); j > a && j < b {
			c.Args[k] = d.arg(capture{"speaker", j, b, d.actorCovering(j, b), nil})
			if c.Args[k].Norm == c.Args[k].Text {
				c.Args[k].Norm = ""
			}
			sp = c.Args[k].Span
		}
	}
	// "according to multiple people familiar with the matter", "two
	// officials close to the talks": a speaker ending in an adjective that
	// governs a phrase of its own ends with that phrase; the noun phrase
	// the patterns match stops before the preposition.
	// (Words checked first: parsing a sentence only for this costs a
	// tenth of the extraction.)
	if a, b := d.wordTokens(sp); a < b && b < end && b < len(d.toks) && !d.toks[b-1].Cap && adjectivePreps[d.toks[b].Lower] {
		if t := d.tree(si); t != nil {
			if n := t.wordAt(d.toks[b-1].Span); n >= 0 && t.w[n].UPOS == "ADJ" {
				hi := n // the end of the phrases the adjective governs after it
				for _, x := range t.kids[n] {
					if x > n {
						_, h := t.subtree(x)
						hi = max(hi, h)
					}
				}
				if he := t.w[hi].Span.End; hi > n && t.w[n+1].UPOS == "ADP" && he > sp.End && he <= d.toks[end-1].End && !overlaps(Span{Start: sp.End, End: he}, content.Span) {
					if _, nb := d.wordTokens(Span{Start: sp.Start, End: he}); nb > b {
						c.Args[k] = d.arg(capture{"speaker", a, nb, d.actorCovering(a, nb), nil})
						if c.Args[k].Norm == c.Args[k].Text {
							c.Args[k].Norm = ""
						}
						sp = c.Args[k].Span
					}
				}
			}
		}
	}
	// "multiple people I spoke to said", "the Wikileaks founder always
	// said": a clause with its own subject pronoun inside a speaker, or an
	// adverb closing it, is no part of the name; the words before are.
	if a, b := d.wordTokens(sp); a < b {
		cut := b
		for i := a + 1; i < b; i++ {
			if contactPronouns[d.toks[i].Lower] && i+1 < b {
				cut = i
				break
			}
		}
		for cut > a+1 && speakerTailAdverbs[d.toks[cut-1].Lower] {
			cut--
		}
		if cut < b {
			c.Args[k] = d.arg(capture{"speaker", a, cut, d.actorCovering(a, cut), nil})
			sp = c.Args[k].Span
		}
	}
	// "McCormick, who has split from many fellow Republicans, told
	// cheering teachers ...": a relative pronoun stands for the name before
	// its comma.
	if a, b := d.wordTokens(sp); b == a+1 && a >= 2 && d.toks[a-1].Text == "," {
		switch d.toks[a].Lower {
		case "who", "which", "that":
			for k := max(0, a-8); k < a-1; k++ {
				for _, m := range d.mentions[k] {
					if isActorKind(m.kind) && m.ent != nil && m.end == a-1 {
						c.Args[k2(c, "speaker")] = d.arg(capture{"speaker", m.start, m.end, m, nil})
						return true
					}
				}
			}
			return false
		}
	}
	// "Remember what I said: ...": a speaker with a free relative or a
	// question word inside is a clause's words, not a name; an actor
	// before it ("officials who ...") is the speaker.
	if a, b := d.wordTokens(sp); a < b {
		for i := a; i < b-1; i++ {
			if !whWords[d.toks[i].Lower] {
				continue
			}
			if i > a && d.actorCovering(a, i) != nil {
				c.Args[k] = d.arg(capture{"speaker", a, i, d.actorCovering(a, i), nil})
				sp = c.Args[k].Span
				break
			}
			return false
		}
	}
	// "Andrew Lebovich of the Dutch think tank Clingendael said": the name
	// before the verb ends a prepositional phrase of the person the
	// sentence opens with, who is the speaker.
	if m := d.personBeforeOf(sp); m != nil {
		c.Args[k] = d.arg(capture{"speaker", m.start, m.end, m, nil})
		return true
	}
	// "residents of Dadaab and Kakuma say": a name after "of" or "and"
	// that the parse hangs, through conjuncts and of-phrases, under a
	// common noun that is the subject is no subject of its own; that
	// noun's phrase is the speaker. (Only after such a word: the sentence
	// is parsed for it.)
	if a, b := d.wordTokens(sp); a >= 2 && a < b {
		if l := d.toks[a-1].Lower; l == "and" || l == "of" || l == "or" {
			if t := d.tree(si); t != nil {
				n := t.spanHead(sp)
				for steps := 0; n >= 0 && steps < 4 && (t.w[n].Rel == "conj" || t.w[n].Rel == "nmod"); steps++ {
					n = t.w[n].Head - 1
				}
				if n >= 0 && strings.HasPrefix(t.w[n].Rel, "nsubj") && t.w[n].UPOS == "NOUN" && t.w[n].Span.End <= sp.Start {
					lo, hi := t.phrase(n)
					if ws := (Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End}); ws.End >= sp.End && (content.End == 0 || !overlaps(ws, content.Span)) {
						pa, pb := d.wordTokens(ws)
						c.Args[k] = d.arg(capture{"speaker", pa, pb, d.actorCovering(pa, pb), nil})
						if c.Args[k].Norm == c.Args[k].Text {
							c.Args[k].Norm = ""
						}
						return true
					}
				}
			}
		}
	}
	// "An analyst at Barclays said", "A spokesman for the ministry said":
	// a body after a noun of the persons who serve it (bodyNouns) is that
	// noun's complement; the person speaks, the phrase is the speaker.
	if a, b := d.wordTokens(sp); a >= 2 && a < b {
		switch d.toks[a-1].Lower {
		case "at", "for", "with", "from":
			if n := strings.TrimSuffix(d.toks[a-2].Lower, "s"); bodyNouns[n] || bodyNouns[d.toks[a-2].Lower] {
				st := a - 2
				first := d.sents[si].First
				for st > first && a-2-st < 4 && (d.listAt("subject_openers", st-1) > 0 || !d.toks[st-1].Cap && isPlainNoun(d.toks[st-1]) || d.toks[st-1].Cap && st-1 > first) && d.toks[st-1].Text != "," {
					st--
				}
				c.Args[k] = d.arg(capture{"speaker", st, b, nil, nil})
				return true
			}
		}
	}
	if !d.speakerInDoubt(sp, start, end) {
		return true // a name the parse would not change: no need to parse
	}
	t := d.tree(si)
	if t == nil {
		return true
	}
	v := d.sayVerbWord(t, start, end, caps)
	if v >= 0 && t.objectNotWords(v, content.Span) {
		return false
	}
	// "there were 3248 cases reported worldwide": a participle modifying
	// a noun reports no words; nor one before it ("with three confirmed
	// diagnoses, the public is ...").
	// (Or tagged as a past tense that a repair made the noun's reduced
	// relative: "the number of cases and deaths reported each day has
	// fallen".)
	if v >= 0 && (t.w[v].Rel == "acl" || t.w[v].Rel == "amod") && (t.w[v].XPOS == "VBN" || t.w[v].XPOS == "VBD" && t.subjectless(v) && !t.hasKid(v, "aux", "aux:pass", "ccomp")) {
		return false
	}
	// "credible reports received by Amnesty": a verb form that is also a
	// noun is a verb only when the parse says so.
	// (Only when the parse found no verb of saying: "A report, based on
	// intelligence from member states, said" has its verb.)
	sayVerb := v >= 0 && (d.isSayForm(t.w[v].Form) || d.rules.hasWord("that_verbs", foldLower(t.w[v].Form)))
	for i := start; i < end && !sayVerb; i++ {
		// (A word of a name is neither, "Politicians in Britain and the
		// United States have expressed", unless the speaker holds part of
		// that name: "The United" of "The United States completed".)
		if nounVerbs[d.toks[i].Lower] && !d.inCapture(i, caps) && !d.inName(i, sp) {
			if w := t.wordAt(d.toks[i].Span); w >= 0 && t.w[w].UPOS != "VERB" {
				return false
			}
		}
		// "30 times your estimated annual expenses": an -ed form of a
		// verb of saying that the parse reads as an adjective.
		if l := d.toks[i].Lower; strings.HasSuffix(l, "ed") && d.rules.hasWord("report_verbs", l) && !d.inCapture(i, caps) {
			if w := t.wordAt(d.toks[i].Span); w >= 0 && t.w[w].UPOS == "ADJ" {
				return false
			}
		}
	}
	if v >= 0 {
		s, sv := t.subjectOf(v), v
		// "retailers that said they raised prices": a relative pronoun
		// stands for the noun its clause modifies.
		if s >= 0 && t.w[s].UPOS == "PRON" && strings.HasPrefix(t.w[v].Rel, "acl") && t.w[v].Head > 0 {
			switch t.lemma(s) {
			case "that", "who", "which":
				h := t.w[v].Head - 1
				if t.w[h].Span.Start >= sp.Start && t.w[h].Span.End <= sp.End {
					return true
				}
			}
		}
		// "Police arrested two men and officials said that ...", "Rebels
		// seized the town and the army said": a surface speaker "X and Y"
		// whose X is the object of another verb is that object and a new
		// subject; Y, right before the verb, is the speaker.
		if a, b := d.wordTokens(sp); a < b {
			for i := b - 1; i > a+1; i-- {
				if d.toks[i].Lower != "and" {
					continue
				}
				w := t.wordAt(d.toks[a].Span)
				for w >= 0 && t.w[w].Head > 0 && t.w[w].UPOS != "VERB" && (t.w[w].Rel == "det" || t.w[w].Rel == "nummod" || t.w[w].Rel == "amod" || t.w[w].Rel == "compound" || t.w[w].Rel == "conj") {
					w = t.w[w].Head - 1
				}
				if h := t.w[max(w, 0)].Head - 1; w >= 0 && h >= 0 && h != v && t.w[h].UPOS == "VERB" && (t.w[w].Rel == "obj" || t.w[w].Rel == "iobj") && i+1 < b {
					c.Args[k] = d.arg(capture{"speaker", i + 1, b, d.actorCovering(i+1, b), nil})
					if c.Args[k].Norm == c.Args[k].Text {
						c.Args[k].Norm = ""
					}
					return true
				}
				break
			}
		}
		if r := t.w[v].Rel; s < 0 && t.w[v].Head > 0 && (r == "advcl" || r == "xcomp" || r == "conj") {
			// "..., Bruce Boudreau expressed confidence ..., saying": the
			// participle's subject is its clause's.
			sv = t.w[v].Head - 1
			s = t.subjectOf(sv)
			// (A conjunct shares the subject the tree rules give it, which
			// agrees with it in number: "rejected claims that the water is
			// unsafe and maintain that ...": officials maintain.)
			if ss := t.sharedSubject(v, false); r == "conj" && len(ss) == 1 && t.w[ss[0]].Head > 0 {
				s, sv = ss[0], t.w[ss[0]].Head-1
			}
		}
		// "McCormick, who has split from ..., told": a relative pronoun the
		// parse made the verb's subject is the relative clause's; the
		// surface speaker before it stands.
		if s >= 0 && (t.w[s].XPOS == "WP" || t.w[s].XPOS == "WDT") && t.w[s].Span.Start >= sp.End {
			return true
		}
		if s >= 0 && t.nominal(s) {
			in := t.w[s].Span.Start >= sp.Start && t.w[s].Span.End <= sp.End
			// "Andrew Lebovich of the Dutch think tank Clingendael said":
			// a name inside the subject's phrase that is not its head is
			// not the speaker; the person the head names is.
			if lo, hi := t.phrase(s); !in && t.w[s].UPOS == "PROPN" && t.w[lo].Span.Start <= sp.Start && sp.End <= t.w[hi].Span.End && t.subjectEndsAt(s, sv) {
				if a, b := d.wordTokens(t.w[s].Span); a < b {
					for k := max(0, a-4); k <= a; k++ {
						for _, m := range d.mentions[k] {
							if m.kind == KindPerson && m.start <= a && m.end >= b && m.end <= d.tokIndex(sp.Start) {
								c.Args[k2(c, "speaker")] = d.arg(capture{"speaker", m.start, m.end, m, nil})
								return true
							}
						}
					}
				}
			}
			// "A person familiar with the matter told": the parse may give
			// the verb two subjects; a surface speaker after a preposition
			// is the end of the first one's phrase, which is the speaker.
			if a, _ := d.wordTokens(sp); !in && a > 0 && t.w[s].Span.End <= sp.Start && speakerPreps[d.toks[a-1].Lower] {
				lo, _ := t.phrase(s)
				ok := false // only where the parse gave the verb a second subject, in sp
				for _, x := range t.kids[sv] {
					if x != s && t.w[x].Rel == "nsubj" && t.w[x].Span.Start >= sp.Start && t.w[x].Span.End <= sp.End {
						ok = true
					}
				}
				for k := s + 1; k < len(t.w) && t.w[k].Span.End <= sp.Start; k++ {
					if u := t.w[k].UPOS; u == "VERB" || u == "AUX" || u == "PUNCT" || u == "PRON" && t.w[k].XPOS == "WP" {
						ok = false
					}
				}
				if pa, _ := d.wordTokens(t.w[lo].Span); ok && pa < a {
					_, pb := d.wordTokens(sp)
					c.Args[k] = d.arg(capture{"speaker", pa, pb, nil, nil})
					c.Args[k].Norm = ""
					return true
				}
			}
			// "The miners sent a letter to ..., saying": a speaker that
			// holds the verb its subject governs is the subject and more;
			// the subject's phrase is the speaker.
			if ws := t.w[sv].Span; in && sv != v && ws.Start >= sp.Start && ws.End <= sp.End {
				lo, hi := t.phrase(s)
				if a, b := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End}); a < b && t.w[hi].Span.End <= ws.Start {
					c.Args[k] = d.phraseSpeaker(a, b)
					return true
				}
			}
			if in || !t.subjectEndsAt(s, sv) || d.namedSpeaker(sp) {
				return true // the same phrase, or a parse we cannot trust
			}
			if d.apposedName(c, k, t, s, s, sp) {
				return true
			}
			lo, hi := t.phrase(s)
			for lo < hi && (t.w[lo].UPOS == "PUNCT" || t.w[lo].UPOS == "CCONJ") {
				lo++
			}
			ns := Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End}
			// The surface speaker inside the subject's subtree, after its
			// phrase, ends a modifier of it ("China's ambassador to
			// Britain accused", "A doctor on the scene said": the phrase
			// stops before the preposition); the speaker runs to its end.
			// (Not across a relative clause, a participle or an example:
			// "The group that owns most of her music", "Astronomers using
			// a telescope atop Mauna Kea", "Farmers such as Ruiz".)
			if slo, shi := t.subtree(s); ns.End < sp.End && t.w[slo].Span.Start <= sp.Start && sp.End <= t.w[shi].Span.End && sp.End <= t.w[v].Span.Start {
				cut := false
				for k := hi + 1; k < len(t.w) && t.w[k].Span.End <= sp.End; k++ {
					cut = cut || strings.HasPrefix(t.w[k].Rel, "acl") || t.w[k].XPOS == "WDT" || t.w[k].XPOS == "WP" ||
						t.lower(k) == "such" || t.lower(k) == "including"
				}
				if !cut {
					ns.End = sp.End
				}
			}
			if content.End > content.Start && ns.Start < content.End && content.Start < ns.End {
				// "A recent report, based on ..., said the leader ran
				// operations": the verb's subject stands before it and its
				// clause after it, where the inverted reading put a speaker.
				for _, x := range t.kids[v] {
					if t.w[x].Rel == "ccomp" && overlaps(t.w[x].Span, sp) && sp.Start > t.w[v].Span.Start {
						return false
					}
				}
				return true // a subject inside what was said
			}
			// "Rates ... have risen in U.S. states where ...": a subject
			// right after a preposition is that preposition's object, read
			// as a subject where the parse took a noun for the verb
			// ("states"); it names no speaker, and the surface reading
			// stands for the checks after it (a verb for a speaker goes).
			if lo > 0 && t.w[lo-1].UPOS == "ADP" && !t.inside(lo-1, s) {
				return true
			}
			if a, b := d.wordTokens(ns); a < b {
				// Only a mention that is the whole phrase names it: "the
				// head of MSF" is not MSF.
				c.Args[k] = d.phraseSpeaker(a, b)
			}
			return true
		}
	}
	// No nominal subject. A name after a preposition ends a longer noun
	// phrase ("As we've noted, a March 2019 study by the Centre for
	// Economic Policy Research, a London-based think tank, concluded":
	// not "Economic Policy Research"): the noun that phrase hangs on is the
	// speaker, or there is none the tree can name.
	// (Not the noun a participle of saying modifies, which speaks
	// whatever governs it: "criticism from groups arguing that ...".)
	if a, _ := d.wordTokens(sp); a > 1 && namePreps[d.toks[a-1].Lower] && d.toks[a-1].Sent == d.toks[a].Sent && !d.afterAccordingTo(sp) &&
		!(v >= 0 && t.w[v].Rel == "acl" && t.w[v].Head-1 == t.spanHead(sp)) &&
		// (A passive's agent is its speaker: "is accused by critics of".)
		!(v >= 0 && t.spanHead(sp) >= 0 && t.w[t.spanHead(sp)].Rel == "obl:agent" && t.w[t.spanHead(sp)].Head-1 == v) {
		h := t.spanHead(sp)
		top := h
		for top >= 0 && strings.HasPrefix(t.w[top].Rel, "nmod") && t.w[top].Rel != "nmod:poss" && t.w[top].Head > 0 {
			top = t.w[top].Head - 1
		}
		if h < 0 || v < 0 || top == h || !t.nominal(top) || t.w[top].UPOS == "PRON" {
			return false
		}
		if d.apposedName(c, k, t, top, h, sp) {
			return true
		}
		// The head's phrase with its prepositional modifiers (the name is
		// one of them), less an apposition after the name.
		lo, _ := t.phrase(top)
		_, hi := t.subtree(top)
		for k := h; k <= hi; k++ {
			if t.w[k].Span.Start >= sp.End && t.w[k].Form == "," {
				hi = k - 1
				break
			}
		}
		for lo < hi && (t.w[lo].UPOS == "PUNCT" || t.w[lo].UPOS == "CCONJ") {
			lo++
		}
		if t.w[hi].Span.End > t.w[v].Span.Start || t.w[lo].Span.Start > sp.Start {
			return false
		}
		pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
		if pa >= pb {
			return false
		}
		c.Args[k] = d.phraseSpeaker(pa, pb)
		return true
	}
	// A speaker headed by a verb, an adjective or an adverb with its own
	// subject or object is a clause, not a name.
	if d.isActorSpan(sp) {
		return true
	}
	h := t.spanHead(sp)
	if h < 0 || t.nominal(h) {
		return true
	}
	// "The conservative-leaning Tax Foundation": a participle joined by a
	// hyphen to the word before it is a compound modifier, not a clause.
	if st := t.w[h].Span.Start; st > 0 && d.text[st-1] == '-' {
		return true
	}
	switch t.w[h].UPOS {
	case "VERB", "ADJ", "ADV", "AUX":
		for _, x := range t.kids[h] {
			switch t.w[x].Rel {
			case "obj":
				if d.titleVerbBeforeName(t, h, x, sp) {
					continue
				}
				return false
			case "nsubj", "nsubj:pass", "csubj", "expl":
				return false
			}
		}
	}
	return true
}

// titleVerbBeforeName reports whether word h, a verb of speaker sp the
// parse gave object x, is a lower-case title word before a person's name
// ("study co-author Mia Holt said": "study" a verb to the parse, "Mia" its
// object): a verb in its base form with no subject, auxiliary or marker
// of its own, whose object is a person's name ending the speaker, heads
// no clause there.
func (d *claimDoc) titleVerbBeforeName(t *depTree, h, x int, sp Span) bool {
	if t.w[h].XPOS != "VB" || t.w[x].UPOS != "PROPN" || t.hasKid(h, "aux", "aux:pass", "mark", "nsubj", "nsubj:pass") {
		return false
	}
	if _, hi := t.subtree(x); t.w[hi].Span.End != sp.End {
		return false
	}
	k := d.tokIndex(t.w[x].Span.Start)
	if k >= len(d.toks) {
		return false
	}
	for j := max(0, k-3); j <= k; j++ {
		for _, m := range d.mentions[j] {
			if m.kind == KindPerson && m.ent != nil && m.start <= k && d.toks[m.end-1].End == sp.End {
				return true
			}
		}
	}
	return false
}

// frontedPreps open an adverbial phrase at the start of a sentence
// ("Hours before X, ...", "After X, ..."): the phrase they govern is no
// subject.
var frontedPreps = map[string]bool{"before": true, "after": true, "since": true, "until": true, "during": true,
	"despite": true, "following": true, "amid": true, "unlike": true, "like": true, "without": true, "when": true,
	"while": true, "although": true, "though": true, "because": true, "if": true, "once": true, "ahead": true}

// openingPreps are prepositions whose phrase opens a sentence as an
// adverbial when they are its first word (not "to" or "by": "According to
// X, a spokesman, ...", bylines).
var openingPreps = map[string]bool{"in": true, "on": true, "at": true, "with": true, "for": true, "from": true, "as": true,
	"among": true, "under": true, "over": true, "of": true, "into": true, "through": true, "throughout": true, "across": true}

// timeHeads are nouns that head a time phrase, never a speaker.
var timeHeads = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "hour": true, "hours": true, "morning": true, "evening": true, "night": true,
	"afternoon": true, "weekend": true, "decade": true, "decades": true, "times": true, "occasions": true}

// nameAfterFrontedPhrase returns the person or organization named right
// before the verb of saying (then a comma, or nothing) when speaker sp
// lies inside the phrase of a preposition that opens the sentence,
// before the first comma, and that name after it: "In an interview
// Thursday with VOA's Bosnian Service, Dodik's lawyer, Anto Nobilo,
// said". nil otherwise.
func (d *claimDoc) nameAfterFrontedPhrase(sp Span, end int) *mention {
	a, b := d.wordTokens(sp)
	if a >= b || b >= len(d.toks) {
		return nil
	}
	s := d.sents[d.toks[a].Sent]
	f := s.First
	// "Hours after ending the siege, ...", "Two days before the vote,
	// ...": a measure of time before the preposition.
	for k := f; k < f+3 && k+1 < s.Last; k++ {
		if l := d.toks[k].Lower; !(timeHeads[l] || l == "a" || l == "just" || l == "only" || numberWord(l) || isDigitStart(l)) {
			break
		}
		if timeHeads[d.toks[k].Lower] && frontedPreps[d.toks[k+1].Lower] {
			f = k + 1
			break
		}
	}
	if l := d.toks[f].Lower; !openingPreps[l] && !frontedPreps[l] {
		return nil
	}
	comma := -1
	for i := s.First; i < end && i < s.Last; i++ {
		if d.toks[i].Text == "," {
			comma = i
			break
		}
	}
	if comma < b {
		return nil
	}
	for i := comma + 1; i < end && i < s.Last; i++ {
		for _, m := range d.mentions[i] {
			if !isActorKind(m.kind) || m.ent == nil || m.end >= s.Last {
				continue
			}
			v := m.end
			if d.toks[v].Text == "," {
				v++
			}
			if v < s.Last && d.isSayVerb(v) {
				return m
			}
		}
	}
	return nil
}

// beForms are the finite forms of "be".
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true}

// inName reports whether a place, person or organization mention holds
// token i, and none of the speaker's words sp.
func (d *claimDoc) inName(i int, sp Span) bool {
	for k := max(0, i-6); k <= i; k++ {
		for _, m := range d.mentions[k] {
			if (isActorKind(m.kind) || m.kind == KindPlace) && m.start <= i && i < m.end && !overlaps(d.spanOf(m.start, m.end), sp) {
				return true
			}
		}
	}
	return false
}

// coveredByActor reports whether a person or organization mention covers
// tokens [a, b) and more.
func (d *claimDoc) coveredByActor(a, b int) bool {
	for k := max(0, a-6); k <= a; k++ {
		for _, m := range d.mentions[k] {
			if isActorKind(m.kind) && m.start <= a && m.end >= b {
				return true
			}
		}
	}
	return false
}

// isSayVerbAfter reports whether, from token i to end, only auxiliaries
// and adverbs stand before a verb of saying: the name at i's left ends
// the subject.
func (d *claimDoc) isSayVerbAfter(i, end int) bool {
	for ; i < end && i < len(d.toks); i++ {
		if d.isSayVerb(i) || d.rules.hasWord("say_verbs", d.toks[i].Lower) || d.rules.hasWord("report_verbs", d.toks[i].Lower) {
			return true
		}
		if d.listAt("speaker_adverbs", i) == 0 && d.listAt("have_aux", i) == 0 {
			return false
		}
	}
	return false
}

// contactPronouns open a relative clause without "who" or "that" inside
// a noun phrase: "the people I spoke to".
var contactPronouns = map[string]bool{"i": true, "we": true, "you": true, "he": true, "she": true, "they": true}

// speakerTailAdverbs never end a speaker's name: "X always said".
var speakerTailAdverbs = map[string]bool{"always": true, "never": true, "often": true, "still": true, "already": true, "also": true, "ever": true, "once": true,
	"instead": true, "then": true, "now": true}

// whWords start a free relative or a question: "what I said", "how
// they voted".
var whWords = map[string]bool{"what": true, "who": true, "whom": true, "whose": true, "which": true, "how": true, "why": true, "where": true, "whatever": true}

// datelineEnd returns the token after the dash that ends a dateline
// opening sentence si ("KABUL —", "LAGOS, Nigeria -", "GENEVA (Reuters)
// –"), -1 when the sentence opens otherwise. A dateline starts with a
// word in capitals and holds only capitalised words, commas and a
// parenthesised agency before the dash.
func (d *claimDoc) datelineEnd(si int) int {
	s := d.sents[si]
	if s.First >= s.Last {
		return -1
	}
	// "(CNN)President Donald Trump ...", "(Reuters) - The ministry ...":
	// an agency in parentheses opening the sentence, with a dash after it
	// or not.
	if d.toks[s.First].Text == "(" {
		for i := s.First + 1; i < s.Last && i < s.First+5; i++ {
			if t := d.toks[i].Text; t == ")" && i > s.First+1 {
				j := i + 1
				if j < s.Last {
					switch d.toks[j].Text {
					case "—", "–", "-", "--":
						j++
					}
				}
				return j
			} else if !d.toks[i].Cap {
				return -1
			}
		}
		return -1
	}
	if !allCaps(d.toks[s.First].Text) {
		return -1
	}
	for i := s.First + 1; i < s.Last && i < s.First+8; i++ {
		switch t := d.toks[i].Text; {
		case t == "—" || t == "–" || t == "-" || t == "--":
			return i + 1
		case t == "," || t == "(" || t == ")" || d.toks[i].Cap:
		default:
			return -1
		}
	}
	return -1
}

// parsedPart is the part of sentence si the parser reads: the sentence
// without the dateline that opens it. The treebanks have no datelines, and
// the parser hangs the sentence's subject on the place before the dash
// ("HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists ... have confirmed"
// gave the speaker "HONOLULU").
func (d *claimDoc) parsedPart(si int) Sentence {
	s := d.sents[si]
	if j := d.datelineEnd(si); j > 0 && j < s.Last {
		s.First = j
		s.Start = d.toks[j].Start
	}
	return s
}

// adjectivePreps open the phrase an adjective governs after a noun
// ("familiar with", "close to", "aware of").
var adjectivePreps = map[string]bool{"with": true, "to": true, "of": true, "about": true, "in": true, "on": true, "for": true, "from": true}

// capitalised reports whether every token of [a, b) starts with a capital.
func (d *claimDoc) capitalised(a, b int) bool {
	for i := a; i < b; i++ {
		if !d.toks[i].Cap {
			return false
		}
	}
	return a < b
}

// allCaps reports a word of two or more letters, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// personBeforeOf returns the person mention that opens speaker sp's
// sentence and is followed by "of|at|from|with" and words without a verb
// of saying, a clause word or a comma up to sp: "Denny Roy of the East-West Center said". Nil when
// the sentence opens otherwise.
func (d *claimDoc) personBeforeOf(sp Span) *mention {
	a, _ := d.wordTokens(sp)
	if a >= len(d.toks) {
		return nil
	}
	s := d.sents[d.toks[a].Sent]
	first := s.First
	for first < a && (d.toks[first].Lower == "but" || d.toks[first].Lower == "and") {
		first++
	}
	for k := a - 1; k > first && k >= a-12; k-- {
		switch x := d.toks[k].Lower; {
		case x == "of" || x == "at" || x == "from" || x == "with" || x == ",":
			// Or the person's apposition: "Siyoka Simasiku, director at
			// the conservation coalition, Ngamiland Council of ... says".
			for _, m := range d.mentions[first] {
				if m.kind == KindPerson && m.end == k && m.ent != nil && (x != "," || d.toks[a-1].Text == ",") {
					return m
				}
			}
		case !isWordRune(firstRune(x)) && x != "-" && x != "." && x != "'s" && x != "’s" || d.isSayVerb(k) || d.isBeAux(k) ||
			x == "who" || x == "which" || x == "that" || x == "and" || x == "or":
			return nil
		}
	}
	return nil
}

// speakerPreps are the prepositions that put a name inside a longer
// speaker's phrase ("a person familiar with the matter", "the lawyer for
// John Smith").
var speakerPreps = map[string]bool{"with": true, "of": true, "for": true, "on": true, "about": true, "at": true, "from": true, "in": true, "by": true}

// k2 returns the index of c's argument of the role, -1 when none.
func k2(c *Claim, role string) int {
	for i, a := range c.Args {
		if a.Role == role {
			return i
		}
	}
	return -1
}

// objectVerbs are verbs of saying that also take a plain object: "the
// stock added more than 2%", "NASA added two landers to the contract",
// "the company posted a loss", "the outbreak has claimed 500 lives".
var objectVerbs = map[string]bool{"add": true, "post": true, "claim": true, "reveal": true, "disclose": true, "conclude": true}

// objectNotWords reports that verb v is one of objectVerbs with a nominal
// object where the content starts and no clause of its own: it adds or
// posts something, it says nothing.
func (t *depTree) objectNotWords(v int, content Span) bool {
	if !objectVerbs[t.lemma(v)] {
		return false
	}
	obj := -1
	for _, k := range t.kids[v] {
		switch t.w[k].Rel {
		case "ccomp", "parataxis", "xcomp", "csubj":
			return false
		case "obj":
			obj = k
		}
	}
	if obj < 0 {
		return false
	}
	lo, hi := t.phrase(obj)
	return t.w[lo].Span.Start <= content.Start && content.Start < t.w[hi].Span.End
}

// speakerInDoubt reports whether the parse may change speaker sp of a
// match over tokens [start, end): the speaker is a plain phrase, not a
// name; or a name governed by a preposition or a possessive ("the head of
// MSF", "MSF's director"); or the verb may take a plain object (add,
// post). Parsing is the costly step, and most speakers are names.
func (d *claimDoc) speakerInDoubt(sp Span, start, end int) bool {
	for k := start; k < end; k++ {
		switch d.toks[k].Lower {
		case "added", "adds", "add", "posted", "posts", "claimed", "claims", "reported", "revealed", "disclosed", "concluded", "concludes":
			return true
		}
		if nounVerbs[d.toks[k].Lower] {
			return true
		}
	}
	a, b := d.wordTokens(sp)
	if a >= b {
		return true
	}
	if d.actorCovering(a, b) == nil {
		// A phrase that is all the sentence has before its verb
		// ("Officials said", "But the ministry says") is the subject.
		first := d.sents[d.toks[a].Sent].First
		for first < a && (d.toks[first].Lower == "but" || d.toks[first].Lower == "and") {
			first++
		}
		return !(a == first && b < len(d.toks) && d.isSayVerb(b))
	}
	if b < len(d.toks) && (d.toks[b].Lower == "'s" || d.toks[b].Lower == "’s") {
		return true
	}
	// A name that modifies the noun after it: "U.S. military officials
	// warned".
	if b < len(d.toks) && d.toks[b].Sent == d.toks[a].Sent && !d.toks[b].Cap && isWordRune(firstRune(d.toks[b].Text)) &&
		!d.isSayVerb(b) && !d.rules.hasWord("say_verbs", d.toks[b].Lower) && d.listAt("speaker_adverbs", b) == 0 {
		return true
	}
	if a > 0 {
		switch d.toks[a-1].Lower {
		case "of", "for", "at", "from", "with", "to", "on", "in", "by", "as", "'s", "’s":
			return true
		}
		// "... of the Dutch think tank Clingendael said": a name after a
		// lower-case noun may end a longer subject.
		if p := d.toks[a-1]; p.Sent == d.toks[a].Sent && !p.Cap && isWordRune(firstRune(p.Text)) && !npStop[p.Lower] && p.Lower != "and" && p.Lower != "but" {
			return true
		}
	}
	return false
}

// phraseSpeaker is the speaker argument of tokens [a, b): normalised to
// the actor that is the whole phrase, else with no norm (a phrase the
// tree names is no entity's, "the head of MSF" is not MSF).
func (d *claimDoc) phraseSpeaker(a, b int) Arg {
	m := d.actorCovering(a, b)
	sp := d.arg(capture{"speaker", a, b, m, nil})
	if m == nil {
		sp.Norm = ""
	}
	return sp
}

// apposedName gives speaker k of c the name in apposition to tree word
// top, after word h and with no comma before it, when the name ends the
// surface speaker sp: "China's ambassador to Britain Liu Xiaming has
// said" (the recogniser missed the name; the surface pattern read
// "Britain Liu Xiaming", the subject's phrase without its apposition is
// "China's ambassador"). It reports whether it did.
func (d *claimDoc) apposedName(c *Claim, k int, t *depTree, top, h int, sp Span) bool {
	for _, x := range t.kids[top] {
		if x <= h || t.w[x].Rel != "appos" || t.w[x].UPOS != "PROPN" || t.w[x-1].Form == "," {
			continue
		}
		lo, hi := t.subtree(x)
		if lo != x || t.w[hi].Span.End != sp.End {
			continue
		}
		pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
		if pa >= pb || !d.toks[pa].Cap {
			continue
		}
		c.Args[k] = d.phraseSpeaker(pa, pb)
		return true
	}
	return false
}

// nounVerbs are verbs of saying whose form is also a plural noun
// ("reports", "notes", "projects", "states", "estimates", "claims").
var nounVerbs = map[string]bool{"reports": true, "notes": true, "projects": true, "states": true, "estimates": true,
	"claims": true}

// inCapture reports whether token i lies in a captured argument.
func (d *claimDoc) inCapture(i int, caps []capture) bool {
	for _, cp := range caps {
		if cp.role != "" && i >= cp.start && i < cp.end {
			return true
		}
	}
	return false
}

// wordAt returns the tree word covering span s's start, -1 when none.
func (t *depTree) wordAt(s Span) int {
	for i, w := range t.w {
		if w.Span.Start <= s.Start && s.Start < w.Span.End {
			return i
		}
	}
	return -1
}

// appositiveSpeaker names the person in apposition to a speaker that is
// a title or description: "Guterres’ spokesman, Stephane Dujarric, told
// reporters", "the leader of the movement, Florence Ozor, said".
func (d *claimDoc) appositiveSpeaker(c *Claim, k int) {
	sp := c.Args[k].Span
	if d.isActorSpan(sp) {
		if m := d.actorCovering(d.wordTokens(sp)); m != nil && m.kind == KindPerson {
			return
		}
	}
	if d.describedName(c, k) {
		return
	}
	i := d.tokIndex(sp.End)
	// "The U.N. secretary-general's special representative in Haiti, Helen
	// La Lime, expressed concern": the title's place or body, which the
	// parse left out of the speaker, stands before the comma.
	if i < len(d.toks) && namePreps[d.toks[i].Lower] {
		for j := i + 1; j < len(d.toks) && j <= i+8 && d.toks[j].Sent == d.toks[i].Sent; j++ {
			if t := d.toks[j].Text; t == "," {
				i = j
				break
			} else if !isWordRune(firstRune(t)) || d.isSayVerb(j) {
				break
			}
		}
	}
	if i+2 >= len(d.toks) || d.toks[i].Text != "," || d.toks[i].Sent != d.toks[d.tokIndex(sp.Start)].Sent {
		return
	}
	// "The Nigeria Center for Disease Control and Prevention, or NCDC,
	// said": the acronym in apposition names the whole body, which the
	// recogniser may have cut.
	if i+3 < len(d.toks) && d.toks[i+1].Lower == "or" && d.toks[i+3].Text == "," && isAcronym(d.toks[i+2].Text) {
		var m *mention
		for _, x := range d.mentions[i+2] {
			if x.end == i+3 && isActorKind(x.kind) {
				m = x
			}
		}
		c.Args[k] = d.arg(capture{"speaker", i + 2, i + 3, m, nil})
		return
	}
	var p *mention
	for _, m := range d.mentions[i+1] {
		if m.kind == KindPerson && m.ent != nil && (p == nil || m.end > p.end) {
			p = m
		}
	}
	if p == nil || p.end >= len(d.toks) || d.toks[p.end].Text != "," {
		return
	}
	if content, ok := findArg(*c, "content"); ok && overlaps(content.Span, d.spanOf(p.start, p.end)) {
		return
	}
	c.Args[k] = d.arg(capture{"speaker", p.start, p.end, p, nil})
}

// describedName gives speaker k of c, a description in apposition after
// a person's name, the name: "Water Lee, a consultant with InterDots, a
// company that ..., told VOA" (two appositions are more than the surface
// pattern skips, so it matched from the description). It reports whether
// it did.
func (d *claimDoc) describedName(c *Claim, k int) bool {
	a, b := d.wordTokens(c.Args[k].Span)
	if a < 2 || a+1 >= b || d.toks[a-1].Text != "," || d.toks[a+1].Cap {
		return false
	}
	switch d.toks[a].Lower {
	case "a", "an":
	default:
		return false
	}
	for j := a - 2; j >= 0 && j >= a-6; j-- {
		for _, m := range d.mentions[j] {
			// (Only a name that opens the sentence or its clause: in "In a
			// letter to John Smith, a senator said" the senator speaks.)
			opens := m.start == d.sents[d.toks[a].Sent].First || m.start > 0 && !isWordRune(firstRune(d.toks[m.start-1].Text))
			if m.kind == KindPerson && m.ent != nil && m.end == a-1 && d.toks[m.start].Sent == d.toks[a].Sent && opens {
				if content, ok := findArg(*c, "content"); ok && overlaps(content.Span, d.spanOf(m.start, m.end)) {
					return false
				}
				c.Args[k] = d.arg(capture{"speaker", m.start, m.end, m, nil})
				return true
			}
		}
	}
	// Or a definite noun phrase that opens the sentence ("The Bush-era
	// whistleblower, a protégé of John Bolton and Dick Cheney, would then
	// have claimed"): the description is its apposition.
	first := d.sents[d.toks[a].Sent].First
	if d.toks[first].Lower != "the" || a-1-first < 2 || a-1-first > 6 {
		return false
	}
	for j := first + 1; j < a-1; j++ {
		if !isWordRune(firstRune(d.toks[j].Text)) && d.toks[j].Text != "-" || d.isSayVerb(j) {
			return false
		}
	}
	// A phrase, not a clause ("The Taliban did not seize Mazar-i-Sharif,
	// a provincial official said": the description speaks there).
	t := d.tree(d.toks[a].Sent)
	if t == nil {
		return false
	}
	for j := first; j < a-1; j++ {
		if w := t.wordAt(d.toks[j].Span); w < 0 || t.w[w].UPOS == "VERB" || t.w[w].UPOS == "AUX" {
			return false
		}
	}
	c.Args[k] = d.phraseSpeaker(first, a-1)
	return true
}

// isAcronym reports a word of two to eight capitals (digits and "&"
// allowed after the first): "NCDC", "MSF", "UNHCR".
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '&') {
			return false
		}
	}
	return true
}

// sayVerbWord returns the tree word of the verb of saying in a surface
// match over tokens [start, end): a verb outside every captured argument,
// a verb of saying first; -1 when there is none.
func (d *claimDoc) sayVerbWord(t *depTree, start, end int, caps []capture) int {
	lo, hi := d.toks[start].Start, d.toks[end-1].End
	inCap := func(s Span) bool {
		for _, cp := range caps {
			if cp.role != "" && cp.end > cp.start && s.Start >= d.toks[cp.start].Start && s.End <= d.toks[cp.end-1].End {
				return true
			}
		}
		return false
	}
	// A participle on a noun is the verb only when no other verb of saying
	// stands in the match: "The group, in a statement posted online, said
	// ..." says with "said".
	best, participle := -1, -1
	for i, w := range t.w {
		if w.Span.Start < lo || w.Span.End > hi || w.UPOS != "VERB" || inCap(w.Span) {
			continue
		}
		if d.isSayForm(w.Form) {
			if (w.Rel == "acl" || w.Rel == "amod") && w.XPOS == "VBN" {
				if participle < 0 {
					participle = i
				}
				continue
			}
			return i
		}
		if best < 0 {
			best = i
		}
	}
	if participle >= 0 {
		return participle
	}
	return best
}

// isSayForm reports whether a word form is one of the verbs of saying
// the surface rules list.
func (d *claimDoc) isSayForm(form string) bool {
	f := foldLower(form)
	return d.rules.hasWord("say_verbs", f) || d.rules.hasWord("source_verbs", f) || d.rules.hasWord("report_verbs", f)
}

// subjectOf returns verb v's nominal subject (active), -1 when none.
func (t *depTree) subjectOf(v int) int {
	for _, k := range t.kids[v] {
		if t.w[k].Rel == "nsubj" {
			return k
		}
	}
	return -1
}

// subjectEndsAt reports whether subject s stands before verb v and its
// whole subtree (modifiers, appositions) ends right before v, less
// punctuation and adverbs: the parse then reads the words before the verb
// as one subject, the check that keeps a misparse from naming a speaker.
func (t *depTree) subjectEndsAt(s, v int) bool {
	if s >= v {
		return false
	}
	hi := s
	for k := s; k < v; k++ {
		if t.inside(k, s) {
			hi = k
		}
	}
	for k := hi + 1; k < v; k++ {
		switch t.w[k].UPOS {
		case "PUNCT", "ADV", "AUX", "PART":
		default:
			return false
		}
	}
	return true
}

// actorCovering returns the person or organization mention (coreference
// ones included) that covers exactly tokens [a, b), nil when none.
func (d *claimDoc) actorCovering(a, b int) *mention {
	for _, m := range d.mentions[a] {
		if m.end == b && isActorKind(m.kind) {
			return m
		}
	}
	return nil
}

// isActorSpan reports whether a person or organization mention covers
// exactly s.
func (d *claimDoc) isActorSpan(s Span) bool {
	k := d.tokIndex(s.Start)
	if k >= len(d.toks) {
		return false
	}
	for _, m := range d.mentions[k] {
		if isActorKind(m.kind) && d.toks[m.end-1].End == s.End {
			return true
		}
	}
	return false
}

// spanHead returns the word of span s whose head lies outside s (the
// last one when there are several), or -1 when no word lies in s.
func (t *depTree) spanHead(s Span) int {
	in := func(i int) bool { return t.w[i].Span.Start >= s.Start && t.w[i].Span.End <= s.End }
	h := -1
	for i, w := range t.w {
		if in(i) && w.UPOS != "PUNCT" && (w.Head < 1 || !in(w.Head-1)) {
			h = i
		}
	}
	return h
}

// nominal reports whether word n heads a nominal phrase: a noun, a name
// or a pronoun; a number only with a noun of its own ("two of the
// officials"), not a bare count or measure.
func (t *depTree) nominal(n int) bool {
	switch t.w[n].UPOS {
	case "NOUN", "PROPN", "PRON":
		return !strings.EqualFold(t.w[n].Form, "there")
	case "NUM":
		for _, c := range t.kids[n] {
			if u := t.w[c].UPOS; u == "NOUN" || u == "PROPN" {
				return true
			}
		}
	}
	return false
}

// namedSpeaker reports a speaker that is a person's name not governed by
// a preposition: the name is the speaker even when a title before it
// heads the subject in the parse ("US CentCom commander Gen. Kenneth
// McKenzie stated"), unlike "the lawyer for John Smith said".
func (d *claimDoc) namedSpeaker(sp Span) bool {
	a, b := d.wordTokens(sp)
	if a >= b {
		return false
	}
	// The name, or a title abbreviation and the name ("Gen. Kenneth
	// McKenzie").
	var m *mention
	for k := a; k < b && k <= a+2 && m == nil; k++ {
		for _, x := range d.mentions[k] {
			if x.end == b && x.kind == KindPerson {
				m = x
			}
		}
	}
	if m == nil {
		return false
	}
	// "a telescope atop Mauna Kea": a name after a preposition is the
	// object of a noun's modifier, not the speaker.
	for k := a; k < m.start; k++ {
		if namePreps[d.toks[k].Lower] {
			return false
		}
	}
	if a > 0 {
		switch d.toks[a-1].Lower {
		case "of", "for", "at", "from", "with", "to", "on", "in", "by":
			return false
		}
	}
	// "Rights groups and opposition lawmakers such as Kannavee say": an
	// example of the subject's noun, not the subject.
	if a > 1 && d.toks[a-1].Lower == "as" && d.toks[a-2].Lower == "such" {
		return false
	}
	return true
}

// namePreps govern a name inside a longer noun phrase.
var namePreps = map[string]bool{"of": true, "for": true, "at": true, "from": true, "with": true, "to": true, "on": true,
	"in": true, "by": true, "atop": true, "near": true, "inside": true, "outside": true, "behind": true, "above": true,
	"below": true, "under": true, "over": true, "across": true, "beside": true, "around": true, "about": true,
	"aboard": true, "along": true, "alongside": true, "beneath": true, "within": true, "among": true, "between": true,
	"against": true, "toward": true, "towards": true, "past": true, "via": true}

// resolveSpeakers gives a "he" or "she" speaker the person it stands
// for: the most recent, in the three sentences before it, of the speakers
// of earlier statements who are persons and the persons named as the
// subject opening a sentence ("Glwadys Siopathis led a delegation ... She
// says ..."). The article-wide "last person named" of addCoref picks
// whoever was named last, often a name inside a title or a place the
// recogniser read as a person ("Lucy Mtilatila, director of Malawi’s
// Department of ..., told VOA ... “...,” she said" is Mtilatila).
// cs holds the claims in text order.
func (d *claimDoc) resolveSpeakers(cs []Claim) {
	type cand struct {
		at   int // token where the person is named
		norm string
	}
	var said []cand   // person speakers of statements so far, in order
	var humans []cand // speakers that are one person not named ("a JetBlue pilot"), norm their text
	humanGender := map[int]string{}
	var groups []cand // the other speakers (bodies, groups, officials)
	var orgs []cand   // the speakers that are one organization (a subset of groups)
	var genders map[string]string
	for i := range cs {
		c := &cs[i]
		if c.Kind != "statement" {
			continue
		}
		k := -1
		for j, a := range c.Args {
			if a.Role == "speaker" {
				k = j
			}
		}
		if k < 0 {
			continue
		}
		sp := c.Args[k]
		at := d.tokIndex(sp.Start)
		if at >= len(d.toks) {
			continue
		}
		if l := foldLower(sp.Text); l == "he" || l == "she" {
			if genders == nil {
				genders = d.articleGenders()
			}
			want := "m"
			if l == "she" {
				want = "f"
			}
			si := d.toks[at].Sent
			// The most recent candidate, never one the article calls by
			// the other pronoun ("she said" after a man is named is the
			// woman named before him), nor one named inside a quotation:
			// in `"... Ambassador Volker confirmed under oath ...," she
			// said` the quoted woman speaks of him.
			best := cand{at: -1}
			// Nor one the words themselves name: in "“It could have been
			// easy for Mary Steenburgen ...,” she said" she is someone else.
			content, _ := findArg(*c, "content")
			named := d.personsIn(content.Span)
			consider := func(c cand) {
				if c.at < 0 || c.at >= len(d.toks) || d.insideQuote(d.toks[c.at].Span) || slices.Contains(named, c.norm) {
					return
				}
				if g := genders[c.norm]; (g == "" || g == want) && c.at > best.at {
					best = c
				}
			}
			for _, s := range said {
				if s.at < at && d.toks[s.at].Sent >= si-3 {
					consider(s)
				}
			}
			// "“I call it COVID-crazy,” a JetBlue pilot lamented. “...,” he
			// said": one person the article does not name, who spoke last,
			// in this sentence or the one before.
			for _, h := range humans {
				if h.at < at && h.at > best.at && d.toks[h.at].Sent >= si-1 && !d.insideQuote(d.toks[h.at].Span) {
					if g := humanGender[h.at]; g == "" || g == want {
						best = h
					}
				}
			}
			for sj := max(0, si-3); sj <= si; sj++ {
				if n, norm := d.subjectName(sj); n >= 0 && n < at {
					consider(cand{n, norm})
				}
			}
			if best.at >= 0 {
				c.Args[k].Norm = best.norm
				said = append(said, cand{at, best.norm})
			}
			continue
		}
		if l := foldLower(sp.Text); l == "they" {
			// "Officials in the province said ... They said ...": a "they"
			// opening its sentence is the last speaker of the sentence
			// before that is no person and no pronoun; inside a sentence
			// ("..., but they have denied") it is too often someone else.
			si := d.toks[at].Sent
			// So does one interrupting the clause it attributes
			// ("Government officials, they said, had fled").
			content, _ := findArg(*c, "content")
			first := d.sents[si].First
			inner := at > first && d.toks[at-1].Text == "," && content.End > content.Start && d.tokIndex(content.Start) == first
			// "Government ministers say ..., but they stress ...": a "they"
			// right after the "and"/"but" that joins a second verb of saying
			// to the first is that verb's speaker, when a group spoke there.
			// "Demonstrators celebrated what they called a victory": a
			// "they" of a free relative of naming inside the clause is the
			// clause's plural subject.
			if at > first && d.toks[at-1].Lower == "what" {
				if n := d.pluralSubject(si); n != "" && !strings.Contains(foldLower(n), "they") && strings.Index(d.text[d.toks[first].Start:], n) == 0 {
					c.Args[k].Norm = n
					continue
				}
			}
			if at > first+1 && (d.toks[at-1].Lower == "but" || d.toks[at-1].Lower == "and") && d.toks[at-2].Text == "," {
				for j := len(groups) - 1; j >= 0; j-- {
					if g := groups[j]; g.at < at && d.toks[g.at].Sent == si {
						c.Args[k].Norm = g.norm
						break
					}
				}
				// ("Residents fled the town, and they said the army had
				// arrived": else the plural subject of the clause before.)
				if n := d.pluralSubject(si); c.Args[k].Norm == "" && n != "" && !strings.Contains(foldLower(n), "they") {
					if a, _ := d.wordTokens(sp.Span); first <= a && strings.Index(d.text[d.toks[first].Start:], n) == 0 {
						c.Args[k].Norm = n
					}
				}
				if c.Args[k].Norm != "" {
					continue
				}
			}
			// So does one right after the quotation it attributes, the
			// quotation opening the sentence ("“We are deeply concerned
			// ...,” they wrote in a letter").
			quoted := at > first+1 && (d.toks[at-1].Text == "\u201d" || d.toks[at-1].Text == "\"") && content.End > content.Start && content.End <= d.toks[at].Start && d.tokIndex(content.Start) <= first+1
			if at == first || inner || quoted || at == first+1 && (d.toks[first].Lower == "but" || d.toks[first].Lower == "and") {
				// (Or two sentences before, when no one spoke in between:
				// "Human rights advocates say ... [a sentence of fact] They
				// say it violates ...".)
				spokeSince := func(from int) bool {
					for _, p := range said {
						if p.at > from && p.at < at {
							return true
						}
					}
					return false
				}
				for j := len(groups) - 1; j >= 0; j-- {
					g := groups[j]
					if g.at >= at || d.toks[g.at].Sent == si {
						continue
					}
					// (Two sentences back only when the sentence between
					// has no plural subject of its own, which is nearer.)
					if gs := d.toks[g.at].Sent; gs == si-1 || gs == si-2 && !spokeSince(g.at) && (si == 0 || d.pluralSubject(si-1) == "") {
						c.Args[k].Norm = g.norm
					}
					break
				}
				// "The United States, United Nations and international
				// rights groups strongly condemned Thailand ... They say it
				// violates ...": else the plural subject of the sentence
				// before, when no one spoke in it.
				if c.Args[k].Norm == "" && si > 0 && !spokeSince(d.sents[si-1].First-1) {
					if n := d.pluralSubject(si - 1); n != "" {
						c.Args[k].Norm = n
					}
				}
			}
			continue
		}
		if l := foldLower(sp.Text); l == "it" {
			// "..., the Swedish Prosecution Authority said. "...," it
			// added.": an "it" speaker is the organization that spoke last,
			// in its own sentence or the one before; farther back another
			// body may have been named in between.
			si := d.toks[at].Sent
			for j := len(orgs) - 1; j >= 0; j-- {
				if g := orgs[j]; g.at < at && d.toks[g.at].Sent >= si-1 {
					c.Args[k].Norm = g.norm
					break
				}
			}
			// Else the organization that is the subject of the sentence
			// before, no statement's speaker ("The Autonomous
			// Administration was the first to reject the constitution.
			// “...,” it said.").
			if c.Args[k].Norm == "" && si > 0 {
				if n := d.orgSubject(si - 1); n != "" {
					c.Args[k].Norm = n
				}
			}
			// Else the organization that is the subject of its own
			// sentence, the "it" inside a later clause of it ("The Kenyan
			// government cited reasons, including the pandemic that it said
			// made it hard to prepare").
			if c.Args[k].Norm == "" && at > d.sents[si].First {
				if n := d.orgSubject(si); n != "" {
					c.Args[k].Norm = n
				}
			}
			continue
		}
		if m := d.actorCovering(d.wordTokens(sp.Span)); m != nil && m.kind == KindPerson && m.ent != nil {
			said = append(said, cand{at, m.norm})
		} else if d.unknownName(sp.Span) {
			// "Sayim, of the World Uyghur Congress, said ... “...,” he
			// said": a name the recogniser missed is still who spoke.
			said = append(said, cand{at, sp.Text})
		} else if g, ok := d.oneHuman(sp.Text); ok {
			humans = append(humans, cand{at, sp.Text})
			humanGender[at] = g
		} else if f := strings.Fields(foldLower(sp.Text)); len(f) > 0 && !strings.Contains(" he she it i we you they this that ", " "+f[len(f)-1]+" ") {
			n := sp.Norm
			if n == "" {
				n = sp.Text
			}
			groups = append(groups, cand{at, n})
			if d.namesOrganization(sp.Span) {
				orgs = append(orgs, cand{at, n})
			}
		}
	}
}

// oneHuman reports whether a speaker's words name one person without a
// name ("a JetBlue pilot", "one resident"): an indefinite determiner, then a singular noun of @people_words or an occupation word
// ending the phrase; g is "m" or "f" when the noun says so.
func (d *claimDoc) oneHuman(text string) (g string, ok bool) {
	f := strings.Fields(foldLower(text))
	if len(f) < 2 {
		return "", false
	}
	// (Not "the military spokesperson": a definite phrase often stands for
	// someone named before.)
	switch f[0] {
	case "a", "an", "one", "another":
	default:
		return "", false
	}
	head := f[len(f)-1]
	switch head {
	case "man", "boy", "father", "son", "husband", "brother", "businessman", "fisherman", "spokesman", "chairman":
		return "m", true
	case "woman", "girl", "mother", "daughter", "wife", "sister", "businesswoman", "spokeswoman", "chairwoman":
		return "f", true
	case "family", "household", "couple", "all", "everyone", "everybody", "one", "crew", "crowd", "group", "dozen", "people":
		return "", false
	}
	if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
		return "", false // plural
	}
	return "", d.rules.hasWord("people_words", head) || head == "spokesperson" || head == "analyst" || head == "expert"
}

// unknownName reports a speaker that is one to three capitalised words
// no entity holds, in the middle of its sentence or opening it: a
// person's name the recogniser missed ("Sayim said"), not a phrase with a
// common noun ("Officials", "The ministry") nor a known organization or
// place.
func (d *claimDoc) unknownName(sp Span) bool {
	a, b := d.wordTokens(sp)
	if a >= b || b-a > 3 {
		return false
	}
	for i := a; i < b; i++ {
		t := d.toks[i]
		if !t.Cap || allCaps(t.Text) || len(d.mentions[i]) > 0 || sentenceOpeners[t.Lower] || !isWordRune(firstRune(t.Text)) {
			return false
		}
	}
	// A plural ("Officials", "Analysts") or a word of the lists.
	if l := d.toks[b-1].Lower; strings.HasSuffix(l, "s") && b-a == 1 {
		return false
	}
	return d.actorCovering(a, b) == nil && !d.coveredByActor(a, b)
}

// pluralSubject returns the words of sentence si's main subject when it
// is plural (a plural noun, nouns joined by "and", or the two subjects a
// parse may give a list: "The United States, United Nations and
// international rights groups condemned ..."), "" otherwise.
func (d *claimDoc) pluralSubject(si int) string {
	t := d.tree(si)
	if t == nil {
		return ""
	}
	lo, hi, n, plural := len(t.w), -1, 0, false
	for _, s := range t.rootKids("nsubj") {
		// ("The rains came early": no one who could speak.)
		if t.w[s].UPOS == "PRON" || !d.mayspeak(t, s) {
			return ""
		}
		n++
		plural = plural || t.w[s].XPOS == "NNS" || t.w[s].XPOS == "NNPS"
		for _, x := range t.kids[s] {
			plural = plural || t.w[x].Rel == "conj"
		}
		a, b := t.subtree(s)
		lo, hi = min(lo, a), max(hi, b)
	}
	if n == 0 || !plural && n < 2 {
		return ""
	}
	return d.text[t.w[lo].Span.Start:t.w[hi].Span.End]
}

// mayspeak reports whether noun n may name those who speak: people or a
// group by its words or mentions (person, animate), an agent noun
// ("analysts", "critics", "lawmakers", "residents") or a body that speaks
// ("groups", "authorities", "governments"), not a thing ("The rains came
// early").
func (d *claimDoc) mayspeak(t *depTree, n int) bool {
	if d.person(t, n) || d.animate(t, n) {
		return true
	}
	l := t.lemma(n)
	for _, suf := range []string{"ist", "yst", "er", "or", "ian", "ant", "ent", "ee", "ic", "crat"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return speakingBodies[l]
}

// speakingBodies are nouns for groups and bodies that speak as one.
var speakingBodies = map[string]bool{"group": true, "authority": true, "government": true, "country": true, "company": true,
	"organization": true, "organisation": true, "agency": true, "party": true, "expert": true, "union": true, "committee": true,
	"council": true, "ministry": true, "military": true, "police": true, "state": true, "nation": true, "firm": true,
	"lawmaker": true, "family": true, "people": true, "community": true, "court": true, "delegation": true}

// rootKids returns the dependents of the tree's first root with one of
// rels, in word order.
func (t *depTree) rootKids(rels ...string) []int {
	for v, w := range t.w {
		if w.Head != 0 {
			continue
		}
		var out []int
		for _, k := range t.kids[v] {
			if slices.Contains(rels, t.w[k].Rel) {
				out = append(out, k)
			}
		}
		return out
	}
	return nil
}

// orgSubject returns the norm of the organization that is sentence si's
// main subject (an organization's name ends at the head of its root's
// nsubj), "" when there is none.
func (d *claimDoc) orgSubject(si int) string {
	t := d.tree(si)
	if t == nil {
		return ""
	}
	var s = -1
	for _, k := range t.rootKids("nsubj", "nsubj:pass") {
		if t.w[k].UPOS != "PRON" {
			s = k
			break
		}
	}
	if s < 0 {
		return ""
	}
	h := d.tokIndex(t.w[s].Span.Start)
	if h >= len(d.toks) {
		return ""
	}
	for i := max(0, h-6); i <= h; i++ {
		for _, m := range d.mentions[i] {
			if m.end <= h {
				continue
			}
			if m.kind == KindOrganization && m.ent != nil && m.end == h+1 {
				if m.norm != "" {
					return m.norm
				}
				return d.text[d.toks[m.start].Start:d.toks[m.end-1].End]
			}
			return "" // a person, a place, a number
		}
	}
	// A capitalised name the recogniser missed, headed by a capitalised
	// noun ("the Kurdish-led Autonomous Administration"): its capitalised
	// words.
	if t.w[s].UPOS != "PROPN" && t.w[s].UPOS != "NOUN" || !d.toks[h].Cap || h == d.sents[si].First {
		return ""
	}
	// (Not a determiner opening the sentence, nor a compound modifier:
	// "The Kurdish-led".)
	a := h
	for a > d.sents[si].First && d.toks[a-1].Cap && len(d.mentions[a-1]) == 0 && !strings.Contains(d.toks[a-1].Text, "-") {
		a--
	}
	if l := d.toks[a].Lower; l == "the" || l == "a" || l == "an" {
		a++
	}
	if a == h {
		return "" // one capitalised word: "Officials", "Police"
	}
	return d.text[d.toks[a].Start:d.toks[h].End]
}

// personsIn returns the norms of the persons named inside span s.
func (d *claimDoc) personsIn(s Span) []string {
	var out []string
	if s.End <= s.Start {
		return nil
	}
	a, b := d.wordTokens(s)
	for i := a; i < b; i++ {
		for _, m := range d.mentions[i] {
			if m.kind == KindPerson && m.ent != nil && m.norm != "" {
				out = append(out, m.norm)
			}
		}
	}
	return out
}

// namesOrganization reports whether the phrase at sp ends in an
// organization's name ("the Swedish Prosecution Authority", "Boeing"):
// its head is one body an "it" can stand for; "officials of the agency"
// are people.
func (d *claimDoc) namesOrganization(sp Span) bool {
	a, b := d.wordTokens(sp)
	for i := a; i < b; i++ {
		for _, m := range d.mentions[i] {
			if m.kind == KindOrganization && m.ent != nil && m.end == b {
				return true
			}
		}
	}
	return false
}

// dropUnresolvedSpeakers drops a statement whose speaker is a bare
// pronoun that no antecedent was found for ("they said in a statement",
// "it added", "as we've said"): who said it is what a statement claims,
// and an analyst can neither query nor check a "they". A continued
// quotation inherits its speaker, so it goes too. Pronouns resolved to a
// name keep their claim (the norm carries the name).
func dropUnresolvedSpeakers(cs []Claim) []Claim {
	return slices.DeleteFunc(cs, func(c Claim) bool {
		sp, ok := findArg(c, "speaker")
		return ok && c.Kind == "statement" && sp.Norm == "" && barePronoun(sp.Text)
	})
}

// barePronoun reports a personal pronoun standing alone as a phrase.
func barePronoun(s string) bool {
	switch foldLower(s) {
	case "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me":
		return true
	}
	return false
}

// articleGenders reads, per person (by norm), the gender the article's
// own pronouns give: a he/him/his (she/her) whose sentence names exactly
// one person before it, or, naming none, whose previous sentence names
// exactly one. The majority wins; a tie or no pronoun leaves it unknown.
// No list of given names says it: "Jordan", "Andrea" and "Nikita" are
// either, and the article knows.
func (d *claimDoc) articleGenders() map[string]string {
	votes := map[string]int{} // norm -> he minus she
	var prev []string
	for _, s := range d.sents {
		var here []string
		for i := s.First; i < s.Last; i++ {
			for _, m := range d.mentions[i] {
				if m.kind == KindPerson && m.ent != nil && m.norm != "" && !slices.Contains(here, m.norm) {
					here = append(here, m.norm)
				}
			}
			v := 0
			switch d.toks[i].Lower {
			case "he", "him", "his", "himself":
				v = 1
			case "she", "her", "hers", "herself":
				v = -1
			}
			if v == 0 {
				continue
			}
			switch {
			case len(here) == 1:
				votes[here[0]] += v
			case len(here) == 0 && len(prev) == 1:
				votes[prev[0]] += v
			}
		}
		prev = here
	}
	out := map[string]string{}
	for n, v := range votes {
		switch {
		case v > 0:
			out[n] = "m"
		case v < 0:
			out[n] = "f"
		}
	}
	return out
}

// subjectName returns the token and norm of the person named first in
// sentence si when the name opens it ("Glwadys Siopathis led ..."): a
// recognised person, or two or three capitalised words no entity holds
// followed by a lower-case word; -1 when the sentence opens otherwise.
func (d *claimDoc) subjectName(si int) (int, string) {
	s := d.sents[si]
	i := s.First
	for i < s.Last && (d.toks[i].Lower == "but" || d.toks[i].Lower == "and") {
		i++
	}
	// The subject after a fronted phrase ("Earlier in December, Trump
	// threatened ..."), else a name inside it ("For Sithole, managing his
	// diabetes has been a long journey").
	if j := d.afterFrontedPhrase(i, s.Last); j > i {
		if n, norm := d.subjectNameAt(s, j); n >= 0 {
			return n, norm
		}
	}
	// "As for Banjai, he hopes ...": the topic "as for" names is whom the
	// clause after it is about.
	if i+2 < s.Last && d.toks[i].Lower == "as" && d.toks[i+1].Lower == "for" {
		for _, m := range d.mentions[i+2] {
			if m.kind == KindPerson && m.ent != nil && m.end < s.Last && d.toks[m.end].Text == "," {
				return i + 2, m.norm
			}
		}
	}
	return d.subjectNameAt(s, i)
}

// subjectNameAt is subjectName for a clause of sentence s opening at
// token i.
func (d *claimDoc) subjectNameAt(s Sentence, i int) (int, string) {
	if i >= s.Last {
		return -1, ""
	}
	for _, m := range d.mentions[i] {
		if m.kind == KindPerson && m.ent != nil {
			return i, m.norm
		}
		if m.ent != nil {
			// "Taliban spokesperson Zabihullah Mujahid disclosed ...": a
			// body or place and a title before the person who opens the
			// sentence; otherwise a place or an organization opens it.
			for j := m.end; j < s.Last && j <= m.end+2; j++ {
				for _, p := range d.mentions[j] {
					if p.kind == KindPerson && p.ent != nil && j > m.end {
						return j, p.norm
					}
				}
				if t := d.toks[j]; t.Cap || !isWordRune(firstRune(t.Text)) {
					break
				}
			}
			return -1, ""
		}
	}
	// "Mayor John Kasich spoke ...", "Defense Secretary Ana Ruiz said
	// ...": capitalised title words no entity holds, then the person.
	for j := i; j < s.Last && j < i+3 && d.toks[j].Cap && isWordRune(firstRune(d.toks[j].Text)) && len(d.mentions[j]) == 0 &&
		!sentenceOpeners[d.toks[j].Lower]; j++ {
		for _, p := range d.mentions[j+1] {
			if p.kind == KindPerson && p.ent != nil && j+1 < s.Last {
				return j + 1, p.norm
			}
		}
	}
	n := 0
	for i+n < s.Last && n < 4 && d.toks[i+n].Cap && isWordRune(firstRune(d.toks[i+n].Text)) && len(d.mentions[i+n]) == 0 {
		n++
	}
	if n < 2 || n > 3 || i+n >= s.Last || d.toks[i+n].Cap || !isWordRune(firstRune(d.toks[i+n].Text)) || sentenceOpeners[d.toks[i].Lower] {
		return -1, ""
	}
	return i, d.text[d.toks[i].Start:d.toks[i+n-1].End]
}

// afterFrontedPhrase returns the token after the comma that closes a
// short phrase of a preposition or time adverb opening a clause at token
// i ("Earlier in December, Trump threatened ...", "Like Lutnick, Kevin
// Hassett ... emphasized ..."): the clause's subject stands there. i
// itself when no such phrase opens it.
func (d *claimDoc) afterFrontedPhrase(i, last int) int {
	if i >= last {
		return i
	}
	if l := d.toks[i].Lower; !openingPreps[l] && !frontedPreps[l] && !frontedAdverbs[l] {
		return i
	}
	for j := i + 1; j < last && j <= i+7; j++ {
		switch d.toks[j].Text {
		case ",":
			return j + 1
		case ".", ";", ":", "\"", "“", "”":
			return i
		}
	}
	return i
}

// frontedAdverbs open a sentence with a time or a sequence before its
// subject ("Earlier in December, ...").
var frontedAdverbs = map[string]bool{"earlier": true, "later": true, "meanwhile": true, "separately": true, "last": true,
	"previously": true, "recently": true, "yesterday": true, "today": true}

// sentenceOpeners are capitalised words that open a sentence without
// naming anyone.
var sentenceOpeners = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"this": true, "that": true, "these": true, "those": true, "his": true, "her": true, "their": true, "its": true,
	"some": true, "many": true, "most": true, "after": true, "before": true, "when": true, "while": true, "if": true}

// speakerInside reports whether statement c's speaker lies inside span s
// (another statement's content).
// speakers returns the speaker spans of statements c and o, ok when both
// have one.
func speakers(c, o Claim) (Span, Span, bool) {
	cs, ok1 := findArg(c, "speaker")
	os, ok2 := findArg(o, "speaker")
	return cs.Span, os.Span, ok1 && ok2
}

func speakerInside(c Claim, s Span) bool {
	sp, ok := findArg(c, "speaker")
	return ok && sp.Start >= s.Start && sp.End <= s.End
}

// adverbSpeaker reports whether the speaker of c, as fixed, is one adverb
// ("Some have even said": "even" is no one; the speaker rules may take it
// for a noun phrase and fixSpeaker extend it, as in "Prison union
// representatives have long warned").
func (d *claimDoc) adverbSpeaker(c *Claim) bool {
	sp, ok := findArg(*c, "speaker")
	if !ok {
		return false
	}
	a, b := d.wordTokens(sp.Span)
	return b == a+1 && (d.toks[a].Lower == "even" || d.rules.hasWord("speaker_adverbs", d.toks[a].Lower))
}

// isPlainNoun reports whether t is a lower-case word that can end a noun
// phrase: no function word (preposition, conjunction, determiner,
// auxiliary) and no number.
func isPlainNoun(t Token) bool {
	if t.Cap || t.Lower == "" || !isWord(t.Text) || isDigitStart(t.Lower) {
		return false
	}
	switch t.Lower {
	case "of", "for", "in", "on", "at", "to", "from", "by", "with", "about", "and", "or", "but", "than", "as",
		"the", "a", "an", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have",
		"had", "said", "says", "told", "'s", "all", "both", "half", "what", "which", "who", "whom", "where", "when":
		return false
	}
	return true
}

// insideQuote reports whether span s lies inside a quotation: a speaker
// never does (the words of someone quoted are not the article's
// attribution).
func (d *claimDoc) insideQuote(s Span) bool {
	if d.quoted == nil {
		return false // no quotation in the document
	}
	a := d.tokIndex(s.Start)
	// A quotation run on from an unclosed one is held by the mention at
	// its second opening mark, inside s.
	for k := min(d.tokIndex(s.End), len(d.toks)-1); k >= 0 && k >= a-200; k-- {
		if !d.quoted[k] {
			continue
		}
		for _, m := range d.mentions[k] {
			if m.kind == "quote" && m.span.Start <= s.Start && s.End <= m.span.End {
				return true
			}
		}
	}
	return false
}
