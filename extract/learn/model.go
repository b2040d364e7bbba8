package learn

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// Magic starts every model file.
const Magic = "NCLEARN\n"

// FormatVersion is the version of the file layout written by Write for
// a model of int8 weights in the inline layout (version 3 added it).
// Models of int16 weights are written as version 2 (version 2 added the
// inline layout), so their files keep their bytes. Read also reads
// versions 1 and 2 and refuses any other, and an int8 table in a file
// older than 3.
const FormatVersion = 3

// formatInt16 is the version written for models of int16 weights.
const formatInt16 = 2

// Header says what a model is. It is JSON in the file.
type Header struct {
	Kind       string             `json:"kind"`        // head: "tagger", "parser", "ner", ...
	FeatureSet int                `json:"feature_set"` // version of the head's feature templates
	Labels     []string           `json:"labels"`      // class i is Labels[i]
	Training   []TrainingFile     `json:"training"`    // the files it was trained on
	Scores     map[string]float64 `json:"scores"`      // dev/test figures it was released with
	Options    map[string]string  `json:"options,omitempty"`
	Extra      json.RawMessage    `json:"extra,omitempty"` // head-specific data (small)
}

// TrainingFile is a training file's base name and sha256 (hex).
type TrainingFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// FileSum returns the TrainingFile of the file at path.
func FileSum(path string) (TrainingFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return TrainingFile{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return TrainingFile{}, fmt.Errorf("checksum %s: %w", path, err)
	}
	return TrainingFile{Name: filepath.Base(path), SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// pair is one class weight of a feature in the model.
type pair struct {
	class uint16
	w     int16
}

// Model is an immutable, quantized, pruned perceptron. Its zero value
// scores nothing.
type Model struct {
	Header  Header
	classes int
	scale   float32
	// slots[i] is a feature key fingerprint (low 32 bits, 0 = empty) and
	// the start of its weights in pairs (high 32 bits); the weights end
	// where the next slot's start. len(slots) = nslot + 1 (a sentinel).
	slots []uint64
	// pairs are class<<16 | uint16(weight).
	pairs []uint32
	// inline replaces slots and pairs in models of at most 4 classes: the
	// weights sit in the slot (inline[3s] is slot s's fingerprint,
	// inline[3s+1] and inline[3s+2] its four int16 weights, low classes
	// first), so a lookup is one cache miss, not two. 12 bytes a slot, as
	// in the file: a smaller table than 16-byte slots misses the caches
	// less often, and the parser's action model is most of its time.
	inline []uint32
	// inline8 replaces inline in a model of int8 codes (Prune.Int8):
	// slot s is inline8[s], its fingerprint in the low 32 bits and its
	// four weight codes above, low classes first; code k stands for the
	// int16 weight value8[k]. 8 bytes a slot: one load a lookup, and a
	// table two thirds the size of inline's.
	inline8 []uint64
	value8  *[256]int32
	// pairs8 replaces pairs in a model of int8 codes and more than 4
	// classes (at most 256): class<<8 | code.
	pairs8 []uint16
}

// Code8 is the code book of int8 weights: code k (as a uint8) stands for
// the int16 weight Code8()[k], mu-law companded (mu 100): the smallest
// step is 12 (of 32767) and each step above is about 3.7% of the weight.
// A linear int8 scale of the largest weight rounds the median weight of
// the parser's action model (407) to 2 steps and 15% of its weights to 0:
// dev LAS 0.8175 -> 0.8161 (retrained); this code book requantizing the
// same model gives 0.8177 (mu 30, 255, 1000, 4000: 0.8171, 0.8169,
// 0.8168, 0.8171). Code 0 is 0, codes 1..127 are positive and 255..129
// their negatives (128 unused).
func Code8() *[256]int32 { return code8 }

var code8 = func() *[256]int32 {
	var v [256]int32
	const mu = 100.0
	for k := 1; k <= 127; k++ {
		x := math.Round(math.MaxInt16 * (math.Pow(1+mu, float64(k)/127) - 1) / mu)
		v[k], v[256-k] = int32(x), -int32(x)
	}
	return &v
}()

// encode8 is the code of the int16 weight w: the nearest value.
func encode8(w int16) uint8 {
	a := int32(w)
	neg := a < 0
	if neg {
		a = -a
	}
	// code8[1..127] increase: binary search for the nearest.
	lo, hi := 0, 127
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if code8[mid] <= a {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	k := lo
	if k < 127 && code8[k+1]-a < a-code8[k] {
		k++
	}
	if neg && k != 0 {
		return uint8(256 - k)
	}
	return uint8(k)
}

// buildInline fills m.inline when the model has at most 4 classes.
func (m *Model) buildInline() {
	if m.classes > 4 || len(m.slots) < 2 {
		return
	}
	m.inline = make([]uint32, 3*(len(m.slots)-1))
	for s := 0; s+1 < len(m.slots); s++ {
		e := m.slots[s]
		var w uint64
		for _, p := range m.pairs[uint32(e>>32):uint32(m.slots[s+1]>>32)] {
			w |= uint64(uint16(p)) << (16 * (p >> 16))
		}
		m.inline[3*s], m.inline[3*s+1], m.inline[3*s+2] = uint32(e), uint32(w), uint32(w>>32)
	}
	m.slots, m.pairs = nil, nil
}

// buildInline8 turns m.inline into m.inline8, each weight its code.
func (m *Model) buildInline8() {
	if m.inline == nil {
		return
	}
	ns := len(m.inline) / 3
	m.inline8, m.value8 = make([]uint64, ns), code8
	for s := range ns {
		w := m.inlineWeights16(s)
		var b uint64
		for c := range 4 {
			b |= uint64(encode8(int16(uint16(w>>(16*c))))) << (8 * c)
		}
		m.inline8[s] = uint64(m.inline[3*s]) | b<<32
	}
	m.inline = nil
}

// buildSparse8 turns m.pairs into m.pairs8 (at most 256 classes), each
// weight its code; weights whose code is 0 are dropped.
func (m *Model) buildSparse8() {
	if m.slots == nil || m.classes > 256 {
		return
	}
	m.value8 = code8
	m.pairs8 = make([]uint16, 0, len(m.pairs))
	for s := 0; s+1 < len(m.slots); s++ {
		e := m.slots[s]
		from, to := uint32(e>>32), uint32(m.slots[s+1]>>32)
		m.slots[s] = uint64(len(m.pairs8))<<32 | uint64(uint32(e))
		for _, p := range m.pairs[from:to] {
			if c := encode8(int16(uint16(p))); c != 0 {
				m.pairs8 = append(m.pairs8, uint16(p>>16)<<8|uint16(c))
			}
		}
	}
	m.slots[len(m.slots)-1] = uint64(len(m.pairs8)) << 32
	m.pairs = nil
}

// Int8 reports whether the model's weights are int8 codes (Prune.Int8).
func (m *Model) Int8() bool { return m.value8 != nil }

// Classes is the label count.
func (m *Model) Classes() int { return m.classes }

// Scale converts a score to the averaged perceptron's units.
func (m *Model) Scale() float32 { return m.scale }

// Features is how many features the model keeps.
func (m *Model) Features() int {
	n := 0
	for _, e := range m.inline8 {
		if uint32(e) != 0 {
			n++
		}
	}
	for i := 0; i < len(m.inline); i += 3 {
		if m.inline[i] != 0 {
			n++
		}
	}
	for i := 0; i+1 < len(m.slots); i++ {
		if uint32(m.slots[i]) != 0 {
			n++
		}
	}
	return n
}

// Weights is how many (feature, class) weights the model keeps.
func (m *Model) Weights() int {
	n := len(m.pairs) + len(m.pairs8)
	for s := range m.inline8 {
		for w := m.inlineWeights(s); w != 0; w >>= 16 {
			if uint16(w) != 0 {
				n++
			}
		}
	}
	for i := 0; i < len(m.inline); i += 3 {
		for w := m.inlineWeights(i / 3); w != 0; w >>= 16 {
			if uint16(w) != 0 {
				n++
			}
		}
	}
	return n
}

func split(h uint64, nslot int) (slot int, fp uint32) {
	fp = uint32(h >> 32)
	if fp == 0 {
		fp = 1
	}
	return int((uint64(uint32(h)) * uint64(nslot)) >> 32), fp
}

// Scores sets scores[c] to the sum of class c's weights over feats.
// len(scores) must be Classes().
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores)
	m.Add(feats, scores)
}

// Add adds the weights of feats into scores.
//
// It works in batches and in three passes so that the memory loads of
// different features overlap instead of waiting for each other: first the
// home slot of every feature is read, then probes resolve hits to weight
// ranges, then the ranges are summed. The table is larger than the caches,
// so this, not arithmetic, is the cost of a lookup.
func (m *Model) Add(feats []uint64, scores []int32) {
	if m.inline8 != nil {
		m.addInline8(feats, scores)
		return
	}
	if m.inline != nil {
		m.addInline(feats, scores)
		return
	}
	nslot := len(m.slots) - 1
	if nslot <= 0 {
		return
	}
	if m.pairs8 != nil {
		m.addRowsSparse8(feats, nil, scores)
		return
	}
	pairs := m.pairs
	var hit probeHits
	for len(feats) > 0 {
		n := min(len(feats), probeBatch)
		hits, touch := m.probe(feats[:n], &hit)
		if touch == 1<<31 {
			scores[0] += 0
		}
		for h := range hits {
			ps := pairs[hit.from[h]:hit.to[h]]
			if len(ps) < 8 { // a call costs more than it saves
				for _, p := range ps {
					scores[p>>16] += int32(int16(uint16(p)))
				}
				continue
			}
			m.addPairs(scores, ps)
		}
		feats = feats[n:]
	}
}

// addPairs adds the weights of ps into row, at their classes. When the
// classes fit a byte and row's capacity allows, it indexes a 256-entry
// view of row by the class byte: no bounds check per weight, and four
// weights per iteration (Read and build keep every class below Classes(),
// so the view is never written past len(row)). This loop is most of the
// tagger's and the relation model's instructions.
func (m *Model) addPairs(row []int32, ps []uint32) {
	if m.classes > 256 || cap(row) < 256 {
		for _, p := range ps {
			row[p>>16] += int32(int16(uint16(p)))
		}
		return
	}
	a := (*[256]int32)(row[:256])
	i := 0
	for ; i+4 <= len(ps); i += 4 {
		q := ps[i : i+4 : i+4]
		a[uint8(q[0]>>16)] += int32(int16(uint16(q[0])))
		a[uint8(q[1]>>16)] += int32(int16(uint16(q[1])))
		a[uint8(q[2]>>16)] += int32(int16(uint16(q[2])))
		a[uint8(q[3]>>16)] += int32(int16(uint16(q[3])))
	}
	for _, p := range ps[i:] {
		a[uint8(p>>16)] += int32(int16(uint16(p)))
	}
}

// addRowsSparse8 is AddRows (rows nil: Add) over pairs8.
func (m *Model) addRowsSparse8(feats []uint64, rows []int32, scores []int32) {
	pairs, nc := m.pairs8, int32(m.classes)
	var hit probeHits
	for len(feats) > 0 {
		n := min(len(feats), probeBatch)
		hits, touch := m.probe(feats[:n], &hit)
		if touch == 1<<31 {
			scores[0] += 0
		}
		for h := range hits {
			row := scores
			if rows != nil {
				b := rows[hit.feat[h]] * nc
				row = scores[b : b+nc]
			}
			m.addPairs8(row, pairs[hit.from[h]:hit.to[h]])
		}
		feats = feats[n:]
		if rows != nil {
			rows = rows[n:]
		}
	}
}

// addPairs8 is addPairs over pairs8.
func (m *Model) addPairs8(row []int32, ps []uint16) {
	v := m.value8
	if len(ps) < 8 || cap(row) < 256 {
		for _, p := range ps {
			row[p>>8] += v[uint8(p)]
		}
		return
	}
	a := (*[256]int32)(row[:256])
	i := 0
	for ; i+4 <= len(ps); i += 4 {
		q := ps[i : i+4 : i+4]
		a[uint8(q[0]>>8)] += v[uint8(q[0])]
		a[uint8(q[1]>>8)] += v[uint8(q[1])]
		a[uint8(q[2]>>8)] += v[uint8(q[2])]
		a[uint8(q[3]>>8)] += v[uint8(q[3])]
	}
	for _, p := range ps[i:] {
		a[uint8(p>>8)] += v[uint8(p)]
	}
}

// probeBatch is how many features probe resolves at once.
const probeBatch = 64

// probeHits are the weight ranges of the features of one batch that the
// table holds: hit h is feature feat[h] of the batch, its weights
// pairs[from[h]:to[h]].
type probeHits struct {
	from, to, feat [probeBatch]uint32
}

// probe resolves up to probeBatch features to their weight ranges, in two
// passes so that the memory loads of different features overlap instead
// of waiting for each other: first the home slot of every feature is
// read, then the probes resolve hits. It returns the number of hits and
// touch: each hit's first weight is read while probing, so that load (a
// cache miss: the weights are not beside the slots) starts there,
// overlapping the other probes, instead of in the callers' summing loops,
// whose branches keep the loads from overlapping. About 10% less time on
// the relation model's lookups (replayed, min of 300 rounds). Callers test
// touch only to keep the compiler from dropping the loads.
func (m *Model) probe(feats []uint64, hit *probeHits) (int, uint32) {
	slots, pairs, pairs8 := m.slots, m.pairs, m.pairs8
	nslot := len(slots) - 1
	var home [probeBatch]uint64
	var at [probeBatch]int
	var want [probeBatch]uint32
	var touch uint32
	for i, f := range feats {
		s, fp := split(f, nslot)
		at[i], want[i] = s, fp
		home[i] = slots[s]
	}
	hits := 0
	for i := range feats {
		s, e := at[i], home[i]
		for {
			k := uint32(e)
			if k == want[i] {
				a := uint32(e >> 32)
				hit.from[hits], hit.to[hits], hit.feat[hits] = a, uint32(slots[s+1]>>32), uint32(i)
				if pairs8 != nil {
					if int(a) < len(pairs8) { // a feature's codes may all be 0
						touch |= uint32(pairs8[a])
					}
				} else {
					touch |= pairs[a] // see above
				}
				hits++
				break
			}
			if k == 0 {
				break
			}
			if s++; s == nslot {
				s = 0
			}
			e = slots[s]
		}
	}
	return hits, touch
}

// inlineWeights are slot s's four weights as int16s, class 0 lowest,
// in either inline layout.
func (m *Model) inlineWeights(s int) uint64 {
	if m.inline8 != nil {
		var w uint64
		for c := range 4 {
			w |= uint64(uint16(int16(m.value8[uint8(m.inline8[s]>>(32+8*c))]))) << (16 * c)
		}
		return w
	}
	return m.inlineWeights16(s)
}

func (m *Model) inlineWeights16(s int) uint64 {
	return uint64(m.inline[3*s+1]) | uint64(m.inline[3*s+2])<<32
}

// batch8 is how many features the int8 inline lookups resolve together.
const batch8 = 64

// find8 sets out[i] to the inline8 entry of feats[i] (at most batch8
// features; 0 when the feature is absent). Every home slot is read first,
// then the collisions are walked: the loads of the first pass overlap.
func (m *Model) find8(feats []uint64, out *[batch8]uint64) {
	in := m.inline8
	nslot := len(in)
	var at [batch8]int
	var want [batch8]uint32
	for i, f := range feats {
		s, fp := split(f, nslot)
		at[i], want[i] = s, fp
		out[i] = in[s]
	}
	for i := range feats {
		s, e := at[i], out[i]
		for uint32(e) != want[i] && uint32(e) != 0 {
			if s++; s == nslot {
				s = 0
			}
			e = in[s]
		}
		if uint32(e) == 0 {
			e = 0
		}
		out[i] = e
	}
}

func (m *Model) addInline8(feats []uint64, scores []int32) {
	v := m.value8
	var found [batch8]uint64
	for len(feats) > 0 {
		n := min(len(feats), batch8)
		m.find8(feats[:n], &found)
		var acc [4]int32
		for _, e := range found[:n] {
			if e != 0 {
				acc[0] += v[uint8(e>>32)]
				acc[1] += v[uint8(e>>40)]
				acc[2] += v[uint8(e>>48)]
				acc[3] += v[uint8(e>>56)]
			}
		}
		for c := range min(len(scores), 4) {
			scores[c] += acc[c]
		}
		feats = feats[n:]
	}
}

func (m *Model) addRowsInline8(feats []uint64, rows []int32, scores []int32) {
	v := m.value8
	nc := m.classes
	var found [batch8]uint64
	for len(feats) > 0 {
		n := min(len(feats), batch8)
		m.find8(feats[:n], &found)
		for i, e := range found[:n] {
			if e == 0 {
				continue
			}
			if nc == 4 {
				row := scores[int(rows[i])*4:][:4]
				row[0] += v[uint8(e>>32)]
				row[1] += v[uint8(e>>40)]
				row[2] += v[uint8(e>>48)]
				row[3] += v[uint8(e>>56)]
				continue
			}
			row := scores[int(rows[i])*nc:][:nc]
			for c := range row {
				row[c] += v[uint8(e>>(32+8*c))]
			}
		}
		feats, rows = feats[n:], rows[n:]
	}
}

func (m *Model) addInline(feats []uint64, scores []int32) {
	in := m.inline
	nslot := len(in) / 3
	const batch = 64
	var home [batch]uint32
	var at [batch]int
	var want [batch]uint32
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for i, f := range feats[:n] {
			s, fp := split(f, nslot)
			at[i], want[i] = s, fp
			home[i] = in[3*s]
		}
		var acc [4]int32
		for i := range n {
			s, k := at[i], home[i]
			for k != want[i] && k != 0 {
				if s++; s == nslot {
					s = 0
				}
				k = in[3*s]
			}
			if k != 0 {
				lo, hi := in[3*s+1], in[3*s+2]
				acc[0] += int32(int16(uint16(lo)))
				acc[1] += int32(int16(uint16(lo >> 16)))
				acc[2] += int32(int16(uint16(hi)))
				acc[3] += int32(int16(uint16(hi >> 16)))
			}
		}
		for c := range min(len(scores), 4) {
			scores[c] += acc[c]
		}
		feats = feats[n:]
	}
}

