package syntax

import (
	"bufio"
	"bytes"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// The word table is what the tagger knows of a word beyond its letters:
// its distributional class at two grains (learn.WordClasses over
// unlabelled text, so that a word never seen in the treebanks is read by
// the words it resembles) and its ambiguity class, the set of UPOS tags it
// has in the training treebanks (Ratnaparkhi's tag dictionary: "that" is
// DET, PRON or SCONJ, "run" NOUN or VERB), which the tagger reads for the
// words around the one it tags too. It is the file models/words.txt,
// built by make train, read into flat arrays at load.

// WordsFile is the word table's name under models/.
const WordsFile = "words.txt"

const wordsHeader = "# newsclaims syntax words v1: norm<TAB>fine class<TAB>coarse class<TAB>UPOS tags"

// uposTags are the UD v2 tags in the ambiguity masks' bit order.
var uposTags = []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// WordOptions are the settings of BuildWords.
type WordOptions struct {
	Classes learn.ClassOptions // Sizes: fine, coarse (at most 511 and 63)
	// A word's tags enter its ambiguity class when it was seen at least
	// MinTagged times in the training treebanks, each tag at least
	// MinShare of its occurrences.
	MinTagged int
	MinShare  float64
}

// normString is the lexer's norm of a word (lower case, digits as 0,
// curly quotes as ASCII): the table's key.
func normString(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(normRune(r))
	}
	return b.String()
}

// BuildWords returns the word table file of unlabelled text and the
// training treebank. Deterministic for the same input and options.
func BuildWords(unlabelled [][]string, train []Sentence, o WordOptions) ([]byte, error) {
	if len(o.Classes.Sizes) != 2 || o.Classes.Sizes[0] > 511 || o.Classes.Sizes[1] > 63 {
		return nil, fmt.Errorf("syntax words: class sizes %v, want fine <= 511 and coarse <= 63", o.Classes.Sizes)
	}
	text := make([][]string, len(unlabelled))
	for i, s := range unlabelled {
		text[i] = make([]string, len(s))
		for j, w := range s {
			text[i][j] = normString(w)
		}
	}
	vocab, cls := learn.WordClasses(text, o.Classes)
	type entry struct {
		fine, coarse int // +1, 0 = none
		mask         uint32
	}
	table := map[string]*entry{}
	for i, w := range vocab {
		table[w] = &entry{fine: cls[0][i] + 1, coarse: cls[1][i] + 1}
	}
	bit := map[string]uint32{}
	for i, t := range uposTags {
		bit[t] = 1 << i
	}
	for w, mask := range ambiguity(train, nil, o) {
		if table[w] == nil {
			table[w] = &entry{}
		}
		table[w].mask = mask
	}
	keys := make([]string, 0, len(table))
	for w := range table {
		if !strings.ContainsAny(w, "\t\n") && w != "" {
			keys = append(keys, w)
		}
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteString(wordsHeader + "\n")
	for _, w := range keys {
		e := table[w]
		var tags []string
		for i, t := range uposTags {
			if e.mask&(1<<i) != 0 {
				tags = append(tags, t)
			}
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\t%s\n", w, e.fine, e.coarse, strings.Join(tags, ","))
	}
	return b.Bytes(), nil
}

// ambiguity returns the UPOS mask of each word (by norm) of the training
// sentences that skip does not skip (nil: all).
func ambiguity(train []Sentence, skip func(i int) bool, o WordOptions) map[string]uint32 {
	bit := map[string]uint32{}
	for i, t := range uposTags {
		bit[t] = 1 << i
	}
	type count struct {
		total int
		tags  [32]int
	}
	counts := map[string]*count{}
	for i, s := range train {
		if skip != nil && skip(i) {
			continue
		}
		for _, w := range s.Words {
			n := normString(w.Form)
			c := counts[n]
			if c == nil {
				c = &count{}
				counts[n] = c
			}
			c.total++
			if b, ok := bit[w.UPOS]; ok {
				c.tags[bits.TrailingZeros32(b)]++
			}
		}
	}
	out := map[string]uint32{}
	for w, c := range counts {
		if c.total < o.MinTagged {
			continue
		}
		var mask uint32
		for t, k := range c.tags {
			if k > 0 && float64(k) >= o.MinShare*float64(c.total) {
				mask |= 1 << t
			}
		}
		out[w] = mask
	}
	return out
}

// jackknifeAmbiguity gives the training words the ambiguity classes
// of the other folds' sentences, so that the tagger learns how far the
// classes can be trusted on a sentence the table was not built from
// (with the sentence's own tags in them, a word seen once has a class of
// exactly its gold tag).
func jackknifeAmbiguity(c corpus, folds int, o WordOptions) {
	for f := range folds {
		amb := ambiguity(c.sents, func(i int) bool { return i%folds == f }, o)
		for i := f; i < len(c.sents); i += folds {
			for j, w := range c.sents[i].Words {
				c.lex[i][j].amb = uint64(amb[normString(w.Form)])
			}
		}
	}
}

// wordTable maps a word's norm hash to its packed classes: fine class in
// bits 0-8, coarse in 9-14, the UPOS mask from bit 15 (0 = unknown). An
// open-addressing table of flat arrays.
//
// ambs are the distinct UPOS masks of the table, ambs[0] = 0 (no tags, as
// for a word not in it), and ambAt[i] is the position of vals[i]'s mask
// in ambs: the tagger reads its ambiguity-class templates by position
// (tagFixed).
type wordTable struct {
	keys  []uint64
	vals  []uint32
	ambAt []uint16
	ambs  []uint64
	mask  uint64
}

// get returns the packed classes of the word of norm hash h and the
// position of its mask in ambs (0, 0 when the table has no such word).
func (t *wordTable) get(h uint64) (uint32, int) {
	if t == nil || len(t.keys) == 0 {
		return 0, 0
	}
	if h == 0 {
		h = 1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], int(t.ambAt[i])
		case 0:
			return 0, 0
		}
	}
}

