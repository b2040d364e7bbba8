package extract

import "github.com/newsclaims/newsclaims/extract/tokens"

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
