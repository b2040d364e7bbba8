package store

import (
	"fmt"
	"unicode/utf8"
)

// offsets converts byte offsets into one article's text to code-point
// offsets, the unit of every stored span column. It is the only place where
// the two units meet.
//
// cp[b] is the number of code points in text[:b] when b is a rune boundary
// (0 <= b <= len(text)), and -1 inside a multi-byte rune. Building it is one
// pass over the text; each conversion is then O(1).
type offsets struct {
	text string
	cp   []int32
}

func newOffsets(text string) offsets {
	cp := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		cp[i] = n
		for j := 1; j < size; j++ {
			cp[i+j] = -1
		}
		i += size
		n++
	}
	cp[len(text)] = n
	return offsets{text: text, cp: cp}
}

// codePoint converts byte offset b. ok is false when b is out of range or
// inside a rune.
func (o offsets) codePoint(b int) (int, bool) {
	if b < 0 || b >= len(o.cp) || o.cp[b] < 0 {
		return 0, false
	}
	return int(o.cp[b]), true
}

// span converts the byte span [start, end) to code points after checking
// that it is in range, on rune boundaries and slices the text to want.
// Errors wrap ErrSpan; nothing is ever clamped.
func (o offsets) span(start, end int, want string) (int, int, error) {
	s, e, err := o.convert(start, end)
	if err != nil {
		return 0, 0, fmt.Errorf("%w (text %q)", err, want)
	}
	if got := o.text[start:end]; got != want {
		return 0, 0, fmt.Errorf("%w: bytes [%d,%d) slice to %q, not %q", ErrSpan, start, end, got, want)
	}
	return s, e, nil
}

// convert converts the byte span [start, end) to code points after checking
// that it is in range and on rune boundaries.
func (o offsets) convert(start, end int) (int, int, error) {
	if start < 0 || end < start || end > len(o.text) {
		return 0, 0, fmt.Errorf("%w: bytes [%d,%d) out of range for text of %d bytes", ErrSpan, start, end, len(o.text))
	}
	s, ok1 := o.codePoint(start)
	e, ok2 := o.codePoint(end)
	if !ok1 || !ok2 {
		return 0, 0, fmt.Errorf("%w: bytes [%d,%d) not on rune boundaries", ErrSpan, start, end)
	}
	return s, e, nil
}

// byteIndex maps code-point offsets back to byte offsets: byteIndex(text)[c] is
// the byte offset of code point c, for 0 <= c <= number of code points.
// Used to give stored blocks back to the extractor when reprocessing.
func byteIndex(text string) []int {
	idx := make([]int, 0, len(text)+1)
	for i := range text { // ranges over rune starts
		idx = append(idx, i)
	}
	return append(idx, len(text))
}

// byteSpan converts the code-point span [s, e) with the index from byteIndex.
func byteSpan(idx []int, s, e int) (int, int, error) {
	if s < 0 || e < s || e >= len(idx) {
		return 0, 0, fmt.Errorf("%w: code points [%d,%d) out of range for text of %d code points",
			ErrSpan, s, e, len(idx)-1)
	}
	return idx[s], idx[e], nil
}
