package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
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

// BuildWords computes word classes from text (sentences of words) and
// case classes from cased (sentences of edited text whose capitals can be
// trusted; a word's first position in its sentence is not counted), and
// returns the class file. Deterministic for the same input and options.
func BuildWords(text, cased [][]string, opt WordOptions) []byte {
	// Vocabulary by frequency.
	freq := map[string]int{}
	for _, s := range text {
		for _, w := range s {
			freq[strings.ToLower(w)]++
		}
	}
	vocab := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= opt.MinCount && hasLetterRune(w) {
			vocab = append(vocab, w)
		}
	}
	learn.SortByCount(vocab, freq)
	index := make(map[string]int, len(vocab))
	for i, w := range vocab {
		index[w] = i
	}
	// Context features: the left and right neighbour among the Context
	// most frequent words (any word, punctuation included), else its
	// short shape class.
	all := learn.ByCount(freq)
	ctx := map[string]int{}
	for i, w := range all {
		if i >= opt.Context {
			break
		}
		ctx[w] = len(ctx)
	}
	const shapes = 4 // capitalised, number, other word, sentence edge
	nctx := len(ctx) + shapes
	dims := 2 * nctx
	ctxID := func(raw string) int {
		if raw == "" {
			return len(ctx) + 3
		}
		if k, ok := ctx[strings.ToLower(raw)]; ok {
			return k
		}
		r, _ := utf8.DecodeRuneInString(raw)
		switch {
		case unicode.IsUpper(r):
			return len(ctx)
		case unicode.IsDigit(r):
			return len(ctx) + 1
		}
		return len(ctx) + 2
	}
	counts := make([]map[int]float64, len(vocab))
	for i := range counts {
		counts[i] = map[int]float64{}
	}
	for _, s := range text {
		for i, w := range s {
			v, ok := index[strings.ToLower(w)]
			if !ok {
				continue
			}
			l, r := "", ""
			if i > 0 {
				l = s[i-1]
			}
			if i+1 < len(s) {
				r = s[i+1]
			}
			counts[v][ctxID(l)]++
			counts[v][nctx+ctxID(r)]++
		}
	}
	// Sparse vectors: positive pointwise mutual information, unit length.
	// Sums run over sorted keys: float addition in map order would make
	// the classes differ from run to run.
	type entry struct {
		d int
		v float64
	}
	rows := make([][]entry, len(counts))
	colSum := make([]float64, dims)
	total := 0.0
	for i, c := range counts {
		keys := make([]int, 0, len(c))
		for d := range c {
			keys = append(keys, d)
		}
		slices.Sort(keys)
		for _, d := range keys {
			rows[i] = append(rows[i], entry{d, c[d]})
		}
	}
	for _, r := range rows {
		for _, e := range r {
			colSum[e.d] += e.v
			total += e.v
		}
	}
	vecs := make([][]entry, len(vocab))
	for i, r := range rows {
		rowSum := 0.0
		for _, e := range r {
			rowSum += e.v
		}
		norm := 0.0
		for _, e := range r {
			pmi := math.Log(e.v * total / (rowSum * colSum[e.d]))
			if pmi > 0 {
				vecs[i] = append(vecs[i], entry{e.d, pmi})
				norm += pmi * pmi
			}
		}
		norm = math.Sqrt(norm)
		for k := range vecs[i] {
			vecs[i][k].v /= norm
		}
	}
	kmeans := func(k int) []int {
		k = min(k, len(vocab))
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(k)))
		cent := make([][]float64, k)
		// Initial centres: the k words picked at random among the most
		// frequent 4k (seeded), so that every centre starts on a real,
		// well-estimated word.
		pool := min(len(vocab), 4*k)
		perm := rng.Perm(pool)
		for c := range cent {
			cent[c] = make([]float64, dims)
			for _, e := range vecs[perm[c]] {
				cent[c][e.d] = e.v
			}
		}
		assign := make([]int, len(vocab))
		for it := 0; it < opt.Iterations; it++ {
			for i, v := range vecs {
				best, bestS := 0, -1.0
				for c := range cent {
					s := 0.0
					for _, e := range v {
						s += cent[c][e.d] * e.v
					}
					if s > bestS {
						best, bestS = c, s
					}
				}
				assign[i] = best
			}
			for c := range cent {
				clear(cent[c])
			}
			size := make([]int, k)
			for i, v := range vecs {
				c := assign[i]
				size[c]++
				for _, e := range v {
					cent[c][e.d] += e.v
				}
			}
			for c := range cent {
				norm := 0.0
				for _, x := range cent[c] {
					norm += x * x
				}
				if norm == 0 {
					continue
				}
				norm = math.Sqrt(norm)
				for d := range cent[c] {
					cent[c][d] /= norm
				}
			}
		}
		return assign
	}
	fine, coarse := kmeans(opt.Fine), kmeans(opt.Coarse)
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

func hasLetterRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
