package tokens

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
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

// udDocs joins the sentences of each document of a treebank into its raw
// text and returns the texts with the gold sentence ends. With paragraphs,
// paragraphs (# newpar) are separated by a blank line, as ingest hands a
// plain-text article to extraction, and sentences within one by a space;
// without, the whole document is one line.
func udDocs(sents []udSentence, paragraphs bool) (texts []string, ends [][]int) {
	var b strings.Builder
	var e []int
	flush := func() {
		if b.Len() > 0 {
			texts = append(texts, b.String())
			ends = append(ends, e)
		}
		b.Reset()
		e = nil
	}
	for _, s := range sents {
		if s.newDoc {
			flush()
		}
		if b.Len() > 0 {
			if paragraphs && s.newPar {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(s.text)
		e = append(e, b.Len())
	}
	flush()
	return texts, ends
}

// boundaryScore counts sentence ends of Tokenize against gold ends; the
// end of the text counts for neither, being no decision.
func boundaryScore(c *prf, text string, gold []int) {
	_, sents := Tokenize(text)
	g := map[int]bool{}
	for _, e := range gold {
		if e < len(text) {
			g[e] = true
			c.gold++
		}
	}
	for _, s := range sents {
		if s.End < len(strings.TrimRight(text, " \n")) {
			c.sys++
			if g[s.End] {
				c.tp++
			}
		}
	}
}

// TestSentenceScore measures sentence boundaries on GUM dev (and EWT dev)
// documents rebuilt from their # text lines, a boundary right when a
// sentence ends at the same byte as a gold sentence. The floors catch a
// broken splitter.
func TestSentenceScore(t *testing.T) {
	for _, c := range []struct {
		file  string
		paras bool
		floor float64
	}{
		{"en_gum-ccby-dev.conllu.gz", true, 0.85},
		{"en_gum-ccby-dev.conllu.gz", false, 0.75},
		{"en_ewt-dev.conllu.gz", true, 0.70},
	} {
		texts, ends := udDocs(readUD(t, c.file), c.paras)
		var score prf
		for i, text := range texts {
			boundaryScore(&score, text, ends[i])
		}
		layout := "paragraphs on blank lines"
		if !c.paras {
			layout = "each document one line"
		}
		t.Logf("%s, %d documents, %s: P %.4f R %.4f F1 %.4f (%d gold boundaries)", c.file, len(texts), layout, score.p(), score.r(), score.f1(), score.gold)
		if score.f1() < c.floor {
			t.Errorf("%s (%s): sentence F1 %.4f below the floor %.2f", c.file, layout, score.f1(), c.floor)
		}
	}
}

// handDoc is a text with sentence boundaries marked by hand.
type handDoc struct {
	name string
	text string
	ends []int
}

// readHandMarks reads testdata/sentences.txt: documents after "#doc NAME"
// lines, " <S>" marking a boundary inside a line; a line break is a
// boundary unless the line wraps a sentence (it ends without sentence
// punctuation and the next line goes on in lower case), as in the file's
// one hard-wrapped example.
func readHandMarks(t *testing.T) []handDoc {
	b, err := os.ReadFile(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []handDoc
	for _, part := range strings.Split(string(b), "\n#doc ")[1:] {
		name, body, _ := strings.Cut(part, "\n")
		body = strings.TrimRight(body, "\n")
		var d handDoc
		d.name = name
		var text strings.Builder
		lines := strings.Split(body, "\n")
		for i, line := range lines {
			for j, piece := range strings.Split(line, " <S>") {
				if j > 0 {
					d.ends = append(d.ends, text.Len())
				}
				text.WriteString(piece)
			}
			if i+1 < len(lines) {
				if line != "" && !handWrapped(line, lines[i+1]) {
					d.ends = append(d.ends, len(strings.TrimRightFunc(text.String(), unicode.IsSpace)))
				}
				text.WriteString("\n")
			}
		}
		d.text = text.String()
		docs = append(docs, d)
	}
	return docs
}

// handWrapped is the marking convention for a wrapped line: it does not
// end in . ! ? or a quote and the next line starts in lower case.
func handWrapped(line, next string) bool {
	line = strings.TrimRight(line, " ")
	return line != "" && !strings.ContainsAny(line[len(line)-1:], ".!?\"'") && next != "" && startsLower(next)
}

// TestSentencesHand scores the splitter on the seeds and on sentences
// written for the test, all marked by hand: the seeds must keep a high
// F1, the written sentences (each a case the splitter handles on
// purpose) must all be right.
func TestSentencesHand(t *testing.T) {
	for _, d := range readHandMarks(t) {
		if strings.HasPrefix(d.name, "seeds/") {
			raw, err := os.ReadFile(filepath.Join("..", "..", d.name))
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(raw)) != strings.TrimSpace(d.text) {
				t.Fatalf("%s: the marked text is not the seed's text", d.name)
			}
		}
		var score prf
		boundaryScore(&score, d.text, d.ends)
		t.Logf("%s: P %.4f R %.4f F1 %.4f (%d boundaries)", d.name, score.p(), score.r(), score.f1(), score.gold)
		floor := 0.95
		if d.name == "written" {
			floor = 1
		}
		if score.f1() < floor {
			_, sents := Tokenize(d.text)
			for _, s := range sents {
				t.Logf("  sentence %q", d.text[s.Start:s.End])
			}
			t.Errorf("%s: sentence F1 %.4f below %.2f", d.name, score.f1(), floor)
		}
	}
}
