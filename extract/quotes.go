package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes become "quote" mentions that statement rules fill the content
// role with: [quote]. The mention runs from the opening to the closing
// quote mark; the content is the words inside, less a trailing comma.
// A nickname inside a name (Kenneth “Frank” McKenzie) is not a quote.
func (d *claimDoc) addQuotes() {
	open, from, closed := -1, -1, -1 // closed: the last closing mark's token
	for i, t := range d.toks {
		switch {
		case t.Text == "\u201c" || (t.Text == "\"" && (open < 0 || d.opensQuote(i))):
			// A straight mark after a full stop and a space, with a word
			// right after it, opens a quote even while one is open: that
			// one was never closed (`the EU "was ruled by ..., Sisci
			// said. "Both ..."`), and pairing on would shift every later
			// quote. (Inside a sentence it may be a quote inside the
			// quote: `"He called it "a disaster," she said.`)
			// An unclosed quote of whole sentences is a quotation that
			// runs on into the next paragraph, whose opening mark
			// repeats (the story's paragraphs run together): it is one
			// quotation with the new one, attributed after it.
			// But when the sentence before the unclosed quote held a
			// quotation that closed, the unclosed one goes on quoting that
			// speaker, paragraph by paragraph, and the new mark opens a
			// quotation of its own with its own attribution (`“I think
			// ...,” he said. “Allowing ... the West. “Part of that
			// alternative includes China,” he added.`): the unclosed quote
			// ends before the new mark, its sentences continuing the
			// statement before it (continuedQuotes).
			switch {
			case open < 0 || !d.quotedSentences(open, i):
				from = -1
			case from < 0 && d.quoteClosedBefore(open, closed):
				d.addQuoteTo(open, i, -1, i)
				from = -1
			case from < 0:
				from = open
			}
			open = i
		case (t.Text == "\u201d" || t.Text == "\"") && open >= 0:
			d.addQuote(open, i, from)
			open, from, closed = -1, -1, i
		case open >= 0 && d.twoApostrophes(i):
			// Two apostrophes, which some publishers print for the closing
			// mark (“It was an attempt to mislead voters,’’ Will Moy told
			// the BBC), are two tokens: the mention ends after the second.
			d.addQuoteTo(open, i, from, i+2)
			open, from, closed = -1, -1, i+1
		}
		// A quote never runs across a paragraph.
		if open >= 0 && i+1 < len(d.toks) && strings.Contains(d.text[t.End:d.toks[i+1].Start], "\n") {
			open, from = -1, -1
		}
	}
}

// twoApostrophes reports whether token i and the next are right single
// quotes with nothing between them.
func (d *claimDoc) twoApostrophes(i int) bool {
	return i+1 < len(d.toks) && d.toks[i].Text == "\u2019" && d.toks[i+1].Text == "\u2019" && d.toks[i].End == d.toks[i+1].Start
}

// quotedSentences reports whether the quote opened at token open and left
// open when a new mark opens at token next holds whole sentences: it
// opens its sentence and ends with a full stop right before next.
func (d *claimDoc) quotedSentences(open, next int) bool {
	return d.sents[d.toks[open].Sent].First == open && next-open >= 3 && sentenceEnd(d.toks[next-1].Text)
}

func sentenceEnd(s string) bool { return s == "." || s == "!" || s == "?" || s == "\u2026" }

