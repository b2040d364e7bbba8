package extract

import (
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsclaims/newsclaims/extract/ner"
)

// nerKind maps the recogniser's kinds to entity kinds (they are the same
// names; the map keeps the two packages honest).
var nerKind = map[string]string{ner.Person: KindPerson, ner.Place: KindPlace, ner.Organization: KindOrganization}

// functionTags are the XPOS of words that open no name (recognise).
var functionTags = map[string]bool{"IN": true, "DT": true, "CC": true, "TO": true, "PRP": true, "PRP$": true, "RB": true, "WRB": true, "WDT": true, "WP": true, "MD": true, "EX": true}

// recognise runs the trained recogniser over every sentence and fuses its
// mentions with the rule entities (the lexicons', the gazetteer's and the
// rules'), returning the entities sorted by position.
//
// The decision rule, for each mention m the model finds:
//  1. m overlaps a date or a number: m is dropped (rules own times and
//     quantities; "May" is a month there, not a person).
//  2. m overlaps no rule entity: m is kept, source "model". This is what
//     the lists cannot do: a company, a club, an agency, a person without
//     a title that no list knows. But a model person the gazetteer reads
//     as a place without context (a country, capital, large city, a
//     division of a country the article names), none of its words a given
//     name, is that place (strongPlaceName: "Mauritius has said", "El
//     Geneina"); and a single word the gazetteer knows and the given names
//     do not, which the model calls a person or an organization by a small
//     margin over a place (placeWordMargin), takes the gazetteer's reading
//     if it has one without context, else is left out ("Zaranj, near the
//     Iranian border, fell": the rules did not take it as a place there,
//     and the model's person is a guess between two readings).
//  3. m has exactly the span of one rule entity r:
//     same kind: r is kept as it is (its norm, country, coordinates,
//     type and source);
//     another kind, r a gazetteer place that is not a demonym, the model
//     surer of its kind than of a place (overrideMargin), not a country
//     read as an organization, nor a strong place (strongPlaceName) read
//     as a person: the model decides the kind (a city
//     that is a football club, a country name that is a surname, the two
//     cities of a score line); the entity takes m's kind, keeps no
//     geo-resolution and gets source "model";
//     another kind, r an organization of a generated list (a club or a
//     brand read from open data, not curated one by one: "Schmidt" is a
//     brand and a surname), the model surer of its kind: the model
//     decides, as for a gazetteer place;
//     another kind, r a person the rules read from capitals without a
//     title, the model surer of its kind: the model decides
//     ("Cleveland Orchestra", "Gare Montparnasse");
//     otherwise r is kept: a curated lexicon organization, a
//     demonym, a person the rules read from a title and capitals (the
//     model took "Wynter Mmolotsi, minister of ..." for an organization),
//     a country ("France" as a team or a government is still the place
//     on the map).
//  4. m overlaps rule entities with other spans: the rule entities are
//     kept, m is dropped. The rules' spans follow the project's pinned
//     conventions (a division's cue word, "northern Afghanistan", "Afghan
//     government", a title outside a person's name) that the corpora the
//     model learnt from do not share. But when every rule entity m
//     overlaps is an organization of a generated list inside m, m
//     replaces them: the generated names are single common words too
//     often ("Commons" in "House of Commons") for their span to beat
//     the model's. So does a model place or organization around
//     gazetteer places whose other words are capitalised name words,
//     none a direction nor an office
//     (namesAroundPlaces: "South America", not "America" the country;
//     "northern Afghanistan" stays the rules'). And a model person that
//     starts an untitled rule person going on after it in capitalised
//     words only replaces it (personRunsOn: "James Webb" of "James Webb
//     Space Telescope").
//  5. Whatever the rule above keeps of m: a model organization ending in
//     a capitalised place head (places_cues.yaml: "Bagram Air Base",
//     "Imam Mosque", "Bering Strait") is a place, as the corpora annotate
//     facilities and geographic features, and so is a model person
//     ending in a place head that is no surname (nameless_heads: "Shah
//     Mosque"; "Shirley Temple" stays a person). A model organization or
//     place that stops just before such a head word takes it in first
//     ("Bagram Air" before "Base").
//  6. The other way round, a model place of two words or more with a
//     capitalised word naming a body after its first word, at its end or
//     before "of" (organizations_patterns.yaml heads and acronym_heads:
//     "Chicago Symphony Orchestra", "Rodale Press", "Massachusetts
//     Institute of Technology"), is an organization: the model reads the
//     place it starts with.
//
// Before all this too, a model place or organization that is the object
// of a body's name takes the name in and is an organization: a head of
// organizations_patterns.yaml (heads, acronym_heads) and "of" before it
// ("School of Open Africa", where the model read the place "Open
// Africa"; orgOfHead), or it ends in such a head before "of" and
// capitalised words ("Massachusetts Institute" and "of Technology";
// orgHeadOf).
//
// After the rules above, a name that a cue of a city or a division
// introduces is a place of that type, with no geo-resolution, when
// nothing read it or the model read it, exactly, as another kind ("in
// the town of Ziketan", "the village of Kafr Nabl", a model person:
// cuedPlaces; the cue words of places_cues.yaml, after "the").
//
// Then a company's name ending in a legal form
// (legal_forms: "CCNG, Inc.", "Exxon Mobil Corp.") is one organization
// over the model's and the lists' pieces of it (legalFormNames). Last,
// the names of the document are made to agree (consistentNames,
// consistency.go: a vote per name between the kinds its mentions were
// given, and its occurrences left without an entity).
//
// A model mention on a word of an e-mail address, handle or URL is
// dropped before all this ("gmail" in chris@gmail.com is no person), and
// so is one without a capital letter in a sentence that has capitals
// ("double the 10% levy": the model's "levy" is a common word; a line all
// in lower case, a slug or a tweet, keeps its lower-case names), and so is
// a bare acronym the text defines as a term ("Information and
// Communication Technology (ICT)": the rules take no organization there,
// orgs.go, and "use of ICT in education" names none either).
//
// Rule entities the model does not confirm are kept: the seeds' entities
// come from them, and their precision there is 0.97. But a rule person
// the model leaves out of every mention, by rejectPersonMargin or more at
// its first word, is dropped (rejectedPersons): the rules read capitalised
// words after a given name or beside a verb of saying ("Roman Catholic",
// "Art Deco", "Yack Pack"), and the model has read those hints too.
// And a model place or organization around rule persons that goes on
// after them in capitalised words is the name of a body or a facility
// named after a person (namesakes: "Andy Warhol Foundation", "George
// Washington Bridge"), as rule 4 has it for places.
//
// It stops between sentences when ctx is done (ExtractContext then
// returns ctx's error, not this result).
func (x *Extractor) recognise(ctx context.Context, w *worker, text string, toks []Token, sents []Sentence, ents []Entity) []Entity {
	if x.nerModel == nil || len(toks) == 0 {
		return ents
	}
	if w.tagger == nil {
		var err error
		if w.tagger, err = ner.NewTagger(x.nerModel); err != nil {
			return ents // New checked the model; cannot happen
		}
	}
	tg := w.tagger
	// The recogniser's input lives in the worker's buffers: what this
	// returns holds none of it.
	spans := resized(w.spans, len(toks))
	words := resized(w.words, len(toks))
	w.spans, w.words = spans, words
	for i, t := range toks {
		spans[i] = t.Span
		words[i] = t.Text
	}
	hints := x.nerHints(toks, ents, spans)
	starts := resized(w.starts, len(sents))
	w.starts = starts
	for i, s := range sents {
		starts[i] = s.First
	}
	doc := w.doc.Codes(words, starts, hints)
	type mention struct {
		ner.Mention
		margin map[string]float32 // by the kind of a rule entity: see rule 3
	}
	var (
		found []mention
		ms    []ner.Mention
	)
	// outPerson is, for each word the model leaves outside every mention,
	// how much it prefers that to starting a person there (-1 inside a
	// mention): the model's word against a rule person (rejectedPersons).
	outPerson := resized(w.outPerson, len(toks))
	w.outPerson = outPerson
	tagged := x.nerModel.POS() != ""
	for _, s := range sents {
		if ctx.Err() != nil {
			return ents
		}
		in := ner.Input{Words: words[s.First:s.Last], Hints: hints[s.First:s.Last], Doc: doc[s.First:s.Last]}
		if tagged {
			w.taggedAt = append(w.taggedAt, len(w.tagged))
			w.tagged, w.pos = x.tagSentence(text, s, toks, &w.uw, w.tagged, w.pos)
			in.POS = w.pos
		}
		ms = tg.Tag(in, ms[:0])
		for i := s.First; i < s.Last; i++ {
			outPerson[i] = tg.Margin(i-s.First, ner.Person)
		}
		for _, m := range ms {
			for i := m.Start; i < m.End; i++ {
				outPerson[s.First+i] = -1
			}
		}
		// A name opens with no function word: "Like Lutnick, Kevin
		// Hassett emphasized" gave the person "Like Lutnick", the
		// sentence's capital read as a name's. A mention that opens the
		// sentence with a word the tagger reads as a preposition,
		// determiner, conjunction, pronoun or adverb starts after it.
		if tagged {
			for j := range ms {
				if m := &ms[j]; m.Start == 0 && m.End-m.Start > 1 && functionTags[w.pos[0]] {
					m.Start++
				}
			}
		}
		for _, m := range ms {
			mg := map[string]float32{}
			for _, k := range ner.Kinds {
				mg[nerKind[k]] = tg.Margin(m.Start, k)
			}
			m.Start += s.First
			m.End += s.First
			found = append(found, mention{m, mg})
		}
	}
	if tagged {
		w.taggedAt = append(w.taggedAt, len(w.tagged)) // the last sentence's end
	}
	// The model's persons' words, as written: a rule person after a
	// title that the model leaves out in one sentence but reads as a
	// person in another ("President Xi Jinping of China ...", then "Xi's
	// problem is simple") is confirmed by the document (rejectedPersons).
	personWords := map[string]bool{}
	for _, m := range found {
		if m.Kind == ner.Person {
			for i := m.Start; i < m.End; i++ {
				personWords[words[i]] = true
			}
		}
	}
	// A rule person of two words or more with a title in apposition after
	// it ("Nop Vy, the association's executive director,") has the
	// strongest evidence the rules read; the model, which sees the name and
	// not the title phrase as a whole, does not overrule it. A single word
	// may be a sentence opener the model is right about ("Instead, the
	// president's tactics", "Parents, lawmakers and a bishop").
	apposed := map[Span]bool{}
	for _, e := range ents {
		if e.Kind == KindPerson && e.Source == SourceRule && e.Type != "" && strings.ContainsAny(strings.TrimSpace(e.Text), " \u00a0") {
			j := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= e.End })
			if x.persons.personApposition(toks, j) {
				apposed[e.Span] = true
			}
		}
	}
	ents = rejectedPersons(toks, ents, outPerson, personWords, apposed)
	addr := addressTokens(text, toks)
	if len(found) == 0 {
		return x.documentNames(text, toks, sents, addr, ents, nil, nil)
	}
	out := ents[:len(ents):len(ents)]
	drop := make([]bool, len(ents)) // rule entities a model mention replaces (rule 4)
	var evoked []string             // countries of the gazetteer's places: context for the model's places (modelEntity)
	for _, r := range ents {
		if r.Kind == KindPlace && r.Source == SourceGazetteer && r.Country != "" && !slices.Contains(evoked, r.Country) {
			evoked = append(evoked, r.Country)
		}
	}
	terms := x.orgs.termAcronyms(text, toks, ents)
	titled := x.places.titleCaseSentences(toks) // headings (namesAroundPlaces)
	cased := make([]bool, len(sents))
	for si, st := range sents {
		cased[si] = hasUpper(toks[st.First:st.Last])
	}
	conf := map[Span]float32{} // the model's margin of each kept mention's kind (consistentNames)
	e := 0
	for _, m := range found {
		// The project's convention: a name without its title or a
		// leading "the" ("Gen. Kenneth McKenzie" is "Kenneth McKenzie").
		// A title word before a lower-case word is the name's own
		// ("House of Commons").
		for m.Start < m.End && (hints[m.Start]&ner.HintTitle != 0 && (m.Start+1 == m.End || toks[m.Start+1].Cap || toks[m.Start+1].Text == ".") ||
			toks[m.Start].Lower == "the" ||
			toks[m.Start].Text == "." && m.Start > 0 && hints[m.Start-1]&ner.HintTitle != 0) {
			m.Start++
		}
		// A capitalised name does not end in a lower-case word ("Derna
		// rose"); a lower-case mention (a slug, a tweet) is left whole.
		for m.End-1 > m.Start && toks[m.Start].Cap && startsLower(toks[m.End-1].Text) {
			m.End--
		}
		if m.Start >= m.End || !hasLetter(toks[m.Start:m.End]) {
			continue // "@" and "." are no names (tweets taught the model otherwise)
		}
		// In a sentence written with capitals, a mention without a
		// capital letter is a common word ("The ministry plans to double
		// the 10% levy"); a sentence all in lower case (a tweet, a slug)
		// keeps its lower-case names.
		if cased[toks[m.Start].Sent] && !hasUpper(toks[m.Start:m.End]) {
			continue
		}
		if slices.Contains(addr[m.Start:m.End], true) {
			continue // "gmail" in chris@gmail.com: an address, not a name
		}
		if m.End-m.Start == 1 && terms[toks[m.Start].Text] {
			continue // "ICT", defined as a term: not an organization
		}
		// A capitalised article or particle before a name belongs to it
		// ("El Geneina", "Al Mukalla", "Van Gogh"); the corpora have few.
		for m.Start > 0 && toks[m.Start-1].Sent == toks[m.Start].Sent && toks[m.Start-1].Cap &&
			nameParticles[toks[m.Start-1].Lower] && !personStartsSentence(toks, m.Start-1) && m.Kind != ner.Organization {
			m.Start--
		}
		// "School of" before a model name: the name is the object of a
		// body's name ("School of Open Africa", where the model read the
		// place "Open Africa"); the mention takes the head and the
		// capitalised words before it in, and is an organization.
		// Not for a person: "the Department of State John Kirby".
		if s, ok := x.orgOfHead(toks, m.Start); ok && m.Kind != ner.Person {
			m.Start, m.Kind = s, ner.Organization
		}
		// The other way round, a model name ending in such a head before
		// "of" and capitalised words takes them in ("Massachusetts
		// Institute" and "of Technology").
		if e, ok := x.orgHeadOf(toks, m.End); ok && m.Kind != ner.Person {
			m.End, m.Kind = e, ner.Organization
		}
		// A capitalised place head right after a model organization or
		// place ends its name ("Bagram Air" and "Base": the model's
		// boundary, a word short); rule 5 then makes it a place.
		if m.Kind != ner.Person && m.End < len(toks) && toks[m.End].Sent == toks[m.Start].Sent && toks[m.End].Cap &&
			toks[m.End].Start > toks[m.End-1].End && x.places.placeHeads[toks[m.End].Lower] {
			m.End++
		}
		sp := Span{Start: toks[m.Start].Start, End: toks[m.End-1].End}
		for e < len(ents) && ents[e].End <= sp.Start {
			e++
		}
		var over []int
		for k := e; k < len(ents) && ents[k].Start < sp.End; k++ {
			if ents[k].End > sp.Start {
				over = append(over, k)
			}
		}
		kind := nerKind[m.Kind]
		sure := float32(math.MaxFloat32)
		for k, g := range m.margin {
			if k != kind {
				sure = min(sure, g)
			}
		}
		conf[sp] = sure
		// Rule 5: a facility or a geographic feature is a place.
		if kind == KindOrganization && m.End-m.Start > 1 && toks[m.End-1].Cap && x.places.placeHeads[toks[m.End-1].Lower] {
			kind = KindPlace
		}
		// And a model person ending in a place head that is no surname
		// ("Shah Mosque"; "Shirley Temple" stays a person).
		if kind == KindPerson && m.End-m.Start > 1 && toks[m.End-1].Cap && x.places.namelessHeads[toks[m.End-1].Lower] {
			kind = KindPlace
		}
		// Rule 6: a model place named as a body is an organization.
		if kind == KindPlace && m.End-m.Start > 1 && x.orgHeadName(toks, m.Start, m.End) {
			kind = KindOrganization
		}
		clash, generatedInside := false, len(over) > 0
		for _, k := range over {
			if ents[k].Kind == KindDate || ents[k].Kind == KindNumber {
				clash = true
			}
			generatedInside = generatedInside && ents[k].Span != sp && ents[k].Start >= sp.Start && ents[k].End <= sp.End &&
				x.generatedOrg(ents[k])
		}
		switch {
		case clash:
		case generatedInside || x.namesAroundPlaces(kind, toks, m.Start, m.End, ents, over, titled) ||
			namesakes(kind, toks, hints, m.Start, m.End, ents, over):
			for _, k := range over {
				drop[k] = true
			}
			out = append(out, x.modelEntities(kind, text, sp, evoked)...)
		case len(over) == 0:
			if kind == KindPerson && x.strongPlaceName(text[sp.Start:sp.End], hints[m.Start:m.End], evoked) {
				kind = KindPlace // rule 2: "Mauritius has said", "El Geneina"
			}
			if kind != KindPlace && m.End-m.Start == 1 && hints[m.Start]&(ner.HintPlaceWord|ner.HintGivenName) == ner.HintPlaceWord &&
				m.margin[KindPlace] < placeWordMargin {
				// A gazetteer word the model calls a person or an
				// organization by a small margin over a place: the
				// place the gazetteer reads it as, if it reads one
				// without context ("Gaziantep, a city with ..."), else
				// nothing ("Zaranj, near the Iranian border, fell").
				if _, ok := x.resolvePlace(text[sp.Start:sp.End], evoked); !ok {
					continue
				}
				kind = KindPlace
			}
			out = append(out, x.modelEntities(kind, text, sp, evoked)...)
		case kind == KindPerson && len(over) == 1 && personRunsOn(toks, ents[over[0]], sp):
			drop[over[0]] = true
			out = append(out, x.modelEntities(kind, text, sp, evoked)...)
		case len(over) > 0 && os.Getenv("NER_DEBUG") != "" && !(len(over) == 1 && ents[over[0]].Span == sp):
			for _, k := range over {
				fmt.Fprintf(os.Stderr, "dropped model %s %q over %s/%s %q\n", kind, text[sp.Start:sp.End], ents[k].Kind, ents[k].Source, ents[k].Text)
			}
		case len(over) == 1 && ents[over[0]].Span == sp:
			r := &out[over[0]]
			if r.Kind != kind && (r.Source == SourceGazetteer && r.Type != "demonym" || x.generatedOrg(*r) || untitledRulePerson(*r)) &&
				m.margin[r.Kind] >= overrideMargin && !(r.Type == PlaceCountry && kind == KindOrganization) &&
				!(kind == KindPerson && x.strongPlaceName(r.Text, hints[m.Start:m.End], evoked)) {
				if os.Getenv("NER_DEBUG") != "" {
					fmt.Fprintf(os.Stderr, "override %s %q -> %s margin %.1f\n", r.Kind, r.Text, kind, m.margin[r.Kind])
				}
				*r = Entity{Kind: kind, Span: sp, Text: r.Text, Norm: r.Text, Source: SourceModel}
			}
		}
	}
	kept := out[:0]
	for i, e := range out {
		if i >= len(drop) || !drop[i] {
			kept = append(kept, e)
		}
	}
	kept = append(kept, x.places.cuedPlaces(text, toks, kept)...)
	personsBeforeWho(toks, kept)
	return x.documentNames(text, toks, sents, addr, mergeEntities(kept), conf, evoked)
}

