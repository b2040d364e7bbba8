package learn

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// toy is a learnable problem: the label of an example is the class of its
// "key word" (word w has class w%3), among distractor words that carry no
// signal, plus a bias feature.
func toy(n int, seed uint64) (feats [][]uint64, gold []int) {
	s := seed
	next := func(k int) int {
		s += golden
		return int(mix(s) % uint64(k))
	}
	for range n {
		key := next(30)
		f := []uint64{Feat(0, 0), Feat(1, uint64(key))}
		for range 4 {
			f = append(f, Feat(2, uint64(next(1000))))
		}
		feats = append(feats, f)
		gold = append(gold, key%3)
	}
	return feats, gold
}

// writeRead writes m with a header of kind and feature set 1 and reads
// it back.
func writeRead(t *testing.T, m *Model, kind string) *Model {
	t.Helper()
	m.Header = Header{Kind: kind, FeatureSet: 1}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(buf.Bytes(), kind, kind, 1)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// flatRows lays the features of several examples end to end, with the
// example (row) of each, as AddRows reads them.
func flatRows(feats [][]uint64) (keys []uint64, rows []int32) {
	for i, f := range feats {
		keys = append(keys, f...)
		for range f {
			rows = append(rows, int32(i))
		}
	}
	return keys, rows
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

// accuracy is the share of examples whose best class under m is gold.
func accuracy(m *Model, feats [][]uint64, gold []int) float64 {
	scores := make([]int32, m.Classes())
	right := 0
	for i := range feats {
		m.Scores(feats[i], scores)
		if argmax(scores) == gold[i] {
			right++
		}
	}
	return float64(right) / float64(len(feats))
}

func train(t *testing.T) *Trainer {
	feats, gold := toy(3000, 1)
	tr := NewTrainer(3)
	order := make([]int, len(feats))
	for i := range order {
		order[i] = i
	}
	scores := make([]int32, 3)
	for ep := range 5 {
		Shuffle(order, uint64(ep))
		for _, i := range order {
			tr.Scores(feats[i], scores)
			tr.Update(feats[i], gold[i], argmax(scores))
		}
	}
	return tr
}

func TestLearnsToy(t *testing.T) {
	m := train(t).Model(Prune{MinSeen: 0})
	feats, gold := toy(1000, 99)
	if acc := accuracy(m, feats, gold); acc < 0.98 {
		t.Fatalf("held-out accuracy %.3f, want >= 0.98", acc)
	}
	if m.Features() == 0 || m.Features() > 1100 {
		t.Fatalf("model keeps %d features", m.Features())
	}
}

func TestRoundTripAndSameBytes(t *testing.T) {
	write := func() []byte {
		m := train(t).Model(Prune{MinSeen: 0})
		m.Header = Header{Kind: "toy", FeatureSet: 3, Labels: []string{"a", "b", "c"},
			Training: []TrainingFile{{Name: "x", SHA256: "00"}}, Scores: map[string]float64{"dev": 0.9, "a": 1}}
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := write(), write()
	if !bytes.Equal(a, b) {
		t.Fatal("training twice wrote different bytes")
	}
	m, err := Read(a, "toy.model", "toy", 3)
	if err != nil {
		t.Fatal(err)
	}
	orig := train(t).Model(Prune{MinSeen: 0})
	feats, _ := toy(200, 7)
	s1, s2 := make([]int32, 3), make([]int32, 3)
	for _, f := range feats {
		orig.Scores(f, s1)
		m.Scores(f, s2)
		if s1[0] != s2[0] || s1[1] != s2[1] || s1[2] != s2[2] {
			t.Fatalf("scores differ after load: %v vs %v", s1, s2)
		}
	}
	if m.Header.Labels[2] != "c" || m.Header.Scores["dev"] != 0.9 {
		t.Fatalf("header not kept: %+v", m.Header)
	}
	if _, err := Read(a, "toy.model", "toy", 4); !errors.Is(err, ErrVersion) {
		t.Fatalf("feature set 4: err %v, want ErrVersion", err)
	}
	if _, err := Read(a, "toy.model", "parser", 3); err == nil {
		t.Fatal("wrong kind accepted")
	}
	bad := append([]byte(nil), a...)
	bad[len(Magic)] = 9
	if _, err := Read(bad, "toy.model", "toy", 3); !errors.Is(err, ErrVersion) {
		t.Fatalf("format 9: err %v, want ErrVersion", err)
	}
	if _, err := Read(a[:len(a)-3], "toy.model", "toy", 3); err == nil {
		t.Fatal("truncated file accepted")
	}
}

func TestPrune(t *testing.T) {
	tr := train(t)
	all := tr.Model(Prune{MinSeen: 0})
	few := tr.Model(Prune{MinSeen: 0, MaxFeatures: 30})
	if few.Features() != 30 || all.Features() <= 30 {
		t.Fatalf("features: all %d, capped %d", all.Features(), few.Features())
	}
	// The 30 key words and the bias carry the signal: the capped model
	// still solves the problem.
	feats, gold := toy(500, 5)
	scores := make([]int32, 3)
	right := 0
	for i := range feats {
		few.Scores(feats[i], scores)
		if argmax(scores) == gold[i] {
			right++
		}
	}
	if right < 480 {
		t.Fatalf("capped model: %d/500 right", right)
	}
}

func TestAverageIsExact(t *testing.T) {
	tr := NewTrainer(2)
	f := []uint64{Feat(0, 0)}
	tr.Update(f, 1, 0) // t=1: w1=+1, w0=-1
	tr.Update(f, 1, 1) // t=2
	tr.Update(f, 0, 1) // t=3: w1=0, w0=0
	tr.Update(f, 0, 0) // t=4
	// Average of class 1: (1 + 1 + 0 + 0) / 4 = 0.5; class 0: -0.5.
	m := tr.Model(Prune{})
	s := make([]int32, 2)
	m.Scores(f, s)
	if got := float32(s[1]) * m.Scale(); got < 0.4999 || got > 0.5001 || s[0] != -s[1] {
		t.Fatalf("averaged scores %v (scale %g)", s, m.Scale())
	}
}

func BenchmarkScores(b *testing.B) {
	m := train(nil).Model(Prune{})
	feats, _ := toy(100, 3)
	s := make([]int32, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Scores(feats[i%100], s)
	}
}

// A model of at most 4 classes scores through its inline table; it must
// agree with the general one.
func TestInlineAgrees(t *testing.T) {
	m := train(t).Model(Prune{})
	if m.inline == nil {
		t.Fatal("3-class model has no inline table")
	}
	general := sparseModel(train(t))
	feats, _ := toy(300, 11)
	a, b := make([]int32, 3), make([]int32, 3)
	for _, f := range feats {
		m.Scores(f, a)
		general.Scores(f, b)
		if a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
			t.Fatalf("inline %v, general %v", a, b)
		}
	}
}

// sparseModel builds tr's model without the inline table.
func sparseModel(tr *Trainer) *Model {
	m := tr.Model(Prune{})
	// Rebuild the sparse arrays from the inline table.
	ns := len(m.inline) / 3
	g := &Model{classes: m.classes, scale: m.scale, slots: make([]uint64, ns+1)}
	for s := range ns {
		g.slots[s] = uint64(len(g.pairs))<<32 | uint64(m.inline[3*s])
		for c := range 4 {
			if w := uint16(m.inlineWeights(s) >> (16 * c)); w != 0 {
				g.pairs = append(g.pairs, uint32(c)<<16|uint32(w))
			}
		}
	}
	g.slots[ns] = uint64(len(g.pairs)) << 32
	return g
}

// A model of more than 4 classes uses the sparse layout; it survives a
// round trip too.
func TestSparseRoundTrip(t *testing.T) {
	feats, gold := toy(2000, 3)
	tr := NewTrainer(6)
	s := make([]int32, 6)
	for range 3 {
		for i := range feats {
			g := gold[i] * 2 // classes 0, 2, 4
			tr.Scores(feats[i], s)
			tr.Update(feats[i], g, argmax(s))
		}
	}
	m := tr.Model(Prune{})
	if m.inline != nil || len(m.pairs) == 0 {
		t.Fatal("6-class model is not sparse")
	}
	r := writeRead(t, m, "toy6")
	a, b := make([]int32, 6), make([]int32, 6)
	for _, f := range feats[:200] {
		m.Scores(f, a)
		r.Scores(f, b)
		for c := range a {
			if a[c] != b[c] {
				t.Fatalf("class %d: %d before, %d after", c, a[c], b[c])
			}
		}
	}
}

// AddRows gives every row exactly what Add gives it, for both layouts,
// with rows in any order and batches that cut across rows.
func TestAddRowsAgrees(t *testing.T) {
	for _, m := range []*Model{train(t).Model(Prune{}), sparseModel(train(t))} {
		examples, _ := toy(200, 5)
		var feats []uint64
		var rows []int32
		for i, f := range examples {
			for _, x := range f {
				feats = append(feats, x)
				rows = append(rows, int32(len(examples)-1-i)) // rows in reverse
			}
		}
		nc := m.Classes()
		got := make([]int32, len(examples)*nc)
		m.AddRows(feats, rows, got)
		want := make([]int32, nc)
		nonzero := 0
		for i, f := range examples {
			m.Scores(f, want)
			r := got[(len(examples)-1-i)*nc:][:nc]
			for c := range nc {
				if r[c] != want[c] {
					t.Fatalf("inline=%v row %d: AddRows %v, Add %v", m.inline != nil, i, r, want)
				}
				if r[c] != 0 {
					nonzero++
				}
			}
		}
		if nonzero == 0 {
			t.Fatal("no scores at all: the test compares nothing")
		}
	}
}

// An int8 model (Prune.Int8) is the int16 model's weights at a coarser
// scale: it learns the toy as well, survives a round trip as format
// version 3, and its Add, AddRows and Fixed agree. A version-2 file that
// claims an int8 table is refused.
func TestInt8(t *testing.T) {
	m := train(t).Model(Prune{Int8: true})
	if !m.Int8() {
		t.Fatal("3-class model with Prune.Int8 has no int8 table")
	}
	feats, gold := toy(1000, 99)
	if acc := accuracy(m, feats, gold); acc < 0.98 {
		t.Fatalf("int8 held-out accuracy %.3f, want >= 0.98", acc)
	}
	m.Header = Header{Kind: "toy", FeatureSet: 1}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if v := binary.LittleEndian.Uint32(data[len(Magic):]); v != FormatVersion {
		t.Fatalf("int8 model written as format %d, want %d", v, FormatVersion)
	}
	r, err := Read(data, "toy", "toy", 1)
	if err != nil {
		t.Fatal(err)
	}
	old := append([]byte(nil), data...)
	binary.LittleEndian.PutUint32(old[len(Magic):], formatInt16)
	if _, err := Read(old, "toy", "toy", 1); !errors.Is(err, ErrVersion) {
		t.Fatalf("int8 table in a version-2 file: err %v, want ErrVersion", err)
	}
	keys, rows := flatRows(feats[:200])
	got := make([]int32, 200*3)
	r.AddRows(keys, rows, got)
	fx := r.Fixed(keys)
	a, b := make([]int32, 3), make([]int32, 3)
	k := 0
	for i, f := range feats[:200] {
		m.Scores(f, a)
		r.Scores(f, b)
		var acc [4]int32
		for range f {
			fx.Add4(k, &acc)
			k++
		}
		for c := range 3 {
			if a[c] != b[c] || got[i*3+c] != a[c] || acc[c] != a[c] {
				t.Fatalf("example %d class %d: Scores %d, after load %d, AddRows %d, Fixed %d", i, c, a[c], b[c], got[i*3+c], acc[c])
			}
		}
	}
	// The int16 model of the same trainer is not written as version 3.
	m16 := train(t).Model(Prune{})
	m16.Header = Header{Kind: "toy", FeatureSet: 1}
	buf.Reset()
	if err := m16.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if v := binary.LittleEndian.Uint32(buf.Bytes()[len(Magic):]); v != formatInt16 {
		t.Fatalf("int16 model written as format %d, want %d", v, formatInt16)
	}
}

// A sparse model (more than 4 classes) of int8 codes: Add, AddRows and
// Fixed agree after a round trip, and the scores are the int16 model's
// within the code book's rounding.
func TestSparse8(t *testing.T) {
	feats, gold := toy(2000, 3)
	tr := NewTrainer(6)
	s := make([]int32, 6)
	for range 3 {
		for i := range feats {
			tr.Scores(feats[i], s)
			tr.Update(feats[i], gold[i]*2, argmax(s))
		}
	}
	m := tr.Model(Prune{Int8: true})
	if m.pairs8 == nil || m.pairs != nil {
		t.Fatal("6-class int8 model has no pairs8")
	}
	r := writeRead(t, m, "toy6")
	m16 := tr.Model(Prune{})
	keys, rows := flatRows(feats[:200])
	got := make([]int32, 200*6, 200*6+256)
	r.AddRows(keys, rows, got)
	fx := r.Fixed(keys)
	a, b, c, w16 := make([]int32, 6), make([]int32, 6), make([]int32, 6, 256), make([]int32, 6)
	k, agree := 0, 0
	for i, f := range feats[:200] {
		m.Scores(f, a)
		r.Scores(f, b)
		clear(c)
		for range f {
			fx.Add(k, c)
			k++
		}
		for j := range 6 {
			if a[j] != b[j] || got[i*6+j] != a[j] || c[j] != a[j] {
				t.Fatalf("example %d class %d: Scores %d, after load %d, AddRows %d, Fixed %d", i, j, a[j], b[j], got[i*6+j], c[j])
			}
		}
		m16.Scores(f, w16)
		if argmax(a) == argmax(w16) {
			agree++
		}
	}
	if agree < 195 {
		t.Fatalf("int8 and int16 models agree on %d of 200 examples", agree)
	}
}