// AddRows is Add over several examples at once: the weights of feats[i]
// go into the row rows[i] of scores, scores[rows[i]*Classes():][:Classes()].
// The loads of all rows overlap as Add's do within one row, so a head that
// knows several examples' features up front (the context-free features of
// every word of a sentence) waits for memory once, not once per example.
// The sums are integers: each row gets exactly what Add would give it.
func (m *Model) AddRows(feats []uint64, rows []int32, scores []int32) {
	if len(rows) != len(feats) {
		panic("learn: AddRows needs one row per feature")
	}
	if m.inline8 != nil {
		m.addRowsInline8(feats, rows, scores)
		return
	}
	if m.inline != nil {
		m.addRowsInline(feats, rows, scores)
		return
	}
	nslot := len(m.slots) - 1
	if nslot <= 0 {
		return
	}
	if m.pairs8 != nil {
		m.addRowsSparse8(feats, rows, scores)
		return
	}
	pairs, nc := m.pairs, int32(m.classes)
	var hit probeHits
	for len(feats) > 0 {
		n := min(len(feats), probeBatch)
		hits, touch := m.probe(feats[:n], &hit)
		if touch == 1<<31 {
			scores[0] += 0
		}
		for h := range hits {
			b := rows[hit.feat[h]] * nc
			row, ps := scores[b:b+nc], pairs[hit.from[h]:hit.to[h]]
			if len(ps) < 8 { // a call costs more than it saves
				for _, p := range ps {
					row[p>>16] += int32(int16(uint16(p)))
				}
				continue
			}
			m.addPairs(row, ps)
		}
		feats, rows = feats[n:], rows[n:]
	}
}

