package learn

import (
	"math"
	"slices"
)

// Ensemble averages the averaged weights of several trainers over the
// same classes (the same examples read in different orders, say) into one
// model, quantized and pruned like Trainer.Model. A perceptron depends on
// the order it reads its examples in; the mean of a few orders varies
// less and scores as one model does, at the cost of one. A feature's
// seen count (Prune.MinSeen) is its total over the trainers.
func Ensemble(p Prune, ts ...*Trainer) *Model {
	if len(ts) == 0 {
		panic("learn: Ensemble of no trainers")
	}
	if len(ts) == 1 {
		return ts[0].Model(p)
	}
	classes := ts[0].classes
	seen := map[uint64]int{}
	for _, t := range ts {
		if t.classes != classes {
			panic("learn: Ensemble of trainers with different classes")
		}
		for k, r := range t.rows {
			seen[k] += int(r.seen)
		}
	}
	keys := make([]uint64, 0, len(seen))
	for k, n := range seen {
		if n >= p.MinSeen {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // no dependence on map order below
	sum := make([]float64, classes)
	type feat struct {
		key uint64
		ws  []float64 // mean averaged weight per class
	}
	feats := make([]feat, 0, len(keys))
	maxAbs := 0.0
	for _, k := range keys {
		clear(sum)
		for _, t := range ts {
			r := t.rows[k]
			if r == nil {
				continue
			}
			now := float64(max(t.now, 1))
			for i := range r.ws {
				w := &r.ws[i]
				sum[w.class] += (float64(w.total) + float64(w.w)*float64(t.now-w.ts)) / now
			}
		}
		f := feat{key: k, ws: make([]float64, classes)}
		for c, v := range sum {
			f.ws[c] = v / float64(len(ts))
			maxAbs = max(maxAbs, math.Abs(f.ws[c]))
		}
		feats = append(feats, f)
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	qs := make([]qfeat, 0, len(feats))
	for _, f := range feats {
		q := qfeat{key: f.key}
		for c, v := range f.ws {
			w := math.Round(v / scale)
			if w == 0 {
				continue
			}
			q.ws = append(q.ws, pair{class: uint16(c), w: int16(w)})
			q.mass += math.Abs(w)
		}
		if len(q.ws) > 0 {
			qs = append(qs, q)
		}
	}
	return buildStrongest(qs, p, classes, scale)
}
