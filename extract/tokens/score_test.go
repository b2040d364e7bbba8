package tokens

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// udDir holds the UD treebanks; absent outside the project's machines.
var udDir = filepath.Join("..", "..", "..", "shared", "corpus", "ud")

// udSentence is one sentence of a CoNLL-U file: its raw text, the byte
// spans of its gold words in that text, and where it sits in its document.
type udSentence struct {
	text    string
	words   []Span
	newDoc  bool
	newPar  bool
	aligned bool // every gold word was found in the text
}

// readUD reads a gzipped CoNLL-U file. Words of a multiword token ("don't"
// = "do" + "n't") get the parts of the token's span their forms cover;
// where the forms do not spell the token ("dont" = "do" + "nt" spelled
// differently), the token counts as one word.
func readUD(t testing.TB, name string) []udSentence {
	t.Helper()
	f, err := os.Open(filepath.Join(udDir, name))
	if err != nil {
		t.Skipf("UD corpus not available: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []udSentence
	var cur udSentence
	var forms []string   // word forms of the current sentence, in order
	var mwt [][2]int     // multiword token ranges (first, last word id)
	var mwtForm []string // their surface forms
	newDoc, newPar := false, false
	flush := func() {
		if cur.text == "" {
			return
		}
		cur.newDoc, cur.newPar = newDoc, newPar || newDoc
		newDoc, newPar = false, false
		cur.words, cur.aligned = alignWords(cur.text, forms, mwt, mwtForm)
		out = append(out, cur)
		cur, forms, mwt, mwtForm = udSentence{}, nil, nil, nil
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "# newdoc"):
			newDoc = true
		case strings.HasPrefix(line, "# newpar"):
			newPar = true
		case strings.HasPrefix(line, "# text = "):
			cur.text = strings.TrimPrefix(line, "# text = ")
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 2 {
				continue
			}
			id := cols[0]
			if strings.Contains(id, ".") {
				continue // empty node
			}
			if a, b, ok := strings.Cut(id, "-"); ok {
				mwt = append(mwt, [2]int{atoi(a), atoi(b)})
				mwtForm = append(mwtForm, cols[1])
				continue
			}
			forms = append(forms, cols[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	flush()
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// alignWords finds each gold word in text, left to right.
func alignWords(text string, forms []string, mwt [][2]int, mwtForm []string) ([]Span, bool) {
	var spans []Span
	pos := 0
	skip := func() {
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n') {
			pos++
		}
	}
	m := 0
	for i := 0; i < len(forms); {
		id := i + 1
		if m < len(mwt) && mwt[m][0] == id {
			skip()
			surface := mwtForm[m]
			if !strings.HasPrefix(text[pos:], surface) {
				return spans, false
			}
			parts := forms[mwt[m][0]-1 : mwt[m][1]]
			if strings.EqualFold(strings.Join(parts, ""), surface) {
				for _, p := range parts {
					spans = append(spans, Span{Start: pos, End: pos + len(p)})
					pos += len(p)
				}
			} else {
				spans = append(spans, Span{Start: pos, End: pos + len(surface)})
				pos += len(surface)
			}
			i = mwt[m][1]
			m++
			continue
		}
		skip()
		if !strings.HasPrefix(text[pos:], forms[i]) {
			return spans, false
		}
		spans = append(spans, Span{Start: pos, End: pos + len(forms[i])})
		pos += len(forms[i])
		i++
	}
	return spans, true
}

// prf is a precision/recall/F1 count.
type prf struct{ tp, sys, gold int }

func (c prf) p() float64  { return ratio(c.tp, c.sys) }
func (c prf) r() float64  { return ratio(c.tp, c.gold) }
func (c prf) f1() float64 { p, r := c.p(), c.r(); return ratio2(2*p*r, p+r) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ratio2(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// score adds the span match of sys against gold.
func (c *prf) score(sys, gold []Span) {
	g := make(map[Span]bool, len(gold))
	for _, s := range gold {
		g[s] = true
	}
	for _, s := range sys {
		if g[s] {
			c.tp++
		}
	}
	c.sys += len(sys)
	c.gold += len(gold)
}

// wordSpans tokenizes text and returns the spans of its words and of its tokens.
func wordSpans(text string) (words, toks []Span) {
	tk, sents := Tokenize(text)
	for _, s := range sents {
		for _, w := range Words(text, s, tk) {
			words = append(words, w.Span)
		}
	}
	for _, t := range tk {
		toks = append(toks, t.Span)
	}
	return words, toks
}

// TestTokenizationScore measures word segmentation against the gold words
// of EWT dev and GUM dev, from each sentence's raw text, words matched on
// exact character spans. Today's tokens are scored beside the words for
// comparison. The floors catch a broken segmenter.
func TestTokenizationScore(t *testing.T) {
	for _, c := range []struct {
		file  string
		floor float64
	}{
		{"en_ewt-dev.conllu.gz", 0.98},
		{"en_gum-ccby-dev.conllu.gz", 0.98},
	} {
		sents := readUD(t, c.file)
		var words, toks prf
		skipped := 0
		for _, s := range sents {
			if !s.aligned {
				skipped++
				continue
			}
			w, tk := wordSpans(s.text)
			words.score(w, s.words)
			toks.score(tk, s.words)
		}
		t.Logf("%s: %d sentences (%d not aligned, skipped), %d gold words", c.file, len(sents)-skipped, skipped, words.gold)
		t.Logf("  words:  P %.4f R %.4f F1 %.4f", words.p(), words.r(), words.f1())
		t.Logf("  tokens: P %.4f R %.4f F1 %.4f", toks.p(), toks.r(), toks.f1())
		if words.f1() < c.floor {
			t.Errorf("%s: word F1 %.4f below the floor %.2f", c.file, words.f1(), c.floor)
		}
		if skipped*50 > len(sents) {
			t.Errorf("%s: %d of %d sentences could not be aligned", c.file, skipped, len(sents))
		}
	}
}