// cuedPlaces returns the places that a cue of a city or a division
// names after "the" ("the town of Ziketan", "the province of Nimroz"),
// when no entity of ents covers the name's words (a model person or
// organization of exactly the name is made that place, in ents): the gazetteer reads
// the cue only around names it knows (placeCue), and a village it does
// not know is still a place on the analyst's map. The name is the run of
// capitalised name words after the cue (at most four), on one sentence.
func (g *Gazetteer) cuedPlaces(text string, toks []Token, ents []Entity) []Entity {
	var out []Entity
	// covered reports whether an entity other than a model person or
	// organization of exactly the name covers a word of it; such a
	// model mention becomes the place (the model read "the village of
	// Kafr Nabl" as a person: no person is named by a town's cue).
	covered := func(a, b int, typ string) bool {
		for k := range ents {
			e := &ents[k]
			if e.Start < b && a < e.End {
				if e.Span == (Span{Start: a, End: b}) && e.Source == SourceModel && e.Kind != KindPlace {
					*e = Entity{Kind: KindPlace, Span: e.Span, Text: e.Text, Norm: e.Text, Type: typ, Source: SourceRule}
				}
				return true
			}
		}
		return false
	}
	for i := 2; i < len(toks); i++ {
		if !g.placeNameWord(toks[i]) || toks[i].Sent != toks[i-1].Sent {
			continue
		}
		typ := PlaceCity
		cue := cueAfterThe(toks, i, g.cityBefore)
		if cue == nil {
			typ, cue = PlaceDivision, cueAfterThe(toks, i, g.divBefore)
		}
		if cue == nil {
			continue
		}
		if cue[0] == "capital" {
			typ = "" // "the capital of X": X is the country or region
		}
		j := i + 1
		for j < len(toks) && j-i < 4 && toks[j].Sent == toks[i].Sent && g.placeNameWord(toks[j]) && toks[j].Start == toks[j-1].End+1 {
			j++
		}
		a, b := toks[i].Start, toks[j-1].End
		if !covered(a, b, typ) {
			out = append(out, Entity{Kind: KindPlace, Span: Span{Start: a, End: b}, Text: text[a:b], Norm: text[a:b], Type: typ, Source: SourceRule})
		}
		i = j - 1
	}
	return out
}

