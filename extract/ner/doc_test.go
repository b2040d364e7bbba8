package ner

import (
	"strings"
	"testing"
)

// TestDocCodes: a word's code says what its other occurrences are (the
// capital of "Diana" inside a sentence, the run "Princess Diana", a rule
// person there), never what it is itself; a word seen once gets no
// DocSeen.
func TestDocCodes(t *testing.T) {
	s1 := strings.Fields("Diana spoke .")
	s2 := strings.Fields("They met Princess Diana in the park and the Park .")
	words := append(append([]string{}, s1...), s2...)
	starts := []int{0, len(s1)}
	hints := make([]uint32, len(words))
	hints[len(s1)+3] = HintPerson | HintInside // "Diana" of s2 inside a rule person
	codes := DocCodes(words, starts, hints)
	at := func(w string, k int) uint32 {
		n := 0
		for i, x := range words {
			if x == w {
				if n == k {
					return codes[i]
				}
				n++
			}
		}
		t.Fatalf("no %q #%d", w, k)
		return 0
	}
	if c, want := at("Diana", 0), uint32(DocSeen|DocCapital|DocRunLater|DocHintPerson); c != want {
		t.Errorf("first Diana: %b, want %b", c, want)
	}
	// The second "Diana" sees only the first: sentence-initial, no run.
	if c, want := at("Diana", 1), uint32(DocSeen); c != want {
		t.Errorf("second Diana: %b, want %b", c, want)
	}
	if c, want := at("park", 0), uint32(DocSeen|DocCapital); c != want {
		t.Errorf("park: %b, want %b", c, want)
	}
	if c, want := at("Park", 0), uint32(DocSeen|DocLower); c != want {
		t.Errorf("Park: %b, want %b", c, want)
	}
	if c := at("spoke", 0); c != 0 {
		t.Errorf("spoke (once): %b, want 0", c)
	}
	if c := at(".", 0); c != 0 {
		t.Errorf(". (no letter): %b, want 0", c)
	}
}
