package extract

import "strings"

// Attribution: who says so. A claim found by a rule gets a "source"
// argument from the words around it in its sentence: "according to X",
// "X said", "X told CNN", "said X". Event claims with a source are
// "reported" rather than "asserted".

// attribution is one source phrase found in a sentence: the token where
// it stands (to pick the one nearest a claim) and the argument.
type attribution struct {
	at  int
	arg Arg
}

func (d *claimDoc) attributions(si int) []attribution {
	s := d.sents[si]
	var out []attribution
	for i := s.First; i < s.Last; i++ {
		t := d.toks[i].Lower
		if t == "according" && i+2 < s.Last && d.toks[i+1].Lower == "to" {
			if a, ok := d.accordingTo(i+2, s.Last); ok {
				out = append(out, attribution{i, a})
			}
			continue
		}
		if d.isSayVerb(i) {
			if a, ok := d.speakerAround(si, i); ok {
				out = append(out, attribution{i, a})
			}
		}
	}
	return out
}

func (d *claimDoc) isSayVerb(i int) bool {
	// "221 cases reported in nine states", "deaths confirmed by the
	// ministry": a participle before a preposition names no source.
	if w := d.toks[i].Lower; strings.HasSuffix(w, "ed") && i+1 < len(d.toks) {
		switch d.toks[i+1].Lower {
		case "in", "by", "at", "on", "across", "over", "since", "during", "from", "worldwide", "nationwide", "globally":
			return false
		}
		// "an estimated 200,000": an adjective; so is a participle right
		// after a preposition ("to appear before the command over
		// alleged assaults on its men"), where no verb can stand.
		if i > 0 {
			switch d.toks[i-1].Lower {
			case "a", "an", "the", "over", "of", "for", "about", "with", "against", "into", "amid", "despite", "after", "before":
				return false
			}
		}
	}
	// "the Nasdaq added 20.72 points": a figure after "added" is what was
	// gained, not what was said.
	if w := d.toks[i].Lower; (w == "added" || w == "adds" || w == "add") && i+1 < len(d.toks) {
		for _, m := range d.mentions[i+1] {
			if m.kind == KindNumber {
				return false
			}
		}
	}
	return d.rules.hasWord("source_verbs", d.toks[i].Lower)
}

// accordingTo reads the phrase after "according to": a person or
// organization right after it, else the last one in the phrase ("a report
// published in ABC News"), else the phrase itself ("a report").
func (d *claimDoc) accordingTo(i, last int) (Arg, bool) {
	end := i
	for end < last && end-i < 15 {
		if x := d.toks[end].Text; x == "," || x == "." || x == ";" {
			break
		}
		end++
	}
	if end == i {
		return Arg{}, false
	}
	if m := d.actorAt(i, end); m != nil {
		return d.arg(capture{"source", m.start, m.end, m, nil}), true
	}
	var lastM *mention
	for k := i; k < end; k++ {
		for _, m := range d.mentions[k] {
			if m.end <= end && isActorKind(m.kind) {
				lastM = m
			}
		}
	}
	if lastM != nil {
		return d.arg(capture{"source", lastM.start, lastM.end, lastM, nil}), true
	}
	return d.arg(capture{"source", i, end, nil, nil}), true
}

func isActorKind(k string) bool { return k == KindPerson || k == KindOrganization }

func (d *claimDoc) actorAt(i, limit int) *mention {
	var best *mention
	for _, m := range d.mentions[i] {
		if m.end <= limit && isActorKind(m.kind) && (best == nil || m.end > best.end) {
			best = m
		}
	}
	return best
}

// speakerAround finds who a verb of saying at v belongs to: the actor or
// noun phrase right before it (skipping an apposition or an acronym in
// brackets), or the one right after it ("said the embassy").
func (d *claimDoc) speakerAround(si, v int) (Arg, bool) {
	s := d.sents[si]
	if m := d.actorEndingAt(s.First, v); m != nil {
		return d.actorArg(s.First, m), true
	}
	j := v
	if j > s.First && d.toks[j-1].Text == ")" {
		// "the United Nations Children’s Emergency Fund (UNICEF) said"
		for k := j - 2; k > s.First && k > j-6; k-- {
			if d.toks[k].Text == "(" {
				if m := d.actorEndingAt(s.First, k); m != nil {
					return d.arg(capture{"source", m.start, m.end, m, nil}), true
				}
				j = k
				break
			}
		}
	}
	if j > s.First && d.toks[j-1].Text == "," {
		// "Sher Ali Shakir, the Helmand health department director, said"
		for k := j - 2; k > s.First && k > j-14; k-- {
			if d.toks[k].Text == "," {
				if m := d.actorEndingAt(s.First, k); m != nil {
					return d.actorArg(s.First, m), true
				}
				break
			}
		}
		// "..., said the embassy" / ", said X"
		if v+1 < s.Last {
			if m := d.actorAt(v+1, s.Last); m != nil {
				return d.arg(capture{"source", m.start, m.end, m, nil}), true
			}
		}
		return Arg{}, false
	}
	// The parse, when there is one, names the verb's subject: "analysts
	// who have done the calculations say" is said by the analysts, "Alden
	// on Tuesday announced" by Alden.
	if a, ok, known := d.treeSubject(si, v); known {
		return a, ok
	}
	// A plain noun phrase before the verb: "a local journalist confirmed",
	// "security forces in Somalia say" (the place is not the speaker).
	j = d.skipPlaceModifier(s.First, j)
	if k := d.npStart(s.First, j); k < j {
		return d.arg(capture{"source", k, j, nil, nil}), true
	}
	if v+1 < s.Last {
		if m := d.actorAt(v+1, s.Last); m != nil {
			return d.arg(capture{"source", m.start, m.end, m, nil}), true
		}
	}
	return Arg{}, false
}

