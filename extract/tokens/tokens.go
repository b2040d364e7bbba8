// Package tokens is the lowest stage of extraction: it splits an article's
// text into tokens and sentences with exact byte spans. It imports nothing
// of the project, so every later stage (entities, claims, syntax) can use it.
package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in the article text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Token is one word, number or punctuation mark, with its byte span.
type Token struct {
	Text  string
	Lower string // lower case, curly quotes and apostrophes folded to ASCII
	Span
	Sent int  // index of the sentence the token belongs to
	Cap  bool // starts with an upper-case letter
}

// Sentence is a span of tokens [First, Last) and its byte span.
type Sentence struct {
	Span
	First, Last int
}

// IsAbbreviation reports whether lower (a lower-cased token) is an
// abbreviation whose period does not end a sentence ("mr", "gen", "jan").
func IsAbbreviation(lower string) bool { return abbreviations[lower] }

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "st": true, "jr": true, "sr": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "vs": true, "v": true, "etc": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "mt": true, "ft": true, "brig": true,
	"cmdr": true, "pres": true, "amb": true, "supt": true, "insp": true, "pvt": true, "cpl": true,
	// references and addresses ("Vol. 6", "Sec. 1302", "Kettner Blvd. Suite
	// 105", "ext. 37625", "Attn. Sales", "esp. Edwin")
	"vol": true, "sec": true, "blvd": true, "ext": true, "attn": true, "esp": true, "approx": true,
	"dept": true, "drs": true,
}

// Tokenize splits text into tokens and sentences. It never rewrites text:
// every token's Text is text[Start:End].
func Tokenize(text string) ([]Token, []Sentence) {
	// News text holds about one token per 5.5 bytes: one allocation of
	// a byte in four, not the doublings of append.
	return tokenizeInto(make([]Token, 0, len(text)/4+1), text)
}

// TokenizeBuf is Tokenize writing the tokens into buf's array (from its
// start), replaced by a larger one when too short: a caller that
// tokenizes document after document keeps one buffer. The tokens are
// valid until buf is used again.
func TokenizeBuf(buf []Token, text string) ([]Token, []Sentence) {
	if cap(buf) < len(text)/4+1 {
		buf = make([]Token, 0, len(text)/4+1)
	}
	return tokenizeInto(buf[:0], text)
}

func tokenizeInto(toks []Token, text string) ([]Token, []Sentence) {
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case IsWordRune(r):
			j := scanWord(text, i)
			toks = append(toks, newToken(text, i, j))
			i = j
		case isApostrophe(r) && i+w < len(text) && (text[i+w] == 's' || text[i+w] == 'S') && !startsWord(text[i+w+1:]):
			toks = append(toks, newToken(text, i, i+w+1)) // possessive 's
			i += w + 1
		default:
			toks = append(toks, newToken(text, i, i+w))
			i += w
		}
	}
	if len(toks) == 0 {
		toks = nil // as before the preallocation: no tokens, no slice
	}
	return toks, splitSentences(text, toks)
}

func newToken(text string, s, e int) Token {
	t := text[s:e]
	r, _ := utf8.DecodeRuneInString(t)
	return Token{Text: t, Lower: FoldLower(t), Span: Span{s, e}, Cap: unicode.IsUpper(r)}
}

