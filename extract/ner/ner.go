package ner

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Kind and FeatureSet identify the recogniser's model files. FeatureSet
// changes whenever the templates below change; a model file of another
// version is refused.
const (
	ModelKind  = "ner"
	FeatureSet = 2
)

// Labels are the BIO classes, in class order.
var Labels = []string{"O", "B-person", "I-person", "B-place", "I-place", "B-organization", "I-organization"}

// labelKind is the kind of class c (c > 0); inside reports an I- class.
func labelKind(c int) string { return Kinds[(c-1)/2] }
func inside(c int) bool      { return c > 0 && c%2 == 0 }

// Hints are what the lists and rules of the caller say about a word, as a
// small code per word: the low byte is the rule-found mention the word
// belongs to (HintPerson.. HintNumber, plus HintInside when the word is
// not its first), the bits above are list memberships. The model learns
// how far to trust each.
const (
	HintPerson       = 1
	HintPlace        = 2
	HintDemonym      = 3
	HintOrganization = 4
	HintDate         = 5
	HintNumber       = 6
	HintInside       = 8
	HintGivenName    = 1 << 8  // a given name of the persons lexicon
	HintTitle        = 1 << 9  // starts a title ("President", "Gen.")
	HintPlaceWord    = 1 << 10 // the word alone is a gazetteer name
	HintOrgWord      = 1 << 11 // the word starts an organization of the lexicon
)

// Input is one sentence to label: its words (tokens), and optionally a
// part-of-speech tag and hints per word (nil when unknown; the model then
// reads neither).
type Input struct {
	Words []string
	POS   []string
	Hints []uint32
}

// Feature templates. The numbers are part of the model format: never
// renumber, add new ones at the end and bump FeatureSet.
const (
	tBias uint32 = iota + 1
	tWord
	tRaw
	tPrev1
	tNext1
	tPrev2
	tNext2
	tShape
	tShapePrev
	tShapeNext
	tShort
	tPrefix
	tSuffix
	tLabel1
	tLabel12
	tLabelWord
	tLabelShape
	tPOS
	tPOSPrev
	tPOSNext
	tPOSPair
	tHint
	tHintPrev
	tHintNext
	tHintShape
	tHintLabel
	tFlags
	tPrevWord
	tWordNext
	tFirstShape
	tCase
	tShapeTrigram
	// FeatureSet 2: word classes and case classes (Words).
	tClassFine
	tClassCoarse
	tClassPrev
	tClassNext
	tClassShape
	tWordCase
	tWordCaseShape
	tWordCaseSent
	tWordCasePrev
)

// word holds the hashes of one word, computed once per sentence.
type word struct {
	low, raw, shape, short uint64
	pre                    [3]uint64
	suf                    [4]uint64
	pos, hint, flags       uint64
	cls                    uint32 // Words' packed classes, 0 if unknown
}

func (w *word) fine() uint64   { return uint64(w.cls & 0xfff) }
func (w *word) coarse() uint64 { return uint64(w.cls >> 12 & 0xff) }
func (w *word) wcase() uint64  { return uint64(w.cls >> 20 & 0xf) }

// Model is the recogniser: the learner's weights and the word classes
// its features read.
type Model struct {
	Weights *learn.Model
	Words   *Words
}

// Tagger labels sentences with a model; it keeps scratch buffers, so one
// Tagger serves one goroutine (make one per document or per worker).
type Tagger struct {
	m      *learn.Model
	words  *Words
	ws     []word
	feats  []uint64
	scores []int32
	labels []int
	all    []int32 // the scores of every word of the last sentence
}

// NewTagger returns a tagger over m, whose weights must be a model of
// this head.
func NewTagger(rm *Model) (*Tagger, error) {
	m := rm.Weights
	if m.Classes() != len(Labels) {
		return nil, fmt.Errorf("ner model: %d classes, want %d", m.Classes(), len(Labels))
	}
	for i, l := range m.Header.Labels {
		if i >= len(Labels) || Labels[i] != l {
			return nil, fmt.Errorf("ner model: labels %v, want %v", m.Header.Labels, Labels)
		}
	}
	return &Tagger{m: m, words: rm.Words, scores: make([]int32, len(Labels))}, nil
}

// Tag returns the mentions of one sentence as word-index spans, appended
// to out.
func (t *Tagger) Tag(in Input, out []Mention) []Mention {
	t.prepare(in)
	t.labels = t.labels[:0]
	t.all = t.all[:0]
	for i := range t.ws {
		t.feats = features(t.feats[:0], t.ws, i, t.labels, t.words != nil)
		t.m.Scores(t.feats, t.scores)
		t.labels = append(t.labels, best(t.scores, t.labels))
		t.all = append(t.all, t.scores...)
	}
	return appendMentions(out, t.labels)
}

