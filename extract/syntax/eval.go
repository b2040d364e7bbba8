package syntax

import (
	"fmt"
	"strings"

	"github.com/newsclaims/newsclaims/extract/tokens"
)

// Scores are accuracies over words.
type Scores struct {
	Words                       int
	UPOS, XPOS, Lemma, UAS, LAS float64
	Rel                         map[string]float64 // LAS of the words whose gold relation is the key
	upos, xpos, lemma, uas, las int
}

// ScoredRels are the relations Evaluate reports on their own: the ones
// the claim rules read.
var ScoredRels = []string{"nsubj", "nsubj:pass", "obj", "obl", "appos"}

// Evaluate analyzes the gold words of each sentence and scores the result.
func Evaluate(m *Model, sents []Sentence) Scores {
	var sc Scores
	relN, relOK := map[string]int{}, map[string]int{}
	for _, s := range sents {
		words := make([]Word, len(s.Words))
		for j := range words {
			words[j].Form = s.Words[j].Form
		}
		m.Analyze(words)
		for j, g := range s.Words {
			p := words[j]
			sc.Words++
			relN[g.Rel]++
			if p.UPOS == g.UPOS {
				sc.upos++
			}
			if p.XPOS == g.XPOS {
				sc.xpos++
			}
			if p.Lemma == g.Lemma {
				sc.lemma++
			}
			if p.Head == g.Head {
				sc.uas++
				if p.Rel == g.Rel {
					sc.las++
					relOK[g.Rel]++
				}
			}
		}
	}
	sc.finish()
	sc.Rel = map[string]float64{}
	for _, r := range ScoredRels {
		sc.Rel[r] = ratio(relOK[r], relN[r])
	}
	return sc
}

func (sc *Scores) finish() {
	sc.UPOS, sc.XPOS, sc.Lemma = ratio(sc.upos, sc.Words), ratio(sc.xpos, sc.Words), ratio(sc.lemma, sc.Words)
	sc.UAS, sc.LAS = ratio(sc.uas, sc.Words), ratio(sc.las, sc.Words)
}

func (sc Scores) String() string {
	s := fmt.Sprintf("words %d  UPOS %.4f  XPOS %.4f  lemma %.4f  UAS %.4f  LAS %.4f", sc.Words, sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	for _, r := range ScoredRels {
		if v, ok := sc.Rel[r]; ok {
			s += fmt.Sprintf("  %s %.4f", r, v)
		}
	}
	return s
}

// GoldSpans places each gold word of s in s.Text by its form (words
// follow each other, white space between them skipped). ok is false when a
// form is not found where it should be.
func GoldSpans(s Sentence) (spans []tokens.Span, ok bool) {
	pos := 0
	for _, w := range s.Words {
		for pos < len(s.Text) && (s.Text[pos] == ' ' || s.Text[pos] == '\t' || s.Text[pos] == '\n') {
			pos++
		}
		if !strings.HasPrefix(s.Text[pos:], w.Form) {
			return nil, false
		}
		spans = append(spans, tokens.Span{Start: pos, End: pos + len(w.Form)})
		pos += len(w.Form)
	}
	return spans, true
}

// EvaluateText parses the raw text of each sentence (its "# text"),
// through the tokenizer and sentence splitter, and scores words aligned
// on characters: a gold word counts only if a predicted word has exactly
// its span, and its head only if the predicted head word is the gold
// head's word. Scores are over all gold words (sentences whose gold words
// cannot be placed in their text are skipped and counted in Skipped).
func EvaluateText(m *Model, sents []Sentence) (sc Scores, skipped int) {
	relN, relOK := map[string]int{}, map[string]int{}
	for _, s := range sents {
		spans, ok := GoldSpans(s)
		if !ok {
			skipped++
			continue
		}
		type pw struct {
			w    Word
			head tokens.Span // span of the head word, {-1,-1} for the root
		}
		pred := map[tokens.Span]pw{}
		for _, ps := range m.ParseText(s.Text) {
			for _, w := range ps.Words {
				h := tokens.Span{Start: -1, End: -1}
				if w.Head > 0 {
					h = ps.Words[w.Head-1].Span
				}
				pred[w.Span] = pw{w, h}
			}
		}
		for j, g := range s.Words {
			sc.Words++
			relN[g.Rel]++
			p, ok := pred[spans[j]]
			if !ok {
				continue
			}
			if p.w.UPOS == g.UPOS {
				sc.upos++
			}
			if p.w.XPOS == g.XPOS {
				sc.xpos++
			}
			if p.w.Lemma == g.Lemma {
				sc.lemma++
			}
			gh := tokens.Span{Start: -1, End: -1}
			if g.Head > 0 {
				gh = spans[g.Head-1]
			}
			if p.head == gh {
				sc.uas++
				if p.w.Rel == g.Rel {
					sc.las++
					relOK[g.Rel]++
				}
			}
		}
	}
	sc.finish()
	sc.Rel = map[string]float64{}
	for _, r := range ScoredRels {
		sc.Rel[r] = ratio(relOK[r], relN[r])
	}
	return sc, skipped
}
