package syntax

import (
	"math/rand/v2"
	"testing"
)

// TestLemmaArgmax checks the two-scan argmax against the one-scan
// definition (first highest score among the scripts whose cut fits) on
// random scores with many ties and cuts that often do not fit.
func TestLemmaArgmax(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		k := r.IntN(40)
		sc, cuts := make([]int32, k), make([]int32, k)
		for c := range sc {
			sc[c], cuts[c] = int32(r.IntN(5)-2), int32(r.IntN(6))
		}
		runes := int32(r.IntN(6))
		want := -1
		for c, v := range sc {
			if cuts[c] <= runes && (want < 0 || v > sc[want]) {
				want = c
			}
		}
		if got := lemmaArgmax(sc, cuts, runes); got != want {
			t.Fatalf("case %d: scores %v cuts %v runes %d: got %d, want %d", n, sc, cuts, runes, got, want)
		}
	}
}
