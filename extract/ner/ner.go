package ner

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Kind and FeatureSet identify the recogniser's model files. FeatureSet
// changes whenever the templates below change; a model file of another
// version is refused.
const (
	ModelKind  = "ner"
	FeatureSet = 3
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
	HintSays         = 1 << 12 // a capitalised word beside a say-verb ("Smith said", "said Smith")
)

// Input is one sentence to label: its words (tokens), and optionally a
// part-of-speech tag and hints per word (nil when unknown; the model then
// reads neither).
type Input struct {
	Words []string
	POS   []string
	Hints []uint32
	// Doc holds the document code of each word (DocCodes over the whole
	// document; nil when unknown).
	Doc []uint32
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
	tLabel12 // unused since FeatureSet 3 (first-order Viterbi)
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
	// FeatureSet 3: document codes (DocCodes).
	tDocCase
	tDocCaseFirst
	tDocHint
	tDocHintShape
)

// word holds the hashes of one word, computed once per sentence.
type word struct {
	low, raw, shape, short uint64
	pre                    [3]uint64
	suf                    [4]uint64
	pos, hint, flags       uint64
	doc                    uint64 // Input.Doc + 1, 0 if unknown
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

// Tagger labels sentences with a model; it keeps scratch buffers and
// caches of word scores (wordCache, bounded), so one Tagger serves one
// goroutine (make one per document or per worker; kept for many
// documents, its caches hold the words they share).
type Tagger struct {
	m      *learn.Model
	words  *Words
	ws     []word
	sf     sentFeats
	sc     []int32 // the scores of every feature group (sentFeats)
	vit    viterbi
	labels []int
	bar    []bool // nameBars of the last sentence
	shapes map[shapeKey][]int32
	all    []int32 // the scores of every word of the last sentence, on its path
	wc     wordCache
	ent    []int32 // per word of the sentence, its wordCache entry
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
	return &Tagger{m: m, words: rm.Words}, nil
}

// Tag returns the mentions of one sentence as word-index spans, appended
// to out. The labels are the best-scoring sequence (Viterbi over the
// label transitions, I- only after its kind's B- or I-), not a greedy
// word by word choice.
func (t *Tagger) Tag(in Input, out []Mention) []Mention {
	t.prepare(in)
	n := len(t.ws)
	k := len(Labels)
	words := t.words != nil
	t.ent = t.ent[:0]
	t.wc.prepare(n)
	for i := range t.ws {
		t.ent = append(t.ent, t.wc.entry(in.Words[i], &t.ws[i]))
	}
	t.wc.sum(t.m, words)
	t.sf.feats, t.sf.rows = t.sf.feats[:0], t.sf.rows[:0]
	for i := range t.ws {
		k0 := len(t.sf.feats)
		t.sf.feats = tokenFeatures(t.sf.feats, t.ws, i, words)
		for range len(t.sf.feats) - k0 {
			t.sf.rows = append(t.sf.rows, int32(i*rowsPerWord))
		}
	}
	t.sc = resize(t.sc, n*rowsPerWord*k)
	t.m.AddRows(t.sf.feats, t.sf.rows, t.sc)
	// The features of the word alone and of its neighbours' forms: from
	// the word cache.
	ent := func(i int) int32 {
		switch {
		case i < 0:
			return weStart
		case i >= n:
			return weEnd
		}
		return t.ent[i]
	}
	for i := range t.ws {
		row := t.sc[i*rowsPerWord*k:][:k]
		self, p1, p2 := t.wc.row(t.ent[i], wrSelf), t.wc.row(ent(i-1), wrPrev1), t.wc.row(ent(i-2), wrPrev2)
		n1, n2 := t.wc.row(ent(i+1), wrNext1), t.wc.row(ent(i+2), wrNext2)
		for c := range row {
			row[c] += self[c] + p1[c] + p2[c] + n1[c] + n2[c]
		}
		for st := 0; st < nState; st++ {
			if (i == 0) != (st == 0) {
				continue
			}
			row := t.sc[(i*rowsPerWord+1+st)*k:][:k]
			lw := t.wc.row(t.ent[i], wrState+st)
			for c := range row {
				row[c] += lw[c]
			}
		}
	}
	// The label features of a shape and hint: from the cache, the same
	// integers the table lookups give.
	for i := range t.ws {
		ss := t.shapeScores(&t.ws[i])
		for st := 0; st < nState; st++ {
			if (i == 0) != (st == 0) {
				continue
			}
			row := t.sc[(i*rowsPerWord+1+st)*k:][:k]
			for c := range k {
				row[c] += ss[st*k+c]
			}
		}
	}
	t.bar = nameBars(t.bar[:0], in.Words, t.ws)
	t.labels = t.vit.decode(t.sc, n, t.labels, t.bar)
	t.all = pathScores(t.all[:0], t.sc, t.labels)
	return appendMentions(out, t.labels)
}

// shapeScores returns the scores of labelShapeFeatures of w after every
// state (nState rows of len(Labels)), cached by shape and hint: a text
// has few of either, and each costs nState table lookups per word.
func (t *Tagger) shapeScores(w *word) []int32 {
	key := shapeKey{w.shape, w.hint}
	if ss, ok := t.shapes[key]; ok {
		return ss
	}
	if t.shapes == nil {
		t.shapes = map[shapeKey][]int32{}
	}
	k := len(Labels)
	ss := make([]int32, nState*k)
	var f []uint64
	for st := 0; st < nState; st++ {
		f = labelShapeFeatures(f[:0], w, uint64(st))
		t.m.Add(f, ss[st*k:(st+1)*k])
	}
	t.shapes[key] = ss
	return ss
}

type shapeKey struct{ shape, hint uint64 }

// resize returns s with n zeroed elements.
func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+256) // spare room for learn's fast path
	}
	s = s[:n]
	clear(s)
	return s
}

