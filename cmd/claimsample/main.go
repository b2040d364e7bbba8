// Command claimsample draws a fixed random sample of the claims the
// pipeline (ingest + extract, no database) finds on the article-extraction
// benchmark pages, for a person to judge against the article (issue 14:
// precision in a hand-checked sample). It prints, per sampled claim, the
// page id, the evidence, kind, certainty and each argument, then a sample
// of statement speakers; with -counts, the claims by kind over all pages.
//
//	go run -tags sqlite_fts5 ./cmd/claimsample -bench ../shared/bench/article-extraction -counts
//
// The output quotes the pages: keep it out of the repository.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

// kinds is every claim kind of the rules, in the order they are printed
// and sampled.
var kinds = []string{"capture", "casualty", "attack", "statement", "role", "quantity", "surrender", "withdrawal"}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "claimsample:", err)
		}
		os.Exit(1)
	}
}

// found is one claim with the page it was read from.
type found struct {
	page  string
	claim extract.Claim
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("claimsample", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bench := fs.String("bench", "../shared/bench/article-extraction", "benchmark folder (holds html/*.html.gz)")
	seed := fs.Uint64("seed", 14, "seed of the sample (committed default: the same sample every run)")
	total := fs.Int("n", 60, "claims in the sample, at least")
	perKind := fs.Int("per-kind", 5, "claims of each kind in the sample (all of a kind that has fewer)")
	speakers := fs.Int("speakers", 100, "statement speakers in the speaker sample")
	counts := fs.Bool("counts", false, "also print the number of claims by kind over all pages")
	texts := fs.String("texts", "", "if set, write each sampled page's extracted text to this folder as <id>.txt")
	if err := fs.Parse(args); err != nil {
		return err
	}
	all, pages, err := extractAll(filepath.Join(*bench, "html"), stderr)
	if err != nil {
		return err
	}
	if *counts {
		printCounts(stdout, all, len(pages))
	}

	rng := rand.New(rand.NewPCG(*seed, 0))
	sample := drawClaims(rng, all, *total, *perKind)
	fmt.Fprintf(stdout, "# sample: %d claims (seed %d, at least %d per kind)\n", len(sample), *seed, *perKind)
	for i, f := range sample {
		c := f.claim
		fmt.Fprintf(stdout, "\nC%d page %s [%d,%d) kind %s certainty %s rule %s\n", i+1, f.page, c.Start, c.End, c.Kind, c.Certainty, c.Rule)
		fmt.Fprintf(stdout, "  evidence: %s\n", oneLine(c.Text))
		for _, a := range c.Args {
			fmt.Fprintf(stdout, "  %s: %s%s\n", a.Role, oneLine(a.Text), argNorm(a))
		}
	}

	spk := drawSpeakers(rng, all, *speakers)
	fmt.Fprintf(stdout, "\n# speakers: %d of statement claims (seed %d)\n", len(spk), *seed)
	for i, f := range spk {
		for _, a := range f.claim.Args {
			if a.Role == "speaker" {
				fmt.Fprintf(stdout, "\nS%d page %s speaker: %s%s\n", i+1, f.page, oneLine(a.Text), argNorm(a))
			}
		}
		fmt.Fprintf(stdout, "  evidence: %s\n", oneLine(f.claim.Text))
	}

	if *texts != "" {
		return writeTexts(*texts, pages, append(sample, spk...))
	}
	return nil
}

// extractAll runs ingest and extract over every page, in page id order,
// and returns the claims sorted by page and position, and each page's
// extracted text.
func extractAll(dir string, stderr io.Writer) ([]found, map[string]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil {
		return nil, nil, err
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("no pages in %s", dir)
	}
	sort.Strings(names)
	x, err := extract.New(extract.Options{})
	if err != nil {
		return nil, nil, err
	}
	var all []found
	pages := map[string]string{}
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), ".html.gz")
		err := ingest.ReadFile(name, ingest.Options{}, func(rec ingest.Record) error {
			if rec.Err != nil {
				fmt.Fprintf(stderr, "claimsample: %s: %v\n", id, rec.Err)
				return nil
			}
			a := rec.Article
			pages[id] = a.Text
			for _, c := range x.Extract(doc(a)).Claims {
				all = append(all, found{id, c})
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "claimsample: %s: %v\n", id, err)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.page != b.page {
			return a.page < b.page
		}
		if a.claim.Start != b.claim.Start {
			return a.claim.Start < b.claim.Start
		}
		if a.claim.End != b.claim.End {
			return a.claim.End < b.claim.End
		}
		if a.claim.Kind != b.claim.Kind {
			return a.claim.Kind < b.claim.Kind
		}
		return a.claim.Rule < b.claim.Rule
	})
	return all, pages, nil
}

