package tokens

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one syntactic word the way UD English EWT segments text: the
// unit a tagger and a parser read. Text is always text[Start:End].
type Word struct {
	Text string
	Span
	// SpaceAfter is false when the next word follows with no white space
	// in between (CoNLL-U's SpaceAfter=No); true at the end of the text.
	SpaceAfter bool
	// Tok is the index (into the tokens Words was given) of the token
	// the word starts in.
	Tok int
}

// Words segments one sentence into UD words. Entities and claim rules
// read tokens; a parser reads words, which differ from tokens where EWT
// segments differently: clitics are split off ("do" "n't", "ca" "n't",
// "it" "'s", "I" "'m", possessive "Bush" "'s"), hyphenated compounds are
// split ("well" "-" "known") except after bound prefixes ("non-profit",
// "e-mail", "co-founder"), abbreviations keep their period ("Mr.", "U.S.",
// "a.m."), numbers keep their separators ("3,000", "3.5", "10:30"), URLs
// and e-mail addresses are one word, "cannot" is "can" "not".
//
// Words are built per run of touching tokens (no white space between
// them), so a word may regroup tokens of one run ("don" "'" "t" become
// "do" "n't") but never crosses white space or the sentence's ends.
func Words(text string, s Sentence, toks []Token) []Word { return WordsBuf(nil, text, s, toks) }

// WordsBuf is Words written into buf's array (from its start), grown when
// too short: a caller that segments sentence after sentence keeps one
// buffer. The result is valid until buf is used again.
func WordsBuf(buf []Word, text string, s Sentence, toks []Token) []Word {
	out := buf[:0]
	for k := s.First; k < s.Last; {
		j := k + 1
		for j < s.Last && toks[j].Start == toks[j-1].End {
			j++
		}
		out = appendRun(out, text, toks[k].Start, toks[j-1].End, s.End)
		k = j
	}
	out = splitIts(out)
	t := s.First
	for i := range out {
		w := &out[i]
		for t+1 < s.Last && toks[t].End <= w.Start {
			t++
		}
		w.Tok = t
		if w.End >= len(text) {
			w.SpaceAfter = true
		} else {
			r, _ := utf8.DecodeRuneInString(text[w.End:])
			w.SpaceAfter = unicode.IsSpace(r)
		}
	}
	return out
}

// splitIts splits "its" that stands for "it is" ("its a shame", "its not
// bad") into "it" "s", as EWT does: before an article, "not" or an
// adverb, which the possessive "its" is never followed by (measured on
// EWT train and dev: 75 "it s" to 289 possessives, whose next words are
// nouns and adjectives, never a preposition).
func splitIts(out []Word) []Word {
	for i := 0; i+1 < len(out); i++ {
		w := out[i]
		if len(w.Text) != 3 || !strings.EqualFold(w.Text, "its") || !itsIsNext[strings.ToLower(out[i+1].Text)] {
			continue
		}
		out = slices.Insert(out, i+1, Word{Text: w.Text[2:], Span: Span{Start: w.Start + 2, End: w.End}})
		out[i] = Word{Text: w.Text[:2], Span: Span{Start: w.Start, End: w.Start + 2}}
		i++
	}
	return out
}

var itsIsNext = map[string]bool{
	"a": true, "an": true, "the": true, "not": true, "really": true, "simply": true, "very": true,
	"so": true, "just": true, "still": true, "definitely": true, "also": true, "been": true,
	"too": true, "pretty": true, "quite": true, "always": true, "never": true, "probably": true,
	"actually": true, "getting": true, "going": true, "gonna": true, "like": true, "nothing": true,
	// a preposition, "now" or "all" right after it
	"in": true, "for": true, "from": true, "between": true, "at": true, "about": true, "with": true,
	"now": true, "all": true,
}

