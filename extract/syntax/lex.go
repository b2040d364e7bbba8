package syntax

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// lex is what the feature templates read of one word, hashed once per
// sentence.
type lex struct {
	norm  uint64    // lower case, digits as 0, curly quotes as ASCII
	form  uint64    // as written (case carries information)
	suf   [4]uint64 // last 1..4 characters of norm
	pre   [2]uint64 // first 1..2 characters of norm
	shape uint64    // Xx, d.d, x-x, ...
	flags uint64    // bit 0 capitalised, 1 all caps, 2 has digit, 3 has hyphen
	// From the word table (0 = not in it): distributional classes and
	// the ambiguity class (UPOS mask).
	fine, coarse, amb uint64
	// ambI is where amb is among the values of tagFixed's ambiguity
	// templates: 0 and 1 the start and end marks, 2+k the word table's
	// mask k.
	ambI int
}

var (
	hNone  = learn.String("<none>")
	hRoot  = learn.String("<root>")
	hStart = learn.String("<s>")
	hEnd   = learn.String("</s>")
)

// lexer hashes words with a reusable buffer (no allocation per word).
type lexer struct {
	tab   *wordTable
	buf   []byte
	shape []byte
	ends  []int // rune ends in buf
}

func normRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u02bc', '\u2032':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u2033':
		return '"'
	case '\u2013', '\u2014', '\u2212':
		return '-'
	}
	if '0' <= r && r <= '9' {
		return '0'
	}
	return unicode.ToLower(r)
}

func shapeOf(r rune) byte {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	}
	return '*'
}

func (lx *lexer) word(s string) lex {
	var l lex
	l.form = learn.String(s)
	lx.buf, lx.shape, lx.ends = lx.buf[:0], lx.shape[:0], lx.ends[:0]
	first := true
	allUpper, anyLetter := true, false
	for _, r := range s {
		if first && unicode.IsUpper(r) {
			l.flags |= 1
		}
		first = false
		if unicode.IsLetter(r) {
			anyLetter = true
			if !unicode.IsUpper(r) {
				allUpper = false
			}
		}
		if unicode.IsDigit(r) {
			l.flags |= 4
		}
		if r == '-' {
			l.flags |= 8
		}
		lx.buf = utf8.AppendRune(lx.buf, normRune(r))
		lx.ends = append(lx.ends, len(lx.buf))
		c := shapeOf(r)
		if n := len(lx.shape); n == 0 || lx.shape[n-1] != c || n < 2 || lx.shape[n-2] != c {
			lx.shape = append(lx.shape, c) // runs of more than two collapse
		}
	}
	if allUpper && anyLetter {
		l.flags |= 2
	}
	l.norm = learn.Bytes(lx.buf)
	n := len(lx.ends)
	for k := 1; k <= 4; k++ {
		if k < n {
			l.suf[k-1] = learn.Bytes(lx.buf[lx.ends[n-k-1]:])
		} else {
			l.suf[k-1] = l.norm
		}
	}
	for k := 1; k <= 2; k++ {
		if k <= n {
			l.pre[k-1] = learn.Bytes(lx.buf[:lx.ends[k-1]])
		} else {
			l.pre[k-1] = l.norm
		}
	}
	v, a := lx.tab.get(l.norm)
	l.fine, l.coarse, l.amb, l.ambI = uint64(v&511), uint64(v>>9&63), uint64(v>>15), 2+a
	l.shape = learn.Bytes(lx.shape)
	return l
}
