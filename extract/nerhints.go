package extract

import "github.com/newsclaims/newsclaims/extract/ner"

// NERHints runs the lexicons, gazetteer and rules over text and returns,
// for each word (a byte span of text, in order), what they say of it as
// the recogniser's hint code: the rule mention the word belongs to and
// its list memberships. Training (cmd/train) calls it on corpus sentences
// so that the model learns from the same hints it reads at run time.
func (x *Extractor) NERHints(text string, words []Span) []uint32 {
	toks, _ := Tokenize(text)
	return x.nerHints(toks, x.ruleEntities(text, toks, ""), words)
}

// nerHints computes the hints of words from the tokens and the rule
// entities (both sorted by position).
func (x *Extractor) nerHints(toks []Token, ents []Entity, words []Span) []uint32 {
	out := make([]uint32, len(words))
	e, t := 0, 0
	for i, w := range words {
		for e < len(ents) && ents[e].End <= w.Start {
			e++
		}
		if e < len(ents) && ents[e].Start <= w.Start {
			var h uint32
			switch en := ents[e]; {
			case en.Kind == KindPerson:
				h = ner.HintPerson
			case en.Kind == KindPlace && en.Type == "demonym":
				h = ner.HintDemonym
			case en.Kind == KindPlace:
				h = ner.HintPlace
			case en.Kind == KindOrganization:
				h = ner.HintOrganization
			case en.Kind == KindDate:
				h = ner.HintDate
			default:
				h = ner.HintNumber
			}
			if ents[e].Start < w.Start {
				h |= ner.HintInside
			}
			out[i] = h
		}
		for t < len(toks) && toks[t].End <= w.Start {
			t++
		}
		if t < len(toks) && toks[t].Start <= w.Start {
			out[i] |= x.wordHint(toks[t].Lower)
			// The person rules take no lone word opening a sentence
			// before a say-verb ("Officials said"); the model reads
			// the pattern and learns when it is a name ("Equiluz says").
			if toks[t].Cap && x.persons.personSays(toks, t, t+1) {
				out[i] |= ner.HintSays
			}
		}
	}
	return out
}

// wordHint is the list memberships of one folded word.
func (x *Extractor) wordHint(lower string) uint32 {
	var h uint32
	if x.persons.given[lower] {
		h |= ner.HintGivenName
	}
	if len(x.persons.titles[lower]) > 0 || x.persons.honorifc[lower] {
		h |= ner.HintTitle
	}
	if len(x.places.index[lower]) > 0 {
		h |= ner.HintPlaceWord
	}
	if x.orgs.curatedFirst[lower] || len(x.orgs.index[lower]) > 0 {
		h |= ner.HintOrgWord
	}
	return h
}