// FoldLower lower-cases and maps typographic quotes and dashes to ASCII so
// that rules match either spelling.
func FoldLower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u02bc':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\u2013', '\u2014':
			r = '-'
		case '\u00a0':
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// IsWordRune reports a letter, digit or combining mark: a rune words are made of.
func IsWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// scanWord returns the end of the word starting at i. A word keeps inner
// hyphens (Sar-e-Pul, twenty-one), apostrophes (al-Rufay'i; the possessive
// 's is split off), digit separators (3,000 and 1.5) and the dots of
// initialisms (U.S., U.N.).
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if IsWordRune(r) {
			j += w
			continue
		}
		next, nw := utf8.DecodeRuneInString(text[j+w:])
		if j+w >= len(text) {
			next, nw = 0, 0
		}
		_ = nw
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		switch {
		case r == '-' && IsWordRune(next):
			j += w
			continue
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			j += w
			continue
		case isApostrophe(r) && unicode.IsLetter(next):
			// possessive 's / s' and contractions n't stay separate tokens
			rest := strings.ToLower(text[j+w : min(len(text), j+w+4)]) // a window: never the whole text
			if (strings.HasPrefix(rest, "s") && !startsWord(rest[1:])) ||
				(strings.HasPrefix(rest, "t") && strings.HasSuffix(strings.ToLower(text[i:j]), "n")) ||
				strings.HasPrefix(rest, "ll ") || strings.HasPrefix(rest, "re ") ||
				strings.HasPrefix(rest, "ve ") || strings.HasPrefix(rest, "d ") || strings.HasPrefix(rest, "m ") {
				return j
			}
			j += w
			continue
		case r == '.' && IsInitialism(lastPart(text[i:j])) && (unicode.IsLetter(next) && unicode.IsUpper(next) || !IsWordRune(next)):
			// U.S. U.N. -- take the dot; a following capital letter continues it
			j += w
			continue
		}
		break
	}
	return j
}

// lastPart is the part of a word after its last hyphen: "Kenya-U.S." has
// the initialism "U.S.".
func lastPart(w string) string {
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		return w[k+1:]
	}
	return w
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsWordRune(r)
}

// IsInitialism reports whether w (so far) looks like "U" or "U.S" -- single
// upper-case letters separated by dots.
func IsInitialism(w string) bool {
	n := 0
	for k, r := range w {
		if k%2 == 0 {
			if !unicode.IsUpper(r) || r > unicode.MaxASCII {
				return false
			}
			n++
		} else if r != '.' {
			return false
		}
	}
	return n >= 1 && len(w)%2 == 1
}

// splitSentences groups tokens into sentences. A sentence ends at . ! ?
// (and following closing quotes or brackets, and a footnote mark such as
// "[17]") when white space follows and the next token starts a new
// sentence, and always at a blank line. A single line break ends one too,
// unless it wraps a sentence: the line stops after a word or a comma and
// the next goes on in lower case. A sentence longer than MaxTokens
// is cut at its best inner boundary.
func splitSentences(text string, toks []Token) []Sentence {
	var sents []Sentence
	start := 0
	flush := func(end int) {
		if end > start {
			sents = appendCapped(sents, toks, start, end)
		}
		start = end
	}
	inQuote := false
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if k+1 < len(toks) && strings.Contains(text[t.End:toks[k+1].Start], "\n") && !wrapped(text, toks, k) {
			flush(k + 1)
			inQuote = false
			continue
		}
		// A sentence does not end inside a curly quotation that closes
		// soon, so that a quote of several sentences stays one unit.
		switch t.Text {
		case "\u201c":
			// (Not when another opening mark comes first: curly quotes do
			// not nest, so this one was closed by a straight mark,
			// “provocative" and "false" messages ..., and the closing
			// mark found is another quotation's.)
			if c := strings.Index(text[t.End:min(len(text), t.End+600+len("\u201d"))], "\u201d"); c >= 0 && c < 600 && !strings.Contains(text[t.End:t.End+c], "\n") && !strings.Contains(text[t.End:t.End+c], "\u201c") {
				inQuote = true
			}
		case "\u201d":
			inQuote = false
			// “... size 34.” Experts said ...: a quotation that ends a
			// sentence ends it, unless its speaker follows ("... .” Smith
			// said.", loose but common). A new quotation opening with a
			// capital starts a new sentence too ("... or “peri-urban
			// areas.” “Access to health care ...,” Chikwati said").
			if k > 0 && isTerminal(toks[k-1].Text) && k+1 < len(toks) && startsSentence(toks, k+1) && !saidSoon(toks, k+1) {
				flush(k + 1)
				continue
			}
		}
		if inQuote {
			continue
		}
		if !isTerminal(t.Text) {
			// "in the U.S. The ...", "Apple Inc. The ...": a word that
			// takes its period ends a sentence before a word that can
			// only start one.
			if k+1 < len(toks) && toks[k+1].Start > t.End && endsWithPeriod(toks, k) && (sentenceStarter[toks[k+1].Text] || quotedStarter(toks, k+1)) {
				flush(k + 1)
			}
			continue
		}
		if t.Text == "." && k > 0 && toks[k-1].End == t.Start && (listMarker(toks, start, k) || NumberAbbreviation(text, toks[k-1].Text, t.End)) {
			continue
		}
		if t.Text == "." && k > 0 && toks[k-1].End == t.Start && abbreviations[toks[k-1].Lower] {
			if k+1 < len(toks) && toks[k+1].Start > t.End && finalAbbreviation[toks[k-1].Lower] && (sentenceStarter[toks[k+1].Text] || quotedStarter(toks, k+1)) {
				flush(k + 1)
			}
			continue
		}
		end := k + 1
		for end < len(toks) && IsCloser(toks[end].Text) && toks[end].Start == toks[end-1].End {
			end++
		}
		end = footnoteEnd(toks, end)
		if end < len(toks) {
			nx := toks[end]
			if nx.Start == toks[end-1].End && startsWord(nx.Text) && !runOn(toks, k, end) {
				continue // no space: "4gamer.net", "Newsfeed.Com", "Kevin.A", ".45-caliber"
			}
			r, _ := utf8.DecodeRuneInString(nx.Text)
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || IsOpener(nx.Text)) {
				continue
			}
			if IsOpener(nx.Text) && end+1 < len(toks) && startsLower(toks[end+1].Text) {
				continue // "and ... (how do I explain this?)"
			}
			if t.Text == "." && dottedLower(toks, k) {
				// e.g. and i.e. never end a sentence; a.m. and p.m. not
				// before a day, a month or a time zone
				if w := toks[k-1].Lower; w == "g" || w == "e" || timeFollower[nx.Text] || longDotted(toks, k) {
					continue
				}
			}
		}
		flush(end)
		k = end - 1
	}
	flush(len(toks))
	for si, s := range sents {
		for k := s.First; k < s.Last; k++ {
			toks[k].Sent = si
		}
	}
	return sents
}