// pathScores appends, for each word, its class scores given the label the
// path chose for the word before it.
func pathScores(all, sc []int32, labels []int) []int32 {
	k := len(Labels)
	for i := range labels {
		base := sc[(i*rowsPerWord)*k:][:k]
		lab := sc[(i*rowsPerWord+1+state(labels, i))*k:][:k]
		for c := range k {
			all = append(all, base[c]+lab[c])
		}
	}
	return all
}

// state is the state word i's label features follow: 0 at the start of
// the sentence, else the label of word i-1 plus one.
func state(labels []int, i int) int {
	if i == 0 {
		return 0
	}
	return labels[i-1] + 1
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

// allowed reports whether class c may follow class p (-1: the sentence
// start): an I- class only continues a mention of its kind.
func allowed(p, c int) bool {
	return !inside(c) || (p > 0 && (p+1)/2 == c/2)
}

// nState is how many states a word's label features can follow: the
// sentence start and each label. rowsPerWord is the feature groups of a
// word: its label-free features, then its label features after each
// state.
const (
	nState      = 8
	rowsPerWord = 1 + nState
)

// sentFeats holds the features of every word of a sentence in groups:
// group g = i*rowsPerWord + r is word i's label-free features (r = 0) or
// its label features after state r-1, feats[at[g]:at[g+1]]; rows[j] is
// the group of feats[j] (for learn.Model.AddRows).
type sentFeats struct {
	feats []uint64
	rows  []int32
	at    []int32
}

func (sf *sentFeats) build(ws []word, words bool) { sf.buildWith(ws, words, labelFeatures) }

// buildWith is build with the label features of lf.
func (sf *sentFeats) buildWith(ws []word, words bool, lf func([]uint64, *word, uint64) []uint64) {
	sf.feats, sf.rows, sf.at = sf.feats[:0], sf.rows[:0], sf.at[:0]
	mark := func(g int) {
		for len(sf.rows) < len(sf.feats) {
			sf.rows = append(sf.rows, int32(g))
		}
	}
	for i := range ws {
		g := i * rowsPerWord
		sf.at = append(sf.at, int32(len(sf.feats)))
		sf.feats = features(sf.feats, ws, i, words)
		mark(g)
		for st := 0; st < nState; st++ {
			sf.at = append(sf.at, int32(len(sf.feats)))
			if (i == 0) == (st == 0) {
				sf.feats = lf(sf.feats, &ws[i], uint64(st))
			}
			mark(g + 1 + st)
		}
	}
	sf.at = append(sf.at, int32(len(sf.feats)))
}

// group returns the features of group g.
func (sf *sentFeats) group(g int) []uint64 { return sf.feats[sf.at[g]:sf.at[g+1]] }

// personInside is the class I-person.
const personInside = 2

// nameParticles are the lower-case words a person's name may hold ("Abu
// Bakr al Baghdadi", "Ludwig van Beethoven").
var nameParticles = map[string]bool{"el": true, "al": true, "la": true, "le": true, "los": true, "las": true,
	"de": true, "del": true, "da": true, "di": true, "van": true, "von": true, "bin": true, "ibn": true, "abu": true, "ben": true,
	"der": true, "den": true, "du": true, "dos": true, "y": true}

// nameBars marks the words that cannot continue a person's name: in a
// sentence written with capitals, a word that starts with a lower-case
// letter and is no name particle. The project's names are names, not
// descriptions; GUM's person mentions (which the model learnt from) take
// in a title's office ("Research and Advocacy Director for the Middle
// East"), and the best sequence then ran a person over "for the" where
// the rest of the sentence says place. Organizations and places keep
// their lower-case words ("University of California", "Gulf of Aden").
// Training decodes without bars: the gold sequences have such persons.
func nameBars(bar []bool, words []string, ws []word) []bool {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		low := unicode.IsLower(r) && ws[i].flags>>8 != caseLower && !nameParticles[strings.ToLower(w)]
		bar = append(bar, low)
	}
	return bar
}