// cueAfterThe returns the one of seqs that ends just before token i with
// "the" before it, nil if none: "the town of" names a town, "a port of"
// need not.
func cueAfterThe(toks []Token, i int, seqs [][]string) []string {
	for _, s := range seqs {
		if k := i - len(s) - 1; k >= 0 && toks[k].Lower == "the" && toks[k].Sent == toks[i].Sent && seqBefore(toks, i, s) {
			return s
		}
	}
	return nil
}

// untitledRulePerson reports whether e is a person the rules read from
// capitals alone, without a title: the model, which read the same hints,
// decides its kind when it reads the same span as another kind by
// overrideMargin (rule 3: "Cleveland Orchestra", "Gare Montparnasse",
// "Rice Owls").
func untitledRulePerson(e Entity) bool {
	return e.Kind == KindPerson && e.Source == SourceRule && e.Type == ""
}

// personRunsOn reports whether r is an untitled rule person that starts
// where the model's person sp starts and goes on after it in capitalised
// words only: the person rules read on into what is named after the
// person ("Andy Warhol Photographic Legacy", "James Webb Space
// Telescope", "Tommy Solomon Statue"), where the model stops at the name
// (rule 4).
func personRunsOn(toks []Token, r Entity, sp Span) bool {
	if !untitledRulePerson(r) || r.Start != sp.Start || r.End <= sp.End {
		return false
	}
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.End }); i < len(toks) && toks[i].End <= r.End; i++ {
		if !toks[i].Cap {
			return false
		}
	}
	return true
}