// appendRun appends the words of text[a:b], a run with no white space;
// sentEnd is the end of the sentence, where a final period is its own word.
func appendRun(out []Word, text string, a, b, sentEnd int) []Word {
	emit := func(s, e int) {
		if e > s {
			out = append(out, Word{Text: text[s:e], Span: Span{Start: s, End: e}})
		}
	}
	afterWord := false // the previous word of this run ended in a letter or digit
	// Only a run with '@' or '/' or "www." can hold a link; the test keeps
	// link scanning off ordinary runs.
	links := strings.ContainsAny(text[a:b], "@/") || strings.Contains(strings.ToLower(text[a:b]), "www.")
	p := a
	for p < b {
		r, w := utf8.DecodeRuneInString(text[p:b])
		switch {
		case afterWord && cliticAt(text[p:b]) > 0:
			n := cliticAt(text[p:b])
			emit(p, p+n)
			p += n
			afterWord = false
		case IsWordRune(r):
			if links {
				if q := linkEnd(text, p, b); q > p {
					emit(p, q)
					p = q
					afterWord = false
					continue
				}
			}
			q := scanUDWord(text, p, b, sentEnd)
			if k := fusedSplit(text[p:q]); k > 0 {
				emit(p, p+k)
				p += k
			}
			emit(p, q)
			p = q
			afterWord = true
		case emoticon(text[p:b]) > 0:
			n := emoticon(text[p:b])
			emit(p, p+n)
			p += n
			afterWord = false
		case r == '.' && !afterWord && extensionEnd(text, p+1, b) > 0:
			// a file type named by its extension: "the .doc file", "(.pdf)"
			q := extensionEnd(text, p+1, b)
			emit(p, q)
			p = q
			afterWord = true
		case isStop(r):
			// a run of stops is one word in EWT (".?", "?!", "!!!?"),
			// except that an ellipsis stays apart ("..." "?")
			q := p + w
			for q < b && text[q] == '.' && r == '.' {
				q++
			}
			if q-p < 3 {
				for q < b && isStop(rune(text[q])) {
					q++
				}
			}
			emit(p, q)
			p = q
			afterWord = false
		default:
			// punctuation and symbols: one word each, a run of the same
			// mark ("--", "**") one word; brackets are one word each ("))")
			q := p + w
			for q < b && !strings.ContainsRune("()[]{}", r) {
				r2, w2 := utf8.DecodeRuneInString(text[q:b])
				if r2 != r {
					break
				}
				q += w2
			}
			emit(p, q)
			p = q
			afterWord = false
		}
	}
	return out
}

// scanUDWord returns the end of the word that starts at p (a word rune).
func scanUDWord(text string, p, b, sentEnd int) int {
	j := p
	for j < b {
		r, w := utf8.DecodeRuneInString(text[j:b])
		if IsWordRune(r) {
			j += w
			continue
		}
		next, nw := rune(0), 0
		if j+w < b {
			next, nw = utf8.DecodeRuneInString(text[j+w : b])
		}
		prev, _ := utf8.DecodeLastRuneInString(text[p:j])
		switch {
		case r == '-' && IsWordRune(next) && keepHyphen(text[p:j], text[j+w:b], p > 0 && text[p-1] == '-'):
			j += w
			continue
		case (r == ',' || r == '.' || r == ':') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			// 3,000  3.5  10:30
			j += w
			continue
		case r == '.' && IsWordRune(next):
			// U.S  a.m  Ph.D  e.g: a dot inside a word
			j += w
			continue
		case r == '.' && takesPeriod(text[p:j], j+w, b, sentEnd, text):
			return j + w
		case r == '/' && unicode.IsDigit(prev) && unicode.IsDigit(next):
			// 08/15/2000, 24/7
			j += w
			continue
		case r == '_' && IsWordRune(prev) && IsWordRune(next):
			// file and user names: Lisa_resume.doc
			j += w
			continue
		case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
			// AT&T, S&P
			j += w
			continue
		case isApostrophe(r) && unicode.IsLetter(next):
			if cliticAt(text[j:b]) > 0 {
				return j
			}
			if (next == 't' || next == 'T') && (prev == 'n' || prev == 'N') && j-p > 1 && !letterAt(text, j+w+nw, b) {
				return j - 1 // do|n't, ca|n't
			}
			j += w // O'Brien, al-Rufay'i
			continue
		}
		break
	}
	return j
}