// opensQuote reports whether the straight quote mark at token i can only
// open a quotation: a full stop and blank space before it, a word joined
// to it after it.
func (d *claimDoc) opensQuote(i int) bool {
	if i == 0 || i+1 >= len(d.toks) {
		return i == 0
	}
	t := d.toks[i]
	if d.toks[i-1].End == t.Start || d.toks[i+1].Start != t.End || !sentenceEnd(d.toks[i-1].Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.toks[i+1].Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// quoteClosedBefore reports whether the quote opened at token open, which
// opens its sentence, follows a sentence that holds the closing mark at
// token closed.
func (d *claimDoc) quoteClosedBefore(open, closed int) bool {
	s := d.toks[open].Sent
	return closed >= 0 && s > 0 && closed < open && d.toks[closed].Sent == s-1
}

func (d *claimDoc) addQuote(open, close, from int) { d.addQuoteTo(open, close, from, close+1) }

// addQuoteTo adds the quote mention that opens at token open, its words
// ending before token close (the closing mark, or the opening mark of
// the next quotation when this one is left open) and the mention before
// token end.
func (d *claimDoc) addQuoteTo(open, close, from, end int) {
	if close-open < 2 {
		return
	}
	// Nickname: one or two capitalised words in quotes between name words.
	if close-open <= 3 && open > 0 && close+1 < len(d.toks) && d.toks[open-1].Cap && d.toks[close+1].Cap && d.toks[open+1].Cap {
		return
	}
	// A title inside a noun phrase: capitalised words in quotes after a
	// determiner and before a lower-case noun ('the "Pose" actor', 'his
	// "Apprentice" days') name a work, and say nothing.
	if close-open <= 4 && open > 0 && close+1 < len(d.toks) && d.toks[open+1].Cap && !d.toks[close+1].Cap && isWordRune(firstRune(d.toks[close+1].Text)) &&
		d.toks[close+1].Sent == d.toks[open].Sent && d.toks[close-1].Text != "," && d.toks[close-1].Text != "." {
		switch d.toks[open-1].Lower {
		case "the", "a", "an", "his", "her", "its", "their", "our", "'s", "’s":
			return
		}
	}
	a, b := open+1, close
	if from >= 0 {
		a = from + 1
	}
	for b > a && (d.toks[b-1].Text == "," || d.toks[b-1].Text == ";") {
		b--
	}
	if b == a {
		return
	}
	q := &mention{kind: "quote", start: open, end: end, span: d.spanOf(a, b)}
	d.addQuoteMention(q)
	// A quotation that runs past the sentence it opens is read by the
	// rules that take a quote after its attribution in that sentence
	// (`She said, "We will win. But it will be hard."`: a pattern's
	// mention ends inside its sentence) through a mention that ends with
	// the first sentence and holds the whole quotation: one attributed
	// quotation is one statement (the claims gold's convention), and
	// the claim's span runs to its end (quoteClaimSpans).
	if s := d.toks[open].Sent; from < 0 && s < len(d.sents) && d.sents[s].Last < b && d.sents[s].Last-1 > a {
		d.addQuoteMention(&mention{kind: "quote", start: open, end: d.sents[s].Last, span: q.span})
	}
	// A quotation of several sentences is attributed after its last one
	// (“... You are nothing to them. It's better I die here,” said Waro.):
	// the last sentence starts with the rest of the quote, which stands
	// for the whole quotation there.
	if last := d.toks[end-1].Sent; last != d.toks[open].Sent && last < len(d.sents) {
		if f := d.sents[last].First; f > open && f < close {
			d.addQuoteMention(&mention{kind: "quote", start: f, end: end, span: q.span})
		}
	}
}

// addQuoteMention adds quote mention m at its first token.
func (d *claimDoc) addQuoteMention(m *mention) {
	d.mentions[m.start] = append(d.mentions[m.start], m)
	if d.quoted == nil {
		d.quoted = make([]bool, len(d.toks))
	}
	d.quoted[m.start] = true
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
				// `“... we are glad," said Ruiz. "We have been ...”`: the
				// splitter may run the sentence on past the full stop after
				// the attribution (a straight mark opens the next quote);
				// the statement ends there too. The verb may stand between
				// the last argument and that full stop (`“...," he said.
				// "They ...”`): up to two words are looked past.
				last := 0
				for _, x := range c.Args {
					last = max(last, x.End)
				}
				for j := d.tokIndex(last); j < len(d.toks) && j <= d.tokIndex(last)+2 && d.toks[j].Start >= last && d.toks[j].End < c.End; j++ {
					if sentenceEnd(d.toks[j].Text) {
						byEnd[d.toks[j].End] = k
						break
					}
					if !isWord(d.toks[j].Text) {
						break
					}
				}
			}
		}
	}
	inContent := newContentCover(cs)
	var out []Claim
	for i := range d.toks {
		for _, m := range d.mentions[i] {
			if m.kind != "quote" || !d.body[d.toks[i].Sent] {
				continue
			}
			span, qs := m.span, d.quoteStart(m)
			prev, ok := d.reportedQuoteRest(cs, m)
			if ok {
				// Only the sentences after the one the statement read.
				span = Span{Start: d.toks[m.start].Start, End: m.span.End}
				qs = span.Start
			} else {
				if used[m.span.Start] || inContent.holds(m.span.Start) {
					continue
				}
				prev, ok = d.statementBefore(cs, byEnd, qs)
				if !ok {
					prev, ok = d.quoteParagraphAfter(cs, byEnd, qs, m)
				}
				if !ok {
					prev, ok = d.quoteAfterNarrative(cs, byEnd, m)
				}
				if !ok {
					continue
				}
			}
			sp, _ := findArg(prev, "speaker")
			// Each sentence of the quotation is a statement of its own (the
			// convention of the claims gold: "a following quoted sentence
			// without its own attribution is one more statement"), the
			// last one running to the end of its sentence.
			parts := d.quoteSentences(span)
			for pi, part := range parts {
				st, end := part.Start, part.End // up to its own full stop
				if pi == 0 {
					st = qs
				}
				if pi == len(parts)-1 {
					// The last runs to the end of the sentence when the
					// quotation closes it, else to the closing mark.
					end = max(part.End, d.toks[m.end-1].End)
					if s := d.sents[d.toks[m.end-1].Sent]; s.Last <= m.end+1 || len(parts) == 1 {
						end = max(end, s.End)
					}
				}
				c := Claim{Kind: "statement", Rule: "statement.continued_quote", Certainty: prev.Certainty,
					Span: Span{Start: st, End: end}, Text: d.text[st:end],
					Args: []Arg{{Role: "content", Span: part, Text: d.text[part.Start:part.End]}, sp}}
				if sp.Role == "" {
					c.Args = c.Args[:1]
				}
				out = append(out, c)
				cs = append(cs, c)
				byEnd[c.End] = len(cs) - 1
			}
			used[m.span.Start] = true
		}
	}
	return out
}

