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
		// "an estimated 200,000": an adjective.
		if i > 0 {
			switch d.toks[i-1].Lower {
			case "a", "an", "the":
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
	// A plain noun phrase before the verb: "a local journalist confirmed",
	// "security forces in Somalia say" (the place is not the speaker).
	j = d.skipPlaceModifier(s.First, j)
	k := j
	for k > s.First && j-k < 6 {
		t := d.toks[k-1]
		if !isWordRune([]rune(t.Text)[0]) && t.Lower != "'s" || npStop[t.Lower] {
			break
		}
		k--
	}
	if k < j && !npStop[d.toks[k].Lower] {
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
