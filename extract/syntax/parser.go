package syntax

import "github.com/newsclaims/newsclaims/extract/learn"

// The parser is greedy arc-eager (Nivre 2003) with labelled arcs, trained
// with Goldberg and Nivre's (2012) dynamic oracle, on Zhang and Nivre's
// (2011) rich non-local features (distance, valency, label sets, second
// order children and grandparents).
//
// Two classifiers: the action model chooses among four actions (shift,
// reduce, left-arc, right-arc), and the relation model labels each arc as
// it is made, from the head, the dependent and their children so far. A
// joint model over 2+2x51 labelled actions was as accurate within a few
// tenths of a point but summed about six times more weights per word (every
// tag-only feature carries a weight for nearly every labelled action), and
// the parser is memory-bound.
//
// The root (node 0) sits at the bottom of the stack and takes exactly one
// dependent, with relation "root"; words left without a head at the end
// hang from that dependent, so every parse is a tree with one root, on
// sentences of any length.

// parseFeatureSet is the version of the action model's templates; bump it
// when one changes so that old model files are refused.
// 3: the ambiguity classes of s0, n0 and n1 (templates 74-81), so the
// parser sees which tags a word can take, not only the one the tagger
// gave it (most of the LAS short of gold tags is the tagger's errors);
// the tags of s2 and n3 (82-85).
const parseFeatureSet = 3

const (
	actShift  = 0
	actReduce = 1
	actLeft   = 2
	actRight  = 3
	nActions  = 4
)

var actionNames = []string{"shift", "reduce", "left", "right"}