// reportedQuoteRest returns the statement whose reported clause opens
// quotation m, when m is the rest of that quotation in a later sentence
// the statement does not hold: in `Sisci told VOA that the industry "is
// dependent on the Chinese market. There are no good or clear
// alternatives."` the statement reads the first sentence, and the second
// is one more of Sisci's. m is then the mention addQuote puts at the
// later sentence's first word.
func (d *claimDoc) reportedQuoteRest(cs []Claim, m *mention) (Claim, bool) {
	if isQuoteMark(d.toks[m.start].Text) || d.toks[m.start].Start <= m.span.Start {
		return Claim{}, false
	}
	rest := d.toks[m.start].Start
	var prev Claim
	found := false
	for _, c := range cs {
		a, ok := findArg(c, "content")
		if !ok || c.Kind != "statement" {
			continue
		}
		// A quotation continuedQuotes read whole, from its opening mark,
		// is not read again from its later sentence.
		if a.End > rest && a.Start <= rest+2 || c.Rule == "statement.continued_quote" && a.Start <= m.span.Start && m.span.Start < a.End {
			return Claim{}, false
		}
		if a.Start <= m.span.Start && m.span.Start < a.End && a.End <= rest {
			prev, found = c, true
		}
	}
	return prev, found
}

// quoteAfterNarrative returns the quoted statement that ends right
// before the sentence before quotation m, when that sentence tells of
// the statement's speaker alone and m opens the next one: a story goes on
// quoting the person it has just described (`"I have nine orphaned
// children here," she added. Years ago, terrified by insecurity, she left
// her homeland. "My house has been taken. ..."`). The sentence between
// holds no quotation mark and no statement, and names a person (by name
// or by a pronoun the coreference links), only the speaker.
func (d *claimDoc) quoteAfterNarrative(cs []Claim, byEnd map[int]int, m *mention) (Claim, bool) {
	si := d.toks[m.start].Sent
	if si < 1 || d.sents[si].First != m.start {
		return Claim{}, false
	}
	mid := d.sents[si-1]
	prev, ok := d.statementBefore(cs, byEnd, mid.Start)
	if !ok || !strings.Contains(prev.Rule, "quote") {
		return Claim{}, false
	}
	sp, ok := findArg(prev, "speaker")
	if !ok {
		return Claim{}, false
	}
	who := sp.Norm
	if who == "" {
		who = sp.Text
	}
	named := false
	for i := mid.First; i < len(d.toks) && d.toks[i].Sent == si-1; i++ {
		if isQuoteMark(d.toks[i].Text) {
			return Claim{}, false
		}
		for _, x := range d.mentions[i] {
			if x.kind == KindPerson {
				if x.norm != who {
					return Claim{}, false
				}
				named = true
			}
		}
	}
	for _, c := range cs {
		if c.Kind == "statement" && overlaps(c.Span, mid.Span) {
			return Claim{}, false
		}
	}
	return prev, named
}