// startsSentence reports whether toks[k] can open a sentence after a
// closed quotation: a capitalised word, or an opening quote mark before
// one (a straight mark too, right before its word: copy often mixes them,
// "... this alliance.” "China does not ...,” he said.").
func startsSentence(toks []Token, k int) bool {
	if toks[k].Text == "\u201c" && k+1 < len(toks) {
		return startsUpper(toks[k+1].Text)
	}
	if toks[k].Text == "\"" {
		return quotedStarter(toks, k)
	}
	return startsUpper(toks[k].Text)
}

// quotedStarter reports whether toks[k] opens a quotation that starts
// with a capital, as a sentence does after an abbreviation that may end
// one: "... as a gift to the U.S. "What I would expect ...," said X".
func quotedStarter(toks []Token, k int) bool {
	return (toks[k].Text == "\u201c" || toks[k].Text == "\"") && k+1 < len(toks) && toks[k+1].Start == toks[k].End && startsUpper(toks[k+1].Text)
}

// wrapped reports that the line break after toks[k] is a hard wrap inside
// a sentence: one line break, the line ending in a word or a comma and
// the next starting with a lower-case letter.
func wrapped(text string, toks []Token, k int) bool {
	if strings.Count(text[toks[k].End:toks[k+1].Start], "\n") != 1 || !startsLower(toks[k+1].Text) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(toks[k].Text)
	return IsWordRune(last) || last == ','
}

// runOn reports two sentences run together without a space, as scraped
// pages leave them ("on Wednesday.The stabbing"): the stop at k follows a
// lower-case word directly and the token at next is a capitalised word
// that is no domain ending ("Newsfeed.Com").
func runOn(toks []Token, k, next int) bool {
	if k == 0 || toks[k-1].End != toks[k].Start || inLink(toks, k) {
		return false
	}
	prev, nx := toks[k-1].Text, toks[next].Text
	last, _ := utf8.DecodeLastRuneInString(prev)
	if utf8.RuneCountInString(prev) < 2 || !unicode.IsLower(last) || !isWordOnly(prev) {
		return false
	}
	r, w := utf8.DecodeRuneInString(nx)
	r2, _ := utf8.DecodeRuneInString(nx[w:])
	switch toks[next].Lower {
	case "com", "net", "org", "gov", "edu":
		return false
	}
	return unicode.IsUpper(r) && unicode.IsLower(r2)
}

