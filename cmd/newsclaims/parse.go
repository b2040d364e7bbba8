package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract/syntax"
	"github.com/newsclaims/newsclaims/ingest"
)

const parseHelp = `Usage: newsclaims parse [flags] FILE|-

Reads the same inputs as extract (text, HTML, JSON lines, JSON, .gz) with
ingest's normalisation, and prints every sentence of every article with
part-of-speech tags (UPOS and Penn XPOS), lemmas and a dependency tree
(UD v2 relations). Sentences never cross a paragraph. Spans are Unicode
code points of the article text, end exclusive, as in the database.

Formats:
  conllu  CoNLL-U, ten columns; MISC has TokenRange=START:END and SpaceAfter=No
  json    articles, sentences and words with their spans
  text    each sentence as an indented tree (a head above its dependents)

Example:
  newsclaims parse --format text seeds/000_23266be43dcebdac.txt

Flags:
`

type parseWord struct {
	ID         int    `json:"id"`
	Form       string `json:"form"`
	Lemma      string `json:"lemma"`
	UPOS       string `json:"upos"`
	XPOS       string `json:"xpos"`
	Head       int    `json:"head"`
	Rel        string `json:"rel"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	SpaceAfter bool   `json:"space_after"`
}

type parseSentence struct {
	ID    string      `json:"sent_id"`
	Text  string      `json:"text"`
	Start int         `json:"start"`
	End   int         `json:"end"`
	Words []parseWord `json:"words"`
}

type parseArticle struct {
	SourcePath string          `json:"source_path"`
	Title      string          `json:"title,omitempty"`
	Sentences  []parseSentence `json:"sentences"`
}

// cpIndex converts increasing byte offsets of text to code points.
type cpIndex struct {
	text      string
	byte, cps int
}

func (c *cpIndex) at(b int) int {
	if b < c.byte {
		c.byte, c.cps = 0, 0
	}
	c.cps += utf8.RuneCountInString(c.text[c.byte:b])
	c.byte = b
	return c.cps
}

// parseArticleText parses each block of a (or the whole text if it has no
// blocks) so that no sentence crosses a paragraph.
func parseArticleText(m *syntax.Model, a ingest.Article, doc int) parseArticle {
	out := parseArticle{SourcePath: a.SourcePath, Title: a.Title, Sentences: []parseSentence{}}
	blocks := a.Blocks
	if len(blocks) == 0 {
		blocks = []ingest.Block{{Kind: ingest.BlockParagraph, Start: 0, End: len(a.Text)}}
	}
	cp := cpIndex{text: a.Text}
	n := 0
	for _, b := range blocks {
		for _, s := range m.ParseText(a.Text[b.Start:b.End]) {
			n++
			ps := parseSentence{ID: fmt.Sprintf("%d-%d", doc, n), Text: s.Text}
			for i, w := range s.Words {
				st := cp.at(b.Start + w.Span.Start)
				en := cp.at(b.Start + w.Span.End)
				if i == 0 {
					ps.Start = st
				}
				ps.End = en
				ps.Words = append(ps.Words, parseWord{ID: i + 1, Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS,
					XPOS: w.XPOS, Head: w.Head, Rel: w.Rel, Start: st, End: en, SpaceAfter: w.SpaceAfter})
			}
			out.Sentences = append(out.Sentences, ps)
		}
	}
	return out
}

func runParse(ctx context.Context, env *environ, args []string) int {
	fset := flag.NewFlagSet("parse", flag.ContinueOnError)
	fset.SetOutput(env.stderr)
	format := fset.String("format", "conllu", "output: conllu, json or text")
	published := fset.String("published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	fset.Usage = func() { fmt.Fprint(env.stderr, parseHelp); fset.PrintDefaults() }
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() != 1 || (*format != "conllu" && *format != "json" && *format != "text") {
		fset.Usage()
		return exitUsage
	}
	m, err := syntax.Load()
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims parse: %v\n", err)
		return exitFailed
	}
	path := fset.Arg(0)
	raw, err := readInput(path, env.stdin)
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims parse: %v\n", err)
		return exitUsage
	}
	var arts []parseArticle
	var errs []string
	emit := func(rec ingest.Record) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if rec.Err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", rec.Source, rec.Err))
			return nil
		}
		arts = append(arts, parseArticleText(m, rec.Article, len(arts)+1))
		return nil
	}
	if err := ingest.Read(path, strings.NewReader(string(raw)), ingest.Options{Published: *published}, emit); err != nil {
		errs = append(errs, err.Error())
	}
	code := exitOK
	for _, e := range errs {
		fmt.Fprintf(env.stderr, "newsclaims parse: %s\n", e)
		code = exitFailed
	}
	switch *format {
	case "conllu":
		writeCoNLLU(env.stdout, arts)
	case "text":
		writeTrees(env.stdout, arts)
	default:
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if arts == nil {
			arts = []parseArticle{}
		}
		if err := enc.Encode(map[string]any{"pipeline_version": Version, "model_sha256": m.Sum, "articles": arts}); err != nil {
			fmt.Fprintf(env.stderr, "newsclaims parse: %v\n", err)
			return exitFailed
		}
	}
	return code
}

// conlluField keeps a CoNLL-U column valid: no tabs or newlines, never empty.
func conlluField(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func writeCoNLLU(w io.Writer, arts []parseArticle) {
	for _, a := range arts {
		fmt.Fprintf(w, "# newdoc id = %s\n", conlluField(a.SourcePath))
		for _, s := range a.Sentences {
			fmt.Fprintf(w, "# sent_id = %s\n# text = %s\n", s.ID, strings.ReplaceAll(s.Text, "\n", " "))
			for _, x := range s.Words {
				misc := fmt.Sprintf("TokenRange=%d:%d", x.Start, x.End)
				if !x.SpaceAfter {
					misc += "|SpaceAfter=No"
				}
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", x.ID, conlluField(x.Form), conlluField(x.Lemma),
					x.UPOS, x.XPOS, x.Head, x.Rel, misc)
			}
			fmt.Fprintln(w)
		}
	}
}

// writeTrees prints each sentence as an indented dependency tree: every
// word under its head, dependents in sentence order.
func writeTrees(w io.Writer, arts []parseArticle) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, a := range arts {
		fmt.Fprintf(tw, "## %s\n", a.SourcePath)
		for _, s := range a.Sentences {
			fmt.Fprintf(tw, "# %s [%d,%d) %s\n", s.ID, s.Start, s.End, strings.ReplaceAll(s.Text, "\n", " "))
			kids := make([][]int, len(s.Words)+1)
			for i, x := range s.Words {
				kids[x.Head] = append(kids[x.Head], i+1)
			}
			var walk func(id, depth int)
			walk = func(id, depth int) {
				x := s.Words[id-1]
				fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%d\n", strings.Repeat("  ", depth), x.Form, x.Rel, x.UPOS+"/"+x.XPOS, x.Lemma, x.ID)
				for _, k := range kids[id] {
					walk(k, depth+1)
				}
			}
			for _, r := range kids[0] {
				walk(r, 0)
			}
			fmt.Fprintln(tw)
		}
	}
	tw.Flush()
}