func (m *Model) addRowsInline(feats []uint64, rows []int32, scores []int32) {
	in := m.inline
	nslot := len(in) / 3
	nc := m.classes
	const batch = 64
	var home [batch]uint32
	var at [batch]int
	var want [batch]uint32
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for i, f := range feats[:n] {
			s, fp := split(f, nslot)
			at[i], want[i] = s, fp
			home[i] = in[3*s]
		}
		for i := range n {
			s, k := at[i], home[i]
			for k != want[i] && k != 0 {
				if s++; s == nslot {
					s = 0
				}
				k = in[3*s]
			}
			if k == 0 {
				continue
			}
			lo, hi := in[3*s+1], in[3*s+2]
			if nc == 4 {
				row := scores[int(rows[i])*4:][:4]
				row[0] += int32(int16(uint16(lo)))
				row[1] += int32(int16(uint16(lo >> 16)))
				row[2] += int32(int16(uint16(hi)))
				row[3] += int32(int16(uint16(hi >> 16)))
				continue
			}
			w := m.inlineWeights(s)
			row := scores[int(rows[i])*nc:][:nc]
			for c := range row {
				row[c] += int32(int16(uint16(w >> (16 * c))))
			}
		}
		feats, rows = feats[n:], rows[n:]
	}
}

type builder struct {
	nslot int
	owner []int32 // feature index per slot, -1 empty
	fps   []uint32
	ws    [][]pair
}

