package learn

import (
	"math"
	"slices"
)

// weight is one (feature, class) weight of the trainer. w is the current
// weight; total is the sum of w over all past ticks up to ts, so the
// average at time now is (total + w*(now-ts)) / now.
type weight struct {
	total int64
	w     int32
	ts    int32
	class uint16
}

// row is the weights of one feature, a few classes each.
type row struct {
	ws   []weight
	seen int32 // how many Scores calls saw it after its first update
}

// Trainer is an averaged perceptron over hashed features. Not safe for
// concurrent use.
type Trainer struct {
	classes int
	rows    map[uint64]*row
	now     int32
}

// NewTrainer returns a trainer for classes labels (at most 65536).
func NewTrainer(classes int) *Trainer {
	if classes <= 0 || classes > math.MaxUint16+1 {
		panic("learn: class count out of range")
	}
	return &Trainer{classes: classes, rows: make(map[uint64]*row)}
}

// Classes is the label count.
func (t *Trainer) Classes() int { return t.classes }

// Features is how many distinct features have weights.
func (t *Trainer) Features() int { return len(t.rows) }

// Scores sets scores[c] to the sum of the current weights of class c over
// feats. len(scores) must be Classes(). It also counts how often each
// feature is seen, for Prune.MinSeen.
func (t *Trainer) Scores(feats []uint64, scores []int32) {
	clear(scores)
	for _, f := range feats {
		r := t.rows[f]
		if r == nil {
			continue
		}
		r.seen++
		for i := range r.ws {
			scores[r.ws[i].class] += r.ws[i].w
		}
	}
}

// Update is called once per training example; it advances the clock and,
// when guess differs from gold, adds 1 to gold's weights and subtracts 1
// from guess's over feats.
func (t *Trainer) Update(feats []uint64, gold, guess int) {
	t.now++
	if gold == guess {
		return
	}
	for _, f := range feats {
		r := t.rows[f]
		if r == nil {
			r = &row{}
			t.rows[f] = r
		}
		r.add(t.now, uint16(gold), 1)
		r.add(t.now, uint16(guess), -1)
	}
}

// Tick advances the clock by one example without changing a weight: a
// structured update (a whole sequence's gold and guessed features, which
// differ where the guessed previous labels do) calls Tick once per
// position and then Add for what it changes.
func (t *Trainer) Tick() { t.now++ }

// Add adds d to the weights of class over feats, at the current clock.
func (t *Trainer) Add(feats []uint64, class int, d int32) {
	for _, f := range feats {
		r := t.rows[f]
		if r == nil {
			r = &row{}
			t.rows[f] = r
		}
		r.add(t.now, uint16(class), d)
	}
}

func (r *row) add(now int32, class uint16, d int32) {
	for i := range r.ws {
		w := &r.ws[i]
		if w.class == class {
			w.total += int64(w.w) * int64(now-w.ts)
			w.ts = now
			w.w += d
			return
		}
	}
	// A new weight was 0 until now: its total so far is 0.
	r.ws = append(r.ws, weight{class: class, w: d, ts: now})
}

// Prune says which averaged weights the model keeps.
type Prune struct {
	// MinSeen drops features that Scores saw fewer times after their
	// first update (rare features). Counting updates instead would drop
	// the strongest features: a frequent word's feature is often right
	// after one update.
	MinSeen int
	// MaxFeatures, if > 0, keeps at most this many features, those with
	// the largest sum of absolute averaged weights.
	MaxFeatures int
	// Int8 stores the weights as int8 codes of the int16 weights (Code8):
	// in a model of at most 4 classes 8 bytes a feature in the table
	// instead of 12, in one of at most 256 classes 2 bytes a weight
	// instead of 4. Models of more classes ignore it.
	Int8 bool
}

// Model averages, quantizes to int16 and prunes the weights: weights that
// round to 0 and features left with none are dropped. The trainer can go
// on training afterwards.
func (t *Trainer) Model(p Prune) *Model {
	keys := make([]uint64, 0, len(t.rows))
	for k, r := range t.rows {
		if int(r.seen) >= p.MinSeen {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // no dependence on map order below
	now := float64(t.now)
	if now == 0 {
		now = 1
	}
	avg := func(w *weight) float64 {
		return (float64(w.total) + float64(w.w)*float64(t.now-w.ts)) / now
	}
	maxAbs := 0.0
	for _, k := range keys {
		for i := range t.rows[k].ws {
			maxAbs = max(maxAbs, math.Abs(avg(&t.rows[k].ws[i])))
		}
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	feats := make([]qfeat, 0, len(keys))
	for _, k := range keys {
		r := t.rows[k]
		var f qfeat
		f.key = k
		for i := range r.ws {
			a := avg(&r.ws[i])
			q := math.Round(a / scale)
			if q == 0 {
				continue
			}
			f.ws = append(f.ws, pair{class: r.ws[i].class, w: int16(q)})
			f.mass += math.Abs(q)
		}
		if len(f.ws) == 0 {
			continue
		}
		slices.SortFunc(f.ws, func(a, b pair) int { return int(a.class) - int(b.class) })
		feats = append(feats, f)
	}
	return buildStrongest(feats, p, t.classes, scale)
}

// qfeat is a feature with its quantised weights and their mass (the sum
// of the weights' absolute values, before quantisation).
type qfeat struct {
	key  uint64
	ws   []pair
	mass float64
}

// buildStrongest builds the model of feats (sorted by key), keeping only
// the p.MaxFeatures (0: all) of greatest mass, ties in key order.
func buildStrongest(feats []qfeat, p Prune, classes int, scale float64) *Model {
	max := p.MaxFeatures
	if max > 0 && len(feats) > max {
		slices.SortStableFunc(feats, func(a, b qfeat) int {
			switch {
			case a.mass > b.mass:
				return -1
			case a.mass < b.mass:
				return 1
			}
			return 0
		})
		feats = feats[:max]
		slices.SortFunc(feats, func(a, b qfeat) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
	}
	b := newBuilder(len(feats))
	for _, f := range feats {
		b.add(f.key, f.ws)
	}
	return b.build(classes, float32(scale), p.Int8)
}
