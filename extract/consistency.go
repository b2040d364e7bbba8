package extract

import (
	"slices"
	"unicode"

	"github.com/newsclaims/newsclaims/extract/ner"
)

// nameKinds are the kinds of names consistentNames reads, in the order
// of its vote counters.
var nameKinds = [3]string{KindPerson, KindPlace, KindOrganization}

func nameKindIndex(kind string) int {
	for i, k := range nameKinds {
		if k == kind {
			return i
		}
	}
	return -1
}

// ruleVote is the weight of a name's mention that a list or rule found (a
// curated organization, a gazetteer place, a person read from titles and
// given names), in the units of the model's margins: twice what the model
// needs to call a gazetteer word a person (placeWordMargin).
const ruleVote = 2 * placeWordMargin

// extendVote is the weight a name's kind needs for its other occurrences
// to take it (consistentNames rule 3).
const extendVote = placeWordMargin

// consistentNames makes the names of one document agree, after fusion
// (recognise). conf holds, for each model mention kept, the model's
// margin of its kind over the next kind at its first word; evoked the
// countries the article's gazetteer places name (modelEntity).
//
// The decision rule. A name is the exact text of a person, place or
// organization mention (a demonym is none).
//  1. Vote. Each mention of a name votes for its kind: a model mention
//     with its margin (conf; 0 when negative, as when the best sequence
//     is not the best label of the word alone), a rule, lexicon or
//     gazetteer mention with ruleVote, a generated club or brand name
//     with 0 (its words are common nouns and surnames too often). A
//     person of two words or more also votes, with its own weight, for
//     the person of its last word alone ("Mikhail Gorbachev" for
//     "Gorbachev").
//  2. Kind. A model mention whose kind gets less weight than another kind
//     of its name takes the kind with the most weight ("Langeland" an
//     organization twice by small margins, a place once by a large one;
//     "Santa" a model place where the rules read the person "Santa").
//     The lists' and rules' mentions keep their kinds: they decide, they
//     are not decided. The mention is rebuilt as a model entity of its new
//     kind (a place is geo-resolved; a surname's norm is the full name).
//  3. Extension. An occurrence of a name that no entity covers, standing
//     alone (no capitalised word beside it in its sentence, so that it is
//     not a part of a longer name), takes the name's winning kind when
//     that kind has at least extendVote of weight and the name is of two
//     words or more ("Bill Gottlieb"), the surname of a person of two
//     words or more, or found by a list or rule elsewhere. A single word
//     the model alone found elsewhere is left alone: on the internal dev
//     documents such extensions were as often wrong as right ("Chathams"
//     an organization five times, "Floor" a person). So is a single word
//     opening a sentence that the recogniser's word list finds in lower
//     case inside sentences 30% of the time or more ("Will", "Black"); a
//     word it does not know, or mostly capitalised, is a name there too
//     ("Gorbachev said").
func (x *Extractor) consistentNames(text string, toks []Token, ents []Entity, conf map[Span]float32, evoked []string) []Entity {
	if len(ents) == 0 || len(toks) == 0 {
		return ents
	}
	type name struct {
		w       [3]float32
		members []int // ents indexes, in order
		surname int   // the first person of two words or more ending in this word, or -1
	}
	names := map[string]*name{}
	var order []string // names in order of first mention: the output does not depend on map order
	get := func(key string) *name {
		n := names[key]
		if n == nil {
			n = &name{surname: -1}
			names[key] = n
			order = append(order, key)
		}
		return n
	}
	weight := func(e Entity) float32 {
		switch {
		case e.Source == SourceModel:
			return max(conf[e.Span], 0)
		case x.generatedOrg(e):
			return 0
		}
		return ruleVote
	}
	for i, e := range ents {
		k := nameKindIndex(e.Kind)
		if k < 0 || e.Type == PlaceDemonym {
			continue
		}
		n := get(e.Text)
		n.w[k] += weight(e)
		n.members = append(n.members, i)
		if e.Kind != KindPerson {
			continue
		}
		a, ok1 := tokenStartingAt(toks, e.Start) // a binary search: no map of every token per article
		b, ok2 := tokenEndingAt(toks, e.End)
		if !ok1 || !ok2 || b <= a || !toks[b].Cap || !isWord(toks[b].Text) {
			continue
		}
		s := get(toks[b].Text)
		s.w[0] += weight(e)
		if s.surname < 0 {
			s.surname = i
		}
	}
	winner := func(n *name) int {
		best := 0
		for k := 1; k < len(nameKinds); k++ {
			if n.w[k] > n.w[best] {
				best = k
			}
		}
		return best
	}
	// Rule 2: kinds.
	for _, key := range order {
		n := names[key]
		win := winner(n)
		for _, i := range n.members {
			e := ents[i]
			if k := nameKindIndex(e.Kind); e.Source != SourceModel || k == win || n.w[win] <= n.w[k] {
				continue
			}
			ne := x.modelEntity(nameKinds[win], text, e.Span, evoked)
			if win == 0 && n.surname >= 0 {
				ne.Norm = ents[n.surname].Norm
			}
			ents[i] = ne
		}
	}
	// Rule 3: extension.
	covered := make([]bool, len(text))
	for _, e := range ents {
		for b := max(e.Start, 0); b < e.End && b < len(covered); b++ {
			covered[b] = true
		}
	}
	byFirst := map[string][]int{} // a capitalised token's text -> its indexes
	for i, t := range toks {
		if t.Cap {
			byFirst[t.Text] = append(byFirst[t.Text], i)
		}
	}
	var added []Entity
	for _, key := range order {
		n := names[key]
		win := winner(n)
		if n.w[win] < extendVote {
			continue
		}
		// The exemplar: the first mention of the winning kind, else the
		// full name whose surname this is.
		ex, surname := -1, false
		for _, i := range n.members {
			if nameKindIndex(ents[i].Kind) == win {
				ex = i
				break
			}
		}
		if ex < 0 && win == 0 && n.surname >= 0 {
			ex, surname = n.surname, true
		}
		if ex < 0 {
			continue
		}
		kt, _ := Tokenize(key)
		if len(kt) == 0 || !kt[0].Cap || len(kt) == 1 && !surname && ents[ex].Source == SourceModel {
			continue
		}
		for _, i := range byFirst[kt[0].Text] {
			j := i + len(kt)
			if j > len(toks) || toks[j-1].Sent != toks[i].Sent || text[toks[i].Start:toks[j-1].End] != key ||
				slices.Contains(covered[toks[i].Start:toks[j-1].End], true) {
				continue
			}
			if i > 0 && toks[i-1].Sent == toks[i].Sent && toks[i-1].Cap && isWord(toks[i-1].Text) ||
				j < len(toks) && toks[j].Sent == toks[i].Sent && toks[j].Cap && isWord(toks[j].Text) {
				continue // a part of a longer name
			}
			if len(kt) == 1 && (i == 0 || toks[i-1].Sent != toks[i].Sent) && x.nerModel != nil {
				if c := x.nerModel.Words.Case(key); c == ner.CaseNever || c == ner.CaseRarely || c == ner.CaseOften {
					continue
				}
			}
			e := ents[ex]
			if surname {
				e = Entity{Kind: KindPerson, Norm: e.Norm, Source: e.Source, Type: e.Type}
			}
			e.Span = Span{Start: toks[i].Start, End: toks[j-1].End}
			e.Text = text[e.Start:e.End]
			for b := e.Start; b < e.End; b++ {
				covered[b] = true
			}
			added = append(added, e)
		}
	}
	if len(added) == 0 {
		return ents
	}
	return mergeEntities(append(ents, added...))
}

// isWord reports whether s starts with a letter.
func isWord(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}
