package ner

import (
	"strings"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Most of a word's features read the word alone (its forms, shapes,
// affixes and classes, with the sentence's case class) or one neighbour's
// lower-case form; news repeats its words, so a Tagger keeps the scores of
// those features per word (wordCache) and a word seen before in the
// document costs a few row additions instead of some twenty-five table
// lookups. The scores are the same integer sums (TestTaggerShapeCache).

// The rows of a wordCache entry, k scores each: the word's own label-free
// features; its label-word feature after each state; the features of a
// neighbour that read it as the word before (1 and 2 back) or after.
const (
	wrSelf   = 0
	wrState  = 1 // .. wrState+nState-1
	wrPrev1  = wrState + nState
	wrPrev2  = wrPrev1 + 1
	wrNext1  = wrPrev1 + 2
	wrNext2  = wrPrev1 + 3
	nWordRow = wrPrev1 + 4
)

// Entries 0 and 1 are the marks before and after the sentence (their
// neighbour rows only).
const (
	weStart = 0
	weEnd   = 1
)

type wordKey struct {
	word  string
	flags uint64 // word.flags: the sentence's case class is in it
}

type wordCache struct {
	idx  map[wordKey]int32
	ws   []word // per entry
	rows []int32
	// hits counts each entry's uses since it was added or last kept
	// (evict).
	hits  []int32
	fill  int // entries from fill on have no rows yet
	feats []uint64
	frows []int32
}

// wordSelfFeatures are the label-free features of w that read w alone
// (features less what reads a neighbour, the sentence position, the
// part of speech, the document or the hints).
func wordSelfFeatures(f []uint64, w *word, words bool) []uint64 {
	f = append(f,
		learn.Feat(tBias, 0),
		learn.Feat(tWord, w.low),
		learn.Feat(tRaw, w.raw),
		learn.Feat(tShape, w.shape),
		learn.Feat(tShort, w.short),
		learn.Feat(tFlags, w.flags),
		learn.Feat2(tCase, w.flags>>8, w.short),
	)
	if words {
		f = append(f,
			learn.Feat(tClassFine, w.fine()),
			learn.Feat(tClassCoarse, w.coarse()),
			learn.Feat2(tClassShape, w.fine(), w.short),
			learn.Feat3(tWordCaseSent, w.wcase(), w.short, w.flags>>8),
		)
	}
	for k, p := range w.pre {
		if p != 0 {
			f = append(f, learn.Feat2(tPrefix, uint64(k), p))
		}
	}
	for k, s := range w.suf {
		if s != 0 {
			f = append(f, learn.Feat2(tSuffix, uint64(k), s))
		}
	}
	return f
}

// tokenFeatures are features less wordSelfFeatures and the neighbour
// templates of the wordCache rows.
func tokenFeatures(f []uint64, ws []word, i int, words bool) []uint64 {
	w := &ws[i]
	at := func(k int) *word {
		if k < 0 || k >= len(ws) {
			return nil
		}
		return &ws[k]
	}
	low := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.low
		}
		if k < 0 {
			return hStart
		}
		return hEnd
	}
	shape := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.shape
		}
		if k < 0 {
			return hStart
		}
		return hEnd
	}
	f = append(f,
		learn.Feat2(tShapePrev, w.shape, shape(i-1)),
		learn.Feat2(tShapeNext, w.shape, shape(i+1)),
		learn.Feat2(tPrevWord, low(i-1), w.low),
		learn.Feat2(tWordNext, w.low, low(i+1)),
		learn.Feat3(tShapeTrigram, shape(i-1), w.shape, shape(i+1)),
	)
	if i == 0 {
		f = append(f, learn.Feat(tFirstShape, w.shape))
	}
	if words {
		cp, cn := uint64(0xfff), uint64(0xffe)
		if x := at(i - 1); x != nil {
			cp = x.coarse()
		}
		if x := at(i + 1); x != nil {
			cn = x.coarse()
		}
		first := uint64(0)
		if i == 0 {
			first = 1
		}
		f = append(f,
			learn.Feat2(tClassPrev, cp, w.coarse()),
			learn.Feat2(tClassNext, w.coarse(), cn),
			learn.Feat2(tWordCase, w.wcase(), first),
			learn.Feat3(tWordCaseShape, w.wcase(), w.short, first),
			learn.Feat3(tWordCasePrev, w.wcase(), w.short, shape(i-1)),
		)
	}
	return contextFeatures(f, ws, i)
}

// contextFeatures are the part-of-speech, document and hint features of
// word i (the end of features).
func contextFeatures(f []uint64, ws []word, i int) []uint64 {
	w := &ws[i]
	at := func(k int) *word {
		if k < 0 || k >= len(ws) {
			return nil
		}
		return &ws[k]
	}
	if w.pos != 0 {
		pp, pn := hStart, hEnd
		if x := at(i - 1); x != nil {
			pp = x.pos
		}
		if x := at(i + 1); x != nil {
			pn = x.pos
		}
		f = append(f,
			learn.Feat(tPOS, w.pos),
			learn.Feat(tPOSPrev, pp),
			learn.Feat(tPOSNext, pn),
			learn.Feat2(tPOSPair, w.pos, pn),
		)
	}
	if w.doc != 0 && (w.doc-1)&DocSeen != 0 {
		d := w.doc - 1
		first := uint64(0)
		if i == 0 {
			first = 1
		}
		f = append(f,
			learn.Feat2(tDocCase, d&(DocCapital|DocLower|DocRunFirst|DocRunLater|DocSeen), w.short),
			learn.Feat3(tDocCaseFirst, d&(DocCapital|DocLower|DocSeen), first, w.short),
			learn.Feat(tDocHint, d&(DocHintPerson|DocHintPlace|DocHintOrg|DocHintDemonym)),
			learn.Feat2(tDocHintShape, d&(DocHintPerson|DocHintPlace|DocHintOrg|DocHintDemonym|DocRunFirst|DocRunLater), w.short),
		)
	}
	if w.hint != 0 {
		hp, hn := uint64(0), uint64(0)
		if x := at(i - 1); x != nil {
			hp = x.hint
		}
		if x := at(i + 1); x != nil {
			hn = x.hint
		}
		f = append(f,
			learn.Feat(tHint, w.hint),
			learn.Feat(tHintPrev, hp),
			learn.Feat(tHintNext, hn),
			learn.Feat2(tHintShape, w.hint, w.short),
		)
	}
	return f
}

