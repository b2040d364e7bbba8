package main

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/newsclaims/newsclaims/extract"
)

// TestDrawClaims: every kind with enough claims gets perKind, a kind with
// fewer gets all of its claims, the sample reaches total, and the same
// seed draws the same sample.
func TestDrawClaims(t *testing.T) {
	var all []found
	add := func(kind string, n int) {
		for i := 0; i < n; i++ {
			all = append(all, found{page: kind, claim: extract.Claim{Kind: kind, Span: extract.Span{Start: i, End: i + 1}}})
		}
	}
	add("attack", 2)
	add("casualty", 7)
	add("statement", 300)
	add("role", 50)
	draw := func() []found { return drawClaims(rand.New(rand.NewPCG(14, 0)), all, 60, 5) }
	s := draw()
	if len(s) != 60 {
		t.Fatalf("sample of %d claims, want 60", len(s))
	}
	n := map[string]int{}
	seen := map[[2]any]bool{}
	for _, f := range s {
		n[f.claim.Kind]++
		key := [2]any{f.page, f.claim.Start}
		if seen[key] {
			t.Fatalf("claim %v drawn twice", key)
		}
		seen[key] = true
	}
	if n["attack"] != 2 || n["casualty"] < 5 || n["role"] < 5 || n["statement"] < 5 {
		t.Errorf("claims by kind %v: want both attacks and at least 5 of the others", n)
	}
	if !reflect.DeepEqual(s, draw()) {
		t.Error("the same seed drew a different sample")
	}
	if other := drawClaims(rand.New(rand.NewPCG(15, 0)), all, 60, 5); reflect.DeepEqual(s, other) {
		t.Error("another seed drew the same sample")
	}
}
