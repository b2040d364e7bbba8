package extract

import (
	"testing"

	"github.com/newsclaims/newsclaims/extract/ner"
)

// TestListHints checks the hint map against the lists it is built from,
// read one by one as wordHint once did, for every word they hold and for
// words they do not.
func TestListHints(t *testing.T) {
	x := testExtractor(t)
	read := func(w string) uint32 {
		var h uint32
		if x.persons.given[w] {
			h |= ner.HintGivenName
		}
		if len(x.persons.titles[w]) > 0 || x.persons.honorifc[w] {
			h |= ner.HintTitle
		}
		if len(x.places.index[w]) > 0 {
			h |= ner.HintPlaceWord
		}
		if x.orgs.curatedFirst[w] || len(x.orgs.index[w]) > 0 {
			h |= ner.HintOrgWord
		}
		return h
	}
	words := []string{"", "the", "said", "xqzzy", "president", "mr", "kabul", "john"}
	for w := range x.persons.given {
		words = append(words, w)
	}
	for w := range x.persons.titles {
		words = append(words, w)
	}
	for w := range x.persons.honorifc {
		words = append(words, w)
	}
	for w := range x.places.index {
		words = append(words, w)
	}
	for w := range x.orgs.curatedFirst {
		words = append(words, w)
	}
	for w := range x.orgs.index {
		words = append(words, w)
	}
	for _, w := range words {
		if got, want := x.wordHint(w), read(w); got != want {
			t.Errorf("wordHint(%q) = %b, the lists say %b", w, got, want)
		}
	}
}
