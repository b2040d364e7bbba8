package extract

import (
	"context"
	"github.com/newsclaims/newsclaims/extract/syntax"
	"github.com/newsclaims/newsclaims/extract/tokens"

	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/ner"
)

// Options configure an Extractor.
type Options struct {
	// RulesDir, when not "", holds extra *.yaml claim rule files loaded
	// after the embedded ones.
	RulesDir string
	// NoModel skips the trained entity recogniser: entities come from the
	// lexicons, the gazetteer and the rules alone (training reads those
	// as the model's hints).
	NoModel bool
	// NoClubs leaves out the generated football club list
	// (lexicon/organizations_clubs.tsv): its generator reads names with
	// the pipeline as it is without it.
	NoClubs bool
	// NoBrands leaves out the generated company and brand list
	// (lexicon/organizations_brands.tsv), for the same reason.
	NoBrands bool
	// NER, when not nil, is the recogniser to use instead of the
	// embedded one (a model of another cross-validation fold).
	NER *ner.Model
	// Syntax, when not nil, is the tagger and parser to use instead of
	// the embedded ones (training reads the models it has just written).
	Syntax *syntax.Model
}

// Extractor holds the loaded lexicons and rules. It is read-only after New
// and safe for concurrent use by many goroutines.
type Extractor struct {
	places  *Gazetteer
	orgs    *OrgLexicon
	persons *PersonFinder
	rules   *RuleSet
	// parse returns the dependency tree of one sentence of text; nil when
	// no parser is loaded, and then dependency rules do not fire.
	// tagged, when not nil, are the sentence's tokens as the tagger
	// tagged them for the recogniser (worker.tagged): the parse reuses
	// their tags when they are its words.
	parse func(text string, s Sentence, toks []Token, tagged []syntax.Word) []depWord
	// nerModel is the entity recogniser (nil with Options.NoModel).
	nerModel *ner.Model
	// syn is the syntax model: its tagger gives the recogniser's
	// part-of-speech tags (NERTags), its parser the trees.
	syn *syntax.Model
	// hints are the lists' hint bits by folded word (listHints).
	hints map[string]uint32
	// workers hold what one goroutine's extraction keeps from one
	// document to the next (*worker).
	workers *sync.Pool
}

// worker is what one goroutine's extraction keeps from one document to
// the next: the entity recogniser, whose caches of word scores then hold
// the words news repeats across articles (ner.Tagger), and the buffers of
// a document's tokens and of the recogniser's input, which every article
// would otherwise allocate anew (the garbage collector's work under
// ingest's memory limit is proportional to what is allocated).
type worker struct {
	tagger *ner.Tagger // made on first use
	doc    ner.DocScratch
	toks   []Token
	spans  []Span
	words  []string
	pos    []string
	// tagged are the UD words of the document's sentences as the tagger
	// read them for the recogniser (tagSentence), sentence i's from
	// taggedAt[i] to taggedAt[i+1]; a sentence's parse reuses their tags
	// (parseWith). uw is tagSentence's buffer.
	tagged    []syntax.Word
	taggedAt  []int
	uw        []tokens.Word
	starts    []int
	outPerson []float32
}

// maxKeptTokens bounds the buffers a worker keeps: a 1 MB article's
// tokens alone would hold some 16 MB for the rest of the batch.
const maxKeptTokens = 1 << 16

func (x *Extractor) getWorker() *worker {
	if w, ok := x.workers.Get().(*worker); ok {
		return w
	}
	return &worker{}
}

func (x *Extractor) putWorker(w *worker) {
	if cap(w.toks) > maxKeptTokens {
		*w = worker{tagger: w.tagger} // the buffers of a long article go
	}
	x.workers.Put(w)
}