// viterbi keeps the decoder's scratch buffers.
type viterbi struct {
	v, next []int64
	back    []int8
}

// decode returns the best label sequence of n words whose feature group
// scores are sc (sentFeats' groups, len(Labels) scores each).
//
// Where bar[i] (bar nil: nowhere), word i continues no person.
func (vt *viterbi) decode(sc []int32, n int, labels []int, bar []bool) []int {
	k := len(Labels)
	labels = labels[:0]
	if n == 0 {
		return labels
	}
	if cap(vt.v) < k {
		vt.v, vt.next = make([]int64, k), make([]int64, k)
	}
	v, next := vt.v[:k], vt.next[:k]
	if cap(vt.back) < n*k {
		vt.back = make([]int8, n*k)
	}
	back := vt.back[:n*k]
	const none = -1 << 62
	base, lab := sc[:k], sc[k:2*k]
	for c := range k {
		v[c] = none
		if allowed(-1, c) {
			v[c] = int64(base[c]) + int64(lab[c])
		}
	}
	for i := 1; i < n; i++ {
		g := i * rowsPerWord * k
		base := sc[g : g+k]
		for c := range k {
			bestS, bestP := int64(none), 0
			if bar != nil && bar[i] && c == personInside {
				next[c], back[i*k+c] = bestS, 0
				continue
			}
			for p := range k {
				if v[p] == none || !allowed(p, c) {
					continue
				}
				if s := v[p] + int64(sc[g+(2+p)*k+c]); s > bestS {
					bestS, bestP = s, p
				}
			}
			if bestS != none {
				bestS += int64(base[c])
			}
			next[c], back[i*k+c] = bestS, int8(bestP)
		}
		v, next = next, v
	}
	last := 0
	for c := range k {
		if v[c] > v[last] {
			last = c
		}
	}
	for range n {
		labels = append(labels, 0)
	}
	for i := n - 1; i >= 0; i-- {
		labels[i] = last
		last = int(back[i*k+last])
	}
	vt.v, vt.next = v, next
	return labels
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
		if in.Doc != nil {
			x.doc = uint64(in.Doc[i]) + 1
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

// labelFeatures appends the features of word w that read the state st
// its label follows (0: the sentence start, else the previous label + 1):
// the word's own (labelWordFeatures) and those of its shape and hint
// (labelShapeFeatures), which a Tagger caches.
func labelFeatures(f []uint64, w *word, st uint64) []uint64 {
	return labelShapeFeatures(labelWordFeatures(f, w, st), w, st)
}

func labelWordFeatures(f []uint64, w *word, st uint64) []uint64 {
	return append(f, learn.Feat2(tLabelWord, st, w.low))
}

func labelShapeFeatures(f []uint64, w *word, st uint64) []uint64 {
	f = append(f,
		learn.Feat(tLabel1, st),
		learn.Feat2(tLabelShape, st, w.shape),
	)
	if w.hint != 0 {
		f = append(f, learn.Feat2(tHintLabel, w.hint, st))
	}
	return f
}

// features appends the label-free features of word i.
func features(f []uint64, ws []word, i int, words bool) []uint64 {
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
	return contextFeatures(f, ws, i)
}
