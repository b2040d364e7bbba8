package extract

import (
	"context"

	"github.com/newsclaims/newsclaims/extract/ner"
)

// NERHints runs the lexicons, gazetteer and rules over text and returns,
// for each word (a byte span of text, in order), what they say of it as
// the recogniser's hint code: the rule mention the word belongs to and
// its list memberships. Training (cmd/train) calls it on corpus sentences
// so that the model learns from the same hints it reads at run time.
func (x *Extractor) NERHints(text string, words []Span) []uint32 {
	toks, _ := Tokenize(text)
	return x.nerHints(toks, x.ruleEntities(context.Background(), text, toks, ""), words)
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

// listHints is, for every folded word some list holds, the hint bits
// of its list memberships (ner.HintGivenName, HintTitle, HintPlaceWord,
// HintOrgWord): one map lookup per word at run time where reading the
// five lists took five (about 2% of Extract). The lists are complete
// once loaded, so the map never goes stale.
func listHints(p *PersonFinder, g *Gazetteer, o *OrgLexicon) map[string]uint32 {
	h := make(map[string]uint32, len(p.given)+len(g.index)+len(o.index))
	for w, ok := range p.given {
		if ok {
			h[w] |= ner.HintGivenName
		}
	}
	for w, ts := range p.titles {
		if len(ts) > 0 {
			h[w] |= ner.HintTitle
		}
	}
	for w, ok := range p.honorifc {
		if ok {
			h[w] |= ner.HintTitle
		}
	}
	for w, cs := range g.index {
		if len(cs) > 0 {
			h[w] |= ner.HintPlaceWord
		}
	}
	for w, ok := range o.curatedFirst {
		if ok {
			h[w] |= ner.HintOrgWord
		}
	}
	for w, cs := range o.index {
		if len(cs) > 0 {
			h[w] |= ner.HintOrgWord
		}
	}
	return h
}

// wordHint is the list memberships of one folded word.
func (x *Extractor) wordHint(lower string) uint32 { return x.hints[lower] }
