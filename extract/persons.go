package extract

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The given-name list is generated (see lexicon/persons_README.md); the
// other files are kept by hand.
//
//go:embed lexicon/titles.yaml lexicon/persons_names.yaml lexicon/persons_given_names.yaml lexicon/persons_occupations.tsv lexicon/persons_occupations_wordnet.tsv
var personLexFiles embed.FS

// titleEntry is one title phrase of the lexicon.
type titleEntry struct {
	words []string // folded tokens, without abbreviation periods
	norm  string
	rank  bool
}

// PersonFinder finds person names and the titles the text gives them. It
// is built once by LoadPersons and never changes, so one value may serve
// many goroutines.
type PersonFinder struct {
	titles   map[string][]titleEntry // first folded word -> phrases, longest first
	honorifc map[string]bool
	modifier map[string]bool // in the title's span and norm: "deputy"
	descr    map[string]bool // in the title's span only: "chief", "provincial"
	qualif   map[string]bool // before a title, outside its span: "former"
	heads    map[string]string
	// occup are the nouns that name a kind of person (GUM's entity layer,
	// lexicon/persons_occupations.tsv, and WordNet's occupations,
	// lexicon/persons_occupations_wordnet.tsv) less titles.yaml's
	// not_occupations:
	// an apposition or a word before a name that no title phrase matches
	// may still state what the person does ("a semiconductor engineer").
	occup    map[string]bool
	notOccup map[string]bool

	given       map[string]bool // folded given names and name elements
	elements    map[string]bool
	familyFirst map[string]bool
	particles   map[string]bool
	notNames    map[string]bool
	sayVerbs    map[string]bool
	// storms are the words before a storm's name, by their last word
	// (stormNames; the person rules do not read them).
	storms map[string][][]string
}

type titleFile struct {
	Honorifics  []string          `yaml:"honorifics"`
	Modifiers   []string          `yaml:"modifiers"`
	Descriptors []string          `yaml:"descriptors"`
	Qualifiers  []string          `yaml:"qualifiers"`
	Heads       map[string]string `yaml:"heads"`
	NotOccup    []string          `yaml:"not_occupations"`
	Titles      []struct {
		Norm    string   `yaml:"norm"`
		Rank    bool     `yaml:"rank"`
		Phrases []string `yaml:"phrases"`
	} `yaml:"titles"`
}

type personNameFile struct {
	GivenNames   []string `yaml:"given_names"`
	NameElements []string `yaml:"name_elements"`
	FamilyFirst  []string `yaml:"family_first"`
	Particles    []string `yaml:"particles"`
	NotNames     []string `yaml:"not_names"`
	SayVerbs     []string `yaml:"say_verbs"`
	StormWords   []string `yaml:"storm_words"`
}

type givenNameFile struct {
	GivenNames []string `yaml:"given_names"`
}

// LoadPersons reads the embedded title/role lexicon.
func LoadPersons() (*PersonFinder, error) {
	const titleName, namesName, givenName = "lexicon/titles.yaml", "lexicon/persons_names.yaml", "lexicon/persons_given_names.yaml"
	var tf titleFile
	var nf personNameFile
	var gf givenNameFile
	root, err := placeDecode(personLexFiles, titleName, &tf)
	if err != nil {
		return nil, err
	}
	if _, err := placeDecode(personLexFiles, namesName, &nf); err != nil {
		return nil, err
	}
	if _, err := placeDecode(personLexFiles, givenName, &gf); err != nil {
		return nil, err
	}
	p := &PersonFinder{
		titles:      map[string][]titleEntry{},
		honorifc:    personWordSet(tf.Honorifics),
		modifier:    personWordSet(tf.Modifiers),
		descr:       personWordSet(tf.Descriptors),
		qualif:      personWordSet(tf.Qualifiers),
		heads:       map[string]string{},
		notOccup:    personWordSet(tf.NotOccup),
		given:       personWordSet(append(gf.GivenNames, nf.GivenNames...)),
		elements:    personWordSet(nf.NameElements),
		familyFirst: personWordSet(nf.FamilyFirst),
		particles:   personWordSet(nf.Particles),
		notNames:    personWordSet(nf.NotNames),
		sayVerbs:    personWordSet(nf.SayVerbs),
		storms:      map[string][][]string{},
	}
	for _, w := range nf.StormWords {
		ws := strings.Fields(strings.ToLower(w))
		if len(ws) == 0 {
			return nil, fmt.Errorf("%s: empty storm word", namesName)
		}
		p.storms[ws[len(ws)-1]] = append(p.storms[ws[len(ws)-1]], ws)
	}
	for w, norm := range tf.Heads {
		p.heads[placeKey(w)] = norm
	}
	occ, err := readOccupations(personLexFiles, "lexicon/persons_occupations.tsv")
	if err != nil {
		return nil, err
	}
	wn, err := readOccupations(personLexFiles, "lexicon/persons_occupations_wordnet.tsv")
	if err != nil {
		return nil, err
	}
	occ = append(occ, wn...)
	p.occup = map[string]bool{}
	for _, w := range occ {
		if !p.notOccup[w] && !titleStopWords[w] {
			p.occup[w] = true
		}
	}
	var errs RuleErrors
	lines := placeItemLines(root, "titles")
	seen := map[string]int{}
	for k, t := range tf.Titles {
		line := placeLine(lines, k)
		if t.Norm == "" || t.Norm != strings.ToLower(t.Norm) || len(t.Phrases) == 0 {
			errs = append(errs, RuleError{titleName, line, fmt.Sprintf("title %q: want a lower-case norm and phrases", t.Norm)})
			continue
		}
		if prev, ok := seen[t.Norm]; ok {
			errs = append(errs, RuleError{titleName, line, fmt.Sprintf("title %q already listed at line %d", t.Norm, prev)})
			continue
		}
		seen[t.Norm] = line
		for _, ph := range t.Phrases {
			words := personPhrase(ph)
			if len(words) == 0 {
				errs = append(errs, RuleError{titleName, line, fmt.Sprintf("title %q: empty phrase", t.Norm)})
				continue
			}
			p.titles[words[0]] = append(p.titles[words[0]], titleEntry{words, t.Norm, t.Rank})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, es := range p.titles {
		sort.SliceStable(es, func(a, b int) bool { return len(es[a].words) > len(es[b].words) })
	}
	return p, nil
}

// personPhrase folds a phrase to its tokens, dropping periods.
func personPhrase(s string) []string {
	toks, _ := Tokenize(s)
	var out []string
	for _, t := range toks {
		if t.Text != "." {
			out = append(out, t.Lower)
		}
	}
	return out
}

// personWordSet folds each phrase (abbreviation periods dropped).
func personWordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.Join(personPhrase(w), " ")] = true
	}
	return m
}

// personTitleCommon lists titles that are also common words: directly
// before a name they count only when capitalised.
var personTitleCommon = map[string]bool{
	"justice": true, "speaker": true, "head": true, "leader": true, "chair": true, "secretary": true,
	"official": true, "officer": true, "expert": true, "director": true, "judge": true, "king": true,
	"queen": true, "prince": true, "pope": true, "fellow": true, "lawyer": true, "attorney": true,
}

// titleMatch is a title phrase over tokens [i, j) (a final abbreviation
// period included).
type titleMatch struct {
	i, j  int
	e     titleEntry
	words int // tokens of the phrase proper, before modifiers
}

// titleAt returns the longest title phrase starting at token i.
func (p *PersonFinder) titleAt(toks []Token, i int) (titleMatch, bool) {
	key := toks[i].Lower
	if n := p.qualifierPrefix(key); n > 0 {
		key = key[n:] // "then-President", "ex-minister"
	}
	for _, e := range p.titles[key] {
		if len(e.words) == 1 && e.words[0] == "chief" && p.chiefDescribes(toks, i) {
			continue // "Chief Strategy Officer": a descriptor, not a title before a name
		}
		if key != toks[i].Lower {
			k := i + 1
			if k < len(toks) && toks[k].Text == "." && toks[k].Start == toks[k-1].End && isAbbreviation(key) {
				k++
			}
			if len(e.words) == 1 {
				return titleMatch{i: i, j: k, e: e}, true
			}
			if k < len(toks) && toks[k].Sent == toks[i].Sent {
				if j, ok := personMatchWords(toks, k, e.words[1:]); ok {
					return titleMatch{i: i, j: j, e: e}, true
				}
			}
			continue
		}
		k, ok := personMatchWords(toks, i, e.words)
		if ok {
			return titleMatch{i: i, j: k, e: e}, true
		}
	}
	return titleMatch{}, false
}

// qualifierPrefix returns the length of a one-word qualifier and its
// hyphen that open a title word ("then-president", "ex-minister"), else 0.
func (p *PersonFinder) qualifierPrefix(lower string) int {
	h := strings.IndexByte(lower, '-')
	if h < 2 || h+1 >= len(lower) || !p.qualif[lower[:h]] {
		return 0
	}
	return h + 1
}