// inLink reports whether toks[k] is inside a run of tokens with no space
// between them that is a URL or an e-mail address ("story.asp?StoryID=1",
// "Stacey.Richardson@enron.com"): no sentence ends there.
func inLink(toks []Token, k int) bool {
	a, b := k, k
	for a > 0 && k-a < 40 && toks[a-1].End == toks[a].Start {
		a--
	}
	for b+1 < len(toks) && b-k < 40 && toks[b].End == toks[b+1].Start {
		b++
	}
	for i := a; i <= b; i++ {
		l := toks[i].Lower
		if strings.Contains(l, "@") || strings.HasPrefix(l, "www.") || l == "www" ||
			(l == "http" || l == "https") && i < b && strings.HasPrefix(toks[i+1].Text, ":") {
			return true
		}
	}
	return false
}

func isWordOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// MaxTokens bounds a sentence, and so the time a parser spends on it:
// a longer run of text (a list, a table flattened to text) is cut.
const MaxTokens = 250

// appendCapped appends the sentence of toks[start:end], cut into pieces
// of at most MaxTokens tokens. Each cut falls at the best boundary in the
// second half of the piece: after ; then : then a dash then a comma, the
// latest of its kind; at the limit when there is none.
func appendCapped(sents []Sentence, toks []Token, start, end int) []Sentence {
	for end-start > MaxTokens {
		cut, best := start+MaxTokens, 0
		for k := start + MaxTokens/2; k < start+MaxTokens; k++ {
			if r := cutRank(toks[k].Text); r >= best && r > 0 {
				cut, best = k+1, r
			}
		}
		sents = append(sents, Sentence{Span: Span{toks[start].Start, toks[cut-1].End}, First: start, Last: cut})
		start = cut
	}
	return append(sents, Sentence{Span: Span{toks[start].Start, toks[end-1].End}, First: start, Last: end})
}

func cutRank(s string) int {
	switch s {
	case ";":
		return 4
	case ":":
		return 3
	case "\u2014", "\u2013", "-":
		return 2
	case ",":
		return 1
	}
	return 0
}

// sentenceStarter are capitalised words that cannot continue a name or an
// abbreviation: after "U.S." or "Inc." they start a new sentence.
var sentenceStarter = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "You": true, "In": true, "But": true, "And": true, "This": true, "That": true,
	"These": true, "Those": true, "There": true, "His": true, "Her": true, "Their": true,
	"Its": true, "Our": true, "On": true, "At": true, "For": true, "As": true, "After": true,
	"When": true, "While": true, "If": true, "However": true, "Meanwhile": true, "Some": true,
	"Many": true, "According": true, "Since": true, "Both": true, "Officials": true,
}

// finalAbbreviation are abbreviations that also end sentences ("... of
// Apple Inc. The company ..."); titles such as "Gen." never do.
var finalAbbreviation = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "etc": true}

// timeFollower are words after "a.m." or "p.m." that continue the sentence.
var timeFollower = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true,
	"April": true, "May": true, "June": true, "July": true, "August": true, "September": true,
	"October": true, "November": true, "December": true, "ET": true, "EST": true, "EDT": true,
	"CT": true, "CST": true, "CDT": true, "PT": true, "PST": true, "PDT": true, "GMT": true,
	"UTC": true, "(": true,
}

// endsWithPeriod reports a token that carries its own final period: an
// initialism ("U.S.", "F.").
func endsWithPeriod(toks []Token, k int) bool {
	t := toks[k].Text
	return len(t) >= 2 && t[len(t)-1] == '.' && IsInitialism(t[:len(t)-1])
}

// dottedLower reports that the period at k closes a lower-case dotted
// abbreviation of two letters split into tokens: "a.m.", "p.m.", "e.g.".
func dottedLower(toks []Token, k int) bool {
	if k < 3 {
		return false
	}
	a, d, b := toks[k-3], toks[k-2], toks[k-1]
	return d.Text == "." && len(a.Text) == 1 && len(b.Text) == 1 && a.End == d.Start && d.End == b.Start && b.End == toks[k].Start &&
		unicode.IsLower(rune(a.Text[0])) && unicode.IsLower(rune(b.Text[0]))
}