// pstate is the parser configuration over nodes 0 (root) .. n.
type pstate struct {
	n       int
	stack   []int
	b       int // next buffer node; the buffer is b..n
	head    []int
	rel     []int
	ld, ld2 []int // leftmost and second leftmost children (-1 none)
	rd, rd2 []int // rightmost and second rightmost
	nl, nr  []int
	lset    []uint64 // bit sets of the relations of left / right children
	rset    []uint64
	onStack []bool
	rootDep int // the root's dependent, 0 while none
	// per node: hashed word and tag (0 root); tag ids are +2, 1 = root
	wh []uint64
	tg []uint64
	// per node: the ambiguity class (the word table's UPOS mask, as the
	// tagger reads it; hRoot for the root) and, at inference, its
	// position among parFixed's ambiguity values (ambValues)
	am []uint64
	ai []int
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func (st *pstate) reset(n int) {
	st.n = n
	m := n + 1
	st.head, st.rel = growInts(st.head, m), growInts(st.rel, m)
	st.ld, st.ld2, st.rd, st.rd2 = growInts(st.ld, m), growInts(st.ld2, m), growInts(st.rd, m), growInts(st.rd2, m)
	st.nl, st.nr = growInts(st.nl, m), growInts(st.nr, m)
	if cap(st.lset) < m {
		st.lset, st.rset = make([]uint64, m), make([]uint64, m)
		st.onStack = make([]bool, m)
		st.wh, st.tg = make([]uint64, m), make([]uint64, m)
		st.am, st.ai = make([]uint64, m), make([]int, m)
	}
	st.lset, st.rset, st.onStack = st.lset[:m], st.rset[:m], st.onStack[:m]
	st.wh, st.tg, st.am, st.ai = st.wh[:m], st.tg[:m], st.am[:m], st.ai[:m]
	for i := range m {
		st.head[i], st.rel[i] = -1, -1
		st.ld[i], st.ld2[i], st.rd[i], st.rd2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
		st.onStack[i] = false
	}
	st.stack = append(st.stack[:0], 0)
	st.onStack[0] = true
	st.b = 1
	st.rootDep = 0
	st.wh[0], st.tg[0], st.am[0], st.ai[0] = hRoot, 1, hRoot, 1
}

func (st *pstate) done() bool { return st.b > st.n }

func (st *pstate) s0() int { return st.stack[len(st.stack)-1] }

// valid reports whether action type a (shift, reduce, left, right; label
// ignored) is allowed.
func (st *pstate) validShift() bool { return st.b <= st.n }
func (st *pstate) validReduce() bool {
	s := st.s0()
	return s != 0 && st.head[s] >= 0
}
func (st *pstate) validLeft() bool {
	s := st.s0()
	return st.b <= st.n && s != 0 && st.head[s] < 0
}
func (st *pstate) validRight() bool {
	return st.b <= st.n && (st.s0() != 0 || st.rootDep == 0)
}

// apply performs action a; l is the relation of the arc it makes.
func (st *pstate) apply(a, l int) {
	switch a {
	case actShift:
		st.stack = append(st.stack, st.b)
		st.onStack[st.b] = true
		st.b++
	case actReduce:
		s := st.s0()
		st.stack = st.stack[:len(st.stack)-1]
		st.onStack[s] = false
	case actLeft:
		s, h := st.s0(), st.b
		st.stack = st.stack[:len(st.stack)-1]
		st.onStack[s] = false
		st.head[s], st.rel[s] = h, l
		st.ld2[h], st.ld[h] = st.ld[h], s
		st.nl[h]++
		st.lset[h] |= 1 << uint(l%64)
	default: // right
		h, d := st.s0(), st.b
		if h == 0 {
			st.rootDep = d
		}
		st.head[d], st.rel[d] = h, l
		st.rd2[h], st.rd[h] = st.rd[h], d
		st.nr[h]++
		st.rset[h] |= 1 << uint(l%64)
		st.stack = append(st.stack, d)
		st.onStack[d] = true
		st.b++
	}
}

// finish gives every headless word a head: the first becomes the root's
// dependent if there is none, the others hang from it.
func (st *pstate) finish(rootRel, depRel, punctRel int, isPunct func(int) bool) {
	for i := 1; i <= st.n; i++ {
		if st.head[i] >= 0 {
			continue
		}
		if st.rootDep == 0 {
			st.rootDep = i
			st.head[i], st.rel[i] = 0, rootRel
			continue
		}
		st.head[i] = st.rootDep
		if isPunct(i) {
			st.rel[i] = punctRel
		} else {
			st.rel[i] = depRel
		}
	}
}

// node is the hashed word, the tag id and the relation id + 1 of node x
// (none: hNone, 0, 0).
func (st *pstate) node(x int) (w, t, l uint64) {
	if x < 0 {
		return hNone, 0, 0
	}
	return st.wh[x], st.tg[x], uint64(st.rel[x] + 1)
}

// amb is node x's ambiguity class (hNone for no node) and its position
// among ambValues.
func (st *pstate) amb(x int) uint64 {
	if x < 0 {
		return hNone
	}
	return st.am[x]
}

func (st *pstate) ambAt(x int) int {
	if x < 0 {
		return 0
	}
	return st.ai[x]
}

// ambValues are the ambiguity classes a node can have at inference, in
// the order of pstate.ai: no node, the root, then the word table's masks
// (so a word's position is its lex.ambI). Training reads the jackknifed
// classes of the training sentences by hash, which may be masks the table
// lacks; inference only ever sees the table's.
func ambValues(t *wordTable) []uint64 {
	return append([]uint64{hNone, hRoot}, t.masks()...)
}

func (st *pstate) tagOf(x int) uint64 {
	_, t, _ := st.node(x)
	return t
}

func at(s []int, x int) int {
	if x < 0 {
		return -1
	}
	return s[x]
}

// pnodes are the nodes a configuration's templates read (-1 none).
type pnodes struct {
	s0, n0, n1, n2, s1, s0h, s0h2   int
	s2, n3                          int // the third word of the stack, the fourth of the buffer
	s0l, s0l2, s0r, s0r2, n0l, n0l2 int
}

func (st *pstate) nodes() pnodes {
	var p pnodes
	p.s0 = st.s0()
	p.n0, p.n1, p.n2 = -1, -1, -1
	if st.b <= st.n {
		p.n0 = st.b
	}
	if st.b+1 <= st.n {
		p.n1 = st.b + 1
	}
	if st.b+2 <= st.n {
		p.n2 = st.b + 2
	}
	p.s1, p.s2, p.n3 = -1, -1, -1
	if len(st.stack) > 1 {
		p.s1 = st.stack[len(st.stack)-2]
	}
	if len(st.stack) > 2 {
		p.s2 = st.stack[len(st.stack)-3]
	}
	if st.b+3 <= st.n {
		p.n3 = st.b + 3
	}
	p.s0h = st.head[p.s0]
	p.s0h2 = at(st.head, p.s0h)
	p.s0l, p.s0l2, p.s0r, p.s0r2 = st.ld[p.s0], st.ld2[p.s0], st.rd[p.s0], st.rd2[p.s0]
	p.n0l, p.n0l2 = at(st.ld, p.n0), at(st.ld2, p.n0)
	return p
}

// The action model's templates fall in groups by what they read, so that
// inference sums most of them once per word instead of once per
// configuration (actionScores):
//
//   - s0Feats read s0 and what is fixed while s0 is on the stack: the
//     word below it, its head and grandparent (a word on the stack gets
//     its head only as it is popped by left-arc), its left children (they
//     come while it is the first buffer word) and its relation;
//   - n0Feats read the buffer's first three words;
//   - childFeats read one right child of s0 or left child of n0 (a
//     child's relation is fixed once it is made);
//   - crossFeats read s0 with n0, distance, s0's right side or n0's left
//     side, which change with the arcs: once per configuration.
func (st *pstate) s0Feats(f []uint64, p *pnodes) []uint64 {
	s0 := p.s0
	s0w, s0p, s0lab := st.node(s0)
	s1w, s1p, _ := st.node(p.s1)
	s0hw, s0hp, _ := st.node(p.s0h)
	s0h2w, s0h2p, _ := st.node(p.s0h2)
	s0lw, s0lp, s0ll := st.node(p.s0l)
	s0l2w, s0l2p, s0l2l := st.node(p.s0l2)
	s0vl, s0sl := uint64(st.nl[s0]), st.lset[s0]
	return append(f,
		learn.Feat(0, 0),
		learn.Feat(1, s0w^s0p*0x9E3779B97F4A7C15), learn.Feat(2, s0w), learn.Feat(3, s0p),
		learn.Feat2(34, s0w, s0vl), learn.Feat2(35, s0p, s0vl),
		learn.Feat(38, s0hw), learn.Feat(39, s0hp), learn.Feat(40, s0lab),
		learn.Feat(41, s0lw), learn.Feat(42, s0lp), learn.Feat(43, s0ll),
		learn.Feat(50, s0h2w), learn.Feat(51, s0h2p),
		learn.Feat(52, s0l2w), learn.Feat(53, s0l2p), learn.Feat(54, s0l2l),
		learn.Feat3(61, s0p, s0lp, s0l2p), learn.Feat3(63, s0p, s0hp, s0h2p),
		learn.Feat2(67, s0w, s0sl), learn.Feat2(68, s0p, s0sl),
		learn.Feat(71, s1p), learn.Feat2(72, s1w, s1p),
		learn.Feat(74, st.amb(s0)), learn.Feat2(80, s0p, st.amb(s0)),
		learn.Feat(82, st.tagOf(p.s2)), learn.Feat3(83, st.tagOf(p.s2), s1p, s0p),
	)
}

func (st *pstate) n0Feats(f []uint64, p *pnodes) []uint64 {
	n0w, n0p, _ := st.node(p.n0)
	n1w, n1p, _ := st.node(p.n1)
	n2w, n2p, _ := st.node(p.n2)
	return append(f,
		learn.Feat(4, n0w^n0p*0x9E3779B97F4A7C15), learn.Feat(5, n0w), learn.Feat(6, n0p),
		learn.Feat(7, n1w^n1p*0x9E3779B97F4A7C15), learn.Feat(8, n1w), learn.Feat(9, n1p),
		learn.Feat(10, n2w), learn.Feat(11, n2p),
		learn.Feat2(19, n0p, n1p), learn.Feat3(20, n0p, n1p, n2p),
		learn.Feat(75, st.amb(p.n0)), learn.Feat(76, st.amb(p.n1)), learn.Feat2(81, n0p, st.amb(p.n0)),
		learn.Feat(84, st.tagOf(p.n3)), learn.Feat3(85, n1p, n2p, st.tagOf(p.n3)),
	)
}

// Child roles: s0's two rightmost children, n0's two leftmost.
const (
	childS0r = iota
	childS0r2
	childN0l
	childN0l2
	nChildRoles
)

// childTmpl is each child role's word template; its tag and relation
// templates are the next two.
var childTmpl = [nChildRoles]uint32{44, 55, 47, 58}

func (p *pnodes) child(r int) int {
	switch r {
	case childS0r:
		return p.s0r
	case childS0r2:
		return p.s0r2
	case childN0l:
		return p.n0l
	}
	return p.n0l2
}

func (st *pstate) childFeats(f []uint64, r, x int) []uint64 {
	w, p, l := st.node(x)
	t := childTmpl[r]
	return append(f, learn.Feat(t, w), learn.Feat(t+1, p), learn.Feat(t+2, l))
}

// feats are all the action model's features of the configuration: what
// training scores. At inference actionScores sums the same features from
// the sentence's caches.
func (st *pstate) feats(f []uint64) []uint64 {
	p := st.nodes()
	f = st.s0Feats(f, &p)
	f = st.n0Feats(f, &p)
	for r := range nChildRoles {
		f = st.childFeats(f, r, p.child(r))
	}
	return st.crossFeats(f, &p)
}

// crossCtx holds what the cross templates read of a configuration: s0's
// and n0's words and tags, the tags around them, their distance, valencies
// and child label sets.
type crossCtx struct {
	s0w, s0p, n0w, n0p, n1p, s1p, s0hp, s0lp, s0rp, s0r2p, n0lp, n0l2p uint64
	d, s0vr, n0vl, s0sr, n0sl, s0wp, n0wp                              uint64
}

func (st *pstate) crossContext(p *pnodes) crossCtx {
	s0, n0 := p.s0, p.n0
	s0w, s0p, _ := st.node(s0)
	n0w, n0p, _ := st.node(n0)
	_, n1p, _ := st.node(p.n1)
	_, s1p, _ := st.node(p.s1)
	_, s0hp, _ := st.node(p.s0h)
	_, s0lp, _ := st.node(p.s0l)
	_, s0rp, _ := st.node(p.s0r)
	_, s0r2p, _ := st.node(p.s0r2)
	_, n0lp, _ := st.node(p.n0l)
	_, n0l2p, _ := st.node(p.n0l2)
	d := uint64(0)
	if n0 >= 0 && s0 > 0 {
		d = uint64(min(n0-s0, 8))
	}
	s0vr := uint64(st.nr[s0])
	n0vl := uint64(0)
	if n0 >= 0 {
		n0vl = uint64(st.nl[n0])
	}
	s0sr := st.rset[s0]
	n0sl := uint64(0)
	if n0 >= 0 {
		n0sl = st.lset[n0]
	}
	s0wp := s0w ^ s0p*0x9E3779B97F4A7C15
	n0wp := n0w ^ n0p*0x9E3779B97F4A7C15
	return crossCtx{s0w: s0w, s0p: s0p, n0w: n0w, n0p: n0p, n1p: n1p, s1p: s1p, s0hp: s0hp, s0lp: s0lp,
		s0rp: s0rp, s0r2p: s0r2p, n0lp: n0lp, n0l2p: n0l2p, d: d, s0vr: s0vr, n0vl: n0vl, s0sr: s0sr,
		n0sl: n0sl, s0wp: s0wp, n0wp: n0wp}
}

func (st *pstate) crossFeats(f []uint64, p *pnodes) []uint64 {
	c := st.crossContext(p)
	return append(f,
		// pairs
		learn.Feat2(12, c.s0wp, c.n0wp), learn.Feat2(13, c.s0wp, c.n0w), learn.Feat2(14, c.s0w, c.n0wp),
		learn.Feat2(15, c.s0wp, c.n0p), learn.Feat2(16, c.s0p, c.n0wp), learn.Feat2(17, c.s0w, c.n0w),
		learn.Feat2(18, c.s0p, c.n0p),
		// triples
		learn.Feat3(21, c.s0p, c.n0p, c.n1p), learn.Feat3(22, c.s0hp, c.s0p, c.n0p),
		learn.Feat3(23, c.s0p, c.s0lp, c.n0p), learn.Feat3(24, c.s0p, c.s0rp, c.n0p), learn.Feat3(25, c.s0p, c.n0p, c.n0lp),
		// distance
		learn.Feat2(26, c.s0w, c.d), learn.Feat2(27, c.s0p, c.d), learn.Feat2(28, c.n0w, c.d), learn.Feat2(29, c.n0p, c.d),
		learn.Feat3(30, c.s0w, c.n0w, c.d), learn.Feat3(31, c.s0p, c.n0p, c.d),
		// valency
		learn.Feat2(32, c.s0w, c.s0vr), learn.Feat2(33, c.s0p, c.s0vr),
		learn.Feat2(36, c.n0w, c.n0vl), learn.Feat2(37, c.n0p, c.n0vl),
		// second order
		learn.Feat3(62, c.s0p, c.s0rp, c.s0r2p), learn.Feat3(64, c.n0p, c.n0lp, c.n0l2p),
		// label sets
		learn.Feat2(65, c.s0w, c.s0sr), learn.Feat2(66, c.s0p, c.s0sr),
		learn.Feat2(69, c.n0w, c.n0sl), learn.Feat2(70, c.n0p, c.n0sl),
		// the word below s0
		learn.Feat3(73, c.s1p, c.s0p, c.n0p),
		learn.Feat2(77, st.amb(p.s0), st.amb(p.n0)), learn.Feat2(78, c.s0p, st.amb(p.n0)), learn.Feat2(79, st.amb(p.s0), c.n0p),
	)
}

// The action model's templates that read only tags, relations, the
// distance and small valencies are looked up at inference by position in
// a learn.Fixed (parFixed) instead of by hash; s0Hashed, n0Hashed,
// childHashed and crossHashed are the other templates of s0Feats,
// n0Feats, childFeats and crossFeats. TestActionScoresExact checks that
// actionScores equals the scores of feats, the training features.
//
// Argument values: a tag is 0 (no node), 1 (root) or a tag class + 2; a
// relation is 0 (none) or a relation id + 1; a distance 0..8; a valency
// below maxValency (more goes through the hash).
const maxValency = 16

// parFixed are the action model's Fixed templates.
type parFixed struct {
	np, nl int // tag and relation values
	bias   *learn.Fixed
	// one tag or relation: s0, its head, grandparent, left children, the
	// word below it; n0..n2; the child roles' tag and relation
	s0p, s0hp, s0h2p, s0lp, s0l2p, s1p *learn.Fixed
	s0lab, s0ll, s0l2l                 *learn.Fixed
	n0p, n1p, n2p                      *learn.Fixed
	s2p, n3p                           *learn.Fixed
	childP, childL                     [nChildRoles]*learn.Fixed
	// pairs
	s0pVL, n0pN1p, s0pN0p, s0pD, n0pD, s0pVR, n0pVL *learn.Fixed
	// ambiguity classes (na values, ambValues): s0's, n0's, n1's, and
	// their pairs with tags and each other
	na                                     int
	s0a, n0a, n1a                          *learn.Fixed
	s0pS0a, n0pN0a, s0aN0a, s0pN0a, s0aN0p *learn.Fixed
}

func newParFixed(m *learn.Model, tagClasses, rels int, ambs []uint64) *parFixed {
	x := &parFixed{np: tagClasses + 2, nl: rels + 1, na: len(ambs)}
	tags, labs, dist, val := counting(x.np), counting(x.nl), counting(9), counting(maxValency)
	x.bias = fixedOne(m, 0, []uint64{0})
	x.s0p, x.s0hp, x.s0h2p = fixedOne(m, 3, tags), fixedOne(m, 39, tags), fixedOne(m, 51, tags)
	x.s0lp, x.s0l2p, x.s1p = fixedOne(m, 42, tags), fixedOne(m, 53, tags), fixedOne(m, 71, tags)
	x.s0lab, x.s0ll, x.s0l2l = fixedOne(m, 40, labs), fixedOne(m, 43, labs), fixedOne(m, 54, labs)
	x.n0p, x.n1p, x.n2p = fixedOne(m, 6, tags), fixedOne(m, 9, tags), fixedOne(m, 11, tags)
	x.s2p, x.n3p = fixedOne(m, 82, tags), fixedOne(m, 84, tags)
	for r, t := range childTmpl {
		x.childP[r], x.childL[r] = fixedOne(m, t+1, tags), fixedOne(m, t+2, labs)
	}
	x.s0pVL, x.n0pN1p = fixedTwo(m, 35, tags, val), fixedTwo(m, 19, tags, tags)
	x.s0pN0p, x.s0pD, x.n0pD = fixedTwo(m, 18, tags, tags), fixedTwo(m, 27, tags, dist), fixedTwo(m, 29, tags, dist)
	x.s0pVR, x.n0pVL = fixedTwo(m, 33, tags, val), fixedTwo(m, 37, tags, val)
	x.s0a, x.n0a, x.n1a = fixedOne(m, 74, ambs), fixedOne(m, 75, ambs), fixedOne(m, 76, ambs)
	x.s0pS0a, x.n0pN0a = fixedTwo(m, 80, tags, ambs), fixedTwo(m, 81, tags, ambs)
	x.s0aN0a, x.s0pN0a, x.s0aN0p = fixedTwo(m, 77, ambs, ambs), fixedTwo(m, 78, tags, ambs), fixedTwo(m, 79, ambs, tags)
	return x
}

// s0Hashed is s0Feats less what it adds from fx into acc.
func (st *pstate) s0Hashed(f []uint64, p *pnodes, fx *parFixed, acc *[4]int32) []uint64 {
	s0 := p.s0
	s0w, s0p, s0lab := st.node(s0)
	s1w, s1p, _ := st.node(p.s1)
	s0hw, s0hp, _ := st.node(p.s0h)
	s0h2w, s0h2p, _ := st.node(p.s0h2)
	s0lw, s0lp, s0ll := st.node(p.s0l)
	s0l2w, s0l2p, s0l2l := st.node(p.s0l2)
	s0vl, s0sl := uint64(st.nl[s0]), st.lset[s0]
	fx.bias.Add4(0, acc)
	fx.s0p.Add4(int(s0p), acc)
	fx.s0hp.Add4(int(s0hp), acc)
	fx.s0h2p.Add4(int(s0h2p), acc)
	fx.s0lp.Add4(int(s0lp), acc)
	fx.s0l2p.Add4(int(s0l2p), acc)
	fx.s1p.Add4(int(s1p), acc)
	s2p := st.tagOf(p.s2)
	fx.s2p.Add4(int(s2p), acc)
	a := st.ambAt(s0)
	fx.s0a.Add4(a, acc)
	fx.s0pS0a.Add4(int(s0p)*fx.na+a, acc)
	fx.s0lab.Add4(int(s0lab), acc)
	fx.s0ll.Add4(int(s0ll), acc)
	fx.s0l2l.Add4(int(s0l2l), acc)
	if s0vl < maxValency {
		fx.s0pVL.Add4(int(s0p)*maxValency+int(s0vl), acc)
	} else {
		f = append(f, learn.Feat2(35, s0p, s0vl))
	}
	return append(f,
		learn.Feat(1, s0w^s0p*0x9E3779B97F4A7C15), learn.Feat(2, s0w),
		learn.Feat2(34, s0w, s0vl),
		learn.Feat(38, s0hw),
		learn.Feat(41, s0lw),
		learn.Feat(50, s0h2w),
		learn.Feat(52, s0l2w),
		learn.Feat3(61, s0p, s0lp, s0l2p), learn.Feat3(63, s0p, s0hp, s0h2p),
		learn.Feat2(67, s0w, s0sl), learn.Feat2(68, s0p, s0sl),
		learn.Feat2(72, s1w, s1p),
		learn.Feat3(83, s2p, s1p, s0p),
	)
}

// n0Hashed is n0Feats less what it adds from fx into acc.
func (st *pstate) n0Hashed(f []uint64, p *pnodes, fx *parFixed, acc *[4]int32) []uint64 {
	n0w, n0p, _ := st.node(p.n0)
	n1w, n1p, _ := st.node(p.n1)
	n2w, n2p, _ := st.node(p.n2)
	fx.n0p.Add4(int(n0p), acc)
	fx.n1p.Add4(int(n1p), acc)
	fx.n2p.Add4(int(n2p), acc)
	fx.n0pN1p.Add4(int(n0p)*fx.np+int(n1p), acc)
	n3p := st.tagOf(p.n3)
	fx.n3p.Add4(int(n3p), acc)
	a0 := st.ambAt(p.n0)
	fx.n0a.Add4(a0, acc)
	fx.n1a.Add4(st.ambAt(p.n1), acc)
	fx.n0pN0a.Add4(int(n0p)*fx.na+a0, acc)
	return append(f,
		learn.Feat(4, n0w^n0p*0x9E3779B97F4A7C15), learn.Feat(5, n0w),
		learn.Feat(7, n1w^n1p*0x9E3779B97F4A7C15), learn.Feat(8, n1w),
		learn.Feat(10, n2w),
		learn.Feat3(20, n0p, n1p, n2p),
		learn.Feat3(85, n1p, n2p, n3p),
	)
}

// childHashed is childFeats less what it adds from fx into acc.
func (st *pstate) childHashed(f []uint64, r, x int, fx *parFixed, acc *[4]int32) []uint64 {
	w, p, l := st.node(x)
	fx.childP[r].Add4(int(p), acc)
	fx.childL[r].Add4(int(l), acc)
	return append(f, learn.Feat(childTmpl[r], w))
}

// crossHashed is crossFeats less what it adds from fx into acc.
func (st *pstate) crossHashed(f []uint64, p *pnodes, fx *parFixed, acc *[4]int32) []uint64 {
	c := st.crossContext(p)
	fx.s0pN0p.Add4(int(c.s0p)*fx.np+int(c.n0p), acc)
	fx.s0pD.Add4(int(c.s0p)*9+int(c.d), acc)
	fx.n0pD.Add4(int(c.n0p)*9+int(c.d), acc)
	s0a, n0a := st.ambAt(p.s0), st.ambAt(p.n0)
	fx.s0aN0a.Add4(s0a*fx.na+n0a, acc)
	fx.s0pN0a.Add4(int(c.s0p)*fx.na+n0a, acc)
	fx.s0aN0p.Add4(s0a*fx.np+int(c.n0p), acc)
	if c.s0vr < maxValency {
		fx.s0pVR.Add4(int(c.s0p)*maxValency+int(c.s0vr), acc)
	} else {
		f = append(f, learn.Feat2(33, c.s0p, c.s0vr))
	}
	if c.n0vl < maxValency {
		fx.n0pVL.Add4(int(c.n0p)*maxValency+int(c.n0vl), acc)
	} else {
		f = append(f, learn.Feat2(37, c.n0p, c.n0vl))
	}
	return append(f,
		learn.Feat2(12, c.s0wp, c.n0wp), learn.Feat2(13, c.s0wp, c.n0w), learn.Feat2(14, c.s0w, c.n0wp),
		learn.Feat2(15, c.s0wp, c.n0p), learn.Feat2(16, c.s0p, c.n0wp), learn.Feat2(17, c.s0w, c.n0w),
		learn.Feat3(21, c.s0p, c.n0p, c.n1p), learn.Feat3(22, c.s0hp, c.s0p, c.n0p),
		learn.Feat3(23, c.s0p, c.s0lp, c.n0p), learn.Feat3(24, c.s0p, c.s0rp, c.n0p), learn.Feat3(25, c.s0p, c.n0p, c.n0lp),
		learn.Feat2(26, c.s0w, c.d), learn.Feat2(28, c.n0w, c.d),
		learn.Feat3(30, c.s0w, c.n0w, c.d), learn.Feat3(31, c.s0p, c.n0p, c.d),
		learn.Feat2(32, c.s0w, c.s0vr),
		learn.Feat2(36, c.n0w, c.n0vl),
		learn.Feat3(62, c.s0p, c.s0rp, c.s0r2p), learn.Feat3(64, c.n0p, c.n0lp, c.n0l2p),
		learn.Feat2(65, c.s0w, c.s0sr), learn.Feat2(66, c.s0p, c.s0sr),
		learn.Feat2(69, c.n0w, c.n0sl), learn.Feat2(70, c.n0p, c.n0sl),
		learn.Feat3(73, c.s1p, c.s0p, c.n0p),
	)
}

// parseCache holds, for one sentence, the action model's scores of each
// node's s0Feats, n0Feats and childFeats, summed the first time the node
// is seen in the role.
type parseCache struct {
	n     int     // words
	sums  []int32 // [group][node+1][action], then one row of scratch
	done  []bool  // [group][node+1]: summed
	feats []uint64
	rows  []int32
}

// Cache groups: s0, n0, then the child roles.
const (
	groupS0 = iota
	groupN0
	groupChild
	nGroups = groupChild + nChildRoles
)

func (c *parseCache) reset(n int) {
	c.n = n
	m := nGroups * (n + 2)
	c.sums = growInt32(c.sums, (m+1)*nActions)
	clear(c.sums)
	if cap(c.done) < m {
		c.done = make([]bool, m)
	}
	c.done = c.done[:m]
	clear(c.done)
}

// group returns the node of cache group g (-1 none).
func (p *pnodes) group(g int) int {
	switch g {
	case groupS0:
		return p.s0
	case groupN0:
		return p.n0
	}
	return p.child(g - groupChild)
}

// actionScores sets sc to the action model's scores of the configuration,
// exactly what Scores(st.feats()) gives (integer sums): the cached sums
// of its nodes, the features of the nodes new in their role and the
// cross features, all looked up in one batch.
func (st *pstate) actionScores(m *learn.Model, fx *parFixed, c *parseCache, sc []int32) {
	p := st.nodes()
	stride := c.n + 2
	scratch := int32(nGroups * stride)
	var acc [nActions]int32
	c.feats = st.crossHashed(c.feats[:0], &p, fx, &acc)
	c.rows = c.rows[:0]
	for range c.feats {
		c.rows = append(c.rows, scratch)
	}
	var at [nGroups]int
	for g := range nGroups {
		x := p.group(g)
		row := g*stride + x + 1
		at[g] = row
		if c.done[row] {
			continue
		}
		c.done[row] = true
		k := len(c.feats)
		sum := (*[nActions]int32)(c.sums[row*nActions:])
		switch g {
		case groupS0:
			c.feats = st.s0Hashed(c.feats, &p, fx, sum)
		case groupN0:
			c.feats = st.n0Hashed(c.feats, &p, fx, sum)
		default:
			c.feats = st.childHashed(c.feats, g-groupChild, x, fx, sum)
		}
		for range len(c.feats) - k {
			c.rows = append(c.rows, int32(row))
		}
	}
	tmp := c.sums[int(scratch)*nActions:][:nActions]
	clear(tmp)
	m.AddRows(c.feats, c.rows, c.sums)
	acc[0] += tmp[0]
	acc[1] += tmp[1]
	acc[2] += tmp[2]
	acc[3] += tmp[3]
	for _, row := range at {
		v := c.sums[row*nActions:][:nActions]
		acc[0] += v[0]
		acc[1] += v[1]
		acc[2] += v[2]
		acc[3] += v[3]
	}
	copy(sc, acc[:])
}

// costs are the dynamic oracle's unlabelled action costs: how many gold
// arcs each action makes unreachable.
func (st *pstate) costs(gh []int) (shift, reduce, left, right int) {
	s, b := st.s0(), st.b
	if b <= st.n {
		for _, k := range st.stack {
			if gh[b] == k {
				shift++
				if k != s {
					right++
				}
			}
			if k != 0 && gh[k] == b && st.head[k] < 0 {
				shift++
				right++
			}
		}
		for d := b; d <= st.n; d++ {
			if gh[d] == s {
				reduce++
				left++
			}
			if d > b {
				if gh[s] == d {
					left++
				}
				if gh[b] == d {
					right++
				}
			}
		}
	} else {
		for d := b; d <= st.n; d++ {
			if gh[d] == s {
				reduce++
			}
		}
	}
	return
}

// arc returns the head and dependent of the arc action a would make.
func (st *pstate) arc(a int) (head, dep int) {
	if a == actLeft {
		return st.b, st.s0()
	}
	return st.s0(), st.b
}

// labFixed are the relation model's templates of tags and direction
// alone (0-3 and 20 of labelFeats), looked up by position as parFixed's.
type labFixed struct {
	np                         int
	dir, hpDir, dpDir, hpDpDir *learn.Fixed
	dpNpDir                    *learn.Fixed
}

func newLabFixed(m *learn.Model, tagClasses int) *labFixed {
	x := &labFixed{np: tagClasses + 2}
	var k0, k1, k2, k3, k20 []uint64
	for d := range uint64(3) {
		k0 = append(k0, learn.Feat(0, d))
	}
	for a := range uint64(x.np) {
		for d := range uint64(3) {
			k1 = append(k1, learn.Feat2(1, a, d))
			k2 = append(k2, learn.Feat2(2, a, d))
		}
		for b := range uint64(x.np) {
			for d := range uint64(3) {
				k3 = append(k3, learn.Feat3(3, a, b, d))
				k20 = append(k20, learn.Feat3(20, a, b, d))
			}
		}
	}
	x.dir, x.hpDir, x.dpDir, x.hpDpDir, x.dpNpDir = m.Fixed(k0), m.Fixed(k1), m.Fixed(k2), m.Fixed(k3), m.Fixed(k20)
	return x
}

// labelScores sets sc to the relation model's scores of the arc head ->
// dep (head > 0): exactly Scores(labelFeats), with the templates of fx
// read by position.
func (st *pstate) labelScores(m *learn.Model, fx *labFixed, f []uint64, head, dep int, sc []int32) []uint64 {
	f = st.labelHashed(f[:0], head, dep)
	m.Scores(f, sc)
	_, hp, _ := st.node(head)
	_, dp, _ := st.node(dep)
	next := -1
	if dep+1 <= st.n {
		next = dep + 1
	}
	_, np, _ := st.node(next)
	dir := 1
	if dep < head {
		dir = 2
	}
	fx.dir.Add(dir, sc)
	fx.hpDir.Add(int(hp)*3+dir, sc)
	fx.dpDir.Add(int(dp)*3+dir, sc)
	fx.hpDpDir.Add((int(hp)*fx.np+int(dp))*3+dir, sc)
	fx.dpNpDir.Add((int(dp)*fx.np+int(np))*3+dir, sc)
	return f
}

// labelCtx holds what the relation templates read of the arc head -> dep:
// the two nodes, their direction and distance, the head's head, the
// nearest children of both, the next word, the child label sets and the
// head's own relation.
type labelCtx struct {
	hw, hp, dw, dp, dir, dist, hhp           uint64
	dlw, dlp, dll, drw, drp, drl             uint64
	hlp, hll, hrp, hrl, nw, np, hsets, dsets uint64
	hrel                                     uint64
}

func (st *pstate) labelContext(head, dep int) labelCtx {
	hw, hp, _ := st.node(head)
	dw, dp, _ := st.node(dep)
	dir := uint64(1)
	if dep < head {
		dir = 2
	}
	dist := uint64(0)
	if head > 0 {
		dist = uint64(min(max(head-dep, dep-head), 8))
	}
	hh := -1
	if head > 0 {
		hh = st.head[head]
	}
	_, hhp, _ := st.node(hh)
	dlw, dlp, dll := st.node(st.ld[dep])
	drw, drp, drl := st.node(st.rd[dep])
	_, hlp, hll := st.node(st.ld[head])
	_, hrp, hrl := st.node(st.rd[head])
	next := -1
	if dep+1 <= st.n {
		next = dep + 1
	}
	nw, np, _ := st.node(next)
	c := labelCtx{hw: hw, hp: hp, dw: dw, dp: dp, dir: dir, dist: dist, hhp: hhp,
		dlw: dlw, dlp: dlp, dll: dll, drw: drw, drp: drp, drl: drl,
		hlp: hlp, hll: hll, hrp: hrp, hrl: hrl, nw: nw, np: np}
	c.hsets = st.lset[head] ^ st.rset[head]*0x9E3779B97F4A7C15
	c.dsets = st.lset[dep] ^ st.rset[dep]*0x9E3779B97F4A7C15
	if head > 0 {
		c.hrel = uint64(st.rel[head] + 1)
	}
	return c
}

// labelHashed is labelFeats less the templates of labFixed.
func (st *pstate) labelHashed(f []uint64, head, dep int) []uint64 {
	c := st.labelContext(head, dep)
	return append(f,
		learn.Feat2(4, c.hw, c.dir), learn.Feat2(5, c.dw, c.dir), learn.Feat3(6, c.hw, c.dp, c.dir),
		learn.Feat3(7, c.hp, c.dw, c.dir), learn.Feat3(8, c.hw, c.dw, c.dir), learn.Feat3(9, c.hp, c.dp, c.dist),
		learn.Feat3(10, c.hp, c.dp, c.hhp), learn.Feat3(11, c.hp, c.dp, c.hrel),
		learn.Feat3(12, c.dp, c.dlp, c.dll), learn.Feat2(13, c.dp, c.dlw), learn.Feat3(14, c.dp, c.drp, c.drl),
		learn.Feat2(15, c.dp, c.drw), learn.Feat3(16, c.hp, c.dp, c.hsets), learn.Feat3(17, c.hp, c.dp, c.dsets),
		learn.Feat3(18, c.hp, c.hlp, c.hll), learn.Feat3(19, c.hp, c.hrp, c.hrl),
		learn.Feat2(21, c.dw, c.nw), learn.Feat3(22, c.hw, c.dlw, c.dir), learn.Feat3(23, c.dw, c.dlw, c.dir),
	)
}

// labelFeats are the features of the relation of the arc head -> dep (in
// the order training added them to the capped table: keep it).
func (st *pstate) labelFeats(f []uint64, head, dep int) []uint64 {
	c := st.labelContext(head, dep)
	return append(f,
		learn.Feat(0, c.dir),
		learn.Feat2(1, c.hp, c.dir), learn.Feat2(2, c.dp, c.dir), learn.Feat3(3, c.hp, c.dp, c.dir),
		learn.Feat2(4, c.hw, c.dir), learn.Feat2(5, c.dw, c.dir), learn.Feat3(6, c.hw, c.dp, c.dir),
		learn.Feat3(7, c.hp, c.dw, c.dir), learn.Feat3(8, c.hw, c.dw, c.dir), learn.Feat3(9, c.hp, c.dp, c.dist),
		learn.Feat3(10, c.hp, c.dp, c.hhp), learn.Feat3(11, c.hp, c.dp, c.hrel),
		learn.Feat3(12, c.dp, c.dlp, c.dll), learn.Feat2(13, c.dp, c.dlw), learn.Feat3(14, c.dp, c.drp, c.drl),
		learn.Feat2(15, c.dp, c.drw), learn.Feat3(16, c.hp, c.dp, c.hsets), learn.Feat3(17, c.hp, c.dp, c.dsets),
		learn.Feat3(18, c.hp, c.hlp, c.hll), learn.Feat3(19, c.hp, c.hrp, c.hrl), learn.Feat3(20, c.dp, c.np, c.dir),
		learn.Feat2(21, c.dw, c.nw), learn.Feat3(22, c.hw, c.dlw, c.dir), learn.Feat3(23, c.dw, c.dlw, c.dir),
	)
}