// personMatchWords matches folded words from token i, allowing an
// abbreviation period after any word; it returns the end token.
func personMatchWords(toks []Token, i int, words []string) (int, bool) {
	k := i
	for n, w := range words {
		if k >= len(toks) || toks[k].Lower != w || n > 0 && toks[k].Sent != toks[i].Sent {
			return 0, false
		}
		k++
		if k < len(toks) && toks[k].Text == "." && toks[k].Start == toks[k-1].End && isAbbreviation(toks[k-1].Lower) {
			k++
		}
	}
	return k, true
}

// honorificAt returns the end of an honorific starting at token i.
func (p *PersonFinder) honorificAt(toks []Token, i int) (int, bool) {
	if !toks[i].Cap || !p.honorifc[toks[i].Lower] {
		return 0, false
	}
	k := i + 1
	if k < len(toks) && toks[k].Text == "." && toks[k].Start == toks[k-1].End {
		k++
	}
	return k, true
}

// personRun is a candidate name over tokens [i, j).
type personRun struct {
	i, j   int
	norm   string
	strong bool // a title, honorific, given name or name shape says person
	ok     bool
}

// Sentence-start and name-shape helpers.

func personStartsSentence(toks []Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if toks[k].Sent != toks[i].Sent {
			return true
		}
		if !isOpener(toks[k].Text) && toks[k].Text != "\u201c" && toks[k].Text != "-" && toks[k].Text != "\u2014" {
			return false
		}
	}
	return true
}

