package syntax

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Model is the tagger, lemmatizer and parser, immutable after loading and
// safe for concurrent use.
type Model struct {
	// taggerSum is the sha256 (hex) of the tagger file: a model that reads
	// the tagger's tags (the entity recogniser) records the one it was
	// trained on (TaggerSum).
	taggerSum string
	words     *wordTable
	tag       *learn.Model
	tagFx     *tagFixed
	upos      []string // per tag class
	xpos      []string
	punct     []bool // per tag class: UPOS PUNCT
	lem       *learn.Model
	lemFx     *lemFixed
	scripts   []script
	cuts      []int32      // scripts[i].cut, packed for the lemmatizer's scan
	par       *learn.Model // actions
	parFx     *parFixed
	lab       *learn.Model // relations
	labFx     *labFixed
	rels      []string
	rootRel   int
	depRel    int
	punctRel  int
	// Sum is the sha256 of the model files, for the runs table.
	Sum  string
	pool sync.Pool
	// cacheGen is the generation of the works' tagCaches: a cache of
	// another generation starts over (resetCaches).
	cacheGen atomic.Uint64
}

// resetCaches makes every work's tagCache start over at its next use
// (benchmarks time each pass from empty caches).
func (m *Model) resetCaches() { m.cacheGen.Add(1) }

//go:embed models/*.model models/words.txt
var embedded embed.FS

// Model file names under models/.
const (
	TaggerFile = "tagger.model"
	LemmaFile  = "lemma.model"
	ParserFile = "parser.model"
	RelFile    = "relations.model"
)

// Files are the model file names in the order FromBytes takes them.
var Files = []string{TaggerFile, LemmaFile, ParserFile, RelFile, WordsFile}

var loadOnce = sync.OnceValues(func() (*Model, error) {
	var files [][]byte
	for _, name := range Files {
		b, err := embedded.ReadFile("models/" + name)
		if err != nil {
			return nil, err
		}
		files = append(files, b)
	}
	return FromBytes(files...)
})

// Load returns the embedded model, decoded once per process.
func Load() (*Model, error) { return loadOnce() }

// TaggerSum is the sha256 (hex) of the tagger file the model was read
// from.
func (m *Model) TaggerSum() string { return m.taggerSum }

// FromBytes decodes the model files, in the order of Files.
func FromBytes(files ...[]byte) (*Model, error) {
	if len(files) != len(Files) {
		return nil, fmt.Errorf("syntax: %d model files, want %d", len(files), len(Files))
	}
	tagger, lemma, parser, relations, words := files[0], files[1], files[2], files[3], files[4]
	m := &Model{taggerSum: wordsSum(tagger)}
	var err error
	if m.tag, err = learn.Read(tagger, TaggerFile, "tagger", tagFeatureSet); err != nil {
		return nil, err
	}
	if got, want := wordsSum(words), m.tag.Header.Options["words_sha256"]; got != want {
		return nil, fmt.Errorf("model %s: sha256 %s, the tagger was trained with %s", WordsFile, got, want)
	}
	if m.words, err = readWords(words); err != nil {
		return nil, err
	}
	m.tagFx = newTagFixed(m.tag, m.words)
	for _, l := range m.tag.Header.Labels {
		u, x, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("model %s: tag label %q is not UPOS<tab>XPOS", TaggerFile, l)
		}
		m.upos, m.xpos, m.punct = append(m.upos, u), append(m.xpos, x), append(m.punct, u == "PUNCT")
	}
	if m.lem, err = learn.Read(lemma, LemmaFile, "lemma", lemmaFeatureSet); err != nil {
		return nil, err
	}
	m.lemFx = newLemFixed(m.lem, m.tag.Classes())
	for _, l := range m.lem.Header.Labels {
		s, ok := parseScript(l)
		if !ok {
			return nil, fmt.Errorf("model %s: bad edit script %q", LemmaFile, l)
		}
		m.scripts = append(m.scripts, s)
		m.cuts = append(m.cuts, int32(s.cut))
	}
	if m.par, err = learn.Read(parser, ParserFile, "parser", parseFeatureSet); err != nil {
		return nil, err
	}
	if m.par.Classes() != nActions {
		return nil, fmt.Errorf("model %s: %d actions, want %d", ParserFile, m.par.Classes(), nActions)
	}
	if m.lab, err = learn.Read(relations, RelFile, "relations", parseFeatureSet); err != nil {
		return nil, err
	}
	m.rels = m.lab.Header.Labels
	m.parFx = newParFixed(m.par, m.tag.Classes(), len(m.rels), ambValues(m.words))
	m.labFx = newLabFixed(m.lab, m.tag.Classes())
	m.rootRel, m.depRel, m.punctRel = -1, -1, -1
	for i, r := range m.rels {
		switch r {
		case "root":
			m.rootRel = i
		case "dep":
			m.depRel = i
		case "punct":
			m.punctRel = i
		}
	}
	if m.rootRel < 0 || m.depRel < 0 || m.punctRel < 0 {
		return nil, fmt.Errorf("model %s: relations root, dep and punct are required", RelFile)
	}
	h := sha256.New()
	for _, b := range files {
		s := sha256.Sum256(b)
		h.Write(s[:])
	}
	m.Sum = hex.EncodeToString(h.Sum(nil))
	return m, nil
}