// namesAroundPlaces reports whether the model's place or organization
// of tokens [i, j) holds gazetteer places (not demonyms) strictly inside
// it, every rule entity it overlaps being one, and its other words are
// capitalised name words (or "of", "the", "and" between them), none a
// direction word: a longer name the gazetteer does not know ("South
// America", "US West Coast", "Linguistic Society of America", where the
// gazetteer read "America", the United States). "northern Afghanistan"
// and "the Helmand health department" keep the rules' spans.
func (x *Extractor) namesAroundPlaces(kind string, toks []Token, i, j int, ents []Entity, over []int, titled map[int]bool) bool {
	if kind == KindPerson || len(over) == 0 || !toks[i].Cap || !toks[j-1].Cap {
		return false
	}
	in := make([]bool, j-i)
	for _, k := range over {
		e := ents[k]
		if e.Kind != KindPlace || e.Source != SourceGazetteer || e.Type == "demonym" ||
			e.Start < toks[i].Start || e.End > toks[j-1].End || e.Start == toks[i].Start && e.End == toks[j-1].End {
			return false
		}
		for t := i; t < j; t++ {
			if toks[t].Start >= e.Start && toks[t].End <= e.End {
				in[t-i] = true
			}
		}
	}
	for t := i; t < j; t++ {
		if in[t-i] {
			continue
		}
		w := toks[t]
		// An office word is no name word: "New York Gov" is the state and
		// the governor's title (placeOffice), not a longer place name.
		if x.places.directions[w.Lower] || x.places.offices[w.Lower] != "" || !w.Cap && w.Lower != "of" && w.Lower != "the" && w.Lower != "and" {
			return false
		}
		// In a heading in title case, nor is a word that edited text
		// writes in lower case ("Why It Is Important for Taliban to
		// Capture Kunduz?": the place is Kunduz). Elsewhere such words
		// make names ("Linguistic Society of America").
		if w.Cap && x.nerModel != nil && titled[w.Sent] {
			if c := x.nerModel.Words.Case(w.Text); c == ner.CaseNever || c == ner.CaseRarely {
				return false
			}
		}
	}
	return true
}

