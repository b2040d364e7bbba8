package learn

// Fixed is a model's table entries for a list of keys known in advance,
// found by the key's position in the list instead of by hashing and
// probing: the templates whose arguments take few values (tag ids, tag
// pairs, word classes) are looked up this way at inference. Each entry is
// what the table gives for that key, weights or nothing, so Add(i) adds
// exactly what Model.Add adds for keys[i].
type Fixed struct {
	m *Model
	// ent per key: the four weights (inline layout), or the pair range
	// from<<32 | to (sparse layout; from == to when absent).
	ent []uint64
}

// Fixed resolves keys in the model's table once.
func (m *Model) Fixed(keys []uint64) *Fixed {
	f := &Fixed{m: m, ent: make([]uint64, len(keys))}
	if m.inline != nil || m.inline8 != nil {
		nslot := len(m.inline)/3 + len(m.inline8)
		for i, k := range keys {
			if s, ok := m.slotInline(k, nslot); ok {
				f.ent[i] = m.inlineWeights(s)
			}
		}
		return f
	}
	if len(m.slots) < 2 {
		return f
	}
	var hit probeHits
	for at := 0; at < len(keys); at += probeBatch {
		batch := keys[at:min(at+probeBatch, len(keys))]
		n, _ := m.probe(batch, &hit)
		for h := range n {
			f.ent[at+int(hit.feat[h])] = uint64(hit.from[h])<<32 | uint64(hit.to[h])
		}
	}
	return f
}

// slotInline is the slot of key k in the inline table, if it is there.
func (m *Model) slotInline(k uint64, nslot int) (int, bool) {
	s, fp := split(k, nslot)
	for {
		var at uint32
		if m.inline8 != nil {
			at = uint32(m.inline8[s])
		} else {
			at = m.inline[3*s]
		}
		switch at {
		case fp:
			return s, true
		case 0:
			return 0, false
		}
		if s++; s == nslot {
			s = 0
		}
	}
}

// Len is the number of keys.
func (f *Fixed) Len() int { return len(f.ent) }

// Add adds the weights of key i into scores (len Classes()).
func (f *Fixed) Add(i int, scores []int32) {
	e := f.ent[i]
	if f.m.inline != nil || f.m.inline8 != nil {
		for c := range min(len(scores), 4) {
			scores[c] += int32(int16(uint16(e >> (16 * c))))
		}
		return
	}
	if f.m.pairs8 != nil {
		f.m.addPairs8(scores, f.m.pairs8[uint32(e>>32):uint32(e)])
		return
	}
	f.m.addPairs(scores, f.m.pairs[uint32(e>>32):uint32(e)])
}

// Add4 is Add for a model of at most four classes, into acc: the fast
// path for the parser's action model.
func (f *Fixed) Add4(i int, acc *[4]int32) {
	if f.m.inline == nil && f.m.inline8 == nil {
		f.Add(i, acc[:min(f.m.classes, 4)])
		return
	}
	e := f.ent[i]
	acc[0] += int32(int16(uint16(e)))
	acc[1] += int32(int16(uint16(e >> 16)))
	acc[2] += int32(int16(uint16(e >> 32)))
	acc[3] += int32(int16(uint16(e >> 48)))
}