// personArticlePrefix reports whether w is an Arabic article prefix
// followed by a capital: al-Baghdadi, el-Sisi, ad-Din.
func personArticlePrefix(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 1 || h > 3 || h+1 >= len(w) {
		return false
	}
	switch w[:h] {
	case "al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "ul", "ud", "Al", "El":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[h+1:])
	return unicode.IsUpper(r)
}

var personSuffixes = []string{"ullah", "uddin", "udin", "zai", "zada", "zadeh", "enko", "chuk", "skyy", "skiy", "vich", "ovic", "ević"}

func personHasNameSuffix(lower string) bool {
	for _, s := range personSuffixes {
		if strings.HasSuffix(lower, s) && len(lower) > len(s)+2 {
			return true
		}
	}
	return false
}

// nameTok reports whether token k may be part of a name.
func (p *PersonFinder) nameTok(toks []Token, k int) bool {
	t := toks[k]
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsLetter(r) {
		return false
	}
	if personArticlePrefix(t.Text) {
		return true
	}
	if !t.Cap || p.notNames[t.Lower] && !p.notNameInside(toks, k) || p.honorifc[t.Lower] && k+1 < len(toks) && toks[k+1].Text == "." {
		return false
	}
	if isInitialism(t.Text) && len(t.Text) > 1 || orgIsAcronym(t.Text) && len(t.Text) > 1 {
		return false // U.S., NATO
	}
	if h := strings.LastIndexByte(t.Lower, '-'); h > 0 {
		switch t.Lower[h+1:] {
		case "based", "led", "backed", "born", "run", "owned", "made", "style", "era":
			return false // Brussels-based
		}
	}
	return true
}

// notNameInside reports whether token k, a word of not_names (a faith,
// a language, a body), is a word of the name around it all the same: a
// given name right after a title and before a surname ("Finance Minister
// Christian Lindner"), or a middle element between a given name and an
// al-prefixed surname ("Prime Minister Mohammed Shia al-Sudani"). Alone,
// or after a plain word, it keeps its common reading ("Christian
// leaders", "the Shia militias").
func (p *PersonFinder) notNameInside(toks []Token, k int) bool {
	if k == 0 || k+1 >= len(toks) || toks[k+1].Sent != toks[k].Sent || toks[k+1].Start != toks[k].End+1 {
		return false
	}
	next, prev := toks[k+1], toks[k-1]
	if !next.Cap && !personArticlePrefix(next.Text) || p.notNames[next.Lower] || !isWordRune(firstRune(next.Text)) {
		return false
	}
	if p.given[toks[k].Lower] {
		if _, ok := p.titleEndingAt(toks, k); ok {
			return true
		}
	}
	return prev.Cap && (p.given[prev.Lower] || p.elements[prev.Lower]) && personArticlePrefix(next.Text)
}

// initialAt reports whether tokens k, k+1 are an initial "W." inside a name.
func personInitialAt(toks []Token, k int) bool {
	t := toks[k]
	return len(t.Text) == 1 && t.Cap && k+2 < len(toks) && toks[k+1].Text == "." && toks[k+1].Start == t.End && toks[k+2].Cap
}

// findPersons returns person mentions, in text order. taken are spans
// already claimed by places, organizations, dates and numbers.
//
// A name is a run of capitalised words (with inner particles "bin", "van",
// al-prefixed words and initials) in one sentence, stopped by titles,
// punctuation, possessive 's and lower-case words. A run is a person when
//   - a title or honorific stands before it ("President Joe Biden",
//     "Mr. Smith", "Taliban spokesman, Zabihullah Mujahid");
//   - its first word is a known given name or name element, a word ends
//     like a name ("-ullah", "-zai", "-enko"), or it holds a particle or
//     al-word, and it has at least two words;
//   - a say-verb stands next to it ("Smith said", "said Smith",
//     "according to Smith"), unless it is a lone word opening a sentence;
//   - an apposition gives it a title or an age (", the Taliban spokesman",
//     ", who heads", ", 45,");
//   - it is the full name, or the surname, of a person found elsewhere in
//     the text: Norm is then the full name ("Biden" -> "Joe Biden").
//
// Taken spans: a run that only partly overlaps a taken span, or equals
// one, is cut back to the words outside it ("The Taliban said" finds
// nobody). A run may strictly contain taken spans when it has a given
// name, title or honorific of its own: "Jordan Peterson" is a person even
// when "Jordan" was taken as a place, "New York" alone never is.
//
// Entity.Type is the norm of the person's title, from any mention (an
// office is preferred to a military rank).
func (p *PersonFinder) findPersons(text string, toks []Token, taken []Span) []Entity {
	if len(toks) == 0 {
		return nil
	}
	takenAt := personTakenTokens(toks, taken)
	runs := p.personRuns(toks)
	var cands []personRun
	for _, r := range runs {
		cands = append(cands, p.personSplitTaken(toks, takenAt, r)...)
	}
	// Evidence.
	for k := range cands {
		c := &cands[k]
		// A lone word beside a say-verb is a person only when written like
		// a name, not an acronym or a brand ("Iberdrola said", "MSF told"):
		// news introduces people by full name, and later surnames link
		// to it.
		says := p.personSays(toks, c.i, c.j) && (c.j-c.i >= 2 || !personAllCapsOrMixed(toks[c.i].Text))
		c.ok = c.strong || says || p.personApposition(toks, c.j)
		if c.ok && c.j-c.i == 1 && !c.strong && personStartsSentence(toks, c.i) && !p.personApposition(toks, c.j) {
			c.ok = false // "Officials said", "Residents told"
		}
	}
	// "X and Y Z": a name of two words or more coordinated with a person.
	for k := range cands {
		c := &cands[k]
		if c.ok || c.j-c.i < 2 {
			continue
		}
		for _, d := range []int{k - 1, k + 1} {
			if d < 0 || d >= len(cands) || !cands[d].ok {
				continue
			}
			a, b := cands[min(k, d)], cands[max(k, d)]
			if a.j+1 == b.i && (toks[a.j].Lower == "and" || toks[a.j].Text == ",") {
				c.ok = true
			}
		}
	}
	// Full names and surnames of the persons found.
	full := map[string]string{}  // key -> full name
	fullAt := map[string][]int{} // surname key -> candidates indexes with that full name
	for k, c := range cands {
		if !c.ok || c.j-c.i < 2 {
			continue
		}
		name := personJoin(text, toks, c.i, c.j)
		full[strings.ToLower(name)] = name
		for _, key := range p.personKeys(toks, c.i, c.j) {
			fullAt[key] = append(fullAt[key], k)
		}
	}
	for k := range cands {
		c := &cands[k]
		name := personJoin(text, toks, c.i, c.j)
		c.norm = name
		if c.j-c.i <= 2 {
			best := -1
			for _, x := range fullAt[strings.ToLower(name)] {
				if cands[x].j-cands[x].i > c.j-c.i && (best < 0 || cands[x].i < c.i) {
					best = x // the nearest longer mention before, else the first
				}
			}
			if best >= 0 {
				c.norm, c.ok = personJoin(text, toks, cands[best].i, cands[best].j), true
				continue
			}
		}
		if f, ok := full[strings.ToLower(name)]; ok {
			c.norm, c.ok = f, true
		}
	}
	var out []Entity
	for _, c := range cands {
		if !c.ok {
			continue
		}
		s, e := toks[c.i].Start, toks[c.j-1].End
		out = append(out, Entity{Kind: KindPerson, Span: Span{Start: s, End: e}, Text: text[s:e], Norm: c.norm, Source: SourceRule})
	}
	// Types from titles.
	typ := map[string]titleEntry{}
	pseudo := make([]Entity, len(taken))
	for k, sp := range taken {
		pseudo[k] = Entity{Span: sp} // an owner of unknown kind: a title's shape, not its owner
	}
	for _, pt := range p.personTitles(text, toks, out, pseudo) {
		prev, ok := typ[pt.Person.Norm]
		if !ok || prev.rank && !pt.rank {
			typ[pt.Person.Norm] = titleEntry{norm: pt.TitleNorm, rank: pt.rank}
		}
	}
	for k := range out {
		out[k].Type = typ[out[k].Norm].norm
	}
	return out
}

// personTakenTokens marks tokens inside a taken span with the span's
// index + 1.
func personTakenTokens(toks []Token, taken []Span) []int {
	at := make([]int, len(toks))
	if len(taken) == 0 {
		return at
	}
	for si, s := range taken {
		k := sort.Search(len(toks), func(k int) bool { return toks[k].End > s.Start })
		for ; k < len(toks) && toks[k].Start < s.End; k++ {
			at[k] = si + 1
		}
	}
	return at
}

// personRuns returns the maximal runs of name words, with strong evidence
// marked.
func (p *PersonFinder) personRuns(toks []Token) []personRun {
	var runs []personRun
	for i := 0; i < len(toks); {
		if !p.nameTok(toks, i) && !personInitialAt(toks, i) {
			i++
			continue
		}
		if _, ok := p.titleAt(toks, i); ok && toks[i].Cap {
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].Sent == toks[i].Sent {
			if personInitialAt(toks, j) && j > i {
				j += 2
				continue
			}
			if j > i && p.particles[toks[j].Lower] && !toks[j].Cap {
				// "von der Leyen": particles, then a name word.
				e := j
				for e < len(toks) && p.particles[toks[e].Lower] && !toks[e].Cap && e-j < 3 {
					e++
				}
				if e < len(toks) && toks[e].Sent == toks[i].Sent && p.nameTok(toks, e) {
					j = e + 1
					continue
				}
				break
			}
			if j > i && j+3 < len(toks) && isOpener(toks[j].Text) && toks[j+1].Cap && isCloser(toks[j+2].Text) &&
				toks[j+3].Sent == toks[i].Sent && p.nameTok(toks, j+3) && toks[j+3].Cap {
				j += 4 // Kenneth “Frank” McKenzie
				continue
			}
			if !p.nameTok(toks, j) {
				break
			}
			if _, ok := p.titleAt(toks, j); ok && j > i {
				break
			}
			j++
		}
		if j == i {
			i++
			continue
		}
		runs = append(runs, personRun{i: i, j: j})
		i = j
	}
	// "Präsident Recep Tayyip Erdoğan": a capitalised word opening a
	// sentence before a given name is not part of the name.
	for k := range runs {
		r := &runs[k]
		if r.j-r.i >= 3 && personStartsSentence(toks, r.i) && !p.given[toks[r.i].Lower] && !p.elements[toks[r.i].Lower] &&
			p.given[toks[r.i+1].Lower] {
			r.i++
		}
	}
	// Particles opening a name: "bin Laden", "van der Leyen" after a
	// non-name word.
	for k := range runs {
		r := &runs[k]
		for r.i > 0 && p.particles[toks[r.i-1].Lower] && !toks[r.i-1].Cap && toks[r.i-1].Sent == toks[r.i].Sent &&
			(r.i < 2 || !p.nameTok(toks, r.i-2)) {
			r.i--
		}
	}
	return runs
}

// personStrong reports whether run [i, j) carries person evidence of its
// own: a title or honorific before it, or a name shape.
func (p *PersonFinder) personStrong(toks []Token, i, j int) bool {
	if p.personTitled(toks, i) {
		return true
	}
	if j-i < 2 {
		return false
	}
	first := toks[i].Lower
	if p.particles[first] {
		return true
	}
	if p.given[first] || p.elements[first] || personHasNameSuffix(first) || p.familyFirst[first] && j-i <= 3 {
		return true
	}
	for k := i; k < j; k++ {
		l := toks[k].Lower
		if personArticlePrefix(toks[k].Text) || p.particles[l] && !toks[k].Cap || k > i && (personHasNameSuffix(l) || p.elements[l]) {
			return true
		}
	}
	return false
}

// personTitled reports whether a title or honorific ends right before
// token i (an apposed ", " allowed after a title: "the spokesman, X").
func (p *PersonFinder) personTitled(toks []Token, i int) bool {
	end := i
	comma := false
	if end > 0 && toks[end-1].Text == "," {
		end--
		comma = true
	}
	if end == 0 || toks[end-1].Sent != toks[i].Sent {
		return false
	}
	if !comma {
		for s := max(0, end-2); s < end; s++ {
			if e, ok := p.honorificAt(toks, s); ok && e == end {
				return true
			}
		}
	}
	m, ok := p.titleEndingAt(toks, end)
	if !ok {
		return false
	}
	if !comma && (m.e.rank || personTitleCommon[m.e.words[len(m.e.words)-1]]) && !toks[m.i].Cap {
		return false
	}
	return !comma || p.personTitlePhraseStart(toks, m.i)
}

// titleEndingAt returns the longest title phrase ending right before token
// end, in end-1's sentence.
func (p *PersonFinder) titleEndingAt(toks []Token, end int) (titleMatch, bool) {
	if end == 0 {
		return titleMatch{}, false
	}
	sent := toks[end-1].Sent
	for s := max(0, end-6); s < end; s++ {
		if toks[s].Sent != sent {
			continue
		}
		if m, ok := p.titleAt(toks, s); ok && m.j == end {
			return m, true
		}
	}
	return titleMatch{}, false
}

// personTitlePhraseStart reports whether the title at s is introduced as a
// noun phrase ("the spokesman, X", "Taliban's spokesman, X"), which an
// apposition after it needs.
func (p *PersonFinder) personTitlePhraseStart(toks []Token, s int) bool {
	k, plain := s-1, 0
	for ; k >= 0 && k >= s-5 && toks[k].Sent == toks[s].Sent; k-- {
		l := toks[k].Lower
		switch {
		case l == "the" || l == "'s" || l == "'" || l == "its" || l == "his" || l == "her" || l == "their" || l == "a" || l == "an":
			return true
		case p.modifier[l] || p.descr[l] || p.qualif[l] || toks[k].Cap:
			continue
		case plain < 2 && titlePlainWord(toks[k]):
			// "the bank's chief financial officer, X"
			plain++
			continue
		case l == "and" && k > 0:
			// "The company's founder and CEO, X": a title coordinated
			// before this one.
			if m, ok := p.titleEndingAt(toks, k); ok && m.i < k {
				k = m.i // the loop steps on before it
				continue
			}
		}
		return false
	}
	return k < 0 || toks[k].Sent != toks[s].Sent
}

// personSplitTaken cuts run r around taken tokens, unless r strictly
// contains its taken spans and has evidence of its own.
func (p *PersonFinder) personSplitTaken(toks []Token, takenAt []int, r personRun) []personRun {
	any := false
	for k := r.i; k < r.j; k++ {
		if takenAt[k] != 0 {
			any = true
			break
		}
	}
	if !any {
		r.strong = p.personStrong(toks, r.i, r.j)
		return []personRun{r}
	}
	contained := true
	for _, k := range []int{r.i, r.j - 1} {
		id := takenAt[k]
		if id == 0 {
			continue
		}
		// The taken span must not reach outside the run.
		if k == r.i && r.i > 0 && takenAt[r.i-1] == id || k == r.j-1 && r.j < len(toks) && takenAt[r.j] == id {
			contained = false
		}
	}
	allTaken := takenAt[r.i] != 0 && takenAt[r.i] == takenAt[r.j-1]
	first := toks[r.i].Lower
	if contained && !allTaken && (p.personTitled(toks, r.i) || p.given[first] && r.j-r.i >= 2) {
		r.strong = true
		return []personRun{r}
	}
	var out []personRun
	for k := r.i; k < r.j; {
		if takenAt[k] != 0 {
			k++
			continue
		}
		e := k
		for e < r.j && takenAt[e] == 0 {
			e++
		}
		// Trim particles and initials left at the edges.
		s := k
		for s < e && !toks[s].Cap {
			s++
		}
		for e > s && (!toks[e-1].Cap || toks[e-1].Text == ".") {
			e--
		}
		if e > s {
			out = append(out, personRun{i: s, j: e, strong: p.personStrong(toks, s, e)})
		}
		k = e + 1
		if k <= s {
			k = s + 1
		}
	}
	return out
}

// personAllCapsOrMixed reports an acronym or a brand-like word: all
// capitals ("MSF") or a capital after the first letter ("CamboJA").
func personAllCapsOrMixed(w string) bool {
	for k, r := range w {
		if k > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// personSays reports whether a say-verb stands next to run [i, j).
func (p *PersonFinder) personSays(toks []Token, i, j int) bool {
	if j < len(toks) && toks[j].Sent == toks[i].Sent {
		k := j
		if toks[k].Lower == "also" || toks[k].Lower == "later" || toks[k].Lower == "has" || toks[k].Lower == "had" {
			k++
		}
		if k < len(toks) && p.sayVerbs[toks[k].Lower] && toks[k].Lower != "reported" {
			return true
		}
	}
	if i > 0 && toks[i-1].Sent == toks[i].Sent {
		prev := toks[i-1].Lower
		if prev == "said" || prev == "says" || prev == "asked" || prev == "wrote" || prev == "added" {
			return j >= len(toks) || toks[j].Text == "." || toks[j].Text == "," || toks[j].Lower == "in" || toks[j].Lower == "on"
		}
		if prev == "to" && i > 1 && toks[i-2].Lower == "according" {
			return true
		}
	}
	return false
}

// personApposition reports whether an apposition after the run (token j)
// gives a title, an age or "who heads".
func (p *PersonFinder) personApposition(toks []Token, j int) bool {
	if j+1 >= len(toks) || toks[j].Text != "," || toks[j+1].Sent != toks[j].Sent {
		return false
	}
	if j+2 < len(toks) && toks[j+2].Text == "," && personIsAge(toks[j+1].Text) {
		return true
	}
	// Only the title lexicon here: an occupation noun also describes
	// companies ("Tesla, a carmaker"), so it makes no run a person.
	_, ok := p.postTitle(toks, j+1, false)
	return ok
}

func personIsAge(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// postTitle reads an apposed title starting at token k (after the comma):
// "[the|a] [former] [X's|ORG|PLACE|descriptors]* TITLE", or "who heads".
// It returns the title match (its i is the first word after the article).
// postTitle reads a title phrase from token k on: the lexicon's titles,
// and with occupations also a noun that names what a person does, when
// it ends the phrase ("a 42-year-old semiconductor engineer,", "a
// consultant with Y").
func (p *PersonFinder) postTitle(toks []Token, k int, occupations bool) (titleMatch, bool) {
	sent := toks[k].Sent
	if k+1 < len(toks) && toks[k].Lower == "who" && toks[k+1].Sent == sent {
		// "who heads the Y". One leads an activity as often as a body
		// ("who led the research", "led the charge"), so "leads/led" give
		// an office only when what is led is named: "who leads Hamas".
		if norm, ok := p.heads[toks[k+1].Lower]; ok && (norm != "leader" || headsNamed(toks, k+2)) {
			return titleMatch{i: k + 1, j: k + 2, e: titleEntry{norm: norm}}, true
		}
		// "who served as the special representative", "who was the
		// special envoy": the title phrase after the copula.
		switch n := k + 2; toks[k+1].Lower {
		case "served", "serves", "serving", "worked", "works":
			if n+1 < len(toks) && toks[n].Lower == "as" && toks[n+1].Sent == sent {
				return p.postTitle(toks, n+1, occupations)
			}
		case "was", "is":
			if n < len(toks) && toks[n].Sent == sent && (toks[n].Lower == "the" || toks[n].Lower == "a" || toks[n].Lower == "an") {
				return p.postTitle(toks, n, occupations)
			}
		}
		return titleMatch{}, false
	}
	det := false // the phrase opens with an article: "X, a consultant"
	if toks[k].Lower == "the" || toks[k].Lower == "a" || toks[k].Lower == "an" {
		k++
		det = true
	}
	start := -1
	plain := 0 // lower-case words no list knows: "territorial administration minister"
	for n := 0; k < len(toks) && toks[k].Sent == sent && n < 8; n++ {
		t := toks[k]
		if m, ok := p.titleAt(toks, k); ok && !p.chiefDescribes(toks, k) {
			if start < 0 {
				start = k
			}
			// A longer title may follow ("deputy foreign minister").
			if m.j < len(toks) && toks[m.j].Sent == sent {
				if m2, ok := p.titleAt(toks, m.j); ok {
					m = m2
				}
			}
			m.words = m.j - m.i
			m.i = start
			return m, true
		}
		if occupations && (det || start >= 0 || occupationComplement(toks, k)) && p.occupation(t.Lower, t.Cap) && occupationEnd(toks, k) && (!t.Cap || start >= 0) {
			// After an article or other title words, or bare with its
			// complement ("X, professor of history at Y"; "X, however,
			// said" is no apposition); a capitalised one ("an Italian
			// Sinologist") only after other title words and by the stricter
			// test: "X, the Ohio Democrat".
			if start < 0 {
				start = k
			}
			return titleMatch{i: start, j: k + 1, e: titleEntry{words: []string{t.Lower}, norm: t.Lower}, words: 1}, true
		}
		switch {
		case p.qualif[t.Lower] && start < 0:
		case p.qualif[t.Lower] && toks[k-1].Lower == "'s":
			// "WFP's acting country director": a qualifier after the owner.
		case p.modifier[t.Lower] || p.descr[t.Lower] || t.Lower == "'s" || t.Lower == "'" || t.Cap:
			if start < 0 {
				start = k
			}
		case t.Lower == "and" && start >= 0 && toks[k-1].Cap && k+1 < len(toks) && toks[k+1].Cap:
			// "Research and Advocacy Director"
		case t.Lower == "and" && plain > 0 && !toks[k-1].Cap && k+1 < len(toks):
			// "a businessman and founder of Y": a noun no list knows, then
			// the title it is coordinated with.
			return p.postTitle(toks, k+1, occupations)
		case k+1 < len(toks) && (toks[k+1].Lower == "'s" || toks[k+1].Lower == "'") && isWordRune(firstRune(t.Text)) && !p.occupation(t.Lower, false):
			// A possessive noun modifies the title after it, a stop
			// word or not: "a women's rights activist".
			if start < 0 {
				start = k
			}
		case plain < 3 && (titlePlainWord(t) || p.ingModifier(toks, k)):
			plain++
			if start < 0 {
				start = k
			}
		default:
			return titleMatch{}, false
		}
		k++
	}
	return titleMatch{}, false
}

// chiefDescribes reports a "chief" at token k that describes the title or
// occupation after it ("chief engineer", "Chief Operating Officer"), one
// word apart at most, rather than being the title itself ("the army
// chief").
func (p *PersonFinder) chiefDescribes(toks []Token, k int) bool {
	if toks[k].Lower != "chief" {
		return false
	}
	// "chief executive" is a title phrase of its own, not "chief" before
	// the occupation "executive".
	for _, e := range p.titles["chief"] {
		if _, ok := personMatchWords(toks, k, e.words); ok && len(e.words) > 1 {
			return false
		}
	}
	for n := k + 1; n <= k+2 && n < len(toks) && toks[n].Sent == toks[k].Sent && isWord(toks[n].Text); n++ {
		if _, ok := p.titleAt(toks, n); ok || p.occupation(toks[n].Lower, toks[n].Cap) {
			return true
		}
	}
	return false
}

// titlePlainWord reports a lower-case word that may stand in a title
// phrase before its title ("project" in "deputy project director",
// "political" in "a political scientist"): a word, not a function word or
// a verb form that would start a clause ("who", "was", "has").
// ingModifier reports an -ing noun that modifies the title right after
// it, or the one after "and": "the marketing director", "the planning and
// marketing director" (a participle, "X, speaking at Y", is no title word).
func (p *PersonFinder) ingModifier(toks []Token, k int) bool {
	if !strings.HasSuffix(toks[k].Lower, "ing") || toks[k].Cap || k+1 >= len(toks) || toks[k+1].Sent != toks[k].Sent {
		return false
	}
	n := k + 1
	if toks[n].Lower == "and" && n+2 < len(toks) && strings.HasSuffix(toks[n+1].Lower, "ing") {
		n += 2
	}
	_, ok := p.titleAt(toks, n)
	return ok
}

func titlePlainWord(t Token) bool {
	if !isWordRune(firstRune(t.Text)) || titleStopWords[t.Lower] {
		return false
	}
	return !strings.HasSuffix(t.Lower, "ed") && !strings.HasSuffix(t.Lower, "ing") || len(t.Lower) <= 4
}

var titleStopWords = map[string]bool{
	"who": true, "whose": true, "which": true, "that": true, "was": true, "is": true, "were": true, "are": true,
	"has": true, "had": true, "have": true, "be": true, "been": true, "and": true, "or": true, "but": true,
	"of": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true,
	"to": true, "as": true, "his": true, "her": true, "their": true, "its": true, "said": true, "says": true,
	"not": true, "also": true, "then": true, "when": true, "where": true, "while": true, "after": true,
	"before": true, "this": true, "these": true, "those": true, "one": true, "man": true, "woman": true,
	"men": true, "women": true, "people": true, "person": true, "resident": true, "father": true, "mother": true,
	"son": true, "daughter": true, "wife": true, "husband": true, "brother": true, "sister": true,
	"told": true, "tell": true, "tells": true, "say": true, "wrote": true, "writes": true, "according": true,
}

// personKeys are the short forms a later mention of the full name over
// tokens [i, j) may take: the surname with its particles ("Biden", "bin
// Laden", "al-Baghdadi"), or the family name written first ("Xi").
func (p *PersonFinder) personKeys(toks []Token, i, j int) []string {
	var keys []string
	s := j - 1
	for s-1 > i && p.particles[toks[s-1].Lower] && !toks[s-1].Cap {
		s--
	}
	var b strings.Builder
	for k := s; k < j; k++ {
		if k > s {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Lower)
	}
	keys = append(keys, b.String())
	if p.familyFirst[toks[i].Lower] {
		keys = append(keys, toks[i].Lower)
	}
	// "Abu Bakr al-Baghdadi" -> "Baghdadi" is rare; the al-word is kept.
	return keys
}

// personJoin returns the words of tokens [i, j) joined by single spaces
// (a name broken over a line reads as one), keeping the period of an
// initial attached.
func personJoin(text string, toks []Token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// PersonTitle links a person mention to an office/title stated in the text.
type PersonTitle struct {
	Person    Entity // the person mention
	Title     Span   // the title words, e.g. "spokesman", "Foreign Minister", "President"
	TitleNorm string // lower-case canonical title, e.g. "spokesperson", "foreign minister", "president"
	Org       Span   // organization the office belongs to, zero Span when absent ("the Taliban spokesman")
	Place     Span   // country/place of the office, zero when absent ("Ukraine's President", "Afghan President")
	Evidence  Span   // the words that state the link: whole apposition or "President X" phrase
	// Status is a qualifier before the title that says whether the office
	// is held now: "former", "acting", "outgoing", "late" (zero when none).
	Status Span

	rank bool
}

// findTitles links persons to the titles the text gives them:
//   - a title before the name: "President Joe Biden", "Afghan President
//     Ashraf Ghani", "Ukraine's President Volodymyr Zelenskyy", "Taliban
//     spokesman Zabihullah Mujahid", "the group's spokesman, X", "the
//     governor of Kandahar province, X";
//   - an apposition after it: "X, the Taliban spokesman,", "X, a spokesman
//     for the Y,", "X, the governor of Kandahar province", "X, who heads
//     the Y".
//
// others are the place and organization mentions: one right before the
// title (or after its "of", "for", "in") is the office's Org or Place.
func (p *PersonFinder) findTitles(text string, toks []Token, persons []Entity, others []Entity) []PersonTitle {
	return p.personTitles(text, toks, persons, others)
}

func (p *PersonFinder) personTitles(text string, toks []Token, persons []Entity, others []Entity) []PersonTitle {
	if len(persons) == 0 {
		return nil
	}
	// Tokens are found by binary search and entities by token in slices
	// the length of the text, not in maps: this pass runs on every
	// article, and its maps were the largest allocation of extraction.
	entEnd := newTokenEntities(len(toks)) // token index of an entity's last token -> entity
	entStart := newTokenEntities(len(toks))
	// Sorted by start, a mention containing another is among the few just
	// before or after it; looking only there keeps a long article linear.
	// The extractor's entities come sorted already.
	if !sort.SliceIsSorted(others, func(i, j int) bool { return others[i].Start < others[j].Start }) {
		others = append([]Entity(nil), others...)
		sort.SliceStable(others, func(i, j int) bool { return others[i].Start < others[j].Start })
	}
	for i, e := range others {
		if e.Kind != KindPlace && e.Kind != KindOrganization && e.Kind != "" {
			continue
		}
		inside := false // "US" in "US Central Command"
		for j := max(0, i-16); j < len(others) && j <= i+16; j++ {
			o := others[j]
			if o.Start <= e.Start && e.End <= o.End && o.End-o.Start > e.End-e.Start {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		if k, ok := tokenEndingAt(toks, e.End); ok {
			entEnd.set(k, others, i)
		}
		if k, ok := tokenStartingAt(toks, e.Start); ok {
			entStart.set(k, others, i)
		}
	}
	// "New Jersey Sen. Cory Booker, Hawaii Rep. Tulsi Gabbard": a title
	// right before a name is that name's, not an apposition of the name
	// before the comma.
	startsPerson := map[int]bool{}
	for _, per := range persons {
		if k, ok := tokenStartingAt(toks, per.Start); ok {
			startsPerson[k] = true
		}
	}
	// Tokens inside a place or organization name: "New" in "New Jersey
	// Sen. Cory Booker" is no qualifier, nor
	// a word of the title ("NASA Administrator").
	inName := make([]bool, len(toks))
	for _, e := range others {
		if e.Kind != KindPlace && e.Kind != KindOrganization {
			continue
		}
		if a, ok := personTokenAt(toks, e.Start); ok {
			for k := a; k < len(toks) && toks[k].Start < e.End; k++ {
				inName[k] = true
			}
		}
	}
	var out []PersonTitle
	for _, per := range persons {
		i, ok1 := tokenStartingAt(toks, per.Start)
		j, ok2 := tokenEndingAt(toks, per.End)
		if !ok1 || !ok2 {
			continue
		}
		j++
		// "Interim BART Police Chief Ed Alvarez": the recogniser may keep
		// the title inside the person's span; the title is the name's all
		// the same, and the person the words after it.
		inner := false
		for e := i + 1; e < j && e <= i+3 && !inner; e++ {
			m, ok := p.titleEndingAt(toks, e)
			if !ok || m.i > i || !toks[e].Cap || !toks[i].Cap || p.honorifc[toks[i].Lower] || p.honorifc[toks[m.i].Lower] {
				continue
			}
			if pt, ok := p.preTitle(toks, m.j, entEnd, entStart); ok && pt.Title.End <= toks[m.j].Start {
				in := per
				in.Span = Span{Start: toks[m.j].Start, End: per.End}
				in.Text = text[in.Start:in.End]
				if prefix := text[per.Start:toks[m.j].Start]; strings.HasPrefix(per.Norm, prefix) {
					in.Norm = per.Norm[len(prefix):]
				}
				pt.Person = in
				pt.Evidence = Span{Start: min(pt.Evidence.Start, per.Start), End: per.End}
				out = append(out, pt)
				inner = true
			}
		}
		if pt, ok := p.preTitle(toks, i, entEnd, entStart); ok && !inner {
			pt.Person = per
			pt.Evidence = Span{Start: min(pt.Evidence.Start, per.Start), End: per.End}
			out = append(out, pt)
			// "French leader and Emperor Napoleon Bonaparte": a title
			// coordinated with the title of the name is the name's too.
			if s, ok := tokenStartingAt(toks, pt.Evidence.Start); ok && s > 1 && toks[s-1].Lower == "and" {
				// (Not a word of another person's name, nor a word right
				// after one: "Senate head Hun Sen and Prime Minister Hun
				// Manet" is no senator.)
				if pt2, ok := p.preTitle(toks, s-1, entEnd, entStart); ok && pt2.Title.End < pt.Title.Start && !insidePerson(persons, pt2.Title) && !afterPerson(toks, persons, pt2.Evidence.Start) {
					pt2.Person = per
					pt2.Evidence = Span{Start: pt2.Evidence.Start, End: per.End}
					out = append(out, pt2)
				}
			}
			// "The court's president, Judge Joan Donoghue": a title set off
			// by a comma before the title of the name is the name's too.
			if s, ok := tokenStartingAt(toks, pt.Evidence.Start); ok && s > 1 && toks[s-1].Text == "," {
				// Lower case only: "the Argus Leader of Sioux Falls, Gov.
				// X" is a newspaper, not X's title.
				if pt2, ok := p.preTitle(toks, s, entEnd, entStart); ok && pt2.Title.End < pt.Title.Start && !strings.ContainsAny(text[pt2.Title.Start:pt2.Title.End], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
					pt2.Person = per
					pt2.Evidence = Span{Start: pt2.Evidence.Start, End: per.End}
					out = append(out, pt2)
				}
			}
		}
		for _, m := range p.appositionTitles(toks, i, j, startsPerson, entStart) {
			pt := PersonTitle{Person: per, TitleNorm: m.e.norm, rank: m.e.rank}
			pt.Title = p.capitalisedTitle(toks, m, p.personTitleSpan(toks, m), inName)
			end := m.j
			p.personOrgPlace(toks, &pt, m.i, entEnd)
			// "of the Y", "for the Y", "in Y", "who heads the Y"
			if e, k, ok := personEntityAfter(toks, m.j, entStart, m.words == 0); ok {
				personSetOwner(&pt, e)
				end = k
			} else if x, ok := departmentEnd(toks, m.j, entStart); ok {
				// "Head of Research at ICICI Securities", "director of
				// gaming at IDC": the department is part of the title,
				// the name after it the title's owner.
				if e, k, ok := personEntityAfter(toks, x, entStart, false); ok {
					pt.Title.End = toks[x-1].End
					personSetOwner(&pt, e)
					end = k
				}
			}
			pt.Evidence = Span{Start: per.Start, End: toks[end-1].End}
			out = append(out, pt)
		}
	}
	for k := range out {
		out[k].Status = p.titleStatus(toks, inName, out[k])
		// "then-President X": the qualifier inside the title's first
		// word is its status, and the title is the rest.
		if i, ok := tokenStartingAt(toks, out[k].Title.Start); ok && out[k].Status == (Span{}) {
			if n := p.qualifierPrefix(toks[i].Lower); n > 0 {
				out[k].Status = Span{Start: toks[i].Start, End: toks[i].Start + n - 1}
				out[k].Title.Start = toks[i].Start + n
			}
		}
	}
	return out
}

// appositionTitles returns the titles stated after the person at tokens
// [i, j): an apposition (", a spokesman for the Y"), or a copula when the
// person opens the sentence ("X is also president of Y", "X was the former
// director of Y": the sentence is about the person, so the office is
// theirs; not "X is the president's son"). Each of two coordinated titles
// is one ("X, co-founder and executive director of Y").
func (p *PersonFinder) appositionTitles(toks []Token, i, j int, startsPerson map[int]bool, entStart tokenEntities) []titleMatch {
	if j+1 >= len(toks) {
		return nil
	}
	k, copula := -1, false
	switch {
	case toks[j].Text == ",":
		k = j + 1
		// "Maria Lopez, 45, a nurse at ...": the age before the title.
		if k+2 < len(toks) && isAge(toks[k].Text) && toks[k+1].Text == "," {
			k += 2
		}
	case (toks[j].Lower == "was" || toks[j].Lower == "is") && j+2 < len(toks) && appointVerbs[toks[j+1].Lower] && toks[j].Sent == toks[i].Sent:
		// "Ahmed Ali was named interim president of the university".
		k, copula = j+2, true
		if toks[k].Lower == "as" {
			k++
		}
		k = skipWords(toks, k, appointDeterminers)
	case (toks[j].Lower == "is" || toks[j].Lower == "was") && toks[j].Sent == toks[i].Sent && personSubjectOpens(toks, i):
		k, copula = j+1, true
		k = skipWords(toks, k, copulaAdverbs)
	case (toks[j].Lower == "served" || toks[j].Lower == "serves" || toks[j].Lower == "serving") && toks[j+1].Lower == "as" && toks[j].Sent == toks[i].Sent && j+2 < len(toks):
		// "Rasmussen served as NATO secretary general": the office held.
		k, copula = j+2, true
		k = skipWords(toks, k, appointDeterminers)
	case toks[j].Lower == "as" && i > 0 && appointVerbs[toks[i-1].Lower] && toks[j].Sent == toks[i].Sent:
		// "The board named John Smith as its new chairman": the office
		// one is given. (Copula-like: no owner's possessive after it.)
		k, copula = j+1, true
		k = skipWords(toks, k, appointDeterminers)
	}
	if k < 0 || k >= len(toks) {
		return nil
	}
	var out []titleMatch
	for {
		m, ok := p.postTitle(toks, k, true)
		if !ok || startsPerson[m.j] || copula && m.j < len(toks) && (toks[m.j].Lower == "'s" || toks[m.j].Lower == "'") {
			return out
		}
		// "The home of John Smith, the mayor said, burned down": a verb of
		// saying after the phrase makes it the subject of a parenthetical
		// attribution, no apposition.
		if !copula && m.j < len(toks) && attributionVerbs[toks[m.j].Lower] {
			return out
		}
		out = append(out, m)
		// The next title may follow the owner of this one: "X, commander
		// of Pacific Air Forces and air component commander for Y".
		next := m.j
		if _, e, ok := personEntityAfter(toks, next, entStart, false); ok {
			next = e
		} else if e, ok := ownersBodyAfter(toks, next, entStart); ok {
			next = e
		}
		if next+1 >= len(toks) || toks[next].Lower != "and" || toks[next+1].Sent != toks[next].Sent {
			return out
		}
		k = next + 1
	}
}

// insidePerson reports whether span s overlaps one of persons.
func insidePerson(persons []Entity, s Span) bool {
	for _, per := range persons {
		if per.Start < s.End && s.Start < per.End {
			return true
		}
	}
	return false
}

// afterPerson reports whether the token before byte offset at is a word
// of one of persons.
func afterPerson(toks []Token, persons []Entity, at int) bool {
	k, ok := tokenStartingAt(toks, at)
	if !ok || k == 0 {
		return false
	}
	return insidePerson(persons, toks[k-1].Span)
}

// ownersBodyAfter returns the end of "at|of|for|in|with the? OWNER's
// Capitalised Words" at token k, a body of the owner's ("a senior fellow
// at the Atlantic Council's Indo-Pacific Security Initiative and ..."),
// which personEntityAfter leaves out as no owner of the title itself.
func ownersBodyAfter(toks []Token, k int, entStart tokenEntities) (int, bool) {
	if k >= len(toks) {
		return 0, false
	}
	switch toks[k].Lower {
	case "of", "for", "in", "at", "with":
		k++
	default:
		return 0, false
	}
	if k < len(toks) && toks[k].Lower == "the" {
		k++
	}
	e, ok := entStart.at(k)
	if !ok {
		return 0, false
	}
	end, _ := personTokenAt(toks, e.End-1)
	if end+1 >= len(toks) || toks[end+1].Lower != "'s" {
		return 0, false
	}
	n := end + 2
	for n < len(toks) && n-end <= 7 && toks[n].Cap && toks[n].Sent == toks[end].Sent {
		n++
	}
	return n, n > end+2
}

// personSubjectOpens reports whether the person at token i opens its
// sentence, or follows up to three capitalised words there (a title, or a
// first name the recogniser left out: "Joao Paulo Pinto" read as "Paulo
// Pinto").
func personSubjectOpens(toks []Token, i int) bool {
	for n := 1; n <= 3 && i-n >= 0 && toks[i-n].Sent == toks[i].Sent; n++ {
		if !toks[i-n].Cap || !isWord(toks[i-n].Text) {
			return false
		}
		if personStartsSentence(toks, i-n) {
			return true
		}
	}
	return personStartsSentence(toks, i)
}

// attributionVerbs after a phrase set off by commas make it a speaker.
var attributionVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "noted": true,
	"wrote": true, "explained": true, "argued": true, "warned": true, "insisted": true, "claimed": true}

// skipWords returns the first token from k on whose folded form is not in
// words.
func skipWords(toks []Token, k int, words map[string]bool) int {
	for k < len(toks) && words[toks[k].Lower] {
		k++
	}
	return k
}

// appointVerbs give someone an office: "named X as chairman".
var appointVerbs = map[string]bool{"named": true, "names": true, "name": true, "appointed": true, "appoints": true, "appoint": true,
	"elected": true, "elects": true, "elect": true, "chose": true, "chosen": true, "picked": true, "selected": true,
	"hired": true, "tapped": true, "nominated": true, "nominates": true, "installed": true, "confirmed": true, "designated": true}

// appointDeterminers may open the office after "as": "as its new
// chairman", "as the interim leader".
var appointDeterminers = map[string]bool{"its": true, "their": true, "our": true, "his": true, "her": true, "new": true}

// copulaAdverbs may stand between "is" and the title: "X is also
// president of Y", "X is now the head of Y".
var copulaAdverbs = map[string]bool{"also": true, "now": true, "currently": true, "still": true}

// titleStatus finds a qualifier such as "former" in the three words before
// the title and its owner: "Former French Ambassador X", "X, the acting
// governor", "the late President X".
func (p *PersonFinder) titleStatus(toks []Token, inName []bool, pt PersonTitle) Span {
	first := pt.Title.Start
	for _, s := range []Span{pt.Org, pt.Place} {
		if s != (Span{}) && s.Start < first {
			first = s.Start
		}
	}
	k, ok := tokenStartingAt(toks, first)
	if !ok {
		return Span{}
	}
	for i := k - 1; i >= 0 && i >= k-3 && toks[i].Sent == toks[k].Sent; i-- {
		switch l := toks[i].Lower; {
		case p.qualif[l] && !inName[i]:
			// "New Jersey Sen. Cory Booker": a capitalised qualifier
			// before a name word no list knows starts that name.
			if n := i + 1; toks[i].Cap && n < k && toks[n].Cap && !inName[n] && !p.modifier[toks[n].Lower] && !p.descr[toks[n].Lower] && !p.qualif[toks[n].Lower] {
				if _, ok := p.titleAt(toks, n); !ok {
					return Span{}
				}
			}
			return toks[i].Span
		case l == "the" || l == "a" || l == "an" || l == "-" || l == "'s" || toks[i].Cap:
		default:
			return Span{}
		}
	}
	return Span{}
}

// personTitleSpan is the span of a title match without qualifiers,
// articles, possessives or entity words before the phrase: from the
// first modifier or descriptor to the phrase's end.
func (p *PersonFinder) personTitleSpan(toks []Token, m titleMatch) Span {
	if m.words == 0 && m.j-m.i == 1 {
		return toks[m.i].Span
	}
	s := m.j - m.words
	if m.words == 0 {
		s = m.i
	}
	// The lower-case words the match read before its title word are the
	// title's too: "a senior research analyst", "a defense analyst" (the
	// office is "analyst", the norm says so; the title is what the text
	// calls it). Not an age or other figure ("a 45-year-old nurse").
	for s-1 >= m.i && (p.modifier[toks[s-1].Lower] || p.descr[toks[s-1].Lower] || p.titleWordBefore(toks[s-1])) {
		s--
	}
	return Span{Start: toks[s].Start, End: toks[m.j-1].End}
}

// titleWordBefore reports a lower-case word that names part of the office
// before a title word: a plain word, not a figure ("45-year-old"), an
// article, an adverb or a word that says when or how much ("now a staff
// scientist", "the new police commissioner", "almost all major").
func (p *PersonFinder) titleWordBefore(t Token) bool {
	if t.Cap || !titlePlainWord(t) || isDigitStart(t.Text) || strings.HasSuffix(t.Lower, "ly") && !lyNouns[t.Lower] {
		return false
	}
	switch t.Lower {
	case "a", "an", "the", "new", "now", "almost", "all", "below", "above", "very", "most", "more", "just", "only",
		"average", "current", "longtime", "veteran", "well-known", "prominent", "top", "leading", "local", "young", "old",
		"first", "second", "third", "last", "next", "latest", "sole", "fellow", "another", "other", "former",
		"late", "real", "then", "future", "would-be", "ex", "against":
		return false
	}
	return true
}

// titlePhraseOpeners close a title phrase on its left: an owner's
// possessive or a determiner.
var titlePhraseOpeners = map[string]bool{"'s": true, "’s": true, "the": true, "a": true, "an": true, "his": true, "her": true,
	"their": true, "its": true, "our": true}

// lyNouns end in "ly" but are no adverbs: "a family medicine physician".
var lyNouns = map[string]bool{"family": true, "supply": true, "assembly": true, "rally": true, "ally": true}

// capitalisedTitle widens title span s of match m over the capitalised
// words before it that belong to no organization or place: a title
// written in capitals is one name, "Chief Strategy Officer", "Research
// and Advocacy Director", whose office words no list holds. Qualifiers
// ("New", "Former") and an owner's name ("NASA", "the Senate") stay out.
func (p *PersonFinder) capitalisedTitle(toks []Token, m titleMatch, s Span, inName []bool) Span {
	k, ok := tokenStartingAt(toks, s.Start)
	if !ok || !toks[k].Cap {
		return s
	}
	capWord := func(i int) bool {
		return i >= m.i && toks[i].Cap && isWord(toks[i].Text) && !inName[i] && !p.qualif[toks[i].Lower] && !personStartsSentence(toks, i)
	}
	for k > m.i {
		switch {
		case capWord(k - 1):
			k--
		case toks[k-1].Lower == "and" && k-2 >= m.i && capWord(k-2):
			k -= 2
		default:
			return Span{Start: toks[k].Start, End: s.End}
		}
	}
	return Span{Start: toks[k].Start, End: s.End}
}

// personNormWithModifiers adds modifiers ("deputy") to a title's norm.
func (p *PersonFinder) personNormWithModifiers(toks []Token, s, e int, norm string) string {
	var mods []string
	for k := s; k < e; k++ {
		if p.modifier[toks[k].Lower] && !strings.Contains(norm, toks[k].Lower) {
			mods = append(mods, toks[k].Lower)
		}
	}
	if len(mods) == 0 {
		return norm
	}
	return strings.Join(mods, " ") + " " + norm
}

// preTitle reads a title ending right before person token i.
func (p *PersonFinder) preTitle(toks []Token, i int, entEnd, entStart tokenEntities) (PersonTitle, bool) {
	end := i
	comma := false
	if end > 0 && toks[end-1].Text == "," {
		end--
		comma = true
	}
	if end == 0 || toks[end-1].Sent != toks[i].Sent {
		return PersonTitle{}, false
	}
	// "the governor of Kandahar province, X"
	var owner *Entity
	if e, ok := entEnd.at(end - 1); ok && comma {
		k, _ := personTokenAt(toks, e.Start)
		s := k
		if s > 0 && toks[s-1].Lower == "the" {
			s--
		}
		if s > 0 && (toks[s-1].Lower == "of" || toks[s-1].Lower == "for") {
			owner = &e
			end = s - 1
		}
	}
	m, found := p.titleEndingAt(toks, end)
	if !found && !comma && owner == nil {
		// "UN Resident Coordinator for Myanmar Andrew Kirkwood", "Special
		// Rapporteur on Myanmar X": a capitalised title, "for|of|on|to" and
		// the place or body it serves right before the name. Capitalised
		// only: "a campaign for Syria Jane Doe" is no title.
		if e, ok := entEnd.at(end - 1); ok && (e.Kind == KindPlace || e.Kind == KindOrganization) {
			k, _ := personTokenAt(toks, e.Start)
			s := k
			if s > 0 && toks[s-1].Lower == "the" {
				s--
			}
			if s > 1 && toks[s-1].Sent == toks[i].Sent {
				switch toks[s-1].Lower {
				case "for", "of", "on", "to":
					if m2, ok := p.titleEndingAt(toks, s-1); ok && toks[m2.i].Cap && toks[s-2].Cap {
						owner = &e
						m, found, end = m2, true, s-1
					}
				}
			}
		}
	}
	if w := toks[end-1]; !found && !comma && !w.Cap && p.occupation(w.Lower, true) && bareOccupationBefore(toks, end-1) {
		// "pro-democracy publisher Jimmy Lai": a lower-case occupation
		// right before a name is that person's.
		m, found = titleMatch{i: end - 1, j: end, e: titleEntry{words: []string{w.Lower}, norm: w.Lower}}, true
	}
	if !found && comma && owner == nil {
		// "the leader of the Bring Back Our Girls (BBOG) movement, X":
		// the title, then "of|for" and its owner's phrase up to the comma.
		for k := end - 1; k > 0 && k >= end-10 && toks[k].Sent == toks[i].Sent; k-- {
			l := toks[k].Lower
			if l == "of" || l == "for" || l == "to" || l == "at" || l == "with" { // "Chile's ambassador to Peru, X", "A senior fellow at Brookings, X"
				if m2, ok := p.titleEndingAt(toks, k); ok && p.personTitlePhraseStart(toks, m2.i) {
					for q := k + 1; q < end; q++ {
						if e, ok := entStart.at(q); ok && e.End <= toks[end-1].End {
							owner = &e
							break
						}
					}
					m, found, end = m2, true, k
					break
				}
				// (A preposition inside the owner's name, "University of
				// Southern California", is no title's: look further back.)
				continue
			}
			if l == "," || l == "who" || l == "which" || l == "said" || l == "says" || !isWordRune(firstRune(toks[k].Text)) && l != "(" && l != ")" && l != "'s" {
				break
			}
		}
	}
	if !found {
		return PersonTitle{}, false
	}
	// A common word before a name is a title when capitalised, or when
	// its phrase or an owner says so: "White House press secretary
	// Karoline Leavitt", "North Korean leader Kim Jong Un", "retired
	// Turkish admiral Cem Gurdeniz" (a rank needs the owner: not "general
	// Taliban").
	// So does a lower-case noun that names the field before a common
	// title word: "security expert John Smith", "international relations
	// expert Soli Ozel", "opposition leader Raila Odinga".
	if !comma && (m.e.rank || personTitleCommon[m.e.words[len(m.e.words)-1]]) && !toks[m.i].Cap &&
		(m.e.rank || len(m.e.words) < 2) && !p.ownerBefore(toks, m.i, entEnd) &&
		(m.e.rank || m.i == 0 || toks[m.i-1].Sent != toks[m.i].Sent || !p.titleWordBefore(toks[m.i-1])) {
		return PersonTitle{}, false
	}
	if comma && !p.personTitlePhraseStart(toks, m.i) && owner == nil {
		return PersonTitle{}, false
	}
	// Modifiers and descriptors before the phrase.
	s := m.i
	for s > 0 && toks[s-1].Sent == toks[i].Sent && (p.modifier[toks[s-1].Lower] || p.descr[toks[s-1].Lower]) {
		if _, isEnt := entEnd.at(s - 1); isEnt {
			break
		}
		s--
	}
	// Plain words of the office too, when an owner's possessive or a
	// determiner closes the phrase on their left: "Mr. Trump's personal
	// lawyer, Rudy Giuliani", "the company's chief financial officer".
	// (Without one, the words before a name may be anything: "said
	// longtime lawyer X".)
	// One word only: before a name the lists cannot tell an office word
	// from the rest of a phrase ("allegations against Vice President").
	// (Not the last word of an owner: "North Korea's army chief of staff".)
	if w := s - 1; w > 0 && toks[w].Sent == toks[i].Sent && p.titleWordBefore(toks[w]) && titlePhraseOpeners[toks[w-1].Lower] {
		if _, isEnt := entEnd.at(w); !isEnt {
			s = w
		}
	}
	pt := PersonTitle{TitleNorm: p.personNormWithModifiers(toks, s, m.j, m.e.norm), rank: m.e.rank}
	pt.Title = Span{Start: toks[s].Start, End: toks[m.j-1].End}
	ev := toks[s].Start
	if owner != nil {
		personSetOwner(&pt, *owner)
	}
	// ORG/PLACE ('s)? right before.
	k := s
	for n := 0; n < 2 && k > 0; n++ {
		q := k - 1
		if toks[q].Lower == "'s" && q > 0 {
			q--
		}
		e, ok := entEnd.at(q)
		if !ok {
			break
		}
		if e.Kind == KindPlace && pt.Place == (Span{}) || e.Kind == KindOrganization && pt.Org == (Span{}) {
			personSetOwner(&pt, e)
			ev = e.Start
		}
		k, _ = personTokenAt(toks, e.Start)
	}
	pt.Evidence = Span{Start: ev, End: 0}
	return pt, true
}

// ownerBefore reports whether a place or organization mention ends right
// before the title at token s (its modifiers and descriptors skipped).
func (p *PersonFinder) ownerBefore(toks []Token, s int, entEnd tokenEntities) bool {
	for s > 0 && (p.modifier[toks[s-1].Lower] || p.descr[toks[s-1].Lower]) {
		if _, ok := entEnd.at(s - 1); ok {
			return true
		}
		s--
	}
	if s > 0 && toks[s-1].Lower == "'s" {
		s--
	}
	_, ok := entEnd.at(s - 1)
	return s > 0 && ok
}

// personOrgPlace sets the owner of an apposed title from entities among
// tokens [from, title end).
func (p *PersonFinder) personOrgPlace(toks []Token, pt *PersonTitle, from int, entEnd tokenEntities) {
	for k := from; k < len(toks) && toks[k].Start < pt.Title.End; k++ {
		if e, ok := entEnd.at(k); ok && e.End < pt.Title.End {
			personSetOwner(pt, e)
			if e.End > pt.Title.Start { // "the Helmand health department director"
				n, _ := personTokenAt(toks, e.End-1)
				pt.Title.Start = toks[n+1].Start
			}
		}
	}
	if pt.TitleNorm != "" {
		s, _ := personTokenAt(toks, pt.Title.Start)
		e, _ := personTokenAt(toks, pt.Title.End-1)
		pt.TitleNorm = p.personNormWithModifiers(toks, s, e+1, pt.TitleNorm)
	}
}

func personSetOwner(pt *PersonTitle, e Entity) {
	switch e.Kind {
	case KindPlace:
		pt.Place = e.Span
	case KindOrganization:
		pt.Org = e.Span
	}
}

// departmentEnd reads "of|for" and one to three words naming a department
// or a field ("of research", "for exploration", "of Asia research") from
// token k, up to a preposition that may introduce the title's owner; it
// returns that preposition's token. The words hold no punctuation and no
// name the recognisers found.
func departmentEnd(toks []Token, k int, entStart tokenEntities) (int, bool) {
	if k >= len(toks) || toks[k].Lower != "of" && toks[k].Lower != "for" {
		return 0, false
	}
	for x := k + 1; x < len(toks) && x <= k+4 && toks[x].Sent == toks[k].Sent; x++ {
		switch toks[x].Lower {
		case "at", "of", "for", "with":
			return x, x > k+1
		}
		if _, ok := entStart.at(x); ok || !isWordRune(firstRune(toks[x].Text)) || toks[x].Lower == "the" || toks[x].Lower == "and" {
			return 0, false
		}
	}
	return 0, false
}

// personEntityAfter reads "of|for|in|at [the] ENTITY" (or, after a
// "who heads" verb, "the ENTITY") from token k; it returns the entity and
// the token after it.
func personEntityAfter(toks []Token, k int, entStart tokenEntities, verb bool) (Entity, int, bool) {
	if k >= len(toks) {
		return Entity{}, 0, false
	}
	if !verb {
		switch toks[k].Lower {
		case "of", "for", "in", "at", "with":
			k++
		default:
			return Entity{}, 0, false
		}
	}
	if k < len(toks) && toks[k].Lower == "the" {
		k++
	}
	e, ok := entStart.at(k)
	if !ok {
		return Entity{}, 0, false
	}
	end, _ := personTokenAt(toks, e.End-1)
	if end+1 < len(toks) && toks[end+1].Lower == "'s" {
		return Entity{}, 0, false // "who heads Thailand's People's Foundation"
	}
	return e, end + 1, true
}

// tokenEntities holds, for each token index, the entity that starts (or
// ends) at it.
type tokenEntities struct {
	ents []Entity
	idx  []int32 // index into ents plus one; 0 for none
}

func newTokenEntities(n int) tokenEntities { return tokenEntities{idx: make([]int32, n)} }

// set records ents[i] at token k; a later entity at k replaces an earlier one.
func (te *tokenEntities) set(k int, ents []Entity, i int) {
	te.ents = ents
	te.idx[k] = int32(i + 1)
}

// at returns the entity at token k, if any (k may be out of range).
func (te tokenEntities) at(k int) (Entity, bool) {
	if k < 0 || k >= len(te.idx) || te.idx[k] == 0 {
		return Entity{}, false
	}
	return te.ents[te.idx[k]-1], true
}

// tokenStartingAt returns the index of the token that starts at byte off.
func tokenStartingAt(toks []Token, off int) (int, bool) {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= off })
	return k, k < len(toks) && toks[k].Start == off
}

// tokenEndingAt returns the index of the token that ends at byte off.
func tokenEndingAt(toks []Token, off int) (int, bool) {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End >= off })
	return k, k < len(toks) && toks[k].End == off
}

// personTokenAt returns the index of the token holding byte offset off.
func personTokenAt(toks []Token, off int) (int, bool) {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End > off })
	return k, k < len(toks) && toks[k].Start <= off
}

