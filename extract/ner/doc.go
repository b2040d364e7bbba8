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
	out := make([]uint32, len(words))
	if len(words) == 0 {
		return out
	}
	// own[i] is word i's own contribution; counts per form sum them.
	own := make([]uint32, len(words))
	index := make(map[uint64]int32, len(words)/2) // form -> its counts
	var counts [][docBits]int32
	form := make([]int32, len(words))
	caps := make([]bool, len(words))
	first := make([]bool, len(words))
	for _, s := range starts {
		if s >= 0 && s < len(words) {
			first[s] = true
		}
	}
	letter := make([]bool, len(words))
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		letter[i] = unicode.IsLetter(r)
		caps[i] = unicode.IsUpper(r)
	}
	for i, w := range words {
		if !letter[i] {
			continue
		}
		var c uint32 = DocSeen
		switch {
		case caps[i] && !first[i]:
			c |= DocCapital
		case !caps[i]:
			c |= DocLower
		}
		if caps[i] {
			prev := i > 0 && !first[i] && caps[i-1] && letter[i-1]
			next := i+1 < len(words) && !first[i+1] && caps[i+1] && letter[i+1]
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
	for i := range words {
		if !letter[i] {
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
