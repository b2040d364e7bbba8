package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
	"github.com/newsclaims/newsclaims/store"
)

const extractHelp = `Usage: newsclaims extract [flags] FILE

Runs the whole pipeline on one file (text, HTML, JSON lines, JSON, .gz)
without a database and prints exactly what ingest would store: each
article's metadata and text, blocks, entities and claims with their
arguments. Spans count Unicode code points of "text", end exclusive, as in
the database. The golden files in testdata/golden hold this JSON.

With --explain, each claim also says why it exists: its rule (file:line),
the pattern, and the words each part of the pattern matched; arguments
found around the match (the nearest date, a place, a source) are marked
"context", those of claims made by code "code".

Example:
  newsclaims extract --format json seeds/000_23266be43dcebdac.txt
  newsclaims extract --format text --explain seeds/000_23266be43dcebdac.txt
  newsclaims extract --format text --published 2021-08-13 story.html

Flags:
`

// extractOutput is the JSON printed by extract.
type extractOutput struct {
	Version  string           `json:"pipeline_version"`
	Articles []extractArticle `json:"articles"`
	Errors   []string         `json:"errors,omitempty"`
}

type extractArticle struct {
	SourcePath    string `json:"source_path"`
	SourceSHA256  string `json:"source_sha256"` // of the file's bytes
	ContentSHA256 string `json:"content_sha256"`
	Format        string `json:"format"`
	URL           string `json:"url,omitempty"`
	Title         string `json:"title,omitempty"`
	Byline        string `json:"byline,omitempty"`
	Publisher     string `json:"publisher,omitempty"`
	Language      string `json:"language,omitempty"`
	PublishedAt   string `json:"published_at,omitempty"`
	InvalidUTF8   int    `json:"invalid_utf8,omitempty"`
	Text          string `json:"text"`
	store.CodePointResult
}

func runExtract(ctx context.Context, env *environ, args []string) int {
	fset := flag.NewFlagSet("extract", flag.ContinueOnError)
	fset.SetOutput(env.stderr)
	format := fset.String("format", "json", "output: json, or text (claims and entities, one per line)")
	rules := fset.String("rules", "", "folder of extra rule files (*.yaml) added to the built-in rules")
	published := fset.String("published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	explain := fset.Bool("explain", false, "per claim, the rule that fired and what each part of its pattern matched")
	fset.Usage = func() { fmt.Fprint(env.stderr, extractHelp); fset.PrintDefaults() }
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() != 1 || (*format != "json" && *format != "text") {
		fset.Usage()
		return exitUsage
	}
	path := fset.Arg(0)
	x, err := extract.New(extract.Options{RulesDir: *rules})
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims extract: %v\n", err)
		return exitUsage
	}
	raw, err := readInput(path, env.stdin)
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims extract: %v\n", err)
		return exitUsage
	}
	sum := sha256.Sum256(raw)
	out := extractOutput{Version: Version, Articles: []extractArticle{}}
	code := exitOK
	emit := func(rec ingest.Record) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if rec.Err != nil {
			out.Errors = append(out.Errors, fmt.Sprintf("%s: %v", rec.Source, rec.Err))
			return nil
		}
		a := rec.Article
		cp, err := store.ToCodePoints(a.Text, a.Blocks, processDoc(x, a, *explain))
		if err != nil {
			out.Errors = append(out.Errors, fmt.Sprintf("%s: %v", rec.Source, err))
			return nil
		}
		out.Articles = append(out.Articles, extractArticle{
			SourcePath: a.SourcePath, SourceSHA256: hex.EncodeToString(sum[:]), ContentSHA256: store.ContentSHA256(a.Text),
			Format: a.Format, URL: a.URL, Title: a.Title, Byline: a.Byline, Publisher: a.Publisher,
			Language: a.Language, PublishedAt: a.PublishedAt, InvalidUTF8: a.InvalidUTF8, Text: a.Text,
			CodePointResult: cp,
		})
		return nil
	}
	opt := ingest.Options{Published: *published}
	if err := ingest.Read(path, strings.NewReader(string(raw)), opt, emit); err != nil {
		out.Errors = append(out.Errors, err.Error()) // names the file already
	}
	for _, e := range out.Errors {
		fmt.Fprintf(env.stderr, "newsclaims extract: %s\n", e)
		code = exitFailed
	}
	if *format == "text" {
		writeExtractText(env.stdout, out)
		return code
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(env.stderr, "newsclaims extract: %v\n", err)
		return exitFailed
	}
	return code
}

// writeExtractText prints claims and entities one per line, for reading.
func writeExtractText(w io.Writer, out extractOutput) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, a := range out.Articles {
		fmt.Fprintf(tw, "# %s %s %s\n", a.SourcePath, a.PublishedAt, a.Title)
		for _, c := range a.Claims {
			var args []string
			for _, g := range c.Args {
				v := g.Text
				if g.Norm != "" && g.Norm != g.Text {
					v += " (" + g.Norm + ")"
				}
				args = append(args, g.Role+"="+v)
			}
			fmt.Fprintf(tw, "claim\t%s\t%s\t%s\t[%d,%d)\t%s\n", c.Kind, c.Certainty, c.Rule, c.Start, c.End, strings.Join(args, "; "))
			if ex := c.Explain; ex != nil {
				writeExplanation(tw, ex)
			}
		}
		for _, e := range a.Entities {
			fmt.Fprintf(tw, "entity\t%s\t%s\t%s\t[%d,%d)\t%s\n", e.Kind, e.Type, e.Block, e.Start, e.End, e.Text+normSuffix(e.Norm, e.Text))
		}
	}
	tw.Flush()
}

// writeExplanation prints why a claim exists under its line: the rule
// and, per pattern part, the words it matched. The lines hold no tab, so
// they do not widen the claim columns.
func writeExplanation(w io.Writer, ex *extract.Explanation) {
	src := ""
	if ex.Source != "" {
		src = " (" + ex.Source + ")"
	}
	fmt.Fprintf(w, "    why: %s rule %s%s", ex.Layer, ex.Rule, src)
	if ex.Pattern != "" {
		fmt.Fprintf(w, ": %s", ex.Pattern)
	}
	fmt.Fprintln(w)
	for _, p := range ex.Parts {
		elem := p.Elem
		if p.From != "" {
			elem += " (" + p.From + ")"
		}
		fmt.Fprintf(w, "      %-44s %-12s [%d,%d) %q\n", elem, p.Role, p.Start, p.End, p.Text)
	}
}

func normSuffix(norm, text string) string {
	if norm == "" || norm == text {
		return ""
	}
	return " -> " + norm
}

// readInput reads the one file that extract and parse take, or standard
// input for "-".
func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}