// cliticAt returns the length of a clitic at the start of s ("'s", "'re",
// "'ve", "'ll", "'d", "'m", "n't", with any apostrophe), or 0.
func cliticAt(s string) int {
	r, w := utf8.DecodeRuneInString(s)
	if r == 'n' || r == 'N' {
		r2, w2 := utf8.DecodeRuneInString(s[w:])
		if isApostrophe(r2) && len(s) > w+w2 && (s[w+w2] == 't' || s[w+w2] == 'T') && !letterAt(s, w+w2+1, len(s)) {
			return w + w2 + 1
		}
		return 0
	}
	if !isApostrophe(r) {
		return 0
	}
	rest := s[w:]
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if len(rest) >= len(c) && strings.EqualFold(rest[:len(c)], c) && !letterAt(rest, len(c), len(rest)) {
			return w + len(c)
		}
	}
	return 0
}

func letterAt(s string, i, b int) bool {
	if i >= b {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:b])
	return unicode.IsLetter(r)
}

// boundPrefixes keep their hyphen in EWT ("non-profit", "e-mail",
// "co-founder", "mid-August"); other hyphenated compounds are split.
// Measured on EWT train: these are kept in nearly all their uses, while
// "well-", "self-", "al-", "one-" and the like are split.
var boundPrefixes = map[string]bool{
	"e": true, "non": true, "mid": true, "pre": true, "anti": true, "re": true,
	"post": true, "co": true, "over": true, "pro": true, "multi": true, "ex": true,
	"semi": true, "cross": true, "neo": true, "psycho": true, "socio": true,
	"counter": true, "intra": true, "sub": true, "un": true,
}

// keepHyphen decides a hyphen between word (so far) and rest; midWord
// says the word itself follows a split hyphen ("Sar-e-Pul": "e" there is
// no prefix).
func keepHyphen(word, rest string, midWord bool) bool {
	seg := word
	if k := strings.LastIndexByte(seg, '-'); k >= 0 {
		seg = seg[k+1:]
	}
	if !midWord && seg == word && boundPrefixes[strings.ToLower(seg)] {
		return true
	}
	// telephone numbers stay whole (713-853-3989); ranges (1990-1995, 5-3) split
	if len(seg) == 3 && allDigits(seg) {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		return (n == 3 || n == 4) && (n == len(rest) || !IsWordRune(rune(rest[n])))
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// keepFinal are abbreviations that keep their period even at the end of
// a sentence ("Apple Inc."); others ("no.", "co.", "etc.": EWT has "etc"
// and "." in 29 of its 30 final uses) there are more often a word and
// the full stop.
var keepFinal = map[string]bool{"inc": true, "corp": true, "ltd": true, "jr": true, "sr": true}

// takesPeriod reports whether the period after word belongs to it: after
// an initialism with inner dots (U.S., a.m., Ph.D.), a known abbreviation
// (Mr., Gen., Jan.) or a single capital (John F. Kennedy). At the end of
// the sentence an initialism keeps it, as in EWT (one word "U.S.", no
// second period); a single capital does not ("plan B.").
func takesPeriod(word string, after, b, sentEnd int, text string) bool {
	if k := strings.LastIndexByte(word, '-'); k >= 0 {
		word = word[k+1:]
	}
	final := after >= sentEnd || onlyClosers(text[after:sentEnd])
	switch {
	case isDotted(word):
		return true
	case IsAbbreviation(strings.ToLower(word)):
		return !final || keepFinal[strings.ToLower(word)]
	case utf8.RuneCountInString(word) == 1 && startsUpper(word):
		return !final
	case NumberAbbreviation(text, word, after):
		return true
	}
	return false
}

// isDotted reports letters in groups of at most two separated by dots:
// "U.S", "a.m", "Ph.D", "D.C".
func isDotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		n := 0
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
	}
	return true
}