func newBuilder(n int) *builder {
	nslot := n*5/4 + 1 // load 0.8: linear probing stays short
	b := &builder{nslot: nslot, owner: make([]int32, nslot), fps: make([]uint32, nslot)}
	for i := range b.owner {
		b.owner[i] = -1
	}
	return b
}

// add places a feature; a later feature whose fingerprint is already on
// its probe path is dropped (it would be unreachable; rare).
func (b *builder) add(key uint64, ws []pair) {
	s, fp := split(key, b.nslot)
	for b.owner[s] >= 0 {
		if b.fps[s] == fp {
			return
		}
		if s++; s == b.nslot {
			s = 0
		}
	}
	b.owner[s] = int32(len(b.ws))
	b.fps[s] = fp
	b.ws = append(b.ws, ws)
}

func (b *builder) build(classes int, scale float32, small bool) *Model {
	m := &Model{classes: classes, scale: scale, slots: make([]uint64, b.nslot+1)}
	for s := 0; s < b.nslot; s++ {
		start := uint64(len(m.pairs)) << 32
		if i := b.owner[s]; i >= 0 {
			m.slots[s] = start | uint64(b.fps[s])
			for _, p := range b.ws[i] {
				m.pairs = append(m.pairs, uint32(p.class)<<16|uint32(uint16(p.w)))
			}
		} else {
			m.slots[s] = start
		}
	}
	m.slots[b.nslot] = uint64(len(m.pairs)) << 32
	m.buildInline()
	if small {
		m.buildInline8()
		m.buildSparse8()
	}
	return m
}

