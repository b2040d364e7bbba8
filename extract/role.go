package extract

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// roleClaims turns the titles the person finder linked to persons into
// "role" claims: who holds which office, of which organization or country.
// The claim's span is the sentence; the evidence words are the arguments.
// Only body sentences count, like every other claim.
func (d *claimDoc) roleClaims(titles []PersonTitle) []Claim {
	var out []Claim
	seen := map[[3]int]bool{}
	for _, t := range titles {
		si := d.toks[d.tokIndex(t.Person.Start)].Sent
		if si >= len(d.sents) || !d.body[si] {
			continue
		}
		key := [3]int{t.Person.Start, t.Title.Start, t.Title.End}
		// A title in capitals longer than an abbreviation is a page's
		// heading before a byline, no office ("ABOUT THE AUTHOR Laura
		// Winter"); "CEO" and "MP" are titles.
		if tt := d.text[t.Title.Start:t.Title.End]; seen[key] || placeAllCaps(tt) && utf8.RuneCountInString(tt) > 4 {
			continue
		}
		seen[key] = true
		s := d.sents[si]
		rule := "role.apposition"
		if t.Title.End <= t.Person.Start {
			rule = "role.title"
		}
		c := Claim{Kind: "role", Rule: rule, Certainty: Asserted, Span: s.Span, Text: d.text[s.Start:s.End]}
		c.Args = append(c.Args,
			Arg{Role: "person", Span: t.Person.Span, Text: t.Person.Text, Norm: t.Person.Norm},
			d.spanArg("title", t.Title, t.TitleNorm))
		if t.Org != (Span{}) {
			c.Args = append(c.Args, d.spanArg("organization", t.Org, d.normAt(t.Org, KindOrganization)))
		}
		if t.Place != (Span{}) {
			c.Args = append(c.Args, d.spanArg("place", t.Place, d.normAt(t.Place, KindPlace)))
		}
		// "Former Ambassador X" held the office once: the status says so,
		// so that "who holds which office" can leave him out.
		if t.Status != (Span{}) {
			a := d.spanArg("status", t.Status, "")
			a.Norm = strings.ToLower(a.Text)
			c.Args = append(c.Args, a)
		}
		sort.SliceStable(c.Args, func(i, j int) bool { return c.Args[i].Start < c.Args[j].Start })
		out = append(out, c)
	}
	return out
}

// spanArg makes an argument of the words at s.
func (d *claimDoc) spanArg(role string, s Span, norm string) Arg {
	a := Arg{Role: role, Span: s, Text: d.text[s.Start:s.End], Norm: norm}
	if a.Norm == a.Text {
		a.Norm = ""
	}
	return a
}

// normAt returns the norm of the entity of kind at exactly span s, else "".
func (d *claimDoc) normAt(s Span, kind string) string {
	for _, e := range d.ents {
		if e.Span == s && e.Kind == kind {
			return e.Norm
		}
	}
	return ""
}
