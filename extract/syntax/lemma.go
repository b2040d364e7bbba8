package syntax

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// The lemmatizer classifies each word into an edit script learned from
// the training lemmas (Chrupała 2006, as in UDPipe): work on the form as
// written or lower-cased, cut n characters, append a string. Irregular
// forms ("went" -> "go") are scripts of their own, learned from the word
// itself; regular ones generalise through suffix features.

const lemmaFeatureSet = 1

// script is one edit script.
type script struct {
	lower bool
	cut   int // runes
	add   string
}

func (s script) String() string {
	m := "k"
	if s.lower {
		m = "l"
	}
	return m + "|" + strconv.Itoa(s.cut) + "|" + s.add
}

func parseScript(s string) (script, bool) {
	parts := strings.SplitN(s, "|", 3)
	if len(parts) != 3 || (parts[0] != "k" && parts[0] != "l") {
		return script{}, false
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n < 0 {
		return script{}, false
	}
	return script{lower: parts[0] == "l", cut: n, add: parts[2]}, true
}

func lcp(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n-- // stay on a rune boundary
	}
	return n
}

// scriptOf is the script that turns form into lemma.
func scriptOf(form, lemma string) script {
	lower := strings.ToLower(form)
	kp, lp := lcp(form, lemma), lcp(lower, lemma)
	useLower := lp > kp || (lp == kp && lemma == strings.ToLower(lemma))
	base, p := form, kp
	if useLower {
		base, p = lower, lp
	}
	return script{lower: useLower, cut: utf8.RuneCountInString(base[p:]), add: lemma[p:]}
}

// apply returns the lemma, or false if the form is too short.
func (s script) apply(form string) (string, bool) {
	base := form
	if s.lower {
		base = strings.ToLower(form)
	}
	end := len(base)
	for range s.cut {
		if end == 0 {
			return "", false
		}
		_, w := utf8.DecodeLastRuneInString(base[:end])
		end -= w
	}
	if s.add == "" {
		return base[:end], true
	}
	return base[:end] + s.add, true
}

// lemFixed are the lemmatizer's templates of the tag and the flags alone
// (0 and 8 of lemmaFeats), looked up by position (see tagFixed).
type lemFixed struct {
	nt         int
	tag, flags *learn.Fixed
}

func newLemFixed(m *learn.Model, tagClasses int) *lemFixed {
	x := &lemFixed{nt: tagClasses + 1}
	var k0, k8 []uint64
	for t := range uint64(x.nt) {
		k0 = append(k0, learn.Feat(0, t))
	}
	for fl := range uint64(16) {
		for t := range uint64(x.nt) {
			k8 = append(k8, learn.Feat2(8, fl, t))
		}
	}
	x.tag, x.flags = m.Fixed(k0), m.Fixed(k8)
	return x
}

// add adds the Fixed templates of word w with tag (label id + 1) into row.
func (fx *lemFixed) add(w *lex, tag uint64, row []int32) {
	fx.tag.Add(int(tag), row)
	fx.flags.Add(int(w.flags)*fx.nt+int(tag), row)
}

// lemmaHashed is lemmaFeats less the templates of lemFixed.
func lemmaHashed(f []uint64, w *lex, tag uint64) []uint64 {
	return append(f,
		learn.Feat2(1, w.norm, tag),
		learn.Feat2(2, w.suf[0], tag),
		learn.Feat2(3, w.suf[1], tag),
		learn.Feat2(4, w.suf[2], tag),
		learn.Feat2(5, w.suf[3], tag),
		learn.Feat(6, w.norm),
		learn.Feat2(7, w.form, tag),
	)
}

func lemmaFeats(f []uint64, w *lex, tag uint64) []uint64 {
	// (The order training added them to the capped table: 0, 1-7, 8.)
	f = append(f, learn.Feat(0, tag))
	f = lemmaHashed(f, w, tag)
	return append(f, learn.Feat2(8, w.flags, tag))
}
