// Package extract finds entities and claims in one article's text.
//
// It takes a string (never an ingest.Article) and returns spans as byte
// offsets into that string; store converts them to code points.
package extract

// Entity kinds.
const (
	KindPlace        = "place"
	KindPerson       = "person"
	KindOrganization = "organization"
	KindNumber       = "number"
	KindDate         = "date"
)

// Number qualifiers: how a quantity was stated.
const (
	QualExact    = "exact"
	QualAtLeast  = "at_least"
	QualMoreThan = "more_than"
	QualAbout    = "about"
	QualAtMost   = "at_most"
	QualLessThan = "less_than"
)

// Entity is one mention of a place, person, organization, number or date.
type Entity struct {
	Kind string `json:"kind"`
	Span
	Text string `json:"text"`
	// Norm is the canonical form: a place's or organization's canonical
	// name, a person's full name, an ISO date or interval for dates.
	Norm      string   `json:"norm,omitempty"`
	Value     *float64 `json:"value,omitempty"`     // numbers: the value, or a range's low end
	Max       *float64 `json:"max,omitempty"`       // numbers: a range's high end
	Qualifier string   `json:"qualifier,omitempty"` // numbers
	// Places: ISO country code, first-level division and coordinates.
	Country  string   `json:"country,omitempty"`
	Division string   `json:"division,omitempty"`
	Lat      *float64 `json:"lat,omitempty"`
	Lon      *float64 `json:"lon,omitempty"`
	// Type refines the kind: for places "country", "division", "city",
	// "region"; for organizations "armed_group", "government", "media"...;
	// for persons the title when known.
	Type string `json:"type,omitempty"`
	// Block is the kind of text block the mention sits in ("paragraph",
	// "caption", ...), so caption entities can be told apart.
	Block string `json:"block,omitempty"`
	// Source says what found the mention: SourceModel, SourceGazetteer,
	// SourceLexicon or SourceRule.
	Source string `json:"source,omitempty"`
}

// Entity sources.
const (
	SourceModel     = "model"     // the trained recogniser (extract/ner)
	SourceGazetteer = "gazetteer" // a place name of the gazetteer
	SourceLexicon   = "lexicon"   // a name of the organizations lexicon
	SourceRule      = "rule"      // a rule: names by capitalisation and titles, dates, numbers, organization head words
)

// Certainty values of a claim.
const (
	Asserted     = "asserted"
	Reported     = "reported"
	Alleged      = "alleged"
	Unverified   = "unverified"
	Denied       = "denied"
	Hypothetical = "hypothetical"
)

// Arg is one argument of a claim: a role filled by words of the text.
type Arg struct {
	Role string `json:"role"`
	Span
	Text      string   `json:"text"`
	Norm      string   `json:"norm,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Max       *float64 `json:"max,omitempty"` // a range's high end ("80% to 90%": value 80, max 90)
	Qualifier string   `json:"qualifier,omitempty"`
}

// Claim is one structured statement found in the text. Its span is the
// evidence: the clause or sentence it was read from.
type Claim struct {
	Kind      string `json:"kind"`
	Rule      string `json:"rule"`
	Certainty string `json:"certainty"`
	Span
	Text string `json:"text"`
	Args []Arg  `json:"args"`
	// Explain is set only when Doc.Explain asks for it.
	Explain *Explanation `json:"explain,omitempty"`
}

// Explanation says why a claim exists, for an analyst writing rules
// (newsclaims extract --explain): the rule, where it is written, and what
// each part of its pattern matched.
type Explanation struct {
	Rule    string        `json:"rule"`
	Source  string        `json:"source,omitempty"`  // file:line of the rule
	Layer   string        `json:"layer"`             // surface, dependency, or code (a claim made by Go code)
	Pattern string        `json:"pattern,omitempty"` // the pattern that matched, as written
	Parts   []ExplainPart `json:"parts"`
}

// ExplainPart is one part of a match: a pattern element (or a tree
// relation) and the words it matched, or an argument filled after the
// match (From "context": the nearest date, a place in the sentence, a
// source; "code": a claim made by code).
type ExplainPart struct {
	Elem string `json:"elem"`
	Role string `json:"role,omitempty"`
	Span
	Text string `json:"text"`
	From string `json:"from,omitempty"`
}

// Region is a typed part of the text (mirrors ingest blocks). Claims are
// only read from paragraph regions.
type Region struct {
	Kind string
	Span
}

// Doc is the input to extraction.
type Doc struct {
	Text string
	// Published is the article's publication date, "YYYY-MM-DD" or RFC 3339,
	// "" when unknown. Relative dates are resolved against it.
	Published string
	// Regions type the text; when empty, all of it is body text.
	Regions []Region
	// Explain asks for each claim's Explanation.
	Explain bool
}

// Result is everything extracted from one Doc, in text order.
type Result struct {
	Entities []Entity `json:"entities"`
	Claims   []Claim  `json:"claims"`
}
