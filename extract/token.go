package extract

import (
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/tokens"
)

// The token layer lives in extract/tokens so that later stages (syntax)
// can use it without importing extract; these names keep extract's code
// unchanged.
type (
	Span     = tokens.Span
	Token    = tokens.Token
	Sentence = tokens.Sentence
)

// Tokenize splits text into tokens and sentences; see tokens.Tokenize.
func Tokenize(text string) ([]Token, []Sentence) { return tokens.Tokenize(text) }

func foldLower(s string) string        { return tokens.FoldLower(s) }
func isWordRune(r rune) bool           { return tokens.IsWordRune(r) }
func isInitialism(w string) bool       { return tokens.IsInitialism(w) }
func isOpener(s string) bool           { return tokens.IsOpener(s) }
func isCloser(s string) bool           { return tokens.IsCloser(s) }
func isAbbreviation(lower string) bool { return tokens.IsAbbreviation(lower) }

// firstRune is the first rune of s, as []rune(s)[0] is (U+FFFD for an
// invalid byte), without converting the whole string: the matchers ask
// it of most tokens they try.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
