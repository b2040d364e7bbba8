package syntax

import (
	"slices"
	"testing"
)

// The cached static scores are exactly tagStaticScores', across cache
// resets and evictions and with words seen before in other sentences and
// roles.
func TestTagCacheExact(t *testing.T) {
	m := load(t)
	lx := lexer{tab: m.words}
	var c tagCache
	var sc, want tagScratch
	nc := m.tag.Classes()
	words := 0
	for k, s := range readTestdata(t, "ewt-dev-200.conllu") {
		switch {
		case c.idx == nil || k%100 == 0 || len(c.lex)+len(s.Words) > tagCacheMax+2:
			c.reset(0)
		case k%25 == 0:
			c.evict(nc)
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
// sentence, hold the words of earlier ones (lemmas included) or keep some
// of them after an eviction.
func TestAnalyzeCacheSame(t *testing.T) {
	m := load(t)
	ss := readTestdata(t, "ewt-dev-200.conllu")
	run := func(reset, evict bool) [][]Word {
		m.resetCaches()
		var out [][]Word
		for pass := range 2 {
			for k, s := range ss {
				if reset {
					m.resetCaches()
				}
				if evict && k%10 == 0 {
					w := m.getWork()
					if w.tc.idx != nil {
						w.tc.evict(m.tag.Classes())
					}
					m.pool.Put(w)
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
	cold, warm, evicted := run(true, false), run(false, false), run(false, true)
	for i := range cold {
		if !slices.Equal(cold[i], warm[i]) {
			t.Fatalf("%q: %v with warm caches, %v without", ss[i].Text, warm[i], cold[i])
		}
		if !slices.Equal(cold[i], evicted[i]) {
			t.Fatalf("%q: %v with evictions, %v without caches", ss[i].Text, evicted[i], cold[i])
		}
	}
}