// Headers returns the model headers (training files, scores).
func (m *Model) Headers() []learn.Header {
	return []learn.Header{m.tag.Header, m.lem.Header, m.par.Header, m.lab.Header}
}

// wordsSum is the sha256 (hex) of a word table file, which the tagger's
// header names.
func wordsSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// work is the memory of one Analyze call, reused through the pool.
type work struct {
	lx     lexer
	lex    []lex
	tc     tagCache
	ent    []int32 // per word, its tagCache entry
	miss   []int   // the words whose lemma the tagCache lacks
	tags   []int
	tsc    tagScratch
	st     pstate
	pc     parseCache
	feats  []uint64
	scores []int32
	// lemScores are the lemmatizer's scores, a row per word
	lemScores []int32
}

func (m *Model) getWork() *work {
	if w, ok := m.pool.Get().(*work); ok {
		return w
	}
	return &work{}
}

// Analyze fills UPOS, XPOS, Lemma, Head and Rel of words from their Form.
func (m *Model) Analyze(words []Word) {
	if len(words) == 0 {
		return
	}
	w := m.getWork()
	defer m.pool.Put(w)
	m.tagWords(words, w)
	m.lemmatize(words, w)
	m.setTags(words, w)
	m.parse(words, w)
}

// ParseTagged is Analyze for words that Tag has tagged (their forms
// unchanged since): it lemmatizes and parses them on the tags Tag gave,
// without tagging them again, and gives what Analyze gives. A word Tag
// did not tag (no tag class) makes it tag the sentence itself.
func (m *Model) ParseTagged(words []Word) {
	if len(words) == 0 {
		return
	}
	for i := range words {
		if words[i].tag == 0 {
			m.Analyze(words)
			return
		}
	}
	w := m.getWork()
	defer m.pool.Put(w)
	m.lexWords(words, w)
	w.tags = growInts(w.tags, len(words))
	for i := range words {
		w.tags[i] = int(words[i].tag - 1)
	}
	m.lemmatize(words, w)
	m.setTags(words, w)
	m.parse(words, w)
}

// setTags writes the tags w.tags into words.
func (m *Model) setTags(words []Word, w *work) {
	for i := range words {
		t := w.tags[i]
		words[i].UPOS, words[i].XPOS, words[i].tag = m.upos[t], m.xpos[t], int32(t+1)
	}
}

// Tag fills UPOS and XPOS of words from their Form, as Analyze does, and
// nothing else: the tagger alone, for readers of the tags that need no
// parse (the entity recogniser reads them on every sentence).
func (m *Model) Tag(words []Word) {
	if len(words) == 0 {
		return
	}
	w := m.getWork()
	defer m.pool.Put(w)
	m.tagWords(words, w)
	m.setTags(words, w)
}

// tagWords tags words into w.tags (their lexical entries in w.lex, w.ent).
func (m *Model) tagWords(words []Word, w *work) {
	m.lexWords(words, w)
	tc := &w.tc
	tc.sum(m.tag, m.tagFx)
	w.tags = growInts(w.tags, len(words))
	tc.staticScores(m.tag, m.tagFx, w.lex, w.ent, &w.tsc)
	tagHistory(m.tag, m.tagFx, w.lex, w.tags, &w.tsc)
}

