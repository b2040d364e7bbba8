package extract

import "sort"

// explainMatch records what each traced element of a surface pattern
// matched.
func (d *claimDoc) explainMatch(r *Rule, p *patSeq, caps []capture) *Explanation {
	e := &Explanation{Rule: r.ID, Source: r.Pos, Layer: "surface", Pattern: p.src}
	for _, cp := range caps {
		if cp.elem == nil || cp.end <= cp.start {
			continue
		}
		sp := d.spanOf(cp.start, cp.end)
		e.Parts = append(e.Parts, ExplainPart{Elem: cp.elem.src, Role: cp.role, Span: sp, Text: d.text[sp.Start:sp.End]})
	}
	return e
}

// completeExplanation copies a claim's explanation (claims split from one
// match share it) and adds the arguments no pattern part filled: those
// found around the match (the nearest date, a place, a source), or, for
// a claim made by code (role titles, continued quotes), every argument.
func completeExplanation(c Claim) *Explanation {
	var e Explanation
	from := "context"
	if c.Explain != nil {
		e = *c.Explain
		e.Parts = append([]ExplainPart(nil), c.Explain.Parts...)
	} else {
		e = Explanation{Rule: c.Rule, Layer: "code"}
		from = "code"
	}
	for _, a := range c.Args {
		covered := false
		for _, p := range e.Parts {
			covered = covered || p.Role == a.Role
		}
		if !covered {
			e.Parts = append(e.Parts, ExplainPart{Elem: a.Role, Role: a.Role, Span: a.Span, Text: a.Text, From: from})
		}
	}
	sort.SliceStable(e.Parts, func(i, j int) bool {
		if (e.Parts[i].From == "") != (e.Parts[j].From == "") {
			return e.Parts[i].From == ""
		}
		return e.Parts[i].Start < e.Parts[j].Start
	})
	return &e
}
