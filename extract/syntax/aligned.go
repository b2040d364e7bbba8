package syntax

import (
	"fmt"
	"strings"
	"unicode"
)

// Aligned are the scores of a system's sentences against gold ones the
// way the CoNLL 2018 shared task scores them: both sides' word forms,
// white space removed, must spell the same characters; a word is aligned
// when a system word covers exactly its characters. Each figure is an F1
// over gold and system words (precision and recall differ only when the
// words do): UPOS needs an aligned word with the gold tag, UAS also a head
// whose word aligns with the gold head's (or both roots), LAS also the
// relation. ULAS is the shared task's LAS: relation subtypes ignored.
type Aligned struct {
	GoldWords, SysWords, AlignedWords int
	GoldSentences, SysSentences       int
	// SplitSentences counts gold sentences whose words the system put in
	// more than one sentence; JoinedSentences system sentences holding
	// words of more than one gold sentence.
	SplitSentences, JoinedSentences int
	Words, UPOS, XPOS, Lemma        float64
	UAS, LAS, ULAS                  float64
}

func (a Aligned) String() string {
	return fmt.Sprintf("gold words %d, system %d, aligned %d; sentences gold %d system %d (split %d, joined %d); F1: words %.4f UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f LAS-universal %.4f",
		a.GoldWords, a.SysWords, a.AlignedWords, a.GoldSentences, a.SysSentences, a.SplitSentences, a.JoinedSentences,
		a.Words, a.UPOS, a.XPOS, a.Lemma, a.UAS, a.LAS, a.ULAS)
}

// charWord is one word of a flattened side: its characters [start, end)
// in the white-space-free text, its sentence, and its head's index in the
// flattened words (-1 for the root).
type charWord struct {
	start, end int
	sent, head int
	w          *Word
}

func flatten(ss []Sentence) (text []rune, words []charWord) {
	for si := range ss {
		base := len(words)
		for wi := range ss[si].Words {
			w := &ss[si].Words[wi]
			start := len(text)
			for _, r := range w.Form {
				if !unicode.IsSpace(r) {
					text = append(text, r)
				}
			}
			h := -1
			if w.Head > 0 {
				h = base + w.Head - 1
			}
			words = append(words, charWord{start: start, end: len(text), sent: si, head: h, w: w})
		}
	}
	return text, words
}

// ScoreAligned scores sys against gold. It fails when the two sides do not
// spell the same characters (the shared task's scorer refuses such files),
// naming the first difference.
func ScoreAligned(gold, sys []Sentence) (Aligned, error) {
	gt, gw := flatten(gold)
	st, sw := flatten(sys)
	if string(gt) != string(st) {
		i := 0
		for i < len(gt) && i < len(st) && gt[i] == st[i] {
			i++
		}
		ctx := func(t []rune) string { return string(t[max(0, i-20):min(len(t), i+20)]) }
		return Aligned{}, fmt.Errorf("system text differs from gold at character %d (white space removed): gold %q, system %q", i, ctx(gt), ctx(st))
	}
	a := Aligned{GoldWords: len(gw), SysWords: len(sw), GoldSentences: len(gold), SysSentences: len(sys)}
	type key struct{ s, e int }
	sysAt := make(map[key]int, len(sw))
	for i, w := range sw {
		sysAt[key{w.start, w.end}] = i
	}
	// gold word -> aligned system word, or -1
	align := make([]int, len(gw))
	var upos, xpos, lemma, uas, las, ulas int
	for i, g := range gw {
		j, ok := sysAt[key{g.start, g.end}]
		if !ok || g.start == g.end {
			align[i] = -1
			continue
		}
		align[i] = j
	}
	universal := func(r string) string { u, _, _ := strings.Cut(r, ":"); return u }
	for i, g := range gw {
		j := align[i]
		if j < 0 {
			continue
		}
		a.AlignedWords++
		s := sw[j]
		if s.w.UPOS == g.w.UPOS {
			upos++
		}
		if s.w.XPOS == g.w.XPOS {
			xpos++
		}
		if s.w.Lemma == g.w.Lemma {
			lemma++
		}
		headOK := (g.head < 0 && s.head < 0) || (g.head >= 0 && s.head >= 0 && align[g.head] == s.head)
		if headOK {
			uas++
			if s.w.Rel == g.w.Rel {
				las++
			}
			if universal(s.w.Rel) == universal(g.w.Rel) {
				ulas++
			}
		}
	}
	// Sentence boundaries, over aligned words.
	sysSents := map[int]map[int]bool{} // gold sentence -> system sentences
	goldSents := map[int]map[int]bool{}
	for i, g := range gw {
		if j := align[i]; j >= 0 {
			s := sw[j].sent
			if sysSents[g.sent] == nil {
				sysSents[g.sent] = map[int]bool{}
			}
			sysSents[g.sent][s] = true
			if goldSents[s] == nil {
				goldSents[s] = map[int]bool{}
			}
			goldSents[s][g.sent] = true
		}
	}
	for _, m := range sysSents {
		if len(m) > 1 {
			a.SplitSentences++
		}
	}
	for _, m := range goldSents {
		if len(m) > 1 {
			a.JoinedSentences++
		}
	}
	f1 := func(c int) float64 {
		if len(gw)+len(sw) == 0 {
			return 0
		}
		return 2 * float64(c) / float64(len(gw)+len(sw))
	}
	a.Words, a.UPOS, a.XPOS, a.Lemma = f1(a.AlignedWords), f1(upos), f1(xpos), f1(lemma)
	a.UAS, a.LAS, a.ULAS = f1(uas), f1(las), f1(ulas)
	return a, nil
}
