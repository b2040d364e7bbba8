package syntax

import (
	"slices"
	"testing"
)

// The cached static scores are exactly tagStaticScores', across cache
// resets and with words seen before in other sentences and roles.
func TestTagCacheExact(t *testing.T) {
	m := load(t)
	lx := lexer{tab: m.words}
	var c tagCache
	var sc, want tagScratch
	nc := m.tag.Classes()
	words := 0
	for k, s := range readTestdata(t, "ewt-dev-200.conllu") {
		if c.idx == nil || k%50 == 0 || len(c.lex)+len(s.Words) > tagCacheMax+2 {
			c.reset(0)
		}
		ls := make([]lex, len(s.Words))
		ent := make([]int32, len(s.Words))
		for i, w := range s.Words {
			ent[i] = c.entry(w.Form, &lx)
			ls[i] = c.lex[ent[i]]
			if ls[i] != lx.word(w.Form) {
				t.Fatalf("%q: cached lex differs", w.Form)
			}
		}
		c.sum(m.tag, m.tagFx)
		c.staticScores(m.tag, m.tagFx, ls, ent, &sc)
		tagStaticScores(m.tag, m.tagFx, ls, &want)
		if !slices.Equal(sc.static[:len(ls)*nc], want.static[:len(ls)*nc]) {
			t.Fatalf("%q: cached static scores differ", s.Text)
		}
		words += len(ls)
	}
	if words == 0 {
		t.Fatal("no words")
	}
}

// Analyze gives the same words whether its caches are empty at each
// sentence or hold the words of earlier ones (lemmas included).
func TestAnalyzeCacheSame(t *testing.T) {
	m := load(t)
	ss := readTestdata(t, "ewt-dev-200.conllu")
	run := func(reset bool) [][]Word {
		m.resetCaches()
		var out [][]Word
		for pass := range 2 {
			for _, s := range ss {
				if reset {
					m.resetCaches()
				}
				ws := make([]Word, len(s.Words))
				for i, w := range s.Words {
					ws[i].Form = w.Form
				}
				m.Analyze(ws)
				if pass == 1 {
					out = append(out, ws)
				}
			}
		}
		return out
	}
	cold, warm := run(true), run(false)
	for i := range cold {
		if !slices.Equal(cold[i], warm[i]) {
			t.Fatalf("%q: %v with warm caches, %v without", ss[i].Text, warm[i], cold[i])
		}
	}
}