// wordCacheMax is how many words a wordCache holds before it starts over
// (a Tagger kept for many documents): 4,096 words of 13 rows of 7
// scores are 1.5 MB.
const wordCacheMax = 4096

// prepare makes room for a sentence of n words: a cache that would
// outgrow wordCacheMax keeps the words used again (evict), or starts over
// if that is not room enough.
func (c *wordCache) prepare(n int) {
	full := func() bool { return len(c.ws)+n > wordCacheMax+2 }
	if c.idx != nil && !full() {
		return
	}
	if c.idx != nil && c.fill == len(c.ws) {
		if c.evict(); !full() {
			return
		}
	}
	if c.idx == nil {
		c.idx = map[wordKey]int32{}
	}
	clear(c.idx)
	c.ws = append(c.ws[:0], word{low: hStart}, word{low: hEnd})
	c.hits = append(c.hits[:0], 0, 0)
	c.fill = 0
}

// evict keeps the entries used again since they were added or last kept,
// at most half the cache, and drops the others: the words news repeats
// ("the", "said", ",") then keep their rows, which a cache that started
// over would sum again. A word's rows are a function of its entry, so the
// kept ones are moved, not summed again. Every entry's rows must be
// summed (fill == len(ws)).
func (c *wordCache) evict() {
	at := make([]int32, len(c.ws)) // each kept entry's new place, -1 dropped
	kept := int32(2)               // the start and end marks stay
	at[weStart], at[weEnd] = weStart, weEnd
	b := nWordRow * len(Labels)
	for e := 2; e < len(c.ws); e++ {
		at[e] = -1
		if c.hits[e] == 0 || kept >= wordCacheMax/2 {
			continue
		}
		at[e] = kept
		if int(kept) != e {
			c.ws[kept] = c.ws[e]
			copy(c.rows[int(kept)*b:][:b], c.rows[e*b:][:b])
		}
		kept++
	}
	for key, e := range c.idx {
		if at[e] < 0 {
			delete(c.idx, key)
		} else {
			c.idx[key] = at[e]
		}
	}
	c.ws, c.hits = c.ws[:kept], c.hits[:kept]
	clear(c.hits)
	c.rows = c.rows[:int(kept)*b]
	c.fill = int(kept)
}

// entry is the entry of word s (prepared as w), added without rows when
// new.
func (c *wordCache) entry(s string, w *word) int32 {
	key := wordKey{s, w.flags}
	if e, ok := c.idx[key]; ok {
		c.hits[e]++
		return e
	}
	e := int32(len(c.ws))
	c.ws = append(c.ws, *w)
	c.hits = append(c.hits, 0)
	key.word = strings.Clone(s) // not a view of the caller's text
	c.idx[key] = e
	return e
}

// sum sums the rows of the entries added since the last sum.
func (c *wordCache) sum(m *learn.Model, words bool) {
	if c.fill == len(c.ws) {
		return
	}
	k := len(Labels)
	n := len(c.ws) * nWordRow * k
	if cap(c.rows) < n {
		rows := make([]int32, n, 2*n+256)
		copy(rows, c.rows)
		c.rows = rows
	}
	c.rows = c.rows[:n]
	clear(c.rows[c.fill*nWordRow*k:])
	c.feats, c.frows = c.feats[:0], c.frows[:0]
	add := func(e, r int, fs ...uint64) {
		c.feats = append(c.feats, fs...)
		for range fs {
			c.frows = append(c.frows, int32(e*nWordRow+r))
		}
	}
	for e := c.fill; e < len(c.ws); e++ {
		w := &c.ws[e]
		if e >= 2 { // a word, not a mark
			k0 := len(c.feats)
			c.feats = wordSelfFeatures(c.feats, w, words)
			for range len(c.feats) - k0 {
				c.frows = append(c.frows, int32(e*nWordRow+wrSelf))
			}
			for st := range nState {
				add(e, wrState+st, learn.Feat2(tLabelWord, uint64(st), w.low))
			}
		}
		add(e, wrPrev1, learn.Feat(tPrev1, w.low))
		add(e, wrPrev2, learn.Feat(tPrev2, w.low))
		add(e, wrNext1, learn.Feat(tNext1, w.low))
		add(e, wrNext2, learn.Feat(tNext2, w.low))
	}
	m.AddRows(c.feats, c.frows, c.rows)
	c.fill = len(c.ws)
}

// row is row r of entry e.
func (c *wordCache) row(e int32, r int) []int32 {
	k := len(Labels)
	return c.rows[(int(e)*nWordRow+r)*k:][:k]
}
