package syntax

import (
	"strings"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Most of the tagger's static templates read one word only: the word's
// own form and affixes, or one neighbour's form, affix, shape or classes.
// Their scores are a function of the word form and of where the word sits
// relative to the tagged word (its role), and news repeats its words, so
// the work memory keeps, per word form, its lex and the scores of its
// templates in each role (tagCache); a word of the sentence then costs
// five row additions instead of some twenty table lookups, each a cache
// miss. The scores are the same integer sums, so the tags are exactly
// those of tag (TestTagCacheExact).

// Roles of a word relative to the tagged word i: i itself, i-1, i-2, i+1,
// i+2.
const (
	roleSelf = iota
	roleP1
	roleP2
	roleN1
	roleN2
	nRoles
)

// tagRoleHashed appends the hashed templates that read only word l in
// role r.
func tagRoleHashed(f []uint64, l *lex, r int) []uint64 {
	switch r {
	case roleSelf:
		return append(f,
			learn.Feat(1, l.norm),
			learn.Feat(2, l.form),
			learn.Feat(3, l.suf[0]),
			learn.Feat(4, l.suf[1]),
			learn.Feat(5, l.suf[2]),
			learn.Feat(6, l.suf[3]),
			learn.Feat(7, l.pre[0]),
			learn.Feat(8, l.pre[1]),
		)
	case roleP1:
		return append(f, learn.Feat(13, l.norm), learn.Feat(14, l.suf[2]))
	case roleP2:
		return append(f, learn.Feat(15, l.norm))
	case roleN1:
		return append(f, learn.Feat(16, l.norm), learn.Feat(17, l.suf[2]), learn.Feat(22, l.shape))
	}
	return append(f, learn.Feat(18, l.norm))
}

// addRole adds the Fixed static templates that read only word l in role r.
func (fx *tagFixed) addRole(l *lex, r int, row []int32) {
	switch r {
	case roleSelf:
		fx.fine.Add(classIndex(l.fine, nFine), row)
		fx.coarse.Add(classIndex(l.coarse, nCoarse), row)
		fx.amb.Add(l.ambI, row)
	case roleP1:
		fx.p1fine.Add(classIndex(l.fine, nFine), row)
	case roleN1:
		fx.n1fine.Add(classIndex(l.fine, nFine), row)
		fx.n1amb.Add(l.ambI, row)
	case roleN2:
		fx.n2amb.Add(l.ambI, row)
	}
}

// tagPairHashed are the static hashed templates that read two words or
// the sentence position: tagStaticHashed less tagRoleHashed's.
func tagPairHashed(f []uint64, lx []lex, i int) []uint64 {
	w := &lx[i]
	p1, n1 := lexAt(lx, i-1), lexAt(lx, i+1)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(f,
		learn.Feat2(9, w.shape, first),
		learn.Feat2(19, p1.norm, w.norm),
		learn.Feat2(20, w.norm, n1.norm),
		learn.Feat2(25, w.suf[2], n1.suf[1]),
	)
}

// setPair sets row to the Fixed static templates of word i that addRole
// leaves out: the bias and flags (start), the pairs of classes.
func (fx *tagFixed) setPair(lx []lex, i int, row []int32) {
	w := &lx[i]
	n1 := lexAt(lx, i+1)
	first := 0
	if i == 0 {
		first = 1
	}
	const nc = nCoarse + 2
	copy(row, fx.start[int(w.flags)*2+first])
	fx.coarse2.Add(int(w.coarse)*nc+classIndex(n1.coarse, nCoarse), row)
	fx.amb2.Add(w.ambI*fx.na+n1.ambI, row)
}

// tagCacheMax is how many word forms a tagCache holds before it starts
// over: 2,048 forms of 5 rows of 107 classes are about 4.5 MB.
const tagCacheMax = 2048

// Entries 0 and 1 of a tagCache are lexAt's start and end marks.
const (
	entStart = 0
	entEnd   = 1
)

// tagCache is, per word form, its lex and its role rows: entry e's row of
// role r is rows[(e*nRoles+r)*nc:][:nc].
type tagCache struct {
	gen uint64 // Model.cacheGen it was filled under
	idx map[string]int32
	// lemmas are the lemmas found, by lemmaKey
	lemmas map[uint64]string
	lex    []lex
	rows   []int32
	// hits counts each entry's uses since it was added or last kept
	// (evict).
	hits []int32
	// entries from fill are new: their rows are summed on the next
	// fill (entries fill..len(lex)).
	fill  int
	feats []uint64
	frows []int32
}

// reset empties the cache, but for the start and end marks.
func (c *tagCache) reset(gen uint64) {
	c.gen = gen
	if c.idx == nil {
		c.idx = make(map[string]int32, tagCacheMax)
	}
	clear(c.idx)
	if c.lemmas == nil {
		c.lemmas = map[uint64]string{}
	}
	clear(c.lemmas)
	c.lex = append(c.lex[:0], startLex, endLex)
	c.hits = append(c.hits[:0], 0, 0)
	c.fill = 0
}

// evict makes room in a full cache by keeping only the entries used again
// since they were added or last kept, at most half the cache, instead of
// starting over: news repeats its common words ("the", "said", ",") in
// every article, and a cache that starts over sums their rows again each
// time, a third of its entries' work. An entry's rows and lemmas are
// functions of its form, so the kept ones are moved, not summed again.
// Entries whose rows are not summed yet (from fill on) are dropped.
// nc is the tagger's class count.
func (c *tagCache) evict(nc int) {
	if c.fill < 2 {
		c.reset(c.gen)
		return
	}
	at := make([]int32, c.fill) // each kept entry's new place, -1 dropped
	kept := int32(2)            // the start and end marks stay
	at[entStart], at[entEnd] = entStart, entEnd
	for e := 2; e < c.fill; e++ {
		at[e] = -1
		if c.hits[e] == 0 || kept >= tagCacheMax/2 {
			continue
		}
		at[e] = kept
		if int(kept) != e {
			c.lex[kept] = c.lex[e]
			b := nRoles * nc
			copy(c.rows[int(kept)*b:][:b], c.rows[e*b:][:b])
		}
		kept++
	}
	for form, e := range c.idx {
		if int(e) >= c.fill || at[e] < 0 {
			delete(c.idx, form)
		} else {
			c.idx[form] = at[e]
		}
	}
	lemmas := make(map[uint64]string, len(c.lemmas))
	for k, l := range c.lemmas {
		if e := int(k >> 32); e < c.fill && at[e] >= 0 {
			lemmas[lemmaKey(at[e], int(uint32(k)))] = l
		}
	}
	c.lemmas = lemmas
	c.lex, c.hits = c.lex[:kept], c.hits[:kept]
	clear(c.hits)
	c.rows = c.rows[:int(kept)*nRoles*nc]
	c.fill = int(kept)
}

// entry is form's entry, added (rows not yet summed) when new.
func (c *tagCache) entry(form string, lx *lexer) int32 {
	if e, ok := c.idx[form]; ok {
		c.hits[e]++
		return e
	}
	e := int32(len(c.lex))
	c.lex = append(c.lex, lx.word(form))
	c.hits = append(c.hits, 0)
	c.idx[strings.Clone(form)] = e // not a view of the caller's text
	return e
}

// sum sums the role rows of the entries added since the last sum.
func (c *tagCache) sum(m *learn.Model, fx *tagFixed) {
	if c.fill == len(c.lex) {
		return
	}
	nc := m.Classes()
	n := len(c.lex) * nRoles * nc
	if cap(c.rows) < n {
		rows := make([]int32, n, max(n, (tagCacheMax+2)*nRoles*nc)+256)
		copy(rows, c.rows)
		c.rows = rows
	}
	c.rows = c.rows[:n]
	from := c.fill * nRoles * nc
	clear(c.rows[from:])
	c.feats, c.frows = c.feats[:0], c.frows[:0]
	for e := c.fill; e < len(c.lex); e++ {
		l := &c.lex[e]
		for r := range nRoles {
			row := int32(e*nRoles + r)
			k := len(c.feats)
			c.feats = tagRoleHashed(c.feats, l, r)
			for range len(c.feats) - k {
				c.frows = append(c.frows, row)
			}
			fx.addRole(l, r, c.rows[int(row)*nc:][:nc])
		}
	}
	m.AddRows(c.feats, c.frows, c.rows)
	c.fill = len(c.lex)
}

// staticScores sets sc.static to what tagStaticScores gives for the
// words of entries ent (lx their lex), from the cache's rows.
func (c *tagCache) staticScores(m *learn.Model, fx *tagFixed, lx []lex, ent []int32, sc *tagScratch) {
	nc := m.Classes()
	n := len(lx)
	sc.static = growInt32(sc.static, n*nc)
	sc.feats, sc.rows = sc.feats[:0], sc.rows[:0]
	role := func(i, r int) []int32 {
		e := int32(entStart)
		switch {
		case i >= n:
			e = entEnd
		case i >= 0:
			e = ent[i]
		}
		return c.rows[(int(e)*nRoles+r)*nc:][:nc]
	}
	for i := range n {
		k := len(sc.feats)
		sc.feats = tagPairHashed(sc.feats, lx, i)
		for range len(sc.feats) - k {
			sc.rows = append(sc.rows, int32(i))
		}
		row := sc.static[i*nc:][:nc]
		fx.setPair(lx, i, row)
		self, p1, p2, n1, n2 := role(i, roleSelf), role(i-1, roleP1), role(i-2, roleP2), role(i+1, roleN1), role(i+2, roleN2)
		for k := range row {
			row[k] += self[k] + p1[k] + p2[k] + n1[k] + n2[k]
		}
	}
	m.AddRows(sc.feats, sc.rows, sc.static)
}
