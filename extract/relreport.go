package extract

import "strings"

// relativeReports reads a verb of saying inside a relative clause whose
// pronoun is the subject of what was said: "a rare space for privacy,
// which Wang said is fueling high levels of internet use", "the histories
// of West Africa that he says are too often neglected", "the pandemic that
// it said made it hard to prepare". The speaker is the clause's subject;
// what was said is the antecedent with the rest of the clause, one span
// from the antecedent's first word (the speaker's words inside it, as an
// interrupting "he said" stays inside a quotation). The patterns cannot
// say it: the antecedent stands before the pronoun, the verb after the
// speaker, and the parser hangs the clause anywhere. The tree gives the
// antecedent's phrase and tells a finite verb after the verb of saying
// ("which he said is") from a noun ("which she says rights groups").
//
// It returns prev with the claims it makes, less a surface reading of the
// same verb whose words start after it ("it said made it hard": a clause
// without its subject).
func (d *claimDoc) relativeReports(si int, s Sentence, prev []Claim) []Claim {
	out := prev
	for k := s.First + 1; k+2 < s.Last; k++ {
		// k: the relative pronoun, or (contact) the last word of the
		// antecedent; a, b: the speaker; v: the verb of saying.
		rel := false
		switch d.toks[k].Lower {
		case "which", "that", "who":
			rel = true
		}
		a, b := k+1, k+2
		var men *mention
		if !isRelPronounSpeaker(d.toks[a].Lower) {
			for _, m := range d.mentions[a] {
				if isActorKind(m.kind) && m.ent != nil && m.end < s.Last && (men == nil || m.end > men.end) {
					men = m
				}
			}
			if men != nil {
				b = men.end
			} else if b = d.commonSpeakerEnd(a, s); b < 0 {
				continue
			}

		}
		v := b
		if v+1 >= s.Last || !relativeSayVerbs[d.toks[v].Lower] {
			continue
		}
		if !rel && (k == s.First || !isWordRune(firstRune(d.toks[k].Text)) || d.toks[k].Cap) {
			continue
		}
		t := d.tree(si)
		if t == nil {
			return out
		}
		// The verb is a verb ("in this claim is that": a noun), and a
		// common noun speaker is a noun phrase ("that industry analysts"
		// holds the relative pronoun).
		if vw := t.wordAt(d.toks[v].Span); vw < 0 || t.w[vw].UPOS != "VERB" {
			continue
		}
		if men == nil && !isRelPronounSpeaker(d.toks[a].Lower) {
			ok := true
			for i := a; i < b && ok; i++ {
				w := t.wordAt(d.toks[i].Span)
				ok = w >= 0 && npSpeakerTags[t.w[w].XPOS]
			}
			if !ok {
				continue
			}
		}
		// A contact clause ("a move analysts say is part of a broader
		// shift", no pronoun): the word before the speaker is a noun, and
		// its phrase (read back over determiners, modifiers and nouns:
		// the parser often takes it for a compound of the speaker) does
		// not open the sentence, whose clause would run on into the main
		// verb ("The photographs he claimed were heirlooms turned out to be
		// ...": where the relative clause ends the words do not say).
		contactStart := -1
		if !rel {
			n := t.wordAt(d.toks[k].Span)
			if n < 0 || t.w[n].UPOS != "NOUN" {
				continue
			}
			lo := n
			for lo > 0 {
				switch t.w[lo-1].UPOS {
				case "DET", "ADJ", "NOUN", "NUM", "PROPN":
					lo--
					continue
				}
				break
			}
			if lo == 0 || t.w[lo-1].UPOS == "PUNCT" && lo == 1 {
				continue
			}
			contactStart, _ = d.wordTokens(t.w[lo].Span)
		}
		// What was said goes on with a finite verb of its own.
		w := t.wordAt(d.toks[v+1].Span)
		if w < 0 || d.toks[v+1].Cap || !((t.w[w].UPOS == "VERB" || t.w[w].UPOS == "AUX") && finiteTags[t.w[w].XPOS]) {
			continue
		}
		// The antecedent: the phrase of the noun before the pronoun (over
		// a comma), up through its modifiers and conjuncts ("the histories
		// and kingdoms of West Africa").
		e := k
		if rel {
			e = k - 1
			if d.toks[e].Text == "," {
				e--
			}
		}
		n := t.wordAt(d.toks[e].Span)
		if n < 0 || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") {
			continue
		}
		for {
			h := t.w[n].Head - 1
			if h < 0 || h > n || (t.w[h].UPOS != "NOUN" && t.w[h].UPOS != "PROPN") {
				break
			}
			switch t.w[n].Rel {
			case "conj", "compound", "flat", "appos":
				n = h
				continue
			case "nmod":
				// ("provides young people with a rare space": a "with"
				// phrase is the verb's, whatever the parser hung it on.)
				switch t.caseOf(n) {
				case "of", "for", "in", "on", "about", "from":
					n = h
					continue
				}
			}
			break
		}
		lo, _ := t.phrase(n)
		start, _ := d.wordTokens(t.w[lo].Span)
		if contactStart >= 0 {
			start = contactStart
		}
		for start < e && !isWordRune(firstRune(d.toks[start].Text)) {
			start++
		}
		// Up to the clause's end: a comma, a semicolon or a dash after
		// the verb, or the sentence's end.
		end := v + 1
		for end < s.Last {
			if x := d.toks[end].Text; x == "," || x == ";" || x == "—" || x == "–" || x == "." || x == "!" || x == "?" {
				break
			}
			end++
		}
		// A clause on the sentence's subject ends before the main verb
		// ("The plan which officials say will cut costs was approved"):
		// where the tree hangs the clause on the antecedent, at the end of
		// its subtree.
		if lo, _ := t.phrase(n); lo == 0 {
			vw := t.wordAt(d.toks[v].Span)
			if h := t.w[vw].Head - 1; !strings.HasPrefix(t.w[vw].Rel, "acl") || h < 0 || h > vw {
				continue
			}
			_, hi := t.subtree(vw)
			if _, te := d.wordTokens(t.w[hi].Span); te < end {
				end = te
			}
		}
		if start > e || end <= v+1 {
			continue
		}
		// A reading of the same verb: its content starting right after it
		// is this clause cut from its subject; any other reading stands.
		after := d.toks[v+1].Start
		same, other := -1, false
		for i, c := range out {
			if c.Kind != "statement" {
				continue
			}
			if ct, ok := findArg(c, "content"); ok && ct.Start == after {
				same = i
			} else if d.inStatement(out[i:i+1], v) {
				other = true
			}
		}
		if other {
			continue
		}
		if same >= 0 {
			out = append(out[:same:same], out[same+1:]...)
		}
		c := Claim{Kind: "statement", Rule: "statement.relative_said", Certainty: Asserted, Span: s.Span, Text: d.text[s.Start:s.End]}
		c.Args = append(c.Args, d.spanArg("content", d.spanOf(start, end), ""), d.arg(capture{"speaker", a, b, men, nil}))
		out = append(out, c)
		k = end
	}
	return out
}

