package learn

import "testing"

// trainOrder trains on the toy problem reading it in the order of seed.
func trainOrder(seed uint64) *Trainer {
	feats, gold := toy(3000, 1)
	tr := NewTrainer(3)
	order := make([]int, len(feats))
	for i := range order {
		order[i] = i
	}
	scores := make([]int32, 3)
	for ep := range 3 {
		Shuffle(order, seed+uint64(ep))
		for _, i := range order {
			tr.Scores(feats[i], scores)
			tr.Update(feats[i], gold[i], argmax(scores))
		}
	}
	return tr
}

// TestEnsemble: the mean of a trainer with itself is that trainer's model
// (same scores); the mean of two orders learns the toy and keeps the
// union of their features.
func TestEnsemble(t *testing.T) {
	a, b := trainOrder(1), trainOrder(50)
	feats, gold := toy(1000, 99)
	one, self := a.Model(Prune{}), Ensemble(Prune{}, a, a)
	sa, sb := make([]int32, 3), make([]int32, 3)
	for i := range feats {
		one.Scores(feats[i], sa)
		self.Scores(feats[i], sb)
		for c := range sa {
			if d := float32(sa[c])*one.Scale() - float32(sb[c])*self.Scale(); d > 0.01 || d < -0.01 {
				t.Fatalf("example %d class %d: model %v, ensemble of itself %v", i, c, sa, sb)
			}
		}
	}
	m := Ensemble(Prune{}, a, b)
	if acc := accuracy(m, feats, gold); acc < 0.98 {
		t.Fatalf("ensemble held-out accuracy %.3f, want >= 0.98", acc)
	}
	if n, na := m.Features(), a.Model(Prune{}).Features(); n < na {
		t.Fatalf("ensemble keeps %d features, fewer than one of its trainers (%d)", n, na)
	}
	if n := Ensemble(Prune{MaxFeatures: 10}, a, b).Features(); n != 10 {
		t.Fatalf("MaxFeatures 10: %d features", n)
	}
}