// quoteParagraphAfter returns the quoted statement that ends the
// paragraph before a paragraph that is all quotation m (opening at start):
// a news story goes on quoting its last speaker in a paragraph of their
// words alone (“...,” said X.¶“The frequency of lethal force ... raise
// serious fears ...”). Only after a quotation: a paragraph of quoted
// words after a reported clause may be anyone's.
func (d *claimDoc) quoteParagraphAfter(cs []Claim, byEnd map[int]int, start int, m *mention) (Claim, bool) {
	// The quotation closes its paragraph, and it is whole sentences: a
	// capitalised first word and a full stop (a quoted heading, "“…
	// prevent the evacuation of the civilians”", has neither).
	if e := d.toks[m.end-1].End; m.end < len(d.toks) && !strings.Contains(d.text[e:d.toks[m.end].Start], "\n") {
		return Claim{}, false
	}
	if a, b := d.wordTokens(m.span); a >= b || !d.toks[a].Cap || b >= len(d.toks) || !sentenceEnd(d.toks[b-1].Text) && !sentenceEnd(d.toks[b].Text) {
		return Claim{}, false
	}
	p, breaks := start, false
	for {
		r, size := utf8.DecodeLastRuneInString(d.text[:p])
		if size == 0 || !unicode.IsSpace(r) {
			break
		}
		breaks = breaks || r == '\n'
		p -= size
	}
	k, ok := byEnd[p]
	if !breaks || !ok || !strings.Contains(cs[k].Rule, "quote") {
		return Claim{}, false
	}
	return cs[k], true
}

// quoteSentences splits the words of a quotation at its sentences' ends
// (the splitter keeps a quotation of several sentences in one sentence;
// a full stop, "!" or "?" before a capitalised word ends one): one span
// per sentence.
func (d *claimDoc) quoteSentences(q Span) []Span {
	var out []Span
	a, b := d.wordTokens(q)
	for a < b {
		e := a + 1
		for e < b && d.toks[e].Sent == d.toks[a].Sent && !(d.endsQuotedSentence(e) && d.toks[e].Cap && e-a >= 3) {
			e++
		}
		// (A quotation run on from an unclosed one repeats its opening
		// mark: `"The money is gone. "We need help ..."`.)
		for a < e-1 && isOpenQuote(d.toks[a].Text) {
			a++
		}
		out = append(out, Span{Start: max(d.toks[a].Start, q.Start), End: min(d.toks[e-1].End, q.End)})
		a = e
	}
	return out
}

// endsQuotedSentence reports whether the token before e ends a sentence
// of a quotation: a full stop, or a quote inside it that a full stop
// closes ("Or does he think, ‘Hey I need to force this issue?’ And, we’ll
// find out").
func (d *claimDoc) endsQuotedSentence(e int) bool {
	if p := d.toks[e-1].Text; (p == "\u2019" || p == "'") && e >= 2 {
		return sentenceEnd(d.toks[e-2].Text)
	}
	return sentenceEnd(d.toks[e-1].Text)
}

// quoteStart returns the offset of quote mention m's opening mark: the
// first one of a quotation run on from an unclosed one.
func (d *claimDoc) quoteStart(m *mention) int {
	if k := d.tokIndex(m.span.Start); k > 0 && k-1 < m.start && isOpenQuote(d.toks[k-1].Text) {
		return d.toks[k-1].Start
	}
	// `... ,” he said. But “President Trump ... is the most prominent
	// dissenter.”`: a conjunction that opens the sentence before the
	// quotation joins it to the words before; the quotation goes on.
	if j := m.start - 1; j >= 0 && isOpenQuote(d.toks[m.start].Text) && d.toks[j].Sent == d.toks[m.start].Sent && j == d.sents[d.toks[j].Sent].First && quoteJoiners[d.toks[j].Lower] {
		return d.toks[j].Start
	}
	return d.toks[m.start].Start
}

// quoteJoiners open a sentence that goes on with the quotation before it.
var quoteJoiners = map[string]bool{"but": true, "and": true, "yet": true, "still": true, "so": true}