// masks are the ambiguity masks the table can give a word: ambs, or just
// 0 without a table.
func (t *wordTable) masks() []uint64 {
	if t == nil || len(t.ambs) == 0 {
		return []uint64{0}
	}
	return t.ambs
}

// readWords decodes a word table file.
func readWords(data []byte) (*wordTable, error) {
	n := bytes.Count(data, []byte{'\n'})
	size := 1
	for size < 2*n+2 {
		size *= 2
	}
	t := &wordTable{keys: make([]uint64, size), vals: make([]uint32, size), ambAt: make([]uint16, size),
		ambs: []uint64{0}, mask: uint64(size - 1)}
	ambPos := map[uint32]uint16{0: 0}
	bit := map[string]uint32{}
	for i, tg := range uposTags {
		bit[tg] = 1 << i
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if line == 1 {
			if s != wordsHeader {
				return nil, fmt.Errorf("models/%s:1: header %q, want %q", WordsFile, s, wordsHeader)
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 4 || !utf8.ValidString(f[0]) {
			return nil, fmt.Errorf("models/%s:%d: %d fields, want 4", WordsFile, line, len(f))
		}
		fine, err1 := strconv.Atoi(f[1])
		coarse, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || fine < 0 || fine > 511 || coarse < 0 || coarse > 63 {
			return nil, fmt.Errorf("models/%s:%d: bad class numbers %q %q", WordsFile, line, f[1], f[2])
		}
		var mask uint32
		if f[3] != "" {
			for _, tg := range strings.Split(f[3], ",") {
				b, ok := bit[tg]
				if !ok {
					return nil, fmt.Errorf("models/%s:%d: unknown UPOS %q", WordsFile, line, tg)
				}
				mask |= b
			}
		}
		h := learn.String(f[0])
		if h == 0 {
			h = 1
		}
		i := h & t.mask
		for t.keys[i] != 0 && t.keys[i] != h {
			i = (i + 1) & t.mask
		}
		a, ok := ambPos[mask]
		if !ok {
			a = uint16(len(t.ambs))
			ambPos[mask] = a
			t.ambs = append(t.ambs, uint64(mask))
		}
		t.keys[i], t.vals[i], t.ambAt[i] = h, uint32(fine)|uint32(coarse)<<9|mask<<15, a
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("models/%s: %w", WordsFile, err)
	}
	return t, nil
}