// lexWords finds the words' entries in the tag cache (added when new) and
// their lexical features: w.ent and w.lex.
func (m *Model) lexWords(words []Word, w *work) {
	w.lex, w.ent = w.lex[:0], w.ent[:0]
	w.lx.tab = m.words
	tc := &w.tc
	full := func() bool { return len(tc.lex)+len(words) > tagCacheMax+2 }
	if gen := m.cacheGen.Load(); tc.idx == nil || tc.gen != gen {
		tc.reset(gen)
	} else if full() {
		if tc.evict(m.tag.Classes()); full() {
			tc.reset(gen)
		}
	}
	for i := range words {
		e := tc.entry(words[i].Form, &w.lx)
		w.ent = append(w.ent, e)
		w.lex = append(w.lex, tc.lex[e])
	}
}

// Parse analyzes a sentence given as word forms.
func (m *Model) Parse(forms []string) []Word {
	words := make([]Word, len(forms))
	for i, f := range forms {
		words[i].Form = f
	}
	m.Analyze(words)
	return words
}

func (m *Model) lemmatize(words []Word, w *work) {
	// A word's lemma is a function of its form and tag: the tagCache
	// keeps it (a copy, not a view of the caller's text), and the words
	// it lacks are scored in one batch (see tag).
	tc := &w.tc
	w.miss = w.miss[:0]
	for i := range words {
		if l, ok := tc.lemmas[lemmaKey(w.ent[i], w.tags[i])]; ok {
			words[i].Lemma = l
			continue
		}
		w.miss = append(w.miss, i)
	}
	if len(w.miss) == 0 {
		return
	}
	n := m.lem.Classes()
	m.lemmaScores(w, w.miss)
	for j, i := range w.miss {
		sc := w.lemScores[j*n : (j+1)*n]
		form := words[i].Form
		runes := int32(utf8.RuneCountInString(form))
		best := lemmaArgmax(sc, m.cuts[:len(sc)], runes)
		lemma := form
		if best >= 0 {
			if l, ok := m.scripts[best].apply(form); ok && l != "" {
				lemma = l
			}
		}
		if lemma != form && m.upos[w.tags[i]] == "VERB" && !m.knownWord(lemma) {
			if l, ok := m.knownLemma(lemma); ok {
				lemma = l
			}
		}
		lemma = strings.Clone(lemma)
		tc.lemmas[lemmaKey(w.ent[i], w.tags[i])] = lemma
		words[i].Lemma = lemma
	}
}

// knownWord reports whether the word table has word s.
func (m *Model) knownWord(s string) bool {
	v, _ := m.words.get(learn.String(normString(s)))
	return v != 0
}

// knownLemma corrects the lemma of an unseen inflected verb whose edit
// script cut one letter too many or too few: "blamed" gave "blam",
// "disputing" "disput", "barring" "barr", "echoed" "echoe". When the
// lemma is no word of the word table (written from far more text than
// the treebank) but the same stem with English spelling's one change at
// its end is (a final "e" added or dropped, a doubled final consonant
// undoubled), that word is the lemma: "blame", "dispute", "bar", "echo".
// Nothing else is changed ("cite" is not in the table, and "ci", which
// is, is two letters off), and nouns are left alone: "aides" is not
// "aid", nor "retirees" "retire".
func (m *Model) knownLemma(lemma string) (string, bool) {
	n := len(lemma)
	if n < 2 {
		return "", false
	}
	cands := []string{lemma + "e"}
	if lemma[n-1] == 'e' {
		cands = append(cands, lemma[:n-1])
	}
	if c := lemma[n-1]; c == lemma[n-2] && c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiou", rune(c)) {
		cands = append(cands, lemma[:n-1])
	}
	for _, c := range cands {
		if m.knownWord(c) {
			return c, true
		}
	}
	return "", false
}

// lemmaKey is the lemma cache's key of a word of tagCache entry e and
// tag class tag.
func lemmaKey(e int32, tag int) uint64 { return uint64(e)<<32 | uint64(uint32(tag)) }

