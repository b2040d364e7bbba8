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
		fine: hStart, coarse: hStart, amb: hStart, ambI: 0}
	endLex = lex{norm: hEnd, form: hEnd, suf: [4]uint64{hEnd, hEnd, hEnd, hEnd}, pre: [2]uint64{hEnd, hEnd}, shape: hEnd,
		fine: hEnd, coarse: hEnd, amb: hEnd, ambI: 1}
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

// The templates of tagStaticFeats and tagHistFeats whose arguments take
// few values are looked up at inference by position in a learn.Fixed
// (tagFixed) instead of by hash: the bias, the flags, the word classes,
// the ambiguity classes (by their position in the word table's masks)
// and the tag history alone. tagStaticHashed and tagHistHashed are the
// other templates; together the two give every feature of tagFeats once
// (TestTagScoresExact checks the scores are equal).
const (
	nFine   = 512 // fine classes: bits 0-8 of a word table entry
	nCoarse = 64  // coarse classes: bits 9-14
)

// classIndex is the position of a word's class c (< n, or the start or
// end mark of lexAt) among the n+2 values of a Fixed template.
func classIndex(c uint64, n int) int {
	switch c {
	case hStart:
		return n
	case hEnd:
		return n + 1
	}
	return int(c)
}

// tagFixed are the tagger's Fixed templates.
type tagFixed struct {
	nt int // tag values of the history: classes + 1
	// start[flags*2+first] is the sum of templates 0 (the bias) and 23
	// (flags x first): a static row starts as a copy of it.
	start        [][]int32
	fine, coarse *learn.Fixed // 27, 28 (the word's)
	n1fine       *learn.Fixed // 30
	p1fine       *learn.Fixed // 33
	coarse2      *learn.Fixed // 38: the word's coarse x the next word's
	t1, t1t2     *learn.Fixed // 10, 11
	t1fine       *learn.Fixed // 41
	// the ambiguity classes, by lex.ambI: 29 (the word's), 31, 32 (the
	// next two words'), 34 (the word's x the next one's), 40 (t1 x the
	// word's)
	amb, n1amb, n2amb, amb2, t1amb *learn.Fixed
	na                             int // ambiguity values
}

func newTagFixed(m *learn.Model, words *wordTable) *tagFixed {
	nt := m.Classes() + 1
	tags := counting(nt)
	// the classes, then lexAt's start and end marks (classIndex)
	fine := append(counting(nFine), hStart, hEnd)
	coarse := append(counting(nCoarse), hStart, hEnd)
	ambs := append([]uint64{hStart, hEnd}, words.masks()...)
	bias, flags := fixedOne(m, 0, []uint64{0}), fixedTwo(m, 23, counting(16), counting(2))
	start := make([][]int32, flags.Len())
	for i := range start {
		start[i] = make([]int32, m.Classes())
		bias.Add(0, start[i])
		flags.Add(i, start[i])
	}
	return &tagFixed{
		start:   start,
		nt:      nt,
		fine:    fixedOne(m, 27, fine),
		coarse:  fixedOne(m, 28, coarse),
		n1fine:  fixedOne(m, 30, fine),
		p1fine:  fixedOne(m, 33, fine),
		coarse2: fixedTwo(m, 38, coarse, coarse),
		t1:      fixedOne(m, 10, tags),
		t1t2:    fixedTwo(m, 11, tags, tags),
		t1fine:  fixedTwo(m, 41, tags, fine),
		amb:     fixedOne(m, 29, ambs),
		n1amb:   fixedOne(m, 31, ambs),
		n2amb:   fixedOne(m, 32, ambs),
		amb2:    fixedTwo(m, 34, ambs, ambs),
		t1amb:   fixedTwo(m, 40, tags, ambs),
		na:      len(ambs),
	}
}

// addStatic sets row to the scores of the Fixed static templates of word
// i.
func (fx *tagFixed) addStatic(lx []lex, i int, row []int32) {
	w := &lx[i]
	p1, n1, n2 := lexAt(lx, i-1), lexAt(lx, i+1), lexAt(lx, i+2)
	first := 0
	if i == 0 {
		first = 1
	}
	const nc = nCoarse + 2
	copy(row, fx.start[int(w.flags)*2+first])
	fx.fine.Add(int(w.fine), row)
	fx.coarse.Add(int(w.coarse), row)
	fx.n1fine.Add(classIndex(n1.fine, nFine), row)
	fx.p1fine.Add(classIndex(p1.fine, nFine), row)
	fx.coarse2.Add(int(w.coarse)*nc+classIndex(n1.coarse, nCoarse), row)
	fx.amb.Add(w.ambI, row)
	fx.n1amb.Add(n1.ambI, row)
	fx.n2amb.Add(n2.ambI, row)
	fx.amb2.Add(w.ambI*fx.na+n1.ambI, row)
}

