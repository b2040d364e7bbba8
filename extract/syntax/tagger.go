package syntax

import "github.com/newsclaims/newsclaims/extract/learn"

// The tagger is greedy, left to right, one joint UPOS+XPOS label per word
// (Honnibal's 2013 design: the previous two predicted tags, the word, its
// affixes and shape, and two words either side), with the word table's
// distributional and ambiguity classes (words.go) of the word and its
// neighbours.

// tagFeatureSet is the version of tagFeats; bump it when a template
// changes so that old model files are refused.
// 2: the word table's classes (templates 27-41).
const tagFeatureSet = 2

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
	startLex = lex{norm: hStart, form: hStart, suf: [4]uint64{hStart, hStart, hStart, hStart}, pre: [2]uint64{hStart, hStart}, shape: hStart,
		fine: hStart, coarse: hStart, amb: hStart}
	endLex = lex{norm: hEnd, form: hEnd, suf: [4]uint64{hEnd, hEnd, hEnd, hEnd}, pre: [2]uint64{hEnd, hEnd}, shape: hEnd,
		fine: hEnd, coarse: hEnd, amb: hEnd}
)

// tagFeats appends the features of word i given the tags (label ids + 1,
// 0 = before the sentence) of the two words before it: the static ones,
// which read only the words, then the ones that read the tags. (The order
// of features in the list changes nothing: a model sums them.)
func tagFeats(f []uint64, lx []lex, i int, t1, t2 uint64) []uint64 {
	return tagHistFeats(tagStaticFeats(f, lx, i), lx, i, t1, t2)
}

// tagStaticFeats are the features of word i that do not read the
// predicted tags: at inference they are scored for the whole sentence in
// one batch.
func tagStaticFeats(f []uint64, lx []lex, i int) []uint64 {
	w := &lx[i]
	p1, p2 := lexAt(lx, i-1), lexAt(lx, i-2)
	n1, n2 := lexAt(lx, i+1), lexAt(lx, i+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f = append(f,
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
		learn.Feat(13, p1.norm),
		learn.Feat(14, p1.suf[2]),
		learn.Feat(15, p2.norm),
		learn.Feat(16, n1.norm),
		learn.Feat(17, n1.suf[2]),
		learn.Feat(18, n2.norm),
		learn.Feat2(19, p1.norm, w.norm),
		learn.Feat2(20, w.norm, n1.norm),
		learn.Feat(22, n1.shape),
		learn.Feat2(23, w.flags, first),
		learn.Feat2(25, w.suf[2], n1.suf[1]),
		// the word table: distributional classes of the word and its
		// neighbours, ambiguity classes of the word and the next two
		learn.Feat(27, w.fine),
		learn.Feat(28, w.coarse),
		learn.Feat(30, n1.fine),
		learn.Feat(33, p1.fine),
		learn.Feat2(38, w.coarse, n1.coarse),
		learn.Feat(29, w.amb),
		learn.Feat(31, n1.amb),
		learn.Feat(32, n2.amb),
		learn.Feat2(34, w.amb, n1.amb),
	)
	return f
}

// tagHistFeats are the features of word i that read the tags before it.
func tagHistFeats(f []uint64, lx []lex, i int, t1, t2 uint64) []uint64 {
	w := &lx[i]
	n1 := lexAt(lx, i+1)
	f = append(f,
		learn.Feat(10, t1),
		learn.Feat2(11, t1, t2),
		learn.Feat2(12, t1, w.norm),
		learn.Feat2(21, t1, n1.norm),
		learn.Feat2(24, t2, w.norm),
		learn.Feat2(26, t1, w.suf[2]),
		learn.Feat2(40, t1, w.amb),
		learn.Feat2(41, t1, w.fine),
	)
	return f
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
	rows   []int32
	static []int32 // per word, the scores of its static features
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

// tag is tagSentence for inference, faster with the same result: the
// static features of all words are scored in one batch (their memory
// loads overlap), then each word adds only its tag-history features.
// Scores are integer sums, so the tags are exactly tagSentence's.
func tag(m *learn.Model, lx []lex, tags []int, sc *tagScratch) {
	nc := m.Classes()
	sc.feats, sc.rows = sc.feats[:0], sc.rows[:0]
	for i := range lx {
		k := len(sc.feats)
		sc.feats = tagStaticFeats(sc.feats, lx, i)
		for range len(sc.feats) - k {
			sc.rows = append(sc.rows, int32(i))
		}
	}
	sc.static = growInt32(sc.static, len(lx)*nc)
	clear(sc.static)
	m.AddRows(sc.feats, sc.rows, sc.static)
	if cap(sc.scores) < nc {
		sc.scores = make([]int32, nc)
	}
	scores := sc.scores[:nc]
	t1, t2 := uint64(0), uint64(0)
	for i := range lx {
		copy(scores, sc.static[i*nc:(i+1)*nc])
		sc.feats = tagHistFeats(sc.feats[:0], lx, i, t1, t2)
		m.Add(sc.feats, scores)
		g := argmax(scores)
		tags[i] = g
		t2, t1 = t1, uint64(g+1)
	}
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