func onlyClosers(s string) bool {
	for _, r := range s {
		if !IsCloser(string(r)) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' }

// extensionEnd returns the end of 2 to 4 ASCII letters at text[p:b]
// followed by no word rune (a file extension after its dot), or 0.
func extensionEnd(text string, p, b int) int {
	q := p
	for q < b && q-p <= 4 && (text[q]|0x20 >= 'a' && text[q]|0x20 <= 'z') {
		q++
	}
	if q-p < 2 || q-p > 4 {
		return 0
	}
	if q < b {
		if r, _ := utf8.DecodeRuneInString(text[q:b]); IsWordRune(r) || r == '.' {
			return 0
		}
	}
	return q
}

// fusedSplit returns where a fused word splits in EWT ("can|not",
// "gon|na", "wan|na", "got|ta"), or 0. Contractions written without
// their apostrophe split too, as EWT splits them ("do|nt", "I|m",
// "that|s"), except the ones that are also words ("its", "ill", "id",
// "lets", "wed", "well", "were") and "Ive" with a capital (a name).
func fusedSplit(w string) int {
	low := strings.ToLower(w)
	switch low {
	case "cannot":
		return 3
	case "gonna", "wanna":
		return 3
	case "gotta":
		return 3
	case "im":
		return 1
	case "ive":
		if w == low {
			return 1
		}
	case "youre", "theyre", "youll", "theyll", "youve", "theyve", "weve", "itll":
		return len(low) - 2
	case "thats", "whats", "theres", "hes", "shes":
		return len(low) - 1
	}
	n := len(low)
	if n > 3 && strings.HasSuffix(low, "nt") && nakedNegation[low[:n-2]] {
		return n - 2
	}
	// a time and its a.m. or p.m. written together: "7:30PM", "5pm"
	if n > 2 && (strings.HasSuffix(low, "am") || strings.HasSuffix(low, "pm")) && low[0] >= '0' && low[0] <= '9' {
		for i := 0; i < n-2; i++ {
			if (low[i] < '0' || low[i] > '9') && low[i] != ':' {
				return 0
			}
		}
		return n - 2
	}
	return 0
}

// nakedNegation are the verbs EWT splits from "nt" in a negation written
// without its apostrophe ("dont", "wont", "didnt").
var nakedNegation = map[string]bool{
	"do": true, "does": true, "did": true, "wo": true, "ca": true, "could": true, "would": true,
	"should": true, "is": true, "was": true, "are": true, "were": true, "have": true, "has": true,
	"had": true, "ai": true, "must": true, "need": true,
}

// maxLink bounds a link's length, and so the cost of looking for one.
const maxLink = 500

// linkEnd returns the end of a URL or e-mail address starting at p, or p.
// Trailing punctuation is not part of it.
func linkEnd(text string, p, b int) int {
	s := text[p:b]
	low := strings.ToLower(s[:min(len(s), 8)])
	isURL := strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") || strings.HasPrefix(low, "www.")
	q := p
	at := -1
	for q < b && q-p < maxLink {
		r, w := utf8.DecodeRuneInString(text[q:b])
		if !(IsWordRune(r) || strings.ContainsRune(".-_+%@/:?=&#~", r)) {
			break
		}
		if r == '@' {
			at = q
		}
		q += w
	}
	for q > p && strings.ContainsRune(".,:;?!-", rune(text[q-1])) {
		q--
	}
	if isURL {
		return q
	}
	if at > p && strings.Contains(text[at:q], ".") && at+1 < q && IsWordRune(rune(text[at+1])) {
		return q
	}
	return p
}

// emoticon returns the length of a smiley at the start of s (":-)",
// ":)", ";)", ":(", ":-("), which EWT keeps as one word, or 0.
func emoticon(s string) int {
	for _, e := range [...]string{":-)", ":-(", ";-)", ":)", ":(", ";)"} {
		if strings.HasPrefix(s, e) && !letterAt(s, len(e), len(s)) {
			return len(e)
		}
	}
	return 0
}