// doc turns ingest's article into extract's input, as cmd/newsclaims and
// cmd/benchnews do (neither package imports the other).
func doc(a ingest.Article) extract.Doc {
	regions := make([]extract.Region, len(a.Blocks))
	for i, b := range a.Blocks {
		regions[i] = extract.Region{Kind: b.Kind, Span: extract.Span{Start: b.Start, End: b.End}}
	}
	return extract.Doc{Text: a.Text, Published: a.PublishedAt, Regions: regions}
}

// drawClaims takes perKind claims of each kind at random (all of a kind
// that has fewer), then fills the sample up to total from the rest, and
// returns it in the claims' sorted order.
func drawClaims(rng *rand.Rand, all []found, total, perKind int) []found {
	byKind := map[string][]int{}
	for i, f := range all {
		byKind[f.claim.Kind] = append(byKind[f.claim.Kind], i)
	}
	taken := map[int]bool{}
	var picked []int
	for _, k := range sortedKinds(byKind) {
		idx := byKind[k]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx[:min(perKind, len(idx))] {
			taken[i] = true
			picked = append(picked, i)
		}
	}
	var rest []int
	for i := range all {
		if !taken[i] {
			rest = append(rest, i)
		}
	}
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	if n := total - len(picked); n > 0 {
		picked = append(picked, rest[:min(n, len(rest))]...)
	}
	sort.Ints(picked)
	out := make([]found, len(picked))
	for i, k := range picked {
		out[i] = all[k]
	}
	return out
}

// drawSpeakers takes n statement claims that have a speaker, at random.
func drawSpeakers(rng *rand.Rand, all []found, n int) []found {
	var idx []int
	for i, f := range all {
		for _, a := range f.claim.Args {
			if f.claim.Kind == "statement" && a.Role == "speaker" {
				idx = append(idx, i)
				break
			}
		}
	}
	rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	idx = idx[:min(n, len(idx))]
	sort.Ints(idx)
	out := make([]found, len(idx))
	for i, k := range idx {
		out[i] = all[k]
	}
	return out
}

// sortedKinds is the known kinds in their order, then any other kind the
// rules may add, alphabetically.
func sortedKinds(byKind map[string][]int) []string {
	var out []string
	known := map[string]bool{}
	for _, k := range kinds {
		known[k] = true
		if len(byKind[k]) > 0 {
			out = append(out, k)
		}
	}
	var other []string
	for k := range byKind {
		if !known[k] {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

func printCounts(w io.Writer, all []found, pages int) {
	n := map[string]int{}
	for _, f := range all {
		n[f.claim.Kind]++
	}
	fmt.Fprintf(w, "# claims by kind over %d pages: %d\n", pages, len(all))
	for _, k := range kinds {
		fmt.Fprintf(w, "%-11s %5d\n", k, n[k])
		delete(n, k)
	}
	var other []string
	for k := range n {
		other = append(other, k)
	}
	sort.Strings(other)
	for _, k := range other {
		fmt.Fprintf(w, "%-11s %5d\n", k, n[k])
	}
	fmt.Fprintln(w)
}

func argNorm(a extract.Arg) string {
	var s []string
	if a.Norm != "" {
		s = append(s, a.Norm)
	}
	if a.Value != nil && a.Max != nil {
		s = append(s, fmt.Sprintf("value %g to %g", *a.Value, *a.Max))
	} else if a.Value != nil {
		s = append(s, fmt.Sprintf("value %g", *a.Value))
	}
	if a.Qualifier != "" {
		s = append(s, a.Qualifier)
	}
	if len(s) == 0 {
		return ""
	}
	return " [" + strings.Join(s, "; ") + "]"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeTexts writes the extracted text of every page of the samples, for
// the reader who judges them.
func writeTexts(dir string, pages map[string]string, fs []found) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	done := map[string]bool{}
	for _, f := range fs {
		if done[f.page] {
			continue
		}
		done[f.page] = true
		if err := os.WriteFile(filepath.Join(dir, f.page+".txt"), []byte(pages[f.page]), 0o644); err != nil {
			return err
		}
	}
	return nil
}
