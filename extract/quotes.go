package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes become "quote" mentions that statement rules fill the content
// role with: [quote]. The mention runs from the opening to the closing
// quote mark; the content is the words inside, less a trailing comma.
// A nickname inside a name (Kenneth “Frank” McKenzie) is not a quote.
func (d *claimDoc) addQuotes() {
	open := -1
	for i, t := range d.toks {
		switch {
		case t.Text == "\u201c" || (t.Text == "\"" && open < 0):
			open = i
		case (t.Text == "\u201d" || t.Text == "\"") && open >= 0:
			d.addQuote(open, i)
			open = -1
		}
		// A quote never runs across a paragraph.
		if open >= 0 && i+1 < len(d.toks) && strings.Contains(d.text[t.End:d.toks[i+1].Start], "\n") {
			open = -1
		}
	}
}

func (d *claimDoc) addQuote(open, close int) {
	if close-open < 2 {
		return
	}
	// Nickname: one or two capitalised words in quotes between name words.
	if close-open <= 3 && open > 0 && close+1 < len(d.toks) && d.toks[open-1].Cap && d.toks[close+1].Cap && d.toks[open+1].Cap {
		return
	}
	for _, m := range d.mentions[open] {
		_ = m
	}
	a, b := open+1, close
	for b > a && (d.toks[b-1].Text == "," || d.toks[b-1].Text == ";") {
		b--
	}
	if b == a {
		return
	}
	q := &mention{kind: "quote", start: open, end: close + 1, span: d.spanOf(a, b)}
	d.mentions[open] = append(d.mentions[open], q)
	// A quotation of several sentences is attributed after its last one
	// (“... You are nothing to them. It's better I die here,” said Waro.):
	// the last sentence starts with the rest of the quote, which stands
	// for the whole quotation there.
	if last := d.toks[close].Sent; last != d.toks[open].Sent && last < len(d.sents) {
		if f := d.sents[last].First; f > open && f < close {
			d.mentions[f] = append(d.mentions[f], &mention{kind: "quote", start: f, end: close + 1, span: q.span})
		}
	}
}

// continuedQuotes: a quote with no speaker of its own that follows a quoted
// statement in the same paragraph continues it ("“We need close air
// support,” the Afghan official told CNN. “Things are getting nasty.”").
func (d *claimDoc) continuedQuotes(cs []Claim) []Claim {
	used := map[int]bool{}
	byEnd := map[int]int{}
	for k, c := range cs {
		if a, ok := findArg(c, "content"); ok {
			used[a.Start] = true
			if c.Kind == "statement" {
				byEnd[c.End] = k
			}
		}
	}
	var out []Claim
	for i := range d.toks {
		for _, m := range d.mentions[i] {
			if m.kind != "quote" || used[m.span.Start] || !d.body[d.toks[i].Sent] {
				continue
			}
			prev, ok := d.statementBefore(cs, byEnd, m)
			if !ok {
				continue
			}
			sp, _ := findArg(prev, "speaker")
			s := d.sents[d.toks[i].Sent]
			end := max(s.End, d.toks[m.end-1].End)
			c := Claim{Kind: "statement", Rule: "statement.continued_quote", Certainty: prev.Certainty,
				Span: Span{Start: d.toks[m.start].Start, End: end}, Text: d.text[d.toks[m.start].Start:end],
				Args: []Arg{{Role: "content", Span: m.span, Text: d.text[m.span.Start:m.span.End]}, sp}}
			if sp.Role == "" {
				c.Args = c.Args[:1]
			}
			out = append(out, c)
			cs = append(cs, c)
			byEnd[c.End] = len(cs) - 1
			used[m.span.Start] = true
		}
	}
	return out
}

// statementBefore returns the quoted statement that ends right before m in
// the same paragraph, if any: the last of cs ending at most blank space
// (no line break) before m. byEnd maps an end offset to the index in cs of
// the last statement with content ending there, so that a long article's
// quotes do not each look through all its claims.
func (d *claimDoc) statementBefore(cs []Claim, byEnd map[int]int, m *mention) (Claim, bool) {
	start := d.toks[m.start].Start
	best := -1
	for p := start; ; {
		if k, ok := byEnd[p]; ok && k > best {
			best = k
		}
		r, size := utf8.DecodeLastRuneInString(d.text[:p])
		if size == 0 || r == '\n' || !unicode.IsSpace(r) {
			break
		}
		p -= size
	}
	if best < 0 {
		return Claim{}, false
	}
	return cs[best], true
}
