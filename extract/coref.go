package extract

// Coreference inside one article, kept simple and conservative: a phrase
// from a coref list becomes a mention carrying its antecedent's norm only
// when the antecedent is clear.
//
//	coref_armed:   "the insurgents", "the militants" -> last armed group;
//	               coref_armed_pronoun ("they") only when that group was
//	               named in this or the previous sentence
//	coref_capital: "the provincial capital", "the city" -> a city named in
//	               the same sentence, else the last city named
//	coref_country: "the country", "the war-torn nation" -> last country
//	coref_person:  "he", "she" -> last person named; outside a quotation,
//	               the last one named outside any (in `"... Ambassador
//	               Volker confirmed ...," she said` the quoted woman
//	               speaks of him)
//
// Surnames are linked to full names by the person finder, not here.
//
// A token that starts no entry of these lists (RuleSet.corefFirst) is
// passed over before any list is read: it is most tokens, and reading
// the five lists at each made addCoref 1.6% of Extract (profile of
// BenchmarkExtract).
func (d *claimDoc) addCoref() {
	var lastArmed, lastCity, lastCountry, lastPerson, lastUnquoted *mention
	for i := 0; i < len(d.toks); i++ {
		if ms := d.mentions[i]; len(ms) > 0 {
			for _, m := range ms {
				if m.ent == nil {
					continue
				}
				switch {
				case m.kind == KindOrganization && m.ent.Type == "armed_group":
					lastArmed = m
				case m.kind == KindPlace && m.ent.Type == "city":
					lastCity = m
				case m.kind == KindPlace && m.ent.Type == "country":
					lastCountry = m
				case m.kind == KindPerson:
					lastPerson = m
					if !d.insideQuote(d.spanOf(m.start, m.end)) {
						lastUnquoted = m
					}
				}
			}
			continue
		}
		if !d.rules.corefFirst[d.toks[i].Lower] {
			continue
		}
		try := func(list, kind string, ante *mention) bool {
			n := d.listAt(list, i)
			if n == 0 || ante == nil {
				return false
			}
			d.mentions[i] = append(d.mentions[i], &mention{kind: kind, start: i, end: i + n, norm: ante.norm})
			return true
		}
		// "They held five of the country's 34 provincial capitals": a
		// pronoun takes the armed group named in this or the previous
		// sentence, unless it is a speaker ("they said" is too often
		// someone else).
		if lastArmed != nil && d.listAt("coref_armed_pronoun", i) > 0 && d.toks[i].Sent-d.toks[lastArmed.start].Sent <= 1 &&
			!(i+1 < len(d.toks) && d.isSayVerb(i+1)) {
			d.mentions[i] = append(d.mentions[i], &mention{kind: KindOrganization, start: i, end: i + 1, norm: lastArmed.norm})
			continue
		}
		switch {
		case try("coref_armed", KindOrganization, lastArmed):
			lastArmed = d.mentions[i][len(d.mentions[i])-1] // "the insurgents" carries the chain on
		case try("coref_capital", KindPlace, d.cityInSentence(i, lastCity)):
		case try("coref_country", KindPlace, lastCountry):
		case d.insideQuote(d.toks[i].Span) && try("coref_person", KindPerson, lastPerson):
		case try("coref_person", KindPerson, lastUnquoted):
		}
	}
}

// corefLists are the lists addCoref reads.
var corefLists = []string{"coref_armed_pronoun", "coref_armed", "coref_capital", "coref_country", "coref_person"}

// listAt returns the length of the longest entry of list at token i.
func (d *claimDoc) listAt(list string, i int) int {
	best := 0
	if i >= len(d.toks) {
		return 0
	}
	for _, w := range d.rules.byFirst[list][d.toks[i].Lower] {
		if len(w) > best && i+len(w) <= len(d.toks) {
			ok := true
			for k, s := range w {
				if d.toks[i+k].Lower != s {
					ok = false
					break
				}
			}
			if ok {
				best = len(w)
			}
		}
	}
	return best
}

// cityInSentence prefers a city named later in the same sentence ("The
// Taliban overran the provincial capital ..., after which the city of
// Sar-e Pul fell") over the last one named before.
func (d *claimDoc) cityInSentence(i int, last *mention) *mention {
	si := d.toks[i].Sent
	for k := i + 1; k < d.sents[si].Last; k++ {
		for _, m := range d.mentions[k] {
			if m.ent != nil && m.kind == KindPlace && m.ent.Type == "city" {
				return m
			}
		}
	}
	return last
}
