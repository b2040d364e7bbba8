package extract

import (
	"sort"
	"strings"
)

// depClaims runs the dependency rules over one parsed sentence.
func (d *claimDoc) depClaims(si int, t *depTree, prev []Claim) []Claim {
	var out []Claim
	for _, r := range d.rules.Rules {
		if r.Dep == nil {
			continue
		}
		for _, b := range r.Dep.match(t, d.animate) {
			caps, parts, start, end, ok := d.depCaptures(t, r.Dep, b)
			if !ok {
				continue
			}
			cert := t.treeCertainty(b.trigger)
			c, ok := d.build(r, si, start, end, caps, append(prev, out...), cert)
			if !ok {
				continue
			}
			if d.explain {
				c.Explain = &Explanation{Rule: r.ID, Source: r.Pos, Layer: "dependency", Pattern: r.Dep.src, Parts: parts}
			}
			out = append(out, c)
		}
	}
	return out
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
	if p.triggerRole != "" {
		caps = append(caps, capture{p.triggerRole, ta, tb, nil, nil})
	}
	for ai, a := range p.args {
		n := b.nodes[ai]
		if n < 0 || a.role == "" {
			continue
		}
		lo, hi := t.phrase(n)
		for lo < hi && t.w[lo].UPOS == "PUNCT" {
			lo++
		}
		for hi > lo && t.w[hi].UPOS == "PUNCT" {
			hi--
		}
		if a.role == "count" {
			lo, hi = t.phraseOfNumber(n)
		}
		pa, pb := d.wordTokens(Span{Start: t.w[lo].Span.Start, End: t.w[hi].Span.End})
		if pa >= pb {
			continue
		}
		var m *mention
		if a.role == "count" || a.role == "value" {
			m = d.numberAt(pa, pb, t.w[n].Span)
			if m == nil {
				continue // a count the number finder does not read has no value
			}
			pa, pb = m.start, m.end
		} else {
			for _, x := range d.mentions[pa] {
				if x.end == pb && x.kind != KindNumber && x.kind != KindDate {
					m = x
				}
			}
		}
		caps = append(caps, capture{a.role, pa, pb, m, nil})
		start, end = min(start, pa), max(end, pb)
		sp := d.spanOf(pa, pb)
		parts = append(parts, ExplainPart{Elem: a.role + ":" + t.pathTo(b.trigger, n, a), Role: a.role, Span: sp, Text: d.text[sp.Start:sp.End]})
	}
	return caps, parts, start, end, true
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
			if k >= a && m.end <= b {
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
	form, lemma := foldLower(w.Form), t.lemma(n)
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
			if (m.kind == KindPerson || m.kind == KindOrganization) && m.start < b && m.end > a {
				return true
			}
		}
	}
	return false
}