// Margin is, for word i of the sentence last tagged, how much the score of
// its label exceeds that of beginning a mention of kind ("" for outside),
// in averaged-perceptron units.
func (t *Tagger) Margin(i int, kind string) float32 {
	c := 0
	for k, kd := range Kinds {
		if kd == kind {
			c = 2*k + 1
		}
	}
	s := t.all[i*len(Labels) : (i+1)*len(Labels)]
	return float32(s[t.labels[i]]-s[c]) * t.m.Scale()
}

// best is the highest-scoring class allowed after the labels so far: an
// I- class only continues a mention of its kind.
func best(scores []int32, labels []int) int {
	prev := 0
	if len(labels) > 0 {
		prev = labels[len(labels)-1]
	}
	b := 0
	for c := 1; c < len(scores); c++ {
		if inside(c) && (prev == 0 || (prev+1)/2 != c/2) {
			continue
		}
		if scores[c] > scores[b] {
			b = c
		}
	}
	return b
}

// appendMentions turns BIO classes into mentions.
func appendMentions(out []Mention, labels []int) []Mention {
	for i := 0; i < len(labels); {
		c := labels[i]
		if c == 0 || inside(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == c+1 {
			j++
		}
		out = append(out, Mention{Start: i, End: j, Kind: labelKind(c)})
		i = j
	}
	return out
}

// sentence case classes: a headline in title case, a sentence in lower or
// upper case only (tweets) read capitals differently.
const (
	caseNormal = iota + 1
	caseTitle
	caseLower
	caseUpper
)

func (t *Tagger) prepare(in Input) {
	t.ws = prepareWords(t.ws[:0], in, t.words)
}

func prepareWords(ws []word, in Input, words *Words) []word {
	var lower, upper, capital, letters int
	for i, w := range in.Words {
		var x word
		x.raw = learn.String(w)
		x.low, x.shape, x.short, x.flags = wordHashes(w, &x)
		x.cls = words.lookup(x.low)
		if in.POS != nil {
			x.pos = learn.String(in.POS[i])
		}
		if in.Hints != nil {
			x.hint = uint64(in.Hints[i]) + 1
		}
		ws = append(ws, x)
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			letters++
			switch {
			case isAllUpper(w):
				upper++
			case unicode.IsUpper(r):
				capital++
			default:
				lower++
			}
		}
	}
	c := uint64(caseNormal)
	switch {
	case letters >= 3 && upper == letters:
		c = caseUpper
	case letters >= 3 && lower == letters:
		c = caseLower
	case letters >= 4 && capital+upper >= letters*3/4:
		c = caseTitle
	}
	for i := range ws {
		ws[i].flags |= c << 8
	}
	return ws
}

func isAllUpper(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 0
}

// wordHashes hashes the lower-case form, the shape ("Xxxx", "XX.X.",
// "dd,ddd"; runs longer than two collapsed), the short shape (every run
// collapsed) and the affixes of w without building strings; flags holds
// small facts (has a digit, a hyphen, a period, length bucket).
func wordHashes(w string, x *word) (low, shape, short, flags uint64) {
	const off, prime = 14695981039346656037, 1099511628211
	low, shape, short = off, off, off
	var prevCls, run byte
	var prevShort byte
	n := 0
	// Affix boundaries in bytes of the lower-case form, by rune count.
	var starts [5]int
	for i, r := range w {
		if n < len(starts) {
			starts[n] = i
		}
		n++
		lr := unicode.ToLower(r)
		var buf [4]byte
		k := utf8.EncodeRune(buf[:], lr)
		for _, b := range buf[:k] {
			low = (low ^ uint64(b)) * prime
		}
		var cls byte
		switch {
		case unicode.IsUpper(r):
			cls = 'X'
		case unicode.IsLower(r):
			cls = 'x'
		case unicode.IsDigit(r):
			cls = 'd'
			flags |= 1
		case unicode.IsLetter(r):
			cls = 'l'
		case r < 128:
			cls = byte(r)
			if r == '-' {
				flags |= 2
			} else if r == '.' {
				flags |= 4
			}
		default:
			cls = 'o'
		}
		if cls == prevCls {
			run++
		} else {
			run = 1
		}
		if run <= 2 {
			shape = (shape ^ uint64(cls)) * prime
		}
		if cls != prevShort {
			short = (short ^ uint64(cls)) * prime
			prevShort = cls
		}
		prevCls = cls
	}
	flags |= uint64(min(n, 12)) << 4
	// Affixes hash the lower-case rune prefix and suffix; for speed they
	// are taken from the raw bytes lowered ASCII-wise (non-ASCII letters
	// keep their case, which only splits a rare feature).
	for k := 1; k <= 3 && k < n; k++ {
		x.pre[k-1] = asciiLowerHash(w[:starts[k]])
	}
	for k := 1; k <= 4 && k < n; k++ {
		x.suf[k-1] = asciiLowerHash(w[suffixStart(w, k):])
	}
	return mixHash(low), mixHash(shape), mixHash(short), flags
}

