package syntax

import "github.com/newsclaims/newsclaims/extract/learn"

// fixedOne is m's table of template t over the values vals (learn.Fixed):
// position i holds the weights of learn.Feat(t, vals[i]).
func fixedOne(m *learn.Model, t uint32, vals []uint64) *learn.Fixed {
	keys := make([]uint64, len(vals))
	for i, a := range vals {
		keys[i] = learn.Feat(t, a)
	}
	return m.Fixed(keys)
}

// fixedTwo is m's table of template t over the pairs of as and bs,
// position i*len(bs)+j holding learn.Feat2(t, as[i], bs[j]).
func fixedTwo(m *learn.Model, t uint32, as, bs []uint64) *learn.Fixed {
	keys := make([]uint64, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			keys = append(keys, learn.Feat2(t, a, b))
		}
	}
	return m.Fixed(keys)
}

// counting returns 0, 1, ..., n-1.
func counting(n int) []uint64 {
	v := make([]uint64, n)
	for i := range v {
		v[i] = uint64(i)
	}
	return v
}
