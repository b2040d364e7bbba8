package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/ner"
)

// truecase returns text and toks with every sentence written all in
// capitals ("TALIBAN FIGHTERS SEIZE KUNDUZ", a wire headline, a shouted
// tweet) rewritten in the case its words usually take, for the entity
// stages only: there every word looks like an acronym or a name to the
// lists and rules ("IS" is Islamic State, "WHO" the World Health
// Organization, "CAN" a town), and capitals tell the recogniser nothing. A
// word is written as the recogniser's word list (ner.Words, from edited
// text) says it is inside a sentence: in lower case when it is rarely
// capitalised ("is", "who", "fighters"), else capitalised ("Kunduz", and a
// word the list does not know); an all-capitals alias of the lexicons or
// the gazetteer stays in capitals ("NATO", "UN") unless edited text
// writes it in lower case as often as not ("US": "us"), and so do words with a digit or a period ("U.S.",
// "F-16"). The sentence's first word is capitalised, as in edited text.
// Byte offsets do not move: a word whose rewriting would change its
// length in bytes is left as it is. The sentences and the tokens' spans
// stay those of the text; the caller takes the entities' Text from the
// original text.
//
// Without the recogniser (Options.NoModel) there is no word list, and
// text and toks are returned as they are; so they are when no sentence is
// all in capitals.
func (x *Extractor) truecase(text string, toks []Token, sents []Sentence) (string, []Token) {
	if x.nerModel == nil || x.nerModel.Words == nil {
		return text, toks
	}
	var b []byte
	var out []Token
	for _, s := range sents {
		if !allCapitals(toks[s.First:s.Last]) {
			continue
		}
		if b == nil {
			b = []byte(text)
			out = slices.Clone(toks)
		}
		first := true
		for i := s.First; i < s.Last; i++ {
			t := toks[i]
			if text[t.Start:t.End] != t.Text {
				continue
			}
			w := x.truecaseWord(t.Text)
			if w == t.Text && !first {
				continue
			}
			if first && hasLetterRune(w) {
				first = false
				r, n := utf8.DecodeRuneInString(w)
				if u := unicode.ToUpper(r); utf8.RuneLen(u) == n {
					w = string(u) + w[n:]
				}
			}
			if len(w) != len(t.Text) {
				continue
			}
			copy(b[t.Start:t.End], w)
			out[i].Text = w
			r, _ := utf8.DecodeRuneInString(w)
			out[i].Cap = unicode.IsUpper(r)
		}
	}
	if b == nil {
		return text, toks
	}
	return string(b), out
}

// allCapitals reports whether a sentence has three words or more with a
// letter and no lower-case letter at all.
func allCapitals(toks []Token) bool {
	words := 0
	for _, t := range toks {
		if strings.IndexFunc(t.Text, unicode.IsLower) >= 0 {
			return false
		}
		if hasLetterRune(t.Text) {
			words++
		}
	}
	return words >= 3
}

// truecaseWord is the usual case of a word written in capitals (see
// truecase); the parts of a hyphenated word the word list does not know
// are read one by one ("AL-QAEDA" -> "Al-Qaeda").
func (x *Extractor) truecaseWord(w string) string {
	if !hasLetterRune(w) || strings.ContainsAny(w, ".0123456789") {
		return w
	}
	c := x.nerModel.Words.Case(w)
	if c == ner.CaseUnknown && strings.Contains(w, "-") {
		parts := strings.Split(w, "-")
		for i, p := range parts {
			parts[i] = x.truecaseWord(p)
		}
		return strings.Join(parts, "-")
	}
	if c == ner.CaseNever || c == ner.CaseRarely {
		return strings.ToLower(w)
	}
	// An alias stays in capitals unless edited text writes the word in
	// lower case as often as not ("US" and "us").
	if c != ner.CaseOften && x.capitalsAlias(w) {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(r) + strings.ToLower(w[n:])
}

// capitalsAlias reports whether the one word w is an all-capitals alias
// of the organizations lexicon or the gazetteer ("NATO", "UN", "US").
func (x *Extractor) capitalsAlias(w string) bool {
	key := foldLower(w)
	for _, c := range x.orgs.index[key] {
		if c.exact {
			return true
		}
	}
	for _, c := range x.places.index[key] {
		if c.exact {
			return true
		}
	}
	return false
}

func hasLetterRune(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