// Write writes the model file.
func (m *Model) Write(w io.Writer) error {
	if len(m.Header.Labels) != 0 && len(m.Header.Labels) != m.classes {
		return fmt.Errorf("learn: header has %d labels, model %d classes", len(m.Header.Labels), m.classes)
	}
	hdr, err := json.Marshal(m.Header)
	if err != nil {
		return fmt.Errorf("learn: header: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString(Magic)
	le := binary.LittleEndian
	version := uint32(formatInt16)
	if m.value8 != nil {
		version = FormatVersion
	}
	buf.Write(le.AppendUint32(nil, version))
	buf.Write(le.AppendUint32(nil, uint32(len(hdr))))
	buf.Write(hdr)
	buf.Write(le.AppendUint32(nil, uint32(m.classes)))
	buf.Write(le.AppendUint32(nil, math.Float32bits(m.scale)))
	b := buf.Bytes()
	switch {
	case m.inline8 != nil:
		b = le.AppendUint32(b, layoutInline8)
		b = le.AppendUint32(b, uint32(len(m.inline8)))
		for _, v := range m.value8 {
			b = le.AppendUint16(b, uint16(int16(v)))
		}
		for _, v := range m.inline8 {
			b = le.AppendUint64(b, v)
		}
	case m.pairs8 != nil:
		b = le.AppendUint32(b, layoutSparse8)
		b = le.AppendUint32(b, uint32(len(m.slots)))
		b = le.AppendUint32(b, uint32(len(m.pairs8)))
		for _, v := range m.value8 {
			b = le.AppendUint16(b, uint16(int16(v)))
		}
		for _, s := range m.slots {
			b = le.AppendUint64(b, s)
		}
		for _, p := range m.pairs8 {
			b = le.AppendUint16(b, p)
		}
	case m.inline != nil:
		b = le.AppendUint32(b, layoutInline)
		b = le.AppendUint32(b, uint32(len(m.inline)/3))
		for _, v := range m.inline {
			b = le.AppendUint32(b, v)
		}
	default:
		b = le.AppendUint32(b, layoutSparse)
		b = le.AppendUint32(b, uint32(len(m.slots)))
		b = le.AppendUint32(b, uint32(len(m.pairs)))
		for _, s := range m.slots {
			b = le.AppendUint64(b, s)
		}
		for _, p := range m.pairs {
			b = le.AppendUint32(b, p)
		}
	}
	_, err = w.Write(b)
	return err
}

// Table layouts in the file.
const (
	layoutSparse  = 0 // slots then (class, weight) pairs
	layoutInline  = 1 // per slot: fingerprint, four int16 weights
	layoutInline8 = 2 // 256 int16 code values, then per slot: fingerprint, four int8 codes (version 3)
	layoutSparse8 = 3 // 256 int16 code values, slots, then (class, code) byte pairs (version 3)
)

// ErrVersion is wrapped by Read's errors about versions.
var ErrVersion = errors.New("model version mismatch")

// Read decodes a model file of the given kind and feature-set version.
// name is only for error messages.
func Read(data []byte, name, kind string, featureSet int) (*Model, error) {
	bad := func(what string) error { return fmt.Errorf("model %s: %s", name, what) }
	if len(data) < len(Magic)+8 || string(data[:len(Magic)]) != Magic {
		return nil, bad("not a newsclaims model file (bad magic)")
	}
	le := binary.LittleEndian
	p := data[len(Magic):]
	v := le.Uint32(p)
	if v != FormatVersion && v != formatInt16 && v != 1 {
		return nil, fmt.Errorf("model %s: file format version %d, this build reads %d (retrain with make train): %w",
			name, v, FormatVersion, ErrVersion)
	}
	hl := int(le.Uint32(p[4:]))
	p = p[8:]
	if hl > len(p) {
		return nil, bad("truncated header")
	}
	m := &Model{}
	if err := json.Unmarshal(p[:hl], &m.Header); err != nil {
		return nil, bad("header: " + err.Error())
	}
	if m.Header.Kind != kind {
		return nil, bad(fmt.Sprintf("is a %q model, want %q", m.Header.Kind, kind))
	}
	if m.Header.FeatureSet != featureSet {
		return nil, fmt.Errorf("model %s: feature set version %d, this build computes %d (retrain with make train): %w",
			name, m.Header.FeatureSet, featureSet, ErrVersion)
	}
	p = p[hl:]
	if len(p) < 16 {
		return nil, bad("truncated")
	}
	m.classes = int(le.Uint32(p))
	m.scale = math.Float32frombits(le.Uint32(p[4:]))
	layout := le.Uint32(p[8:])
	if v == 1 { // version 1: sparse, no layout field
		p = append(le.AppendUint32(append([]byte(nil), p[:8]...), layoutSparse), p[8:]...)
		layout = layoutSparse
	}
	if len(m.Header.Labels) != 0 && len(m.Header.Labels) != m.classes {
		return nil, bad("label count differs from class count")
	}
	if (layout == layoutInline8 || layout == layoutSparse8) && v < FormatVersion {
		return nil, fmt.Errorf("model %s: int8 table in a file of format version %d (retrain with make train): %w",
			name, v, ErrVersion)
	}
	if layout == layoutInline8 {
		if v < FormatVersion {
			return nil, fmt.Errorf("model %s: int8 table in a file of format version %d (retrain with make train): %w",
				name, v, ErrVersion)
		}
		ns := int(le.Uint32(p[12:]))
		p = p[16:]
		if m.classes > 4 || ns < 1 || len(p) != 512+ns*8 {
			return nil, bad(fmt.Sprintf("int8 inline table: %d classes, %d slots, %d bytes", m.classes, ns, len(p)))
		}
		m.value8 = new([256]int32)
		for k := range m.value8 {
			m.value8[k] = int32(int16(le.Uint16(p[2*k:])))
		}
		p = p[512:]
		m.inline8 = make([]uint64, ns)
		for i := range m.inline8 {
			m.inline8[i] = le.Uint64(p[8*i:])
		}
		return m, nil
	}
	if layout == layoutInline {
		ns := int(le.Uint32(p[12:]))
		p = p[16:]
		if m.classes > 4 || ns < 1 || len(p) != ns*12 {
			return nil, bad(fmt.Sprintf("inline table: %d classes, %d slots, %d bytes", m.classes, ns, len(p)))
		}
		m.inline = make([]uint32, 3*ns)
		for i := range m.inline {
			m.inline[i] = le.Uint32(p[4*i:])
		}
		return m, nil
	}
	if layout != layoutSparse && layout != layoutSparse8 || len(p) < 20 {
		return nil, bad(fmt.Sprintf("unknown table layout %d", layout))
	}
	ns, np := int(le.Uint32(p[12:])), int(le.Uint32(p[16:]))
	p = p[20:]
	pairSize := 4
	if layout == layoutSparse8 {
		if m.classes > 256 || len(p) < 512 {
			return nil, bad(fmt.Sprintf("int8 sparse table: %d classes, %d bytes", m.classes, len(p)))
		}
		m.value8 = new([256]int32)
		for k := range m.value8 {
			m.value8[k] = int32(int16(le.Uint16(p[2*k:])))
		}
		p, pairSize = p[512:], 2
	}
	if len(p) != ns*8+np*pairSize || ns < 1 {
		return nil, bad(fmt.Sprintf("size %d does not match %d slots and %d weights", len(p), ns, np))
	}
	m.slots = make([]uint64, ns)
	for i := range m.slots {
		m.slots[i] = le.Uint64(p[i*8:])
	}
	p = p[ns*8:]
	if layout == layoutSparse8 {
		m.pairs8 = make([]uint16, np)
		for i := range m.pairs8 {
			m.pairs8[i] = le.Uint16(p[i*2:])
			if int(m.pairs8[i]>>8) >= m.classes {
				return nil, bad("class out of range")
			}
		}
	} else {
		m.pairs = make([]uint32, np)
		for i := range m.pairs {
			m.pairs[i] = le.Uint32(p[i*4:])
		}
	}
	// Validate so that Add cannot index out of range on a corrupt file.
	prev := uint64(0)
	for _, s := range m.slots {
		st := s >> 32
		if st < prev || st > uint64(np) {
			return nil, bad("corrupt weight offsets")
		}
		prev = st
	}
	if uint32(m.slots[ns-1]) != 0 || m.slots[ns-1]>>32 != uint64(np) {
		return nil, bad("corrupt sentinel")
	}
	for _, q := range m.pairs {
		if int(q>>16) >= m.classes {
			return nil, bad("class out of range")
		}
	}
	return m, nil
}
