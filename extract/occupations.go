package extract

import (
	"embed"
	"fmt"
	"strings"
)

// readOccupations reads the lemmas of the generated occupation list
// (extract/lexicon/gen/occupations): one "lemma<TAB>counts..." line each,
// "#" lines being its credit and header.
func readOccupations(fsys embed.FS, name string) ([]string, error) {
	b, err := fsys.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var out []string
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lemma, _, ok := strings.Cut(line, "\t")
		if !ok || lemma == "" || lemma != strings.ToLower(lemma) {
			return nil, fmt.Errorf("%s:%d: want a lower-case lemma and its counts, got %q", name, n+1, line)
		}
		out = append(out, lemma)
	}
	return out, nil
}

// agentSuffixes mark a noun that names who does something: "consultant",
// "publisher", "inspector", "Sinologist", "beautician". GUM is too small
// to list every occupation, and an apposition's head ("X, a 41-year-old
// beautician from Y") is a person noun far more often than not, so there
// the suffix is enough; before a name the longer, rarer ones only.
var agentSuffixes = []string{"er", "or", "ist", "ian", "ant", "ent", "eer"}

// strongAgentSuffixes name persons with few exceptions even out of an
// apposition ("-ologist" and "-ician" among them); "-ant" is not one
// ("ascendant Pete Buttigieg").
var strongAgentSuffixes = []string{"grapher", "ist", "ian", "eer"}

// occupation reports whether the lower-case word w names what a person
// is or does, as the head of a title phrase no title lexicon entry
// matches. strong asks for the stricter test of a word right before a
// name, where "number Donald" or "order Trump" must not become titles.
func (p *PersonFinder) occupation(w string, strong bool) bool {
	if p.occup[w] {
		return true
	}
	if p.notOccup[w] || titleStopWords[w] || len(w) < 6 || !isAlphaWord(w) {
		return false
	}
	// "-ment" names a thing or a body, never its agent: "government",
	// "department", "parliament" are not the "-ent" of "student".
	if strings.HasSuffix(w, "ment") {
		return false
	}
	suf := agentSuffixes
	if strong {
		suf = strongAgentSuffixes
	}
	for _, s := range suf {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// isAlphaWord reports a word of ASCII letters and inner hyphens only.
func isAlphaWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c == '-' && i > 0 && i < len(w)-1) {
			return false
		}
	}
	return true
}

// occupationEnd reports whether token k ends a title phrase: the end of
// its sentence, punctuation, or a word that opens what follows the title
// ("of Y", "with InterDots", "from Zimbabwe", "who ...", "and ...").
func occupationEnd(toks []Token, k int) bool {
	next, ok := nextInSentence(toks, k)
	if !ok {
		return true
	}
	switch next {
	case ",", ".", ";", ":", ")", "(", "-", "--", "—", "–", "who", "whose", "and", "based", "said", "says", "told",
		"of", "with", "at", "for", "from", "in", "near", "on", "to", "by", "since", "after", "before", "during",
		"outside", "inside", "across", "around", "within", "between", "among", "against", "over", "under":
		return true
	}
	return false
}

// occupationComplement reports whether a preposition that opens the
// complement of a title follows token k: "professor of history",
// "consultant with InterDots".
func occupationComplement(toks []Token, k int) bool {
	next, _ := nextInSentence(toks, k)
	switch next {
	case "of", "at", "for", "with":
		return true
	}
	return false
}

// nextInSentence returns the folded token after k when it is in k's
// sentence.
func nextInSentence(toks []Token, k int) (string, bool) {
	if k+1 >= len(toks) || toks[k+1].Sent != toks[k].Sent {
		return "", false
	}
	return toks[k+1].Lower, true
}