// isRelPronounSpeaker reports whether a word is a personal pronoun that
// may speak in a relative clause ("which he said").
func isRelPronounSpeaker(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we":
		return true
	}
	return false
}

// npSpeakerTags are the tags of the words of a common noun speaker.
var npSpeakerTags = map[string]bool{"DT": true, "PDT": true, "JJ": true, "JJR": true, "JJS": true, "NN": true, "NNS": true, "CD": true, "PRP$": true}

// commonSpeakerEnd returns the end of a common noun phrase that starts at
// token a and stands right before a verb of saying ("which experts say",
// "a move some analysts say"): lower-case words, at most three, the last
// of them a plural (the sayers of such clauses are groups: "analysts",
// "critics", "officials"); -1 when there is none.
func (d *claimDoc) commonSpeakerEnd(a int, s Sentence) int {
	for b := a + 1; b <= a+3 && b < s.Last; b++ {
		t := d.toks[b-1]
		if t.Cap || !isWordRune(firstRune(t.Text)) {
			return -1
		}
		if relativeSayVerbs[d.toks[b].Lower] {
			if strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") {
				return b
			}
			return -1
		}
	}
	return -1
}

// relativeSayVerbs are the verbs of saying relativeReports reads: not
// opinions ("which he believes is"), as for said_tree.
var relativeSayVerbs = map[string]bool{"said": true, "says": true, "say": true, "claimed": true, "claims": true, "claim": true,
	"argued": true, "argues": true, "insisted": true, "insists": true, "estimated": true, "estimates": true, "alleged": true, "alleges": true}
