package extract

import (
	"fmt"
	"sort"
)

// Options configure an Extractor.
type Options struct {
	// RulesDir, when not "", holds extra *.yaml claim rule files loaded
	// after the embedded ones.
	RulesDir string
}

// Extractor holds the loaded lexicons and rules. It is read-only after New
// and safe for concurrent use by many goroutines.
type Extractor struct {
	places  *Gazetteer
	orgs    *OrgLexicon
	persons *PersonFinder
	rules   *RuleSet
}

// New loads the embedded gazetteer, lexicons and rules.
func New(opt Options) (*Extractor, error) {
	g, err := LoadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	o, err := LoadOrganizations()
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
	return &Extractor{places: g, orgs: o, persons: p, rules: r}, nil
}

// RulesHash identifies the loaded claim rules; runs record it so that an
// analyst can tell which rules produced a row.
func (x *Extractor) RulesHash() string { return x.rules.Hash }

// Extract finds the entities and claims of one document.
func (x *Extractor) Extract(doc Doc) Result {
	toks, sents := Tokenize(doc.Text)
	var found []Entity
	found = append(found, x.orgs.findOrganizations(doc.Text, toks)...)
	found = append(found, x.places.findPlaces(doc.Text, toks)...)
	found = append(found, findDates(doc.Text, toks, doc.Published)...)
	found = append(found, findNumbers(doc.Text, toks)...)
	ents := mergeEntities(found)
	// Persons come last: a name is read around the places and
	// organizations already found ("Jordan" in "Michael Jordan" is not a
	// country when the first name says otherwise).
	taken := make([]Span, len(ents))
	for i, e := range ents {
		taken[i] = e.Span
	}
	ents = mergeEntities(append(ents, x.persons.findPersons(doc.Text, toks, taken)...))
	tagBlocks(ents, doc.Regions)

	cd := newClaimDoc(doc.Text, toks, sents, ents, doc.Regions, x.rules)
	claims := cd.claims()
	var persons, others []Entity
	for _, e := range ents {
		if e.Kind == KindPerson {
			persons = append(persons, e)
		} else {
			others = append(others, e)
		}
	}
	claims = append(claims, cd.roleClaims(x.persons.findTitles(doc.Text, toks, persons, others))...)
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Start < claims[j].Start })
	if claims == nil {
		claims = []Claim{}
	}
	if ents == nil {
		ents = []Entity{}
	}
	return Result{Entities: ents, Claims: claims}
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
	var kept []Entity
	for _, e := range es {
		if e.End <= e.Start {
			continue
		}
		clash := false
		for _, k := range kept {
			if overlaps(k.Span, e.Span) {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, e)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}

// tagBlocks records the kind of text block each entity sits in.
func tagBlocks(es []Entity, regions []Region) {
	for i := range es {
		for _, r := range regions {
			if es[i].Start >= r.Start && es[i].End <= r.End {
				es[i].Block = r.Kind
				break
			}
		}
	}
}
