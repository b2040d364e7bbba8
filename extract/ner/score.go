// Package ner recognises person, place and organization mentions with a
// BIO sequence labeller trained on open NER corpora, and scores mentions
// against gold annotations with exact spans.
package ner

import (
	"fmt"
	"sort"
	"strings"
)

// Entity kinds the recogniser labels; they are extract's kind names.
const (
	Person       = "person"
	Place        = "place"
	Organization = "organization"
)

// Kinds lists the labelled kinds in report order.
var Kinds = []string{Person, Place, Organization}

// Mention is one entity mention: a half-open span and its kind. The unit
// of the span (words, bytes or code points) is the caller's; gold and
// predicted mentions compared with each other use the same one.
type Mention struct {
	Start, End int
	Kind       string
}

// Counts are, for one kind, the gold mentions, the predicted ones and the
// predicted ones equal to a gold one (span and kind).
type Counts struct{ Gold, Pred, TP int }

// PRF returns precision, recall and F1 (0 where undefined).
func (c Counts) PRF() (p, r, f float64) {
	if c.Pred > 0 {
		p = float64(c.TP) / float64(c.Pred)
	}
	if c.Gold > 0 {
		r = float64(c.TP) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Score accumulates exact-span counts per kind. The zero value is ready.
type Score struct {
	ByKind map[string]*Counts
}

func (s *Score) counts(kind string) *Counts {
	if s.ByKind == nil {
		s.ByKind = map[string]*Counts{}
	}
	c := s.ByKind[kind]
	if c == nil {
		c = &Counts{}
		s.ByKind[kind] = c
	}
	return c
}

// Add scores one unit of text (a sentence or a document): a predicted
// mention is correct when a gold mention has the same span and kind; each
// gold mention is matched once. Mentions of kinds outside Kinds are
// ignored. It returns the gold mentions missed and the predicted ones
// that are wrong, for error listings.
func (s *Score) Add(gold, pred []Mention) (missed, wrong []Mention) {
	want := map[Mention]int{}
	for _, g := range gold {
		if !known(g.Kind) {
			continue
		}
		want[g]++
		s.counts(g.Kind).Gold++
	}
	for _, p := range pred {
		if !known(p.Kind) {
			continue
		}
		c := s.counts(p.Kind)
		c.Pred++
		if want[p] > 0 {
			want[p]--
			c.TP++
		} else {
			wrong = append(wrong, p)
		}
	}
	for _, g := range gold {
		if want[g] > 0 {
			want[g]--
			missed = append(missed, g)
		}
	}
	return missed, wrong
}

func known(kind string) bool {
	for _, k := range Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Total is the micro-average over Kinds.
func (s *Score) Total() Counts {
	var t Counts
	for _, k := range Kinds {
		if c := s.ByKind[k]; c != nil {
			t.Gold += c.Gold
			t.Pred += c.Pred
			t.TP += c.TP
		}
	}
	return t
}

// Kind returns the counts of one kind.
func (s *Score) Kind(kind string) Counts {
	if c := s.ByKind[kind]; c != nil {
		return *c
	}
	return Counts{}
}

// Table formats the per-kind and overall figures, one line each, with a
// name in front ("UNER-EWT test").
func (s *Score) Table(name string) string {
	var b strings.Builder
	line := func(label string, c Counts) {
		p, r, f := c.PRF()
		fmt.Fprintf(&b, "%-22s %-13s gold %5d  pred %5d  P %.3f  R %.3f  F1 %.3f\n", name, label, c.Gold, c.Pred, p, r, f)
	}
	for _, k := range Kinds {
		line(k, s.Kind(k))
	}
	line("all", s.Total())
	return b.String()
}

// SortMentions orders mentions by start, then end.
func SortMentions(ms []Mention) {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
}
