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

// FormatVersion is the version of the file layout written by Write. Read
// also reads version 1 (version 2 added the inline layout) and refuses
// any other.
const FormatVersion = 2

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

// Classes is the label count.
func (m *Model) Classes() int { return m.classes }

// Scale converts a score to the averaged perceptron's units.
func (m *Model) Scale() float32 { return m.scale }

// Features is how many features the model keeps.
func (m *Model) Features() int {
	n := 0
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
	n := len(m.pairs)
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
	if m.inline != nil {
		m.addInline(feats, scores)
		return
	}
	nslot := len(m.slots) - 1
	if nslot <= 0 {
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
	slots, pairs := m.slots, m.pairs
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
				touch |= pairs[a] // see above
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

// inlineWeights are slot s's four int16 weights, class 0 lowest.
func (m *Model) inlineWeights(s int) uint64 {
	return uint64(m.inline[3*s+1]) | uint64(m.inline[3*s+2])<<32
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
	if m.inline != nil {
		m.addRowsInline(feats, rows, scores)
		return
	}
	nslot := len(m.slots) - 1
	if nslot <= 0 {
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

func (b *builder) build(classes int, scale float32) *Model {
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
	buf.Write(le.AppendUint32(nil, FormatVersion))
	buf.Write(le.AppendUint32(nil, uint32(len(hdr))))
	buf.Write(hdr)
	buf.Write(le.AppendUint32(nil, uint32(m.classes)))
	buf.Write(le.AppendUint32(nil, math.Float32bits(m.scale)))
	b := buf.Bytes()
	if m.inline != nil {
		b = le.AppendUint32(b, layoutInline)
		b = le.AppendUint32(b, uint32(len(m.inline)/3))
		for _, v := range m.inline {
			b = le.AppendUint32(b, v)
		}
	} else {
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
	layoutSparse = 0 // slots then (class, weight) pairs
	layoutInline = 1 // per slot: fingerprint, four int16 weights
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
	if v != FormatVersion && v != 1 {
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
	if layout != layoutSparse || len(p) < 20 {
		return nil, bad(fmt.Sprintf("unknown table layout %d", layout))
	}
	ns, np := int(le.Uint32(p[12:])), int(le.Uint32(p[16:]))
	p = p[20:]
	if len(p) != ns*8+np*4 || ns < 1 {
		return nil, bad(fmt.Sprintf("size %d does not match %d slots and %d weights", len(p), ns, np))
	}
	m.slots = make([]uint64, ns)
	for i := range m.slots {
		m.slots[i] = le.Uint64(p[i*8:])
	}
	p = p[ns*8:]
	m.pairs = make([]uint32, np)
	for i := range m.pairs {
		m.pairs[i] = le.Uint32(p[i*4:])
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