// suffixStart is the byte offset of the last k runes of w.
func suffixStart(w string, k int) int {
	i := len(w)
	for ; k > 0 && i > 0; k-- {
		_, s := utf8.DecodeLastRuneInString(w[:i])
		i -= s
	}
	return i
}

func asciiLowerHash(s string) uint64 {
	const off, prime = 14695981039346656037, 1099511628211
	h := uint64(off)
	for i := 0; i < len(s); i++ {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		h = (h ^ uint64(b)) * prime
	}
	return mixHash(h)
}

// mixHash finishes an FNV-1a state (learn.String's finaliser, so that
// hashing the lower-case string there gives the same value).
func mixHash(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// Sentinel hashes for positions before and after the sentence.
var (
	hStart = learn.String("<s>")
	hEnd   = learn.String("</s>")
)

// features appends the features of word i given the labels of the words
// before it.
func features(f []uint64, ws []word, i int, labels []int, words bool) []uint64 {
	w := &ws[i]
	at := func(k int) *word {
		if k < 0 || k >= len(ws) {
			return nil
		}
		return &ws[k]
	}
	low := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.low
		}
		if k < 0 {
			return hStart
		}
		return hEnd
	}
	shape := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.shape
		}
		if k < 0 {
			return hStart
		}
		return hEnd
	}
	l1, l2 := uint64(0), uint64(0)
	if i > 0 {
		l1 = uint64(labels[i-1]) + 1
	}
	if i > 1 {
		l2 = uint64(labels[i-2]) + 1
	}
	f = append(f,
		learn.Feat(tBias, 0),
		learn.Feat(tWord, w.low),
		learn.Feat(tRaw, w.raw),
		learn.Feat(tPrev1, low(i-1)),
		learn.Feat(tNext1, low(i+1)),
		learn.Feat(tPrev2, low(i-2)),
		learn.Feat(tNext2, low(i+2)),
		learn.Feat(tShape, w.shape),
		learn.Feat2(tShapePrev, w.shape, shape(i-1)),
		learn.Feat2(tShapeNext, w.shape, shape(i+1)),
		learn.Feat(tShort, w.short),
		learn.Feat(tLabel1, l1),
		learn.Feat2(tLabel12, l1, l2),
		learn.Feat2(tLabelWord, l1, w.low),
		learn.Feat2(tLabelShape, l1, w.shape),
		learn.Feat(tFlags, w.flags),
		learn.Feat2(tPrevWord, low(i-1), w.low),
		learn.Feat2(tWordNext, w.low, low(i+1)),
		learn.Feat3(tShapeTrigram, shape(i-1), w.shape, shape(i+1)),
		learn.Feat2(tCase, w.flags>>8, w.short),
	)
	if i == 0 {
		f = append(f, learn.Feat(tFirstShape, w.shape))
	}
	if words {
		cp, cn := uint64(0xfff), uint64(0xffe)
		if x := at(i - 1); x != nil {
			cp = x.coarse()
		}
		if x := at(i + 1); x != nil {
			cn = x.coarse()
		}
		first := uint64(0)
		if i == 0 {
			first = 1
		}
		f = append(f,
			learn.Feat(tClassFine, w.fine()),
			learn.Feat(tClassCoarse, w.coarse()),
			learn.Feat2(tClassPrev, cp, w.coarse()),
			learn.Feat2(tClassNext, w.coarse(), cn),
			learn.Feat2(tClassShape, w.fine(), w.short),
			learn.Feat2(tWordCase, w.wcase(), first),
			learn.Feat3(tWordCaseShape, w.wcase(), w.short, first),
			learn.Feat3(tWordCaseSent, w.wcase(), w.short, w.flags>>8),
			learn.Feat3(tWordCasePrev, w.wcase(), w.short, shape(i-1)),
		)
	}
	for k, p := range w.pre {
		if p != 0 {
			f = append(f, learn.Feat2(tPrefix, uint64(k), p))
		}
	}
	for k, s := range w.suf {
		if s != 0 {
			f = append(f, learn.Feat2(tSuffix, uint64(k), s))
		}
	}
	if w.pos != 0 {
		pp, pn := hStart, hEnd
		if x := at(i - 1); x != nil {
			pp = x.pos
		}
		if x := at(i + 1); x != nil {
			pn = x.pos
		}
		f = append(f,
			learn.Feat(tPOS, w.pos),
			learn.Feat(tPOSPrev, pp),
			learn.Feat(tPOSNext, pn),
			learn.Feat2(tPOSPair, w.pos, pn),
		)
	}
	if w.hint != 0 {
		hp, hn := uint64(0), uint64(0)
		if x := at(i - 1); x != nil {
			hp = x.hint
		}
		if x := at(i + 1); x != nil {
			hn = x.hint
		}
		f = append(f,
			learn.Feat(tHint, w.hint),
			learn.Feat(tHintPrev, hp),
			learn.Feat(tHintNext, hn),
			learn.Feat2(tHintShape, w.hint, w.short),
			learn.Feat2(tHintLabel, w.hint, l1),
		)
	}
	return f
}
