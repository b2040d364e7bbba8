package ner

import (
	"unicode"
	"unicode/utf8"
)

// Document codes: what the rest of a document says about a word, read by
// the features beside the word's own sentence. A name is often written
// in full once and shortened later ("Princess Diana" ... "Diana"), or
// opens a sentence where its capital says nothing, and the other
// mentions of the same word (its capitals elsewhere, the runs of
// capitalised words it stands in, what the lists and rules made of it)
// decide it. The codes read no labels, so training needs no second model.
const (
	DocCapital     = 1 << iota // capitalised elsewhere, not opening a sentence
	DocLower                   // written in lower case elsewhere
	DocRunFirst                // elsewhere the first of two or more capitalised words
	DocRunLater                // elsewhere a later word of such a run
	DocHintPerson              // elsewhere in a rule or list person
	DocHintPlace               // elsewhere in a gazetteer place (not a demonym)
	DocHintOrg                 // elsewhere in an organization
	DocHintDemonym             // elsewhere a demonym
	DocSeen                    // the word occurs elsewhere at all
)

// docBits is how many codes there are (the counters kept per word).
const docBits = 9

// DocCodes returns a code per word of a document: words holds every word
// of its sentences in order, starts the index of each sentence's first
// word (ascending), hints the words' hints (nil: none). Words without a
// letter get 0.
func DocCodes(words []string, starts []int, hints []uint32) []uint32 {
	var sc DocScratch
	return sc.Codes(words, starts, hints)
}

// DocScratch is DocCodes' working memory, kept from one document to the
// next by a caller that reads many (the extractor's per-goroutine state):
// a document's codes then allocate nothing once the buffers have grown.
// The zero value is ready; it is not safe for concurrent use.
type DocScratch struct {
	out, own []uint32
	index    map[uint64]int32
	counts   [][docBits]int32
	form     []int32
	flags    []uint8
}

// Word flags of DocScratch.flags.
const (
	docFlagCap = 1 << iota
	docFlagFirst
	docFlagLetter
)

// Codes is DocCodes; the result is valid until the next call.
func (sc *DocScratch) Codes(words []string, starts []int, hints []uint32) []uint32 {
	out := zeroed(sc.out, len(words))
	sc.out = out
	if len(words) == 0 {
		return out
	}
	// own[i] is word i's own contribution; counts per form sum them.
	own := zeroed(sc.own, len(words))
	sc.own = own
	if sc.index == nil {
		sc.index = make(map[uint64]int32, len(words)/2) // form -> its counts
	} else {
		clear(sc.index)
	}
	index := sc.index
	counts := sc.counts[:0]
	form := zeroed(sc.form, len(words))
	sc.form = form
	flags := zeroed(sc.flags, len(words))
	sc.flags = flags
	for _, s := range starts {
		if s >= 0 && s < len(words) {
			flags[s] |= docFlagFirst
		}
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			flags[i] |= docFlagLetter
		}
		if unicode.IsUpper(r) {
			flags[i] |= docFlagCap
		}
	}
	caps := func(i int) bool { return flags[i]&docFlagCap != 0 }
	first := func(i int) bool { return flags[i]&docFlagFirst != 0 }
	letter := func(i int) bool { return flags[i]&docFlagLetter != 0 }
	for i, w := range words {
		if !letter(i) {
			continue
		}
		var c uint32 = DocSeen
		switch {
		case caps(i) && !first(i):
			c |= DocCapital
		case !caps(i):
			c |= DocLower
		}
		if caps(i) {
			prev := i > 0 && !first(i) && caps(i-1) && letter(i-1)
			next := i+1 < len(words) && !first(i+1) && caps(i+1) && letter(i+1)
			if prev {
				c |= DocRunLater
			} else if next {
				c |= DocRunFirst
			}
		}
		if hints != nil {
			switch hints[i] & 7 {
			case HintPerson:
				c |= DocHintPerson
			case HintPlace:
				c |= DocHintPlace
			case HintOrganization:
				c |= DocHintOrg
			case HintDemonym:
				c |= DocHintDemonym
			}
		}
		own[i] = c
		h := lowerHash(w)
		x, ok := index[h]
		if !ok {
			x = int32(len(counts))
			index[h] = x
			counts = append(counts, [docBits]int32{})
		}
		form[i] = x
		n := &counts[x]
		for b := range docBits {
			if c&(1<<b) != 0 {
				n[b]++
			}
		}
	}
	sc.counts = counts
	for i := range words {
		if !letter(i) {
			continue
		}
		n := &counts[form[i]]
		var c uint32
		for b := range docBits {
			k := n[b]
			if own[i]&(1<<b) != 0 {
				k--
			}
			if k > 0 {
				c |= 1 << b
			}
		}
		out[i] = c
	}
	return out
}

// zeroed returns buf resized to n zero values, reusing its array when it
// is long enough.
func zeroed[T any](buf []T, n int) []T {
	if buf == nil || cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// lowerHash hashes the lower-case form of w.
func lowerHash(w string) uint64 {
	const off, prime = 14695981039346656037, 1099511628211
	h := uint64(off)
	for _, r := range w {
		var buf [4]byte
		k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:k] {
			h = (h ^ uint64(b)) * prime
		}
	}
	return h
}

// AddDocCodes sets In.Doc of every example from DocCodes over its
// document: docs[i] numbers the document of exs[i], and a document's
// sentences stand together, in order.
func AddDocCodes(exs []Example, docs []int) {
	var words []string
	var hints []uint32
	var starts []int
	for i := 0; i < len(exs); {
		j := i
		words, hints, starts = words[:0], hints[:0], starts[:0]
		for ; j < len(exs) && docs[j] == docs[i]; j++ {
			starts = append(starts, len(words))
			words = append(words, exs[j].In.Words...)
			if exs[j].In.Hints != nil {
				hints = append(hints, exs[j].In.Hints...)
			} else {
				hints = append(hints, make([]uint32, len(exs[j].In.Words))...)
			}
		}
		codes := DocCodes(words, starts, hints)
		for k := i; k < j; k++ {
			n := len(exs[k].In.Words)
			exs[k].In.Doc, codes = codes[:n:n], codes[n:]
		}
		i = j
	}
}
