package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one annotated sentence of a corpus.
type Sentence struct {
	// Doc names the document the sentence belongs to ("" when the
	// corpus has no document marks).
	Doc string
	// Text is the sentence as written when the corpus gives it (UD
	// "# text ="), else its words joined by single spaces.
	Text  string
	Words []string
	// Offs holds the byte offset of each word in Text.
	Offs []int
	// Gold holds the named mentions as word-index spans [Start, End).
	Gold []Mention
}

// Span returns the byte span in Text of the word-index mention m.
func (s *Sentence) Span(m Mention) Mention {
	return Mention{Start: s.Offs[m.Start], End: s.Offs[m.End-1] + len(s.Words[m.End-1]), Kind: m.Kind}
}

// openText opens a file, gunzipping a name ending in .gz.
func openText(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{z, f}, nil
}

// Column layouts of the IOB corpora: which tab-separated column holds the
// word and which the tag, and how the corpus's entity types map to ours
// ("" drops a type: its words are outside any mention).
type Layout struct {
	Word, Tag int
	Types     map[string]string
	// NamedOnly drops mentions that are descriptions or pronouns (re3d
	// marks "the rebels" and "they" too): a mention is kept from its
	// first capitalised word on, and only when its last word is
	// capitalised or a number.
	NamedOnly bool
}

var (
	// UNER-EWT: id, word, tag, and two annotator columns.
	UNER = Layout{Word: 1, Tag: 2, Types: map[string]string{"PER": Person, "LOC": Place, "ORG": Organization}}
	// BTC: word and tag.
	BTC = Layout{Word: 0, Tag: 1, Types: map[string]string{"PER": Person, "LOC": Place, "ORG": Organization}}
	// WNUT-17: corporations and groups (bands, teams, parties) are
	// organizations; products and creative works are not entities here.
	WNUT = Layout{Word: 0, Tag: 1, Types: map[string]string{"person": Person, "location": Place, "corporation": Organization, "group": Organization}}
	// re3d: nationalities are demonyms, which the gazetteer types; weapons,
	// platforms, times, quantities, money and document references are
	// not entities here.
	RE3D = Layout{Word: 0, Tag: 1, Types: map[string]string{"Person": Person, "Location": Place, "Organisation": Organization}, NamedOnly: true}
)

// ReadIOB reads a tab-separated IOB2 corpus file (gzip when its name ends
// in .gz): one word a line, a blank line between sentences, "#" comment
// lines ("# text =" gives the sentence text, "# newdoc id =" its
// document).
func ReadIOB(path string, l Layout) ([]Sentence, error) {
	r, err := openText(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var (
		out  []Sentence
		doc  string
		text string
		ws   []string
		tags []string
	)
	flush := func() {
		if len(ws) > 0 {
			s := newSentence(doc, text, ws)
			s.Gold = mentionsFromTags(ws, tags, l)
			out = append(out, s)
		}
		text, ws, tags = "", nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "# ") && len(ws) == 0 {
			if v, ok := strings.CutPrefix(line, "# text = "); ok {
				text = v
			} else if v, ok := strings.CutPrefix(line, "# newdoc id = "); ok {
				doc = v
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) <= max(l.Word, l.Tag) {
			return nil, fmt.Errorf("%s:%d: %d columns, want more than %d", path, n, len(cols), max(l.Word, l.Tag))
		}
		ws = append(ws, cols[l.Word])
		tags = append(tags, cols[l.Tag])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	flush()
	return out, nil
}

// newSentence places the words in text (or builds text from them when
// the corpus gave none, or when a word is not found where expected).
func newSentence(doc, text string, ws []string) Sentence {
	s := Sentence{Doc: doc, Words: ws, Offs: make([]int, len(ws))}
	if text != "" {
		at := 0
		ok := true
		for i, w := range ws {
			k := strings.Index(text[at:], w)
			if k < 0 || strings.TrimSpace(text[at:at+k]) != "" {
				ok = false
				break
			}
			s.Offs[i] = at + k
			at += k + len(w)
		}
		if ok {
			s.Text = text
			return s
		}
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		s.Offs[i] = b.Len()
		b.WriteString(w)
	}
	s.Text = b.String()
	return s
}

// mentionsFromTags turns IOB2 tags into mentions of our kinds. An I- tag
// after an O or another type starts a mention (IOB1 leniency).
func mentionsFromTags(ws, tags []string, l Layout) []Mention {
	var out []Mention
	cur := Mention{Start: -1}
	end := func(i int) {
		if cur.Start >= 0 {
			cur.End = i
			if m, ok := keepMention(ws, cur, l.NamedOnly); ok {
				out = append(out, m)
			}
		}
		cur = Mention{Start: -1}
	}
	for i, t := range tags {
		bio, typ, _ := strings.Cut(t, "-")
		kind := l.Types[typ]
		switch {
		case bio == "B" || (bio == "I" && (cur.Start < 0 || cur.Kind != kind)):
			end(i)
			if kind != "" {
				cur = Mention{Start: i, Kind: kind}
			}
		case bio == "I":
		default:
			end(i)
		}
	}
	end(len(tags))
	return out
}

// keepMention applies the convention of a name: no leading "the" or other
// lower-case word; with named, a mention must end in a capitalised word
// or a number (descriptions and pronouns are dropped).
func keepMention(ws []string, m Mention, named bool) (Mention, bool) {
	for m.Start < m.End && lowerWord(ws[m.Start]) && (named || isDeterminer(ws[m.Start])) {
		m.Start++
	}
	if m.Start >= m.End {
		return m, false
	}
	if named && lowerWord(ws[m.End-1]) {
		return m, false
	}
	// A pronoun is capitalised where it opens a sentence; re3d marks 44
	// such "We" as organizations and "I", "He" as persons, which taught
	// the model that a sentence's first "We" is a name.
	if named && m.End-m.Start == 1 && isPronoun(ws[m.Start]) {
		return m, false
	}
	return m, true
}

// isPronoun reports whether w is an English personal or possessive
// pronoun (a closed class).
func isPronoun(w string) bool {
	switch strings.ToLower(w) {
	case "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their":
		return true
	}
	return false
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an":
		return true
	}
	return false
}

// lowerWord reports whether w starts with a lower-case letter or is not a
// word at all (punctuation).
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return false
	}
	return !unicode.IsUpper(r)
}
