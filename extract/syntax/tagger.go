package syntax

import "github.com/newsclaims/newsclaims/extract/learn"

// The tagger is greedy, left to right, one joint UPOS+XPOS label per word
// (Honnibal's 2013 design: the previous two predicted tags, the word, its
// affixes and shape, and two words either side).

// tagFeatureSet is the version of tagFeats; bump it when a template
// changes so that old model files are refused.
const tagFeatureSet = 1

// scorer is learn.Trainer while training and learn.Model after.
type scorer interface {
	Scores(feats []uint64, scores []int32)
}

func lexAt(lx []lex, i int) *lex {
	if i < 0 {
		return &startLex
	}
	if i >= len(lx) {
		return &endLex
	}
	return &lx[i]
}

var (
	startLex = lex{norm: hStart, form: hStart, suf: [4]uint64{hStart, hStart, hStart, hStart}, pre: [2]uint64{hStart, hStart}, shape: hStart}
	endLex   = lex{norm: hEnd, form: hEnd, suf: [4]uint64{hEnd, hEnd, hEnd, hEnd}, pre: [2]uint64{hEnd, hEnd}, shape: hEnd}
)

// tagFeats appends the features of word i given the tags (label ids + 1,
// 0 = before the sentence) of the two words before it.
func tagFeats(f []uint64, lx []lex, i int, t1, t2 uint64) []uint64 {
	w := &lx[i]
	p1, p2 := lexAt(lx, i-1), lexAt(lx, i-2)
	n1, n2 := lexAt(lx, i+1), lexAt(lx, i+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(f,
		learn.Feat(0, 0),
		learn.Feat(1, w.norm),
		learn.Feat(2, w.form),
		learn.Feat(3, w.suf[0]),
		learn.Feat(4, w.suf[1]),
		learn.Feat(5, w.suf[2]),
		learn.Feat(6, w.suf[3]),
		learn.Feat(7, w.pre[0]),
		learn.Feat(8, w.pre[1]),
		learn.Feat2(9, w.shape, first),
		learn.Feat(10, t1),
		learn.Feat2(11, t1, t2),
		learn.Feat2(12, t1, w.norm),
		learn.Feat(13, p1.norm),
		learn.Feat(14, p1.suf[2]),
		learn.Feat(15, p2.norm),
		learn.Feat(16, n1.norm),
		learn.Feat(17, n1.suf[2]),
		learn.Feat(18, n2.norm),
		learn.Feat2(19, p1.norm, w.norm),
		learn.Feat2(20, w.norm, n1.norm),
		learn.Feat2(21, t1, n1.norm),
		learn.Feat(22, n1.shape),
		learn.Feat2(23, w.flags, first),
		learn.Feat2(24, t2, w.norm),
		learn.Feat2(25, w.suf[2], n1.suf[1]),
		learn.Feat2(26, t1, w.suf[2]),
	)
}

func argmax(s []int32) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}

// tagScratch is per-call working memory.
type tagScratch struct {
	feats  []uint64
	scores []int32
}

// tagSentence writes the label id of each word into tags. With tr != nil
// it also trains on gold (the history is the predicted tags, as at
// inference).
func tagSentence(m scorer, nclass int, lx []lex, tags []int, sc *tagScratch, tr *learn.Trainer, gold []int) {
	if cap(sc.scores) < nclass {
		sc.scores = make([]int32, nclass)
	}
	scores := sc.scores[:nclass]
	t1, t2 := uint64(0), uint64(0)
	for i := range lx {
		sc.feats = tagFeats(sc.feats[:0], lx, i, t1, t2)
		m.Scores(sc.feats, scores)
		g := argmax(scores)
		if tr != nil {
			tr.Update(sc.feats, gold[i], g)
		}
		tags[i] = g
		t2, t1 = t1, uint64(g+1)
	}
}