// actorArg is the source argument for actor m, widened to a coordinated
// actor before it: "Hayatullah Samangani and Mahboba Rahmat".
func (d *claimDoc) actorArg(first int, m *mention) Arg {
	if m.start-1 > first && d.toks[m.start-1].Lower == "and" {
		if p := d.actorEndingAt(first, m.start-1); p != nil {
			return d.arg(capture{"source", p.start, m.end, nil, nil})
		}
	}
	return d.arg(capture{"source", m.start, m.end, m, nil})
}

// skipPlaceModifier returns the start of "in|from PLACE" ending at j, or j.
func (d *claimDoc) skipPlaceModifier(first, j int) int {
	for k := j - 1; k > first && k >= j-4; k-- {
		for _, m := range d.mentions[k] {
			if m.kind == KindPlace && m.end == j {
				if p := d.toks[k-1].Lower; p == "in" || p == "from" {
					return k - 1
				}
			}
		}
	}
	return j
}

func (d *claimDoc) actorEndingAt(first, v int) *mention {
	for k := v - 1; k >= first && k >= v-8; k-- {
		for _, m := range d.mentions[k] {
			if m.end == v && (isActorKind(m.kind)) {
				return m
			}
		}
	}
	return nil
}

// source picks the attribution nearest after the match, else the nearest
// before it, skipping one that sits inside the match.
func (d *claimDoc) source(si, start, end int) (Arg, bool) {
	var before *attribution
	for _, a := range d.attributions(si) {
		if a.at >= start && a.at < end {
			continue
		}
		if a.at >= end {
			return a.arg, true
		}
		before = &a
	}
	if before != nil {
		return before.arg, true
	}
	return Arg{}, false
}

// treeSubject returns the source the parse gives a verb of saying at token
// v: its subject's phrase (without relative clauses or the verb's
// adverbs). known is false when the sentence has no parse or the verb no
// subject in it, for the word scan to try.
func (d *claimDoc) treeSubject(si, v int) (Arg, bool, bool) {
	if si >= len(d.trees) || d.trees[si] == nil {
		return Arg{}, false, false
	}
	t := d.trees[si]
	tv := -1
	for i, w := range t.w {
		if w.Span.Start <= d.toks[v].Start && d.toks[v].Start < w.Span.End {
			tv = i
			break
		}
	}
	if tv < 0 {
		return Arg{}, false, false
	}
	// "The US Embassy maintains its own monitor and reported Wednesday
	// that ...": a verb coordinated with one before it, with no subject
	// of its own, shares that verb's subject.
	if h := t.w[tv].Head - 1; t.w[tv].Rel == "conj" && h >= 0 && h < tv && t.w[h].UPOS == "VERB" && !t.hasKid(tv, "nsubj", "nsubj:pass") {
		tv = h
	}
	for _, k := range t.kids[tv] {
		if t.w[k].Rel != "nsubj" {
			continue
		}
		if t.w[k].UPOS == "PRON" {
			switch t.lemma(k) {
			case "he", "she", "i":
			default:
				// "which it said crashed", "as we've noted": no one named.
				return Arg{}, false, true
			}
		}
		lo, hi := t.phrase(k)
		for lo < hi && (t.w[lo].UPOS == "PUNCT" || t.w[lo].UPOS == "ADP" || t.w[lo].UPOS == "CCONJ") {
			lo++
		}
		pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
		if pa >= pb || pb > v {
			return Arg{}, false, false
		}
		// "analysts who have done the calculations say": a subject right
		// after a verb is that verb's object, misread; the speaker is the
		// noun phrase before the relative pronoun.
		if lo > 0 && (t.w[lo-1].UPOS == "VERB" || t.w[lo-1].UPOS == "AUX") {
			first := d.sents[si].First
			for r := pa - 1; r > first && r >= pa-6; r-- {
				if l := d.toks[r].Lower; l == "who" || l == "that" || l == "which" {
					if k := d.npStart(first, r); k < r {
						return d.arg(capture{"source", k, r, nil, nil}), true, true
					}
					break
				}
			}
			return Arg{}, false, true
		}
		if m := d.actorEndingAt(d.sents[si].First, pb); m != nil && m.start >= pa {
			return d.actorArg(d.sents[si].First, m), true, true
		}
		var m *mention
		for _, x := range d.mentions[pa] {
			if x.end == pb && x.kind != KindNumber && x.kind != KindDate {
				m = x
			}
		}
		if m == nil && pa < len(d.dated) && d.dated[pa] {
			return Arg{}, false, true // "on Tuesday announced": a date is no one
		}
		return d.arg(capture{"source", pa, pb, m, nil}), true, true
	}
	return Arg{}, false, false
}

// npStart returns where the plain noun phrase of at most six words ending
// at token j starts (j when there is none): words back to punctuation or a
// word that cannot be in one.
func (d *claimDoc) npStart(first, j int) int {
	k := j
	for k > first && j-k < 6 {
		t := d.toks[k-1]
		if !isWordRune(firstRune(t.Text)) && t.Lower != "'s" || npStop[t.Lower] {
			break
		}
		k--
	}
	if k < j && !npStop[d.toks[k].Lower] {
		return k
	}
	return j
}
