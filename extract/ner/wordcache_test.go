package ner

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/newsclaims/newsclaims/extract/tokens"
)

// On the VOA stories, with hints and document codes, one Tagger's scores
// (word cache and shape cache, across the cache's restarts) are those of
// every feature looked up, what training scores.
func TestTaggerWordCache(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := NewTagger(m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../../testdata/voa/stories.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	k := len(Labels)
	rng := uint64(3)
	sents := 0
	var sf sentFeats
	for sc.Scan() {
		var st struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			t.Fatal(err)
		}
		toks, ss := tokens.Tokenize(st.Text)
		words := make([]string, len(toks))
		hints := make([]uint32, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
			rng = rng*6364136223846793005 + 1442695040888963407
			if rng>>60 < 3 { // some words hinted, most not
				hints[i] = uint32(rng>>40) & (HintInside | 7 | HintGivenName | HintTitle | HintPlaceWord | HintOrgWord | HintSays)
			}
		}
		starts := make([]int, len(ss))
		for i, s := range ss {
			starts[i] = s.First
		}
		doc := DocCodes(words, starts, hints)
		for _, s := range ss {
			in := Input{Words: words[s.First:s.Last], Hints: hints[s.First:s.Last], Doc: doc[s.First:s.Last]}
			tg.Tag(in, nil)
			ws := prepareWords(nil, in, m.Words)
			sf.build(ws, true)
			want := make([]int32, len(ws)*rowsPerWord*k)
			m.Weights.AddRows(sf.feats, sf.rows, want)
			if !slices.Equal(tg.sc, want) {
				t.Fatalf("%q: cached scores differ from the looked-up ones", in.Words)
			}
			sents++
		}
	}
	if sents < 1000 {
		t.Fatalf("%d sentences", sents)
	}
}
