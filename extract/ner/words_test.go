package ner

import (
	"bytes"
	"strings"
	"testing"
)

func wordsCorpus() [][]string {
	var ss [][]string
	for range 5 {
		for _, d := range []string{"Monday", "Tuesday", "Friday"} {
			ss = append(ss, strings.Fields("On "+d+" we met ."))
		}
		for _, c := range []string{"Kabul", "Herat", "Kandahar"} {
			ss = append(ss, strings.Fields("Fighting in "+c+" they said ."))
		}
	}
	return ss
}

var testWordOptions = WordOptions{MinCount: 2, Context: 10, Fine: 4, Coarse: 2, Iterations: 5, Seed: 1, MinCaseCounts: 3}

// TestBuildWords: words used in the same contexts share their classes,
// the case class says how a word is written inside sentences, the output
// is the same bytes twice, and it reads back.
func TestBuildWords(t *testing.T) {
	ss := wordsCorpus()
	data := BuildWords(ss, ss, testWordOptions)
	if again := BuildWords(ss, ss, testWordOptions); !bytes.Equal(data, again) {
		t.Fatal("BuildWords gave different bytes for the same input")
	}
	w, err := ReadWords(data, "test")
	if err != nil {
		t.Fatal(err)
	}
	get := func(s string) uint32 {
		ws := prepareWords(nil, Input{Words: []string{s}}, w)
		return ws[0].cls
	}
	if get("monday") == 0 || get("monday") != get("Tuesday") || get("Tuesday") != get("FRIDAY") {
		t.Errorf("days: %x %x %x, want one non-zero class", get("monday"), get("Tuesday"), get("FRIDAY"))
	}
	if get("Kabul") != get("Herat") || get("Herat") != get("Kandahar") {
		t.Errorf("cities: %x %x %x, want one class", get("Kabul"), get("Herat"), get("Kandahar"))
	}
	x := prepareWords(nil, Input{Words: []string{"Kabul", "met", "unseen"}}, w)
	if x[0].wcase() != 6 || x[1].wcase() != 2 || x[2].cls != 0 {
		t.Errorf("case classes: Kabul %d (want 5+1), met %d (want 1+1), unseen cls %x (want 0)", x[0].wcase(), x[1].wcase(), x[2].cls)
	}
	if w.Case("KABUL") != CaseAlways || w.Case("MET") != CaseNever || w.Case("unseen") != CaseUnknown {
		t.Errorf("Case: KABUL %d, MET %d, unseen %d; want %d, %d, %d", w.Case("KABUL"), w.Case("MET"), w.Case("unseen"), CaseAlways, CaseNever, CaseUnknown)
	}
}

func TestReadWordsErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"# other\n", "header"},
		{wordsHeader + "\nkabul\t1\t2\n", "3 fields, want 4"},
		{wordsHeader + "\nkabul\t1\tx\t2\n", "bad number"},
		{wordsHeader + "\nkabul\t1\t2\t99\n", "bad number"},
	} {
		if _, err := ReadWords([]byte(c.data), "f"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
}
