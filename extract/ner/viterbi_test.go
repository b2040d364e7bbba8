package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// pathTotal is the score of labels under sc (sentFeats' groups), or false
// when the sequence breaks the BIO constraint.
func pathTotal(sc []int32, labels []int) (int64, bool) {
	k := len(Labels)
	var s int64
	for i, c := range labels {
		p := -1
		if i > 0 {
			p = labels[i-1]
		}
		if !allowed(p, c) {
			return 0, false
		}
		s += int64(sc[i*rowsPerWord*k+c]) + int64(sc[(i*rowsPerWord+1+state(labels, i))*k+c])
	}
	return s, true
}

// TestViterbiBest: on random scores, decode finds a sequence as good as
// the best valid one of every sequence (brute force), and never an I-
// class that does not continue its kind.
func TestViterbiBest(t *testing.T) {
	k := len(Labels)
	var vt viterbi
	seed := uint64(1)
	rnd := func() int32 {
		seed = learn.String(string(rune(seed%1000))) ^ seed*6364136223846793005
		return int32(seed>>40%2001) - 1000
	}
	for trial := range 200 {
		n := 1 + trial%4
		sc := make([]int32, n*rowsPerWord*k)
		for i := range sc {
			sc[i] = rnd()
		}
		got := vt.decode(sc, n, nil, nil)
		gs, ok := pathTotal(sc, got)
		if !ok {
			t.Fatalf("trial %d: invalid sequence %v", trial, got)
		}
		best := int64(-1 << 62)
		seq := make([]int, n)
		var walk func(i int)
		walk = func(i int) {
			if i == n {
				if s, ok := pathTotal(sc, seq); ok && s > best {
					best = s
				}
				return
			}
			for c := range k {
				seq[i] = c
				walk(i + 1)
			}
		}
		walk(0)
		if gs != best {
			t.Fatalf("trial %d: decode %v scores %d, best valid sequence %d", trial, got, gs, best)
		}
	}
}

// TestViterbiNotGreedy: a first word that is weakly outside but strongly
// begins a mention the second word continues is labelled as a mention,
// which a greedy choice would miss.
func TestViterbiNotGreedy(t *testing.T) {
	k := len(Labels)
	sc := make([]int32, 2*rowsPerWord*k)
	sc[0] = 10                     // word 0: O by 10
	sc[5] = 9                      // word 0: B-organization by 9
	sc[rowsPerWord*k+6] = 0        // word 1: I-organization (label-free)
	sc[(rowsPerWord+1+6)*k+6] = 50 // after B-organization, I-organization by 50
	got := new(viterbi).decode(sc, 2, nil, nil)
	if got[0] != 5 || got[1] != 6 {
		t.Fatalf("got %v, want [5 6]", got)
	}
}

// TestTaggerShapeCache: the scores Tag sums from the word features and
// its cache of shape and hint scores are those of every label feature
// looked up (what training scores).
func TestTaggerShapeCache(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := NewTagger(m)
	if err != nil {
		t.Fatal(err)
	}
	k := len(Labels)
	for _, text := range []string{
		"Gen. Kenneth McKenzie visited Kabul on Monday , the Pentagon said .",
		"Kabul and Kabul again , said McKenzie of the Pentagon in Washington .",
		"the taliban took kunduz",
	} {
		words := strings.Fields(text)
		hints := make([]uint32, len(words))
		hints[0] = HintTitle
		in := Input{Words: words, Hints: hints}
		tg.Tag(in, nil)
		got := append([]int32(nil), tg.sc...)
		var sf sentFeats
		ws := prepareWords(nil, in, m.Words)
		sf.build(ws, true)
		want := make([]int32, len(ws)*rowsPerWord*k)
		m.Weights.AddRows(sf.feats, sf.rows, want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: cached scores differ from the looked-up ones", text)
		}
	}
}
