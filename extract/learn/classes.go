package learn

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ClassOptions are the settings of WordClasses.
type ClassOptions struct {
	MinCount   int   // words seen fewer times (lower-cased) get no class
	Context    int   // the most frequent words that serve as contexts
	Sizes      []int // class counts: one clustering per size (fine, coarse, ...)
	Iterations int   // k-means rounds
	Seed       uint64
}

// WordClasses clusters the words of text (sentences of words) by the
// company they keep: each lower-cased word seen at least MinCount times
// is a vector of its left and right neighbours (the Context most frequent
// words, else a shape class: capitalised, number, other, sentence edge),
// weighted by positive pointwise mutual information and of unit length,
// and spherical k-means puts it in one of k classes, once for each size.
// Words used in the same places share a class ("Tuesday" and "Friday",
// "Kabul" and "Herat", "said" and "added"), so a model reads a word it never
// saw in its labelled data by the words it resembles. vocab is by
// frequency (then bytes); classes[j][i] is vocab[i]'s class at Sizes[j].
// Deterministic for the same input and options.
func WordClasses(text [][]string, opt ClassOptions) (vocab []string, classes [][]int) {
	// Vocabulary by frequency.
	freq := map[string]int{}
	for _, s := range text {
		for _, w := range s {
			freq[strings.ToLower(w)]++
		}
	}
	vocab = make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= opt.MinCount && hasLetter(w) {
			vocab = append(vocab, w)
		}
	}
	SortByCount(vocab, freq)
	index := make(map[string]int, len(vocab))
	for i, w := range vocab {
		index[w] = i
	}
	// Context features: the left and right neighbour among the Context
	// most frequent words (any word, punctuation included), else its
	// short shape class.
	all := ByCount(freq)
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
			for i, v := range vecs {
				c := assign[i]
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
	for _, k := range opt.Sizes {
		classes = append(classes, kmeans(k))
	}
	return vocab, classes
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