// lemmaScores sets w.lemScores to the lemmatizer's scores of the words
// at (of w.lex, tagged w.tags), a row of Classes() per word.
func (m *Model) lemmaScores(w *work, at []int) {
	nc := m.lem.Classes()
	w.feats, w.tsc.rows = w.feats[:0], w.tsc.rows[:0]
	for j, i := range at {
		k := len(w.feats)
		w.feats = lemmaHashed(w.feats, &w.lex[i], uint64(w.tags[i]+1))
		for range len(w.feats) - k {
			w.tsc.rows = append(w.tsc.rows, int32(j))
		}
	}
	w.lemScores = growInt32(w.lemScores, len(at)*nc)
	clear(w.lemScores)
	for j, i := range at {
		m.lemFx.add(&w.lex[i], uint64(w.tags[i]+1), w.lemScores[j*nc:(j+1)*nc])
	}
	m.lem.AddRows(w.feats, w.tsc.rows, w.lemScores)
}

// lemmaArgmax is the first highest-scoring script whose cut fits a word of
// runes runes, -1 when none does. The first highest score overall is that
// script whenever its cut fits (no earlier script scores as high), which
// is almost always so: one plain scan then, the one testing each cut only
// when it does not fit. The lemmatizer has hundreds of scripts and this is
// its inner loop.
//
// The highest score is found first, branch-free in four lanes, then the
// first script that has it: the same script, in fewer instructions than
// one loop that tracks both.
func lemmaArgmax(sc []int32, cuts []int32, runes int32) int {
	if len(sc) == 0 {
		return -1
	}
	m0, m1, m2, m3 := sc[0], sc[0], sc[0], sc[0]
	i := 0
	for ; i+4 <= len(sc); i += 4 {
		q := sc[i : i+4 : i+4]
		m0, m1, m2, m3 = max(m0, q[0]), max(m1, q[1]), max(m2, q[2]), max(m3, q[3])
	}
	top := max(m0, m1, m2, m3)
	for _, v := range sc[i:] {
		top = max(top, v)
	}
	best := 0
	for sc[best] != top {
		best++
	}
	if cuts[best] <= runes {
		return best
	}
	best = -1
	for c, v := range sc {
		if cuts[c] <= runes && (best < 0 || v > sc[best]) {
			best = c
		}
	}
	return best
}

func (m *Model) parse(words []Word, w *work) {
	st := &w.st
	st.reset(len(words))
	for i := range words {
		st.wh[i+1] = w.lex[i].norm
		st.am[i+1], st.ai[i+1] = w.lex[i].amb, w.lex[i].ambI
		st.tg[i+1] = uint64(w.tags[i] + 2)
	}
	n := max(nActions, len(m.rels))
	if cap(w.scores) < n {
		w.scores = growInt32(nil, n)
	}
	sc := w.scores[:nActions]
	w.pc.reset(len(words))
	for !st.done() {
		st.actionScores(m.par, m.parFx, &w.pc, sc)
		a := bestAction(st, sc)
		l := -1
		if a == actLeft || a == actRight {
			h, d := st.arc(a)
			l = m.label(st, h, d, w)
		}
		st.apply(a, l)
	}
	st.finish(m.rootRel, m.depRel, m.punctRel, func(i int) bool { return m.punct[w.tags[i-1]] })
	for i := range words {
		words[i].Head = st.head[i+1]
		words[i].Rel = m.rels[st.rel[i+1]]
	}
}

// label is the best relation for head -> dep: "root" for the root's
// dependent and never otherwise.
func (m *Model) label(st *pstate, head, dep int, w *work) int {
	if head == 0 {
		return m.rootRel
	}
	sc := w.scores[:len(m.rels)]
	w.feats = st.labelScores(m.lab, m.labFx, w.feats, head, dep, sc)
	return bestRel(sc, m.rootRel)
}

func bestRel(sc []int32, rootRel int) int {
	best := -1
	for l, v := range sc {
		if l != rootRel && (best < 0 || v > sc[best]) {
			best = l
		}
	}
	return best
}

// bestAction is the highest-scoring valid action.
func bestAction(st *pstate, sc []int32) int {
	best := -1
	for a, ok := range [nActions]bool{st.validShift(), st.validReduce(), st.validLeft(), st.validRight()} {
		if ok && (best < 0 || sc[a] > sc[best]) {
			best = a
		}
	}
	return best
}