// statementBefore returns the quoted statement that ends right before m in
// the same paragraph, if any: the last of cs ending at most blank space
// (no line break) before m. byEnd maps an end offset to the index in cs of
// the last statement with content ending there, so that a long article's
// quotes do not each look through all its claims.
func (d *claimDoc) statementBefore(cs []Claim, byEnd map[int]int, start int) (Claim, bool) {
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

// contentCover answers, for an offset p, whether p lies inside the
// content of a statement of cs (after its first character, and inside the
// claim's span): the last sentence of a quotation that a reported clause
// holds ("Sisci told VOA that the industry “is dependent on ... There are
// no good alternatives.”") continues nothing. The intervals are sorted
// once, so that a long article's quotes do not each look through all its
// claims.
type contentCover struct {
	lo, maxHi []int // interval starts, ascending; the largest end up to each
}

func newContentCover(cs []Claim) contentCover {
	type iv struct{ lo, hi int }
	var ivs []iv
	for _, c := range cs {
		if c.Kind != "statement" {
			continue
		}
		// p is held when c.Start <= p < c.End and a.Start < p < a.End.
		if a, ok := findArg(c, "content"); ok {
			if lo, hi := max(c.Start, a.Start+1), min(c.End, a.End); lo < hi {
				ivs = append(ivs, iv{lo, hi})
			}
		}
	}
	slices.SortFunc(ivs, func(x, y iv) int { return x.lo - y.lo })
	var cc contentCover
	for _, v := range ivs {
		m := v.hi
		if n := len(cc.maxHi); n > 0 {
			m = max(m, cc.maxHi[n-1])
		}
		cc.lo = append(cc.lo, v.lo)
		cc.maxHi = append(cc.maxHi, m)
	}
	return cc
}

func (cc contentCover) holds(p int) bool {
	// k intervals start at or before p; any of them ending after p holds it.
	k, _ := slices.BinarySearch(cc.lo, p+1)
	return k > 0 && cc.maxHi[k-1] > p
}

// quoteClaimSpans runs a statement's span on to the end of its content
// where the content, a quotation read after its attribution, goes on
// past the sentence the rule matched (addQuoteTo).
func quoteClaimSpans(text string, cs []Claim) {
	for i := range cs {
		c := &cs[i]
		if a, ok := findArg(*c, "content"); ok && c.Kind == "statement" && a.End > c.End {
			c.End = a.End
			c.Text = text[c.Start:c.End]
		}
	}
}

// closeContentQuotes ends a statement's content after the closing quote
// mark of a quotation it opens. A clause read from the tree ends at its
// last word, and the mark, with the stop or comma that American style
// sets inside it, hangs on the verb of saying: `described the idea as
// "certainly absurd."` would store `as "certainly absurd` with its
// opening mark only. The content takes the mark (and the one stop or
// comma before it) only when its own marks are unbalanced and the
// closing mark follows at once, so a balanced content never changes.
func closeContentQuotes(text string, cs []Claim) {
	for i := range cs {
		c := &cs[i]
		if c.Kind != "statement" {
			continue
		}
		for j := range c.Args {
			a := &c.Args[j]
			if a.Role != "content" {
				continue
			}
			end, ok := closingQuoteAfter(text, a.Span)
			if !ok {
				continue
			}
			a.End = end
			a.Text = text[a.Start:a.End]
			c.End = max(c.End, end)
			c.Text = text[c.Start:c.End]
		}
	}
}

// closingQuoteAfter reports where the quotation that span s leaves open
// closes, when its closing mark comes right after s (after at most one
// of . , ! ?).
func closingQuoteAfter(text string, s Span) (int, bool) {
	// The words inside a quote mention ([quote]) are the content less
	// its marks, by design, even when the quotation runs on past a
	// second opening mark.
	if before := text[:s.Start]; strings.HasSuffix(before, "\u201c") || strings.HasSuffix(before, "\"") {
		return 0, false
	}
	in := text[s.Start:s.End]
	var want string
	switch {
	case strings.Count(in, "\u201c") > strings.Count(in, "\u201d"):
		want = "\u201d"
	case strings.Count(in, "\"")%2 == 1:
		want = "\""
	default:
		return 0, false
	}
	rest := text[s.End:]
	if len(rest) > 0 && strings.ContainsRune(".,!?", rune(rest[0])) {
		rest = rest[1:]
	}
	if !strings.HasPrefix(rest, want) {
		return 0, false
	}
	return len(text) - len(rest) + len(want), true
}