// headsNamed reports whether a name follows token k, after an article
// or a possessive: "heads the U.N. Integrated Bureau", "leads Hamas".
func headsNamed(toks []Token, k int) bool {
	for n := 0; n < 3 && k < len(toks) && toks[k].Sent == toks[k-1].Sent; n++ {
		switch l := toks[k].Lower; {
		case l == "the" || l == "a" || l == "an" || l == "its" || l == "his" || l == "her" || l == "their":
			k++
		default:
			return toks[k].Cap
		}
	}
	return false
}

// bareOccupationBefore reports whether the occupation noun at token k may
// be the title of the name after it, judged by the words before it. Many
// occupations are verbs too, and after a modal, an auxiliary or an
// infinitive "to" it is one ("would help Trump's constituency", "to host
// Smith"). And an indefinite noun phrase with a name after it is a noun the
// name opens a relative clause on ("a wealthy hotelier Trump tapped as his
// ambassador", "a lawyer Smith hired"): news writes "publisher Jimmy Lai"
// or "the publisher Jimmy Lai", not "a publisher Jimmy Lai".
func bareOccupationBefore(toks []Token, k int) bool {
	if k == 0 {
		return true
	}
	if verbBefore[toks[k-1].Lower] {
		return false
	}
	// The article, then at most two modifiers: "a wealthy hotelier".
	for n := k - 1; n >= 0 && n >= k-3 && toks[n].Sent == toks[k].Sent; n-- {
		switch l := toks[n].Lower; {
		case l == "a" || l == "an":
			return false
		case toks[n].Cap || namePreps[l] || !isWordRune(firstRune(toks[n].Text)) && !isDigitStart(toks[n].Text):
			return true
		}
	}
	return true
}

// verbBefore are the function words after which a word that may be a noun
// or a verb is the verb.
var verbBefore = map[string]bool{
	"to": true, "would": true, "will": true, "can": true, "could": true, "may": true, "might": true,
	"must": true, "should": true, "shall": true, "did": true, "does": true, "do": true, "didn't": true,
	"doesn't": true, "don't": true, "won't": true, "can't": true, "cannot": true,
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
