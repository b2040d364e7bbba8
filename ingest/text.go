package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseText turns a plain-text file into an article. The text is kept as
// written, so that spans read the way the author wrote it: only the BOM,
// line ends (CRLF and CR become LF), invalid UTF-8 (each bad sequence
// becomes one U+FFFD, counted) and whitespace at the very end change.
func parseText(data []byte) (Article, error) {
	text, bad := normalizeText(data)
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return Article{}, ErrEmpty
	}
	if !hasWordChar(text) {
		return Article{}, ErrNoText
	}
	a := Article{Text: text, InvalidUTF8: bad}
	a.Blocks = textBlocks(text)
	if len(a.Blocks) > 0 && a.Blocks[0].Kind == BlockTitle {
		a.Title = text[a.Blocks[0].Start:a.Blocks[0].End]
	}
	return a, nil
}

// normalizeText applies the plain-text fixes and returns the result with
// the number of invalid UTF-8 sequences replaced.
func normalizeText(data []byte) (string, int) {
	data = bytes.TrimPrefix(data, utf8BOM)
	var b strings.Builder
	b.Grow(len(data))
	bad := 0
	inBad := false
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			inBad = false
			if c == '\r' {
				b.WriteByte('\n')
				if i+1 < len(data) && data[i+1] == '\n' {
					i++
				}
			} else {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			// One replacement per run of bad bytes, as strings.ToValidUTF8.
			if !inBad {
				b.WriteRune(utf8.RuneError)
				bad++
				inBad = true
			}
			i++
			continue
		}
		inBad = false
		b.Write(data[i : i+size])
		i += size
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace), bad
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
