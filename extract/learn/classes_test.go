package learn

import (
	"slices"
	"strings"
	"testing"
)

// WordClasses puts words used in the same contexts in one class at
// every size, words of different contexts apart at the finer, and gives the same classes
// twice.
func TestWordClasses(t *testing.T) {
	var text [][]string
	for range 5 {
		for _, d := range []string{"Monday", "Tuesday", "Friday"} {
			text = append(text, strings.Fields("On "+d+" we met ."))
		}
		for _, c := range []string{"Kabul", "Herat", "Kandahar"} {
			text = append(text, strings.Fields("Fighting in "+c+" they said ."))
		}
	}
	o := ClassOptions{MinCount: 2, Context: 10, Sizes: []int{4, 2}, Iterations: 5, Seed: 1}
	vocab, classes := WordClasses(text, o)
	v2, c2 := WordClasses(text, o)
	if !slices.Equal(vocab, v2) || !slices.Equal(classes[0], c2[0]) || !slices.Equal(classes[1], c2[1]) {
		t.Fatal("two runs gave different classes")
	}
	at := map[string]int{}
	for i, w := range vocab {
		at[w] = i
	}
	for k, cl := range classes {
		c := func(w string) int { return cl[at[w]] }
		if c("monday") != c("tuesday") || c("tuesday") != c("friday") || c("kabul") != c("herat") || c("herat") != c("kandahar") {
			t.Errorf("size %d: days %d %d %d, cities %d %d %d: want one class each", o.Sizes[k],
				c("monday"), c("tuesday"), c("friday"), c("kabul"), c("herat"), c("kandahar"))
		}
		if k == 0 && c("monday") == c("kabul") {
			t.Errorf("size %d: days and cities share class %d", o.Sizes[k], c("monday"))
		}
	}
}
