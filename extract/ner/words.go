package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Words is what unlabelled text says of a word, for the words seen often
// enough in it: a distributional class at two grains (words used in the
// same contexts share a class: "Tuesday" and "Friday", "Enron" and
// "Microsoft", "Kandahar" and "Herat"), so that the recogniser reads a word
// it never saw in its training sentences by the words it resembles; and
// how the word is written inside a sentence (always in lower case, mostly,
// mixed, mostly capitalised, always), which tells a common word in a
// headline ("Emergency", "Street") from a name.
//
// It is built by BuildWords at training time from the corpora's text and
// stored beside the model (models/ner.words); it never changes after
// loading.
type Words struct {
	class map[uint64]uint32 // learn.String(lower-case word) -> packed fine, coarse, case
}

// Word class file: a header line, then "word<TAB>fine<TAB>coarse<TAB>case".
const wordsHeader = "# newsclaims ner word classes v1"

// The packed value: fine class in bits 0-11, coarse in 12-19, case in
// 20-23 (each +1, so that 0 means unknown).
func packWord(fine, coarse, cs int) uint32 {
	return uint32(fine+1) | uint32(coarse+1)<<12 | uint32(cs+1)<<20
}

// lookup returns the packed value of the word whose lower-case hash is h.
func (w *Words) lookup(h uint64) uint32 {
	if w == nil {
		return 0
	}
	return w.class[h]
}

// ReadWords decodes a word class file (name is for errors).
func ReadWords(data []byte, name string) (*Words, error) {
	w := &Words{class: map[uint64]uint32{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			if line != wordsHeader {
				return nil, fmt.Errorf("%s:1: header %q, want %q", name, line, wordsHeader)
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 4", name, n, len(f))
		}
		var v [3]int
		limits := [3]int{0xffe, 0xfe, 0xe} // the packed fields, less one
		for i := range v {
			x, err := strconv.Atoi(f[i+1])
			if err != nil || x < 0 || x > limits[i] {
				return nil, fmt.Errorf("%s:%d: bad number %q", name, n, f[i+1])
			}
			v[i] = x
		}
		w.class[learn.String(f[0])] = packWord(v[0], v[1], v[2])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return w, nil
}

// WordOptions are the settings of BuildWords.
type WordOptions struct {
	MinCount      int // words seen fewer times get no class
	Context       int // the most frequent words that serve as contexts
	Fine, Coarse  int // class counts
	Iterations    int // k-means rounds
	Seed          uint64
	MinCaseCounts int // occurrences inside sentences needed for a case class
}

// BuildWords computes word classes from text (sentences of words, by
// learn.WordClasses) and case classes from cased (sentences of edited
// text whose capitals can be trusted; a word's first position in its
// sentence is not counted), and returns the class file. Deterministic
// for the same input and options.
func BuildWords(text, cased [][]string, opt WordOptions) []byte {
	vocab, classes := learn.WordClasses(text, learn.ClassOptions{
		MinCount: opt.MinCount, Context: opt.Context, Sizes: []int{opt.Fine, opt.Coarse},
		Iterations: opt.Iterations, Seed: opt.Seed,
	})
	fine, coarse := classes[0], classes[1]
	// Case classes.
	capN, lowN := map[string]int{}, map[string]int{}
	for _, s := range cased {
		for i, w := range s {
			if i == 0 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(r) {
				continue
			}
			lw := strings.ToLower(w)
			if unicode.IsUpper(r) {
				capN[lw]++
			} else {
				lowN[lw]++
			}
		}
	}
	var b bytes.Buffer
	b.WriteString(wordsHeader + "\n")
	for i, w := range vocab {
		if strings.ContainsAny(w, "\t\n") {
			continue
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\n", w, fine[i], coarse[i], caseClass(capN[w], lowN[w], opt.MinCaseCounts))
	}
	return b.Bytes()
}

// caseClass buckets how often a word is capitalised inside sentences: 0
// unknown (too rare), 1 never, 2 under 30%, 3 under 70%, 4 under 97%, 5
// (nearly) always.
func caseClass(capN, lowN, minN int) int {
	n := capN + lowN
	if n < minN {
		return 0
	}
	r := float64(capN) / float64(n)
	switch {
	case capN == 0:
		return 1
	case r < 0.3:
		return 2
	case r < 0.7:
		return 3
	case r < 0.97:
		return 4
	}
	return 5
}

// Case classes of Words.Case: how a word is written inside a sentence.
const (
	CaseUnknown = iota // not in the word list, or too rare inside sentences
	CaseNever          // always in lower case
	CaseRarely         // capitalised under 30% of the time
	CaseOften          // 30% to 70%
	CaseMostly         // 70% to 97%
	CaseAlways         // (nearly) always capitalised
)

// Case returns the case class of word (any case): CaseUnknown to
// CaseAlways.
func (w *Words) Case(word string) int {
	v := w.lookup(learn.String(strings.ToLower(word)))
	if v == 0 {
		return CaseUnknown
	}
	return int(v>>20&0xf) - 1
}