// resized returns buf resized to n zero values, reusing its array when it
// is long enough.
func resized[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// New loads the embedded gazetteer, lexicons and rules.
func New(opt Options) (*Extractor, error) {
	g, err := LoadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	o, err := loadOrganizations(!opt.NoClubs, !opt.NoBrands)
	if err != nil {
		return nil, fmt.Errorf("organizations: %w", err)
	}
	p, err := LoadPersons()
	if err != nil {
		return nil, fmt.Errorf("persons: %w", err)
	}
	r, err := LoadRules(opt.RulesDir)
	if err != nil {
		return nil, err
	}
	x := &Extractor{places: g, orgs: o, persons: p, rules: r, hints: listHints(p, g, o), workers: &sync.Pool{}}
	if !opt.NoModel && opt.NER != nil {
		if _, err := ner.NewTagger(opt.NER); err != nil {
			return nil, fmt.Errorf("entity recogniser: %w", err)
		}
		x.nerModel = opt.NER
	} else if !opt.NoModel {
		if x.nerModel, err = loadNER(); err != nil {
			return nil, fmt.Errorf("entity recogniser: %w", err)
		}
	}
	x.syn = opt.Syntax
	if x.syn == nil {
		if x.syn, err = syntax.Load(); err != nil {
			return nil, fmt.Errorf("syntax model: %w", err)
		}
	}
	// A recogniser trained on the tagger's tags reads the tags of that
	// tagger only: another one's errors are not those it learned from.
	if m := x.nerModel; m != nil && m.POS() != "" && m.TaggerSum() != x.syn.TaggerSum() {
		return nil, fmt.Errorf("entity recogniser: trained on the tags of tagger sha256 %s, the syntax tagger is %s (retrain it: make train)", m.TaggerSum(), x.syn.TaggerSum())
	}
	if r.hasDep {
		x.parse = parseWith(x.syn)
	}
	return x, nil
}

// NERTags returns the part-of-speech tags the entity recogniser reads for
// the words of a sentence of text at spans (ner.Input.POS), as it reads
// them at run time (tagSentence). Training (cmd/train) tags its corpora's
// sentences with it, so the model learns from the tags it reads.
func (x *Extractor) NERTags(text string, spans []Span) []string {
	if len(spans) == 0 {
		return nil
	}
	toks := make([]Token, len(spans))
	for i, sp := range spans {
		toks[i] = Token{Text: text[sp.Start:sp.End], Span: sp}
	}
	s := Sentence{Span: Span{Start: spans[0].Start, End: spans[len(spans)-1].End}, First: 0, Last: len(toks)}
	var uw []tokens.Word
	_, pos := x.tagSentence(text, s, toks, &uw, nil, nil)
	return pos
}

// tagSentence tags sentence s as the parser reads it, its UD words
// (tokens.WordsBuf into *uw), appends them to tagged, and returns them and
// the XPOS of each of the sentence's tokens in pos: that of the first
// word that starts in the token, or of the word before for a token no
// word starts in. The recogniser reads a token's tag ("well-known" the tag
// of "well"); the parse of the sentence reuses the words' tags
// (parseWith), so that a sentence is tagged once.
func (x *Extractor) tagSentence(text string, s Sentence, toks []Token, uw *[]tokens.Word, tagged []syntax.Word, pos []string) ([]syntax.Word, []string) {
	*uw = tokens.WordsBuf((*uw)[:0], text, s, toks)
	start := len(tagged)
	for _, w := range *uw {
		tagged = append(tagged, syntax.Word{Form: w.Text, Span: w.Span, SpaceAfter: w.SpaceAfter})
	}
	ws := tagged[start:]
	x.syn.Tag(ws)
	pos = resized(pos, s.Last-s.First)
	for i, w := range *uw {
		if k := w.Tok - s.First; k >= 0 && k < len(pos) && pos[k] == "" {
			pos[k] = ws[i].XPOS
		}
	}
	for k := range pos {
		if pos[k] == "" && k > 0 {
			pos[k] = pos[k-1]
		}
	}
	return tagged, pos
}

// parseWith returns a parse function over the syntax model: UD words of
// the sentence (extract/tokens), tagged and parsed. When the words are
// those the recogniser's tagging read (tagged: the same forms), their
// tags are reused and the sentence is not tagged twice; the tree is the
// same either way.
func parseWith(m *syntax.Model) func(string, Sentence, []Token, []syntax.Word) []depWord {
	// The UD words of a sentence are read once into the parser's words;
	// their buffer is kept for the next sentence (one per goroutine).
	bufs := sync.Pool{New: func() any { return new([]tokens.Word) }}
	return func(text string, s Sentence, toks []Token, tagged []syntax.Word) []depWord {
		buf := bufs.Get().(*[]tokens.Word)
		defer bufs.Put(buf)
		uw := tokens.WordsBuf((*buf)[:0], text, s, toks)
		*buf = uw
		if len(uw) == 0 {
			return nil
		}
		reuse := len(tagged) == len(uw)
		for i := 0; reuse && i < len(uw); i++ {
			reuse = tagged[i].Form == uw[i].Text
		}
		words := make([]syntax.Word, len(uw))
		for i, w := range uw {
			if reuse {
				words[i] = tagged[i]
			}
			words[i].Form, words[i].Span, words[i].SpaceAfter = w.Text, w.Span, w.SpaceAfter
		}
		if reuse {
			m.ParseTagged(words)
		} else {
			m.Analyze(words)
		}
		return words
	}
}

// taggedPart is the UD words of sentence si as the recogniser's tagger
// read them, when the parser reads the whole sentence (a sentence cut
// after its dateline is tagged again, its tags being those of fewer
// words); nil when they were not tagged.
func (w *worker) taggedPart(cd *claimDoc, si int) []syntax.Word {
	if cd.parsedPart(si).First != cd.sents[si].First || si+1 >= len(w.taggedAt) {
		return nil
	}
	return w.tagged[w.taggedAt[si]:w.taggedAt[si+1]]
}

// RulesHash identifies the loaded claim rules; runs record it so that an
// analyst can tell which rules produced a row.
func (x *Extractor) RulesHash() string { return x.rules.Hash }

// Extract finds the entities and claims of one document.
func (x *Extractor) Extract(doc Doc) Result {
	r, _ := x.ExtractContext(context.Background(), doc) // never cancelled
	return r
}

// ExtractContext is Extract that stops when ctx is done: it checks ctx
// between stages and between the sentences of the claim stage (the
// longest), and returns ctx's error and no result. A batch that is
// stopped, or an article over its deadline, thus ends within a sentence's
// work, not the whole article's.
func (x *Extractor) ExtractContext(ctx context.Context, doc Doc) (Result, error) {
	return x.extract(ctx, doc, nil)
}

// extract is ExtractContext; fired, when not nil, collects the rules that
// made a claim before duplicates were dropped.
func (x *Extractor) extract(ctx context.Context, doc Doc, fired map[string]bool) (Result, error) {
	// The tokens live in the worker's buffer: nothing of the result
	// holds a token.
	w := x.getWorker()
	defer x.putWorker(w)
	toks, sents := tokens.TokenizeBuf(w.toks, doc.Text)
	w.toks = toks
	w.tagged, w.taggedAt = w.tagged[:0], w.taggedAt[:0] // the recogniser tags this document's sentences
	// Sentences all in capitals are read for entities in their words'
	// usual case (truecase); offsets are the same, the text is the
	// original's.
	etext, etoks := x.truecase(doc.Text, toks, sents)
	ents := x.recognise(ctx, w, etext, etoks, sents, x.ruleEntities(ctx, etext, etoks, doc.Published))
	if etext != doc.Text {
		for i := range ents {
			ents[i].Text = doc.Text[ents[i].Start:ents[i].End]
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	ents = dropNameDates(toks, ents)
	tagBlocks(ents, doc.Regions)

	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	cd := newClaimDoc(doc.Text, toks, sents, ents, doc.Regions, x.rules)
	cd.explain = doc.Explain
	if len(doc.Published) >= 10 {
		cd.published = doc.Published[:10]
	}
	cd.fired = fired
	if x.parse != nil && x.rules.hasDep {
		cd.trees = make([]*depTree, len(sents))
		for si, s := range sents {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			if cd.body[si] && (x.rules.mayTrigger(toks[s.First:s.Last], cd.hasNumber(s)) || cd.hasFigure(s)) {
				if ws := x.parse(doc.Text, cd.parsedPart(si), toks, w.taggedPart(cd, si)); len(ws) > 0 {
					cd.trees[si] = newDepTree(ws)
				}
			}
		}
	}
	if x.parse != nil {
		if cd.trees == nil {
			cd.trees = make([]*depTree, len(sents))
		}
		cd.parse = func(si int) *depTree {
			if ws := x.parse(doc.Text, cd.parsedPart(si), toks, w.taggedPart(cd, si)); len(ws) > 0 {
				return newDepTree(ws)
			}
			return nil
		}
	}
	cd.ctx = ctx
	claims := cd.claims()
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	np := 0
	for _, e := range ents {
		if e.Kind == KindPerson {
			np++
		}
	}
	var persons, others []Entity // sized first: an entity is some 200 bytes
	if np > 0 {
		persons = make([]Entity, 0, np)
	}
	if np < len(ents) {
		others = make([]Entity, 0, len(ents)-np)
	}
	for _, e := range ents {
		if e.Kind == KindPerson {
			persons = append(persons, e)
		} else {
			others = append(others, e)
		}
	}
	claims = append(claims, cd.roleClaims(x.persons.findTitles(doc.Text, toks, persons, others))...)
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Start < claims[j].Start })
	if doc.Explain {
		for i := range claims {
			claims[i].Explain = completeExplanation(claims[i])
		}
	}
	if claims == nil {
		claims = []Claim{}
	}
	if ents == nil {
		ents = []Entity{}
	}
	return Result{Entities: ents, Claims: claims}, nil
}

// dropNameDates drops a date "Today" that ends a name ("told USA Today",
// "USA TODAY", "BBC Radio's Today"): capitalised, right after a capitalised word of its
// sentence that does not open it. Done after the recogniser, whose
// features read the dates as they are found (the model was trained so).
func dropNameDates(toks []Token, ents []Entity) []Entity {
	out := ents[:0]
	for _, e := range ents {
		if e.Kind == KindDate && (e.Text == "Today" || e.Text == "TODAY") {
			if i, _ := tokenStartingAt(toks, e.Start); i > 0 && i < len(toks) {
				if p := toks[i-1]; p.Sent == toks[i].Sent && p.Cap && p.End+1 >= e.Start && i-1 > firstOfSentence(toks, i) {
					continue
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// firstOfSentence returns the index of the first token of token i's
// sentence.
func firstOfSentence(toks []Token, i int) int {
	for i > 0 && toks[i-1].Sent == toks[i].Sent {
		i--
	}
	return i
}

// ruleEntities finds the entities the lexicons, the gazetteer and the
// rules see, before any model reads the text.
func (x *Extractor) ruleEntities(ctx context.Context, text string, toks []Token, published string) []Entity {
	// Each finder reads the whole document: on a 10 MB article the six
	// take seconds together, so a stopped run is checked between them
	// (the caller checks ctx again and drops what this returns).
	var parts [][]Entity
	for _, find := range []func() []Entity{
		func() []Entity { return x.orgs.findOrganizations(text, toks) },
		func() []Entity { return x.places.findPlaces(text, toks) },
		func() []Entity { return findDates(text, toks, published) },
		func() []Entity { return findNumbers(text, toks) },
		func() []Entity { return findScoreLines(text, toks) },
		func() []Entity { return x.slugEntities(text, toks) },
	} {
		if ctx.Err() != nil {
			return nil
		}
		parts = append(parts, find())
	}
	// One allocation for all that the finders found, not the doublings
	// of append.
	var found []Entity
	if n := sumLen(parts); n > 0 {
		found = make([]Entity, 0, n)
	}
	for _, p := range parts {
		found = append(found, p...)
	}
	ents := mergeEntities(dropPlaceDescriptions(text, found))
	if ctx.Err() != nil {
		return nil
	}
	// Persons come last: a name is read around the places and
	// organizations already found ("Jordan" in "Michael Jordan" is not a
	// country when the first name says otherwise).
	taken := make([]Span, len(ents))
	for i, e := range ents {
		taken[i] = e.Span
	}
	return mergeEntities(append(ents, x.persons.findPersons(text, toks, taken)...))
}

// sumLen is the total length of the slices.
func sumLen[T any](parts [][]T) int {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// slugEntities reads the lines written all in lower case, as a URL slug
// or a tag line is ("afghanistan kandahar frontline taliban threat"),
// where no capital tells a name from a word: the gazetteer and the
// curated organizations read them with each word capitalised, as the
// title-case heading they stand for (places.go: no capitalised neighbour
// makes a place a surname there). Generated club and brand names are left
// out: their words are common nouns too often ("threat", "ward"). A line
// is one sentence of three words or more without an upper-case letter.
func (x *Extractor) slugEntities(text string, toks []Token) []Entity {
	var out []Entity
	for i := 0; i < len(toks); {
		j, words := i, 0
		for ; j < len(toks) && toks[j].Sent == toks[i].Sent; j++ {
			if r, _ := utf8.DecodeRuneInString(toks[j].Text); unicode.IsLetter(r) {
				words++
			}
		}
		start, end := toks[i].Start, toks[j-1].End
		i = j
		line := text[start:end]
		if words < 3 || strings.IndexFunc(line, unicode.IsUpper) >= 0 {
			continue
		}
		capd := []byte(line)
		lt, _ := Tokenize(line)
		for _, t := range lt {
			r, n := utf8.DecodeRuneInString(t.Text)
			if u := unicode.ToUpper(r); u != r && utf8.RuneLen(u) == n {
				utf8.EncodeRune(capd[t.Start:], u)
			}
		}
		c := string(capd)
		ct, _ := Tokenize(c)
		var es []Entity
		es = append(es, x.places.findPlaces(c, ct)...)
		for _, e := range x.orgs.findOrganizations(c, ct) {
			if e.Source == SourceLexicon && !x.orgs.generated[e.Norm] {
				es = append(es, e)
			}
		}
		for _, e := range es {
			e.Start += start
			e.End += start
			e.Text = text[e.Start:e.End]
			out = append(out, e)
		}
	}
	return out
}

// dropPlaceDescriptions drops the organizations that are a description
// of a local body by its place: a gazetteer place other than a country,
// then lower-case words only ("the Helmand health department", "Kabul
// police"). Such a phrase names no organization (no capital says it is a
// name), and the place it holds is the fact the analyst's map needs; the
// place is kept. A country's or a nationality's institutions ("Afghan
// government", "US forces") stay organizations, the project's pinned
// convention, and so do capitalised names ("Kandahar Provincial Council").
func dropPlaceDescriptions(text string, found []Entity) []Entity {
	places := map[int]Entity{}
	for _, e := range found {
		if e.Kind == KindPlace && e.Source == SourceGazetteer && e.Type != PlaceCountry && e.Type != PlaceDemonym {
			places[e.Start] = e
		}
	}
	if len(places) == 0 {
		return found
	}
	out := found[:0] // in place: the caller reads only what this returns
	for _, e := range found {
		if p, ok := places[e.Start]; ok && e.Kind == KindOrganization && e.Source == SourceRule && p.End < e.End &&
			strings.ToLower(text[p.End:e.End]) == text[p.End:e.End] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// kindRank breaks ties between entities with the same span: a date beats
// the number inside it, an organization beats the place its name holds.
var kindRank = map[string]int{KindDate: 0, KindOrganization: 1, KindPerson: 2, KindPlace: 3, KindNumber: 4}

// mergeEntities keeps one entity per stretch of text: the longest span
// wins, then the kind rank. A mention inside a longer one ("Kabul" in
// "Kabul University", "15" in "August 15") is dropped, so every word is
// counted once by an analyst's GROUP BY.
func mergeEntities(es []Entity) []Entity {
	sort.SliceStable(es, func(i, j int) bool {
		li, lj := es[i].End-es[i].Start, es[j].End-es[j].Start
		if li != lj {
			return li > lj
		}
		if es[i].Start != es[j].Start {
			return es[i].Start < es[j].Start
		}
		return kindRank[es[i].Kind] < kindRank[es[j].Kind]
	})
	// covered marks the bytes of kept entities: the overlap test costs the
	// length of one span, so a very long article stays linear.
	end := 0
	for _, e := range es {
		end = max(end, e.End)
	}
	covered := make([]uint64, end/64+1) // a bit per byte
	// The kept entities are compacted into es itself (the sort above
	// reorders the caller's slice already): each article merges several
	// times, and a new slice grown by append was extraction's second
	// largest allocation.
	kept := es[:0]
	for _, e := range es {
		if e.End <= e.Start || e.Start < 0 {
			continue
		}
		clash := false
		for b := e.Start; b < e.End; b++ {
			if covered[b>>6]&(1<<(b&63)) != 0 {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for b := e.Start; b < e.End; b++ {
			covered[b>>6] |= 1 << (b & 63)
		}
		kept = append(kept, e)
	}
	if len(kept) == 0 {
		return nil // as before the compaction: nothing kept, no slice
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}

// tagBlocks records the kind of text block each entity sits in.
func tagBlocks(es []Entity, regions []Region) {
	// Regions are sorted and do not overlap (ingest's blocks): find each
	// entity's by binary search.
	for i := range es {
		k := sort.Search(len(regions), func(k int) bool { return regions[k].End > es[i].Start })
		if k < len(regions) && es[i].Start >= regions[k].Start && es[i].End <= regions[k].End {
			es[i].Block = regions[k].Kind
		}
	}
}
