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

const parseFeatureSet = 2

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
	}
	st.lset, st.rset, st.onStack = st.lset[:m], st.rset[:m], st.onStack[:m]
	st.wh, st.tg = st.wh[:m], st.tg[:m]
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
	st.wh[0], st.tg[0] = hRoot, 1
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

func at(s []int, x int) int {
	if x < 0 {
		return -1
	}
	return s[x]
}

// pnodes are the nodes a configuration's templates read (-1 none).
type pnodes struct {
	s0, n0, n1, n2, s1, s0h, s0h2   int
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
	p.s1 = -1
	if len(st.stack) > 1 {
		p.s1 = st.stack[len(st.stack)-2]
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

func (st *pstate) crossFeats(f []uint64, p *pnodes) []uint64 {
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
	return append(f,
		// pairs
		learn.Feat2(12, s0wp, n0wp), learn.Feat2(13, s0wp, n0w), learn.Feat2(14, s0w, n0wp),
		learn.Feat2(15, s0wp, n0p), learn.Feat2(16, s0p, n0wp), learn.Feat2(17, s0w, n0w),
		learn.Feat2(18, s0p, n0p),
		// triples
		learn.Feat3(21, s0p, n0p, n1p), learn.Feat3(22, s0hp, s0p, n0p),
		learn.Feat3(23, s0p, s0lp, n0p), learn.Feat3(24, s0p, s0rp, n0p), learn.Feat3(25, s0p, n0p, n0lp),
		// distance
		learn.Feat2(26, s0w, d), learn.Feat2(27, s0p, d), learn.Feat2(28, n0w, d), learn.Feat2(29, n0p, d),
		learn.Feat3(30, s0w, n0w, d), learn.Feat3(31, s0p, n0p, d),
		// valency
		learn.Feat2(32, s0w, s0vr), learn.Feat2(33, s0p, s0vr),
		learn.Feat2(36, n0w, n0vl), learn.Feat2(37, n0p, n0vl),
		// second order
		learn.Feat3(62, s0p, s0rp, s0r2p), learn.Feat3(64, n0p, n0lp, n0l2p),
		// label sets
		learn.Feat2(65, s0w, s0sr), learn.Feat2(66, s0p, s0sr),
		learn.Feat2(69, n0w, n0sl), learn.Feat2(70, n0p, n0sl),
		// the word below s0
		learn.Feat3(73, s1p, s0p, n0p),
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
func (st *pstate) actionScores(m *learn.Model, c *parseCache, sc []int32) {
	p := st.nodes()
	stride := c.n + 2
	scratch := int32(nGroups * stride)
	c.feats = st.crossFeats(c.feats[:0], &p)
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
		switch g {
		case groupS0:
			c.feats = st.s0Feats(c.feats, &p)
		case groupN0:
			c.feats = st.n0Feats(c.feats, &p)
		default:
			c.feats = st.childFeats(c.feats, g-groupChild, x)
		}
		for range len(c.feats) - k {
			c.rows = append(c.rows, int32(row))
		}
	}
	tmp := c.sums[int(scratch)*nActions:][:nActions]
	clear(tmp)
	m.AddRows(c.feats, c.rows, c.sums)
	acc := [nActions]int32{tmp[0], tmp[1], tmp[2], tmp[3]}
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

// labelFeats are the features of the relation of the arc head -> dep.
func (st *pstate) labelFeats(f []uint64, head, dep int) []uint64 {
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
	hsets := st.lset[head] ^ st.rset[head]*0x9E3779B97F4A7C15
	dsets := st.lset[dep] ^ st.rset[dep]*0x9E3779B97F4A7C15
	hrel := uint64(0)
	if head > 0 {
		hrel = uint64(st.rel[head] + 1)
	}
	return append(f,
		learn.Feat(0, dir),
		learn.Feat2(1, hp, dir), learn.Feat2(2, dp, dir), learn.Feat3(3, hp, dp, dir),
		learn.Feat2(4, hw, dir), learn.Feat2(5, dw, dir), learn.Feat3(6, hw, dp, dir),
		learn.Feat3(7, hp, dw, dir), learn.Feat3(8, hw, dw, dir), learn.Feat3(9, hp, dp, dist),
		learn.Feat3(10, hp, dp, hhp), learn.Feat3(11, hp, dp, hrel),
		learn.Feat3(12, dp, dlp, dll), learn.Feat2(13, dp, dlw), learn.Feat3(14, dp, drp, drl),
		learn.Feat2(15, dp, drw), learn.Feat3(16, hp, dp, hsets), learn.Feat3(17, hp, dp, dsets),
		learn.Feat3(18, hp, hlp, hll), learn.Feat3(19, hp, hrp, hrl), learn.Feat3(20, dp, np, dir),
		learn.Feat2(21, dw, nw), learn.Feat3(22, hw, dlw, dir), learn.Feat3(23, dw, dlw, dir),
	)
}
