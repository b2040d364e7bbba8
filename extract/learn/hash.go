package learn

// Hashing is fixed (no per-process seed): model files store hashed keys.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	golden    = 0x9E3779B97F4A7C15
)

// mix is the splitmix64 finalizer: every input bit affects every output bit.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// String hashes s.
func String(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

// Bytes hashes b; Bytes(b) == String(string(b)).
func Bytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix(h)
}

// Feat is the feature of template t with no argument (a bias) or one.
func Feat(t uint32, a uint64) uint64 {
	return nonzero(mix(mix(uint64(t)*golden+a) ^ 0x5bd1e995))
}

// Feat2 is the feature of template t over a and b (order matters).
func Feat2(t uint32, a, b uint64) uint64 {
	return nonzero(mix(mix(uint64(t)*golden+a) ^ b))
}

// Feat3 is the feature of template t over a, b and c.
func Feat3(t uint32, a, b, c uint64) uint64 {
	return nonzero(mix(mix(mix(uint64(t)*golden+a)^b) + c*golden))
}

// nonzero keeps 0 free as the empty-slot mark of the model table.
func nonzero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// Shuffle permutes order with a generator seeded by seed: the same seed
// gives the same order on every machine (Fisher–Yates over splitmix64).
func Shuffle(order []int, seed uint64) {
	s := seed
	for i := len(order) - 1; i > 0; i-- {
		s += golden
		j := int(mix(s) % uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
}