// longDotted reports that the dotted abbreviation closed at k has three
// or more letters ("a.k.a."): none of those ends a sentence.
func longDotted(toks []Token, k int) bool {
	if k < 5 {
		return false
	}
	a, d := toks[k-5], toks[k-4]
	return d.Text == "." && len(a.Text) == 1 && a.End == d.Start && d.End == toks[k-3].Start && unicode.IsLower(rune(a.Text[0]))
}

// footnoteEnd extends a sentence end over the footnote marks "[17]" that
// follow it ("... in 2014. [17] [18]").
func footnoteEnd(toks []Token, end int) int {
	for end+2 < len(toks) && toks[end].Text == "[" && allDigits(toks[end+1].Text) && toks[end+2].Text == "]" {
		end += 3
	}
	return end
}

// listMarker reports that the period at k closes the number of a list
// item at the start of a sentence ("1. The pricing ..."): the item's text
// follows in the same sentence, as in EWT and GUM.
func listMarker(toks []Token, start, k int) bool {
	return k-1 == start && len(toks[k-1].Text) <= 3 && allDigits(toks[k-1].Text)
}

// NumberAbbreviation reports a one-letter abbreviation before a number
// whose period ends no sentence: circa, born, died, married and page in
// encyclopedic text ("(c. 1818 – 1880)", "(b. 1950)", "p. 28").
func NumberAbbreviation(text, word string, after int) bool {
	switch word {
	case "c", "b", "d", "m", "p", "pp":
	default:
		return false
	}
	rest := strings.TrimLeft(text[after:], " ")
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func isTerminal(s string) bool { return s == "." || s == "!" || s == "?" }

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// saidSoon reports a verb of saying within the next few tokens, before
// any sentence punctuation.
func saidSoon(toks []Token, k int) bool {
	for i := k; i < len(toks) && i < k+6; i++ {
		switch toks[i].Lower {
		case "said", "says", "told", "added", "wrote", "asked", "explained":
			// "The president said the tariffs would ..." starts a report of
			// its own; the quote before it ended its sentence.
			if i+1 < len(toks) {
				switch toks[i+1].Lower {
				case "the", "a", "an", "that", "it", "he", "she", "they", "we", "this", "there", "his", "her", "their":
					return false
				}
				// "She said residents do not have ...": a plain word after
				// a verb of saying that takes no addressee opens what it
				// reports; an attribution ends or goes on with a
				// preposition, a time or an adverb ("she said on Monday",
				// "he said quietly").
				if n := toks[i+1]; toks[i].Lower != "told" && toks[i].Lower != "asked" && startsLower(n.Text) && !attributionFollower[n.Lower] && !strings.HasSuffix(n.Lower, "ly") {
					return false
				}
			}
			return true
		case ".", "!", "?", ",":
			return false
		}
	}
	return false
}

// attributionFollower are the lower-case words that may follow the verb of
// an attribution after a quotation ("... ,” she said on Monday").
var attributionFollower = map[string]bool{"on": true, "in": true, "at": true, "to": true, "during": true, "last": true,
	"this": true, "yesterday": true, "today": true, "tonight": true, "later": true, "earlier": true, "after": true,
	"before": true, "while": true, "when": true, "as": true, "of": true, "about": true, "with": true, "from": true,
	"via": true, "by": true, "again": true, "afterward": true, "afterwards": true, "then": true, "also": true,
	"recently": true, "too": true, "instead": true, "through": true, "over": true, "outside": true, "inside": true,
	"here": true, "there": true, "now": true, "once": true, "twice": true, "and": true, "but": true, "or": true,
	"according": true, "following": true, "amid": true, "despite": true, "adding": true, "noting": true, "saying": true}

// IsCloser reports a closing quote or bracket token.
func IsCloser(s string) bool {
	switch s {
	case "\"", "'", "\u201d", "\u2019", ")", "]":
		return true
	}
	return false
}

// IsOpener reports an opening quote or bracket token.
func IsOpener(s string) bool {
	switch s {
	case "\"", "'", "\u201c", "\u2018", "(", "[":
		return true
	}
	return false
}