// generatedOrg reports whether e is an organization of a generated list
// (clubs, brands: read from open data, not curated one by one).
func (x *Extractor) generatedOrg(e Entity) bool {
	return e.Source == SourceLexicon && e.Kind == KindOrganization && x.orgs.generated[e.Norm]
}

// addressTokens marks the tokens of e-mail addresses, handles, URLs and
// file names: runs of tokens without space between them that hold an
// "@" before a letter, "://", start with "www." or end in a file's
// extension (isFileName: "Lisa_resume.doc").
func addressTokens(text string, toks []Token) []bool {
	out := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].Start == toks[j-1].End {
			j++
		}
		run := text[toks[i].Start:toks[j-1].End]
		at := strings.IndexByte(run, '@')
		if at >= 0 && at+1 < len(run) && unicode.IsLetter(rune(run[at+1])) || strings.Contains(run, "://") || strings.HasPrefix(strings.ToLower(run), "www.") ||
			isFileName(run) {
			for k := i; k < j; k++ {
				out[k] = true
			}
		}
		i = j
	}
	return out
}

// modelEntities are the entities of a model mention that no rule entity
// covers: the mention's entity (modelEntity), or, for a place that the
// gazetteer does not know as a whole but reads as two or more places that
// tile it word for word ("afghanistan kandahar" in a slug, "Kabul
// Afghanistan"), those places, each geo-resolved: a list of names, not
// one name.
func (x *Extractor) modelEntities(kind, text string, sp Span, evoked []string) []Entity {
	e := x.modelEntity(kind, text, sp, evoked)
	if kind != KindPlace || e.Country != "" || !strings.Contains(e.Text, " ") {
		return []Entity{e}
	}
	name := e.Text
	if strings.ToLower(name) == name {
		name = capitalizeWords(name)
	}
	// Word boundaries (byte offsets in name); the longest run of words
	// from the left that the gazetteer knows alone, then the next.
	var starts, ends []int
	for i := 0; i < len(name); {
		for i < len(name) && name[i] == ' ' {
			i++
		}
		j := i
		for j < len(name) && name[j] != ' ' {
			j++
		}
		if j > i {
			starts, ends = append(starts, i), append(ends, j)
		}
		i = j
	}
	var out []Entity
	for i := 0; i < len(starts); {
		j := len(starts)
		var p Entity
		for ; j > i; j-- {
			var ok bool
			if p, ok = x.resolvePlace(name[starts[i]:ends[j-1]], evoked); ok {
				break
			}
		}
		if j == i {
			return []Entity{e}
		}
		p.Span = Span{Start: sp.Start + starts[i], End: sp.Start + ends[j-1]}
		p.Text = text[p.Start:p.End]
		p.Kind, p.Source = KindPlace, SourceModel
		out = append(out, p)
		i = j
	}
	if len(out) < 2 {
		return []Entity{e}
	}
	return out
}

// modelEntity is the entity of a model mention that no rule entity
// covers. A place the gazetteer knows by this name keeps its
// geo-resolution (read without the article's context: the name alone);
// the source stays "model", since the model decided it is a place here.
func (x *Extractor) modelEntity(kind, text string, sp Span, evoked []string) Entity {
	e := Entity{Kind: kind, Span: sp, Text: text[sp.Start:sp.End], Norm: text[sp.Start:sp.End], Source: SourceModel}
	if kind != KindPlace {
		return e
	}
	name := e.Text
	if strings.ToLower(name) == name {
		// "kandahar" in a lower-case slug: the gazetteer reads names
		// capitalised.
		name = capitalizeWords(name)
	}
	if p, ok := x.resolvePlace(name, evoked); ok {
		e.Country, e.Division, e.Lat, e.Lon, e.Type = p.Country, p.Division, p.Lat, p.Lon, p.Type
		e.Norm = p.Norm
	} else if first, rest, ok := strings.Cut(name, " "); ok && nameParticles[strings.ToLower(first)] {
		// "El Geneina": the gazetteer may know the name without its
		// article; the norm keeps the text's form.
		if p, ok := x.resolvePlace(rest, evoked); ok {
			e.Country, e.Division, e.Lat, e.Lon, e.Type = p.Country, p.Division, p.Lat, p.Lon, p.Type
		}
	}
	return e
}

// resolvePlace reads name with the gazetteer: the place it names as a
// whole, if any (a demonym is none). First alone, as findPlaces reads a
// text; then, since the model decided the name is a place, with only the
// countries the article names (evoked) or the name's readings all in one
// country for context (readPlace: "New Jersey" with no country named).
func (x *Extractor) resolvePlace(name string, evoked []string) (Entity, bool) {
	toks, _ := Tokenize(name)
	ps := x.places.findPlaces(name, toks)
	if len(ps) == 1 && ps[0].Start == 0 && ps[0].End == len(name) && ps[0].Type != "demonym" {
		return ps[0], true
	}
	return x.places.readPlace(name, evoked)
}

// strongPlaceName reports whether name, a mention the model calls a
// person, is a place the gazetteer reads without context (readPlace: a
// country, a capital, a large city, a division of a country the article
// names; after a leading particle, "El Geneina"), none of its words a
// given name (hints: the mention's words'). Such a name is a place
// whatever the model says of it ("Mauritius has said", "Ankara's
// backing"): the model learnt persons from subjects of verbs of saying
// and possessors, which is where news puts countries and capitals too.
// A given name keeps the model's person ("Jordan said", "Georgia
// Harrison").
func (x *Extractor) strongPlaceName(name string, hints []uint32, evoked []string) bool {
	for _, h := range hints {
		if h&ner.HintGivenName != 0 {
			return false
		}
	}
	if _, ok := x.places.readPlace(name, evoked); ok {
		return true
	}
	if first, rest, ok := strings.Cut(name, " "); ok && nameParticles[strings.ToLower(first)] {
		_, ok := x.places.readPlace(rest, evoked)
		return ok
	}
	return false
}

// nameParticles are the articles and particles that start names of
// places and persons when capitalised.
var nameParticles = map[string]bool{"el": true, "al": true, "la": true, "le": true, "los": true, "las": true,
	"de": true, "del": true, "da": true, "di": true, "van": true, "von": true, "bin": true, "ibn": true, "abu": true, "ben": true}

