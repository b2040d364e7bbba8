package syntax

import "github.com/newsclaims/newsclaims/extract/tokens"

// Word is one syntactic word with its analysis. Head is 1-based into the
// sentence's words, 0 for the root, as in CoNLL-U.
type Word struct {
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Head  int
	Rel   string
	Span  tokens.Span // bytes into the text the sentence came from
	// SpaceAfter is false when the next word follows with no space.
	SpaceAfter bool
	// tag is the tagger's class of the word plus one (0: not tagged), set
	// by Tag and Analyze; ParseTagged reads it instead of tagging again.
	tag int32
}

// ParseText splits text into sentences and UD words (extract/tokens) and
// analyzes each sentence. Spans index text; Sentence.Text is the
// sentence's text and ID its 1-based number.
func (m *Model) ParseText(text string) []Sentence {
	toks, sents := tokens.Tokenize(text)
	out := make([]Sentence, 0, len(sents))
	for _, s := range sents {
		uw := tokens.Words(text, s, toks)
		if len(uw) == 0 {
			continue
		}
		words := make([]Word, len(uw))
		for i, w := range uw {
			words[i] = Word{Form: w.Text, Span: w.Span, SpaceAfter: w.SpaceAfter}
		}
		m.Analyze(words)
		out = append(out, Sentence{Text: text[words[0].Span.Start:words[len(words)-1].Span.End], Words: words})
	}
	return out
}