// addHist adds the Fixed history templates of word i into scores.
func (fx *tagFixed) addHist(lx []lex, i int, t1, t2 uint64, scores []int32) {
	fx.t1.Add(int(t1), scores)
	fx.t1t2.Add(int(t1)*fx.nt+int(t2), scores)
	fx.t1fine.Add(int(t1)*(nFine+2)+int(lx[i].fine), scores)
	fx.t1amb.Add(int(t1)*fx.na+lx[i].ambI, scores)
}

// tagStaticHashed is tagStaticFeats less the templates of addStatic.
func tagStaticHashed(f []uint64, lx []lex, i int) []uint64 {
	w := &lx[i]
	p1, p2 := lexAt(lx, i-1), lexAt(lx, i-2)
	n1, n2 := lexAt(lx, i+1), lexAt(lx, i+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(f,
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
		learn.Feat2(25, w.suf[2], n1.suf[1]),
	)
}

// tagHistHashed is tagHistFeats less the templates of addHist.
func tagHistHashed(f []uint64, lx []lex, i int, t1, t2 uint64) []uint64 {
	w := &lx[i]
	n1 := lexAt(lx, i+1)
	return append(f,
		learn.Feat2(12, t1, w.norm),
		learn.Feat2(21, t1, n1.norm),
		learn.Feat2(24, t2, w.norm),
		learn.Feat2(26, t1, w.suf[2]),
	)
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
		sc.scores = growInt32(nil, nclass)
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
// loads overlap), then each word adds only its tag-history features; the
// templates of few values are read from tagFixed. Scores are integer
// sums, so the tags are exactly tagSentence's.
func tag(m *learn.Model, fx *tagFixed, lx []lex, tags []int, sc *tagScratch) {
	tagStaticScores(m, fx, lx, sc)
	tagHistory(m, fx, lx, tags, sc)
}

// tagHistory is tag after the static scores (sc.static): each word adds
// its tag-history features, left to right.
func tagHistory(m *learn.Model, fx *tagFixed, lx []lex, tags []int, sc *tagScratch) {
	nc := m.Classes()
	if cap(sc.scores) < nc {
		sc.scores = growInt32(nil, nc)
	}
	scores := sc.scores[:nc]
	t1, t2 := uint64(0), uint64(0)
	for i := range lx {
		copy(scores, sc.static[i*nc:(i+1)*nc])
		tagHistScores(m, fx, lx, i, t1, t2, scores, sc)
		g := argmax(scores)
		tags[i] = g
		t2, t1 = t1, uint64(g+1)
	}
}

// tagStaticScores sets sc.static to the scores of each word's static
// features, a row of Classes() per word.
func tagStaticScores(m *learn.Model, fx *tagFixed, lx []lex, sc *tagScratch) {
	nc := m.Classes()
	sc.feats, sc.rows = sc.feats[:0], sc.rows[:0]
	for i := range lx {
		k := len(sc.feats)
		sc.feats = tagStaticHashed(sc.feats, lx, i)
		for range len(sc.feats) - k {
			sc.rows = append(sc.rows, int32(i))
		}
	}
	sc.static = growInt32(sc.static, len(lx)*nc)
	for i := range lx {
		fx.addStatic(lx, i, sc.static[i*nc:(i+1)*nc])
	}
	m.AddRows(sc.feats, sc.rows, sc.static)
}

// tagHistScores adds the scores of word i's history features into scores.
func tagHistScores(m *learn.Model, fx *tagFixed, lx []lex, i int, t1, t2 uint64, scores []int32, sc *tagScratch) {
	sc.feats = tagHistHashed(sc.feats[:0], lx, i, t1, t2)
	m.Add(sc.feats, scores)
	fx.addHist(lx, i, t1, t2, scores)
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+256)
	}
	return s[:n]
}