// overrideMargin is how much more the model must score its kind than the
// rule entity's at the mention's first word to change the kind (rule 3).
const overrideMargin = placeWordMargin

// placeWordMargin is the margin (in averaged-perceptron units) over a
// place by which the model must call a gazetteer word a person (rule 2):
// the margins scale with the model's weights, so this is set for the
// committed model: surnames that are also towns ("Bush", "Sheridan",
// "Harris", "Merkel") score 40 and more over a place, towns taken for a
// person or an organization ("Zaranj" 11, "Gaziantep" 2) under 15.
// Check it after a retrain (TestRuleExamples and the txtar cases hold
// such towns).
const placeWordMargin = 15

// loadNER loads the embedded recogniser once for an Extractor.
func loadNER() (*ner.Model, error) {
	m, err := ner.Load()
	if err != nil {
		return nil, err
	}
	if _, err := ner.NewTagger(m); err != nil {
		return nil, err
	}
	return m, nil
}

// capitalizeWords upper-cases the first letter of each space-separated
// word (same byte length for the letters the gazetteer holds).
func capitalizeWords(s string) string {
	b := []rune(s)
	for i, r := range b {
		if i == 0 || b[i-1] == ' ' {
			b[i] = unicode.ToUpper(r)
		}
	}
	return string(b)
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func hasUpper(toks []Token) bool {
	for _, t := range toks {
		if strings.IndexFunc(t.Text, unicode.IsUpper) >= 0 {
			return true
		}
	}
	return false
}

func hasLetter(toks []Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// orgHeadName reports whether the model mention of tokens [i, j) is the
// name of a body: a capitalised word after its first names one
// (organizations_patterns.yaml: a head, "University", "Ministry", or a
// word of acronym_heads, "Orchestra", "Press", "Institute") and ends the
// mention or stands before "of" ("Massachusetts Institute of
// Technology"). A place head ("Station") does not count.
func (x *Extractor) orgHeadName(toks []Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		t := toks[k]
		if !t.Cap || x.places.placeHeads[t.Lower] || k < j-1 && toks[k+1].Lower != "of" {
			continue
		}
		if _, ok := x.orgs.heads[t.Lower]; ok || x.orgs.acrHeads[t.Lower] {
			return true
		}
	}
	return false
}

// orgOfHead reports whether the model mention starting at token i is the
// object of a body's name: "of" before it, and before "of" a capitalised
// head of organizations_patterns.yaml (heads, acronym_heads: "School",
// "Ministry", "Bank"; a place head, "Station", does not count). It
// returns the first token of that name: the head, and the capitalised
// words before it that may start a name (not stop_before: "The").
func (x *Extractor) orgOfHead(toks []Token, i int) (int, bool) {
	if !toks[i].Cap {
		return 0, false
	}
	for i > 0 && toks[i-1].Sent == toks[i].Sent && toks[i-1].Cap && isWord(toks[i-1].Text) {
		i-- // "Open" before the model's "Africa"
	}
	if i > 1 && toks[i-1].Lower == "the" && toks[i-2].Lower == "of" {
		i-- // "University of the West Indies"
	}
	if i < 2 || toks[i-1].Lower != "of" || toks[i-2].Sent != toks[i].Sent || !toks[i-2].Cap {
		return 0, false
	}
	h := toks[i-2].Lower
	if _, ok := x.orgs.heads[h]; !ok && !x.orgs.acrHeads[h] || x.places.placeHeads[h] {
		return 0, false
	}
	s := i - 2
	for s > 0 && toks[s-1].Sent == toks[i].Sent && toks[s-1].Cap && isWord(toks[s-1].Text) && !x.orgs.stopBefore[toks[s-1].Lower] {
		s--
	}
	return s, true
}

// orgHeadOf reports whether the model mention ending before token j ends
// in a head of organizations_patterns.yaml (as for orgOfHead) followed by
// "of" (and "the") and capitalised words; it returns the end of those
// words ("and" or "for" may join two: "Ministry of Culture and Tourism").
func (x *Extractor) orgHeadOf(toks []Token, j int) (int, bool) {
	h := toks[j-1]
	if !h.Cap || j+1 >= len(toks) || toks[j].Lower != "of" {
		return 0, false
	}
	if _, ok := x.orgs.heads[h.Lower]; !ok && !x.orgs.acrHeads[h.Lower] || x.places.placeHeads[h.Lower] {
		return 0, false
	}
	k := j + 1
	if toks[k].Lower == "the" && k+1 < len(toks) {
		k++
	}
	name := func(t Token) bool { return t.Sent == h.Sent && t.Cap && isWord(t.Text) && !x.orgs.stopBefore[t.Lower] }
	if !name(toks[k]) {
		return 0, false
	}
	for k < len(toks) && (name(toks[k]) || (toks[k].Lower == "and" || toks[k].Lower == "for") && k+1 < len(toks) && name(toks[k+1])) {
		k++
	}
	return k, true
}

// legalFormNames makes a company's name ending in a legal form one
// organization (organizations_patterns.yaml legal_forms: "CCNG, Inc.",
// "Exxon Mobil Corp.", "Barclays plc"), over the entities inside it (the
// model's "Inc" or "Foo Bar" place, the brands "Exxon" and "Mobil"): the
// capitalised words before the form (a comma may stand between), "&"
// between two of them, none a stop word ("The"); a word opening the
// sentence only when the recogniser's word list does not find it in lower
// case inside sentences 30% of the time or more, none in a date or number
// ("Yesterday"). An entity reaching out of the name leaves it as it is.
func (x *Extractor) legalFormNames(text string, toks []Token, ents []Entity) []Entity {
	var add []Entity
	var timed []bool // bytes of dates and numbers: no name word ("Yesterday Apple Inc.")
	for s, t := range toks {
		if !x.orgs.legalForms[strings.TrimSuffix(t.Text, ".")] {
			continue
		}
		if timed == nil {
			timed = make([]bool, len(text))
			for _, e := range ents {
				if e.Kind == KindDate || e.Kind == KindNumber {
					for b := max(e.Start, 0); b < e.End && b < len(timed); b++ {
						timed[b] = true
					}
				}
			}
		}
		j := s + 1
		if j < len(toks) && toks[j].Text == "." && toks[j].Start == t.End && !strings.HasSuffix(t.Text, ".") {
			j++ // "Inc" "."
		}
		k := s
		if k > 0 && toks[k-1].Text == "," && toks[k-1].Sent == t.Sent {
			k--
		}
		name := func(u Token) bool {
			return u.Sent == t.Sent && u.Cap && hasLetter([]Token{u}) && !x.orgs.stopBefore[u.Lower] && !x.orgs.legalForms[u.Text] && !timed[u.Start]
		}
		i := k
		for i > 0 && (name(toks[i-1]) || toks[i-1].Text == "&" && i > 1 && name(toks[i-2]) && i < k) {
			i--
		}
		if i < k && (i == 0 || toks[i-1].Sent != toks[i].Sent) && x.nerModel != nil {
			if c := x.nerModel.Words.Case(toks[i].Text); c == ner.CaseNever || c == ner.CaseRarely || c == ner.CaseOften {
				i++ // "Yesterday Apple Inc."
			}
		}
		if i == k {
			continue
		}
		sp := Span{Start: toks[i].Start, End: toks[j-1].End}
		if slices.ContainsFunc(ents, func(e Entity) bool {
			return e.Start < sp.End && e.End > sp.Start && (e.Start < sp.Start || e.End > sp.End)
		}) {
			continue
		}
		add = append(add, Entity{Kind: KindOrganization, Span: sp, Text: text[sp.Start:sp.End], Norm: text[sp.Start:sp.End], Type: "company", Source: SourceRule})
	}
	if len(add) == 0 {
		return ents
	}
	return mergeEntities(append(ents, add...))
}

// rejectPersonMargin is how much the model must prefer leaving the first
// word of a rule person outside every mention to starting a person there
// for the person to be dropped (rejectedPersons), in averaged-perceptron
// units: set on the cross-validation folds (TestFoldsNER: 0, 5, 10 and 20
// score within 0.001 of each other), above the near ties.
const rejectPersonMargin = 5

// rejectedPersons returns ents without the rule persons the model leaves
// out of every mention, preferring that at the name's first word by
// rejectPersonMargin or more over starting a person there. A person
// after a title (Type) with a word the model reads as part of a person
// elsewhere in the document (personWords) stays: the title and the
// document together outweigh the sentence ("President Xi Jinping",
// "Writer Oh Kyeong Taek"); a title alone does not ("Premier League",
// "President Ascom"). The persons of apposed stay too.
func rejectedPersons(toks []Token, ents []Entity, outPerson []float32, personWords map[string]bool, apposed map[Span]bool) []Entity {
	kept := ents[:0] // in place: the caller reads only what this returns
	for _, e := range ents {
		if e.Kind == KindPerson && e.Source == SourceRule && !apposed[e.Span] {
			i := sort.Search(len(toks), func(i int) bool { return toks[i].End > e.Start })
			ok := i < len(toks) && outPerson[i] >= rejectPersonMargin
			for j := i; ok && j < len(toks) && toks[j].Start < e.End; j++ {
				ok = outPerson[j] >= 0 && !(e.Type != "" && toks[j].Cap && personWords[toks[j].Text])
			}
			if ok {
				if os.Getenv("NER_DEBUG") != "" {
					fmt.Fprintf(os.Stderr, "rejected person %q margin %.1f\n", e.Text, outPerson[i])
				}
				continue
			}
		}
		kept = append(kept, e)
	}
	return kept
}

// namesakes reports whether the model's place or organization of tokens
// [i, j) holds rule persons strictly inside it, every rule entity it
// overlaps being one, and goes on after the last of them, its other words
// capitalised name words ("of", "the", "and", "for", "&" between them), no title
// right before a person: a body or a facility named after a person ("Andy Warhol
// Foundation", "George Washington Bridge", "James Webb Space
// Telescope"), which the person rules read as a longer person or the
// person alone.
func namesakes(kind string, toks []Token, hints []uint32, i, j int, ents []Entity, over []int) bool {
	if kind == KindPerson || len(over) == 0 || !toks[i].Cap || !toks[j-1].Cap {
		return false
	}
	in := make([]bool, j-i)
	for _, k := range over {
		e := ents[k]
		if e.Kind != KindPerson || e.Source != SourceRule || e.Start < toks[i].Start || e.End > toks[j-1].End ||
			e.Start == toks[i].Start && e.End == toks[j-1].End {
			return false
		}
		for t := i; t < j; t++ {
			if toks[t].Start >= e.Start && toks[t].End <= e.End {
				in[t-i] = true
			}
		}
	}
	if in[j-1-i] {
		return false
	}
	for t := i; t < j; t++ {
		w := toks[t]
		if t+1 < j && !in[t-i] && in[t+1-i] && hints[t]&ner.HintTitle != 0 {
			return false // a title before the person: "Vice President Kamala Harris Library" is no name of hers
		}
		if !in[t-i] && !w.Cap && w.Lower != "of" && w.Lower != "the" && w.Lower != "and" && w.Lower != "for" && w.Text != "&" {
			return false
		}
	}
	return true
}

// lowerPlaceBefore are the words after which a lower-case word may be a
// place name (lowerCasePlaces): prepositions of place and movement,
// coordination. After a determiner or a noun it is a common word ("my
// jersey", "a mecca for", "pad thai").
var lowerPlaceBefore = map[string]bool{"in": true, "to": true, "from": true, "at": true, "near": true, "around": true,
	"across": true, "throughout": true, "visit": true, "visiting": true, "visited": true, "about": true, "of": true,
	"on": true, "and": true, "or": true, "between": true, "into": true}

// documentNames runs the passes that read the whole document after the
// model and the lists are fused: lower-case places, company names with a
// legal form, one reading per name (consistentNames), no person named
// for a storm. addr marks the tokens of addresses (addressTokens).
func (x *Extractor) documentNames(text string, toks []Token, sents []Sentence, addr []bool, ents []Entity, conf map[Span]float32, evoked []string) []Entity {
	return x.stormNames(toks, x.consistentNames(text, toks, x.legalFormNames(text, toks, x.lowerCasePlaces(text, toks, sents, addr, ents)), conf, evoked))
}

// lowerCasePlaces adds the places written in lower case in a sentence
// that has capitals ("i'm traveling to lourdes", "a report on
// afghanistan"): a word no entity covers, after a preposition or a
// conjunction (lowerPlaceBefore), not in an address, which edited text
// nearly always capitalises (the recogniser's word case classes:
// CaseMostly or CaseAlways, so "nice", "reading" or "turkey" are never
// read), and whose capitalised form the gazetteer reads without context (readPlace:
// a country, capital, large city, a division of a country the article
// names). Web posts write names so; the model and the rules read names
// from capitals. Source "gazetteer", geo-resolved like any of its places.
func (x *Extractor) lowerCasePlaces(text string, toks []Token, sents []Sentence, addr []bool, ents []Entity) []Entity {
	if x.nerModel == nil || x.nerModel.Words == nil {
		return ents
	}
	var evoked []string
	for _, r := range ents {
		if r.Kind == KindPlace && r.Country != "" && !slices.Contains(evoked, r.Country) {
			evoked = append(evoked, r.Country)
		}
	}
	var added []Entity
	e := 0
	for _, st := range sents {
		if !hasUpper(toks[st.First:st.Last]) {
			continue // a line all in lower case: the gazetteer reads it as a heading (places.go)
		}
		for i := st.First; i < st.Last; i++ {
			t := toks[i]
			for e < len(ents) && ents[e].End <= t.Start {
				e++
			}
			if e < len(ents) && ents[e].Start < t.End || len(t.Text) < 3 || !startsLower(t.Text) || strings.IndexFunc(t.Text, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				continue
			}
			if c := x.nerModel.Words.Case(t.Text); c != ner.CaseMostly && c != ner.CaseAlways || addr[i] ||
				i == st.First || !lowerPlaceBefore[toks[i-1].Lower] {
				continue
			}
			// Two words first: "tampa bay" is the bay, not the city.
			sp := t.Span
			p, ok := Entity{}, false
			if n := i + 1; n < st.Last && startsLower(toks[n].Text) && toks[n].Start == t.End+1 && (e >= len(ents) || ents[e].Start >= toks[n].End) {
				if p, ok = x.places.readPlace(capitalizeWords(text[t.Start:toks[n].End]), evoked); ok {
					sp.End = toks[n].End
				}
			}
			if !ok {
				if p, ok = x.places.readPlace(capitalizeWords(t.Text), evoked); !ok {
					continue
				}
			}
			p.Span, p.Text, p.Source = sp, text[sp.Start:sp.End], SourceGazetteer
			if os.Getenv("NER_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "lower-case place %q in %q\n", t.Text, text[max(0, t.Start-40):min(len(text), t.End+30)])
			}
			added = append(added, p)
		}
	}
	if len(added) == 0 {
		return ents
	}
	return mergeEntities(append(ents, added...))
}

// stormNames drops the persons that name a storm: a capitalised word
// after storm words (persons_names.yaml storm_words: "Hurricane Katrina",
// "Tropical Storm Rita"), a person over those words or the name, and a
// person of the same name anywhere in the article ("Katrina devastated
// refineries"): the model reads given names, and storms are given them.
func (x *Extractor) stormNames(toks []Token, ents []Entity) []Entity {
	var spans []Span
	names := map[string]bool{}
	for i := 0; i+1 < len(toks); i++ {
		for _, ws := range x.persons.storms[toks[i].Lower] {
			s := i + 1 - len(ws)
			if s < 0 || !toks[s].Cap || !toks[i+1].Cap || toks[i+1].Sent != toks[i].Sent || !isWord(toks[i+1].Text) {
				continue
			}
			ok := true
			for k, w := range ws {
				ok = ok && toks[s+k].Lower == w && toks[s+k].Sent == toks[i].Sent
			}
			if ok {
				spans = append(spans, Span{Start: toks[s].Start, End: toks[i+1].End})
				names[toks[i+1].Text] = true
				break
			}
		}
	}
	if len(names) == 0 {
		return ents
	}
	kept := ents[:0:0]
	for _, e := range ents {
		storm := false
		if e.Kind == KindPerson {
			storm = names[e.Text]
			for _, sp := range spans {
				storm = storm || e.Start < sp.End && sp.Start < e.End
			}
		}
		if !storm {
			kept = append(kept, e)
		}
	}
	return kept
}

// fileExtensions are the endings of file names that mails and posts
// attach or link (isFileName).
var fileExtensions = map[string]bool{"doc": true, "docx": true, "pdf": true, "xls": true, "xlsx": true, "ppt": true,
	"pptx": true, "txt": true, "rtf": true, "csv": true, "jpg": true, "jpeg": true, "png": true, "gif": true,
	"zip": true, "mp3": true, "mp4": true, "htm": true, "html": true}

// isFileName reports whether run (text without spaces) is a file name: a
// name, a dot and a known extension, less the punctuation after it.
func isFileName(run string) bool {
	run = strings.TrimRight(run, ".,;:!?)]\"'»”’")
	dot := strings.LastIndexByte(run, '.')
	return dot > 0 && fileExtensions[strings.ToLower(run[dot+1:])]
}

// personsBeforeWho makes a gazetteer town that "who" follows, directly or
// after a comma, a person ("Rodriguez, who was elected in 2019, said":
// Rodriguez is a city of the Philippines): "who" refers to people, a place
// takes "which" or "where". The place must open its phrase: after a
// lower-case word it may close one whose head "who" is about. Only the gazetteer's reading is changed: a
// club the model read as an organization ("Liverpool, who beat Chelsea")
// has the model's source by rule 3 and stays. A country or a division
// stays a place. The person has no geo-resolution; the names of the
// document then agree with it (documentNames).
func personsBeforeWho(toks []Token, ents []Entity) {
	for i := range ents {
		e := &ents[i]
		if e.Kind != KindPlace || e.Source != SourceGazetteer || e.Type != "city" {
			continue
		}
		// ents is not sorted yet (documentNames merges it).
		k := sort.Search(len(toks), func(t int) bool { return toks[t].Start >= e.End })
		// After a lower-case word the place may end a phrase that the
		// clause is about ("a college student in Beijing, who spoke").
		if b := sort.Search(len(toks), func(t int) bool { return toks[t].Start >= e.Start }); b > 0 && startsLower(toks[b-1].Text) {
			continue
		}
		if k < len(toks) && toks[k].Text == "," {
			k++
		}
		if k >= len(toks) || !strings.EqualFold(toks[k].Text, "who") {
			continue
		}
		*e = Entity{Kind: KindPerson, Span: e.Span, Text: e.Text, Norm: e.Text, Block: e.Block, Source: SourceRule}
	}
}
