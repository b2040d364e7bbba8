package extract

// findScoreLines finds the teams of sports results written as score
// lines, "Leeds 2 Chelsea 1", "Barcelona 3-1 Real Madrid": there a city
// or a country names a club or a national team, an organization. A name
// is a run of one to four capitalised words; a score is a number or
// "N-N". The names come out as organizations of type sports, source rule;
// they win over the gazetteer's place of the same words (mergeEntities
// ranks an organization above a place on the same span).
func findScoreLines(text string, toks []Token) []Entity {
	var out []Entity
	// name returns the end of a name run starting at i (i when none).
	name := func(i int) int {
		j := i
		for j < len(toks) && j-i < 4 && toks[j].Sent == toks[i].Sent && toks[j].Cap && !isScore(toks[j].Text) {
			j++
		}
		return j
	}
	for i := 0; i < len(toks); {
		a := name(i)
		if a == i || a >= len(toks) || toks[a].Sent != toks[i].Sent || !isScore(toks[a].Text) {
			i++
			continue
		}
		b0 := a + 1
		b := name(b0)
		if b == b0 || toks[b0].Sent != toks[a].Sent {
			i++
			continue
		}
		// "Leeds 2 Chelsea 1" needs the second score; "Leeds 2-1
		// Chelsea" has both in one token.
		dash := hasDashScore(toks[a].Text)
		if !dash && (b >= len(toks) || toks[b].Sent != toks[a].Sent || !isScore(toks[b].Text) || hasDashScore(toks[b].Text)) {
			i++
			continue
		}
		for _, r := range [][2]int{{i, a}, {b0, b}} {
			s, e := toks[r[0]].Start, toks[r[1]-1].End
			out = append(out, Entity{Kind: KindOrganization, Span: Span{Start: s, End: e}, Text: text[s:e], Norm: text[s:e], Type: "sports", Source: SourceRule})
		}
		i = b
	}
	return out
}

// isScore reports whether w is a small number or "N-N" ("2", "3-1").
func isScore(w string) bool {
	n, digits := 0, 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= '0' && c <= '9':
			digits++
			if digits > 3 {
				return false
			}
		case c == '-' && digits > 0 && n == 0:
			n++
			digits = 0
		default:
			return false
		}
	}
	return digits > 0
}

func hasDashScore(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] == '-' {
			return true
		}
	}
	return false
}
