package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/newsclaims/newsclaims/store"
)

// table is query output before it is written in the chosen format: rows
// of strings for table and csv, the typed rows for json and jsonl.
type table struct {
	header []string
	rows   [][]string
	items  []any
}

var formats = map[string]bool{"table": true, "csv": true, "json": true, "jsonl": true}

func (t table) write(w io.Writer, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		items := t.items
		if items == nil {
			items = []any{}
		}
		return enc.Encode(items)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, it := range t.items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = clip(strings.ReplaceAll(c, "\n", " "), 80)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// queryCmd is the flag handling shared by the read-only commands.
type queryCmd struct {
	name, help string
	fset       *flag.FlagSet
	db         *string
	format     *string
	limit      *int
}

func newQueryCmd(env *environ, name, help string) *queryCmd {
	q := &queryCmd{name: name, help: help, fset: flag.NewFlagSet(name, flag.ContinueOnError)}
	q.fset.SetOutput(env.stderr)
	q.db = q.fset.String("db", "", "SQLite database file (default $NEWSCLAIMS_DB or newsclaims.db)")
	q.format = q.fset.String("format", "table", "output: table, csv, json or jsonl")
	q.limit = q.fset.Int("limit", store.DefaultLimit, "most rows printed")
	q.fset.Usage = func() { fmt.Fprint(env.stderr, help); q.fset.PrintDefaults() }
	return q
}

// parse returns -1 when the command may go on, else the exit status.
func (q *queryCmd) parse(env *environ, args []string, nargs func(int) bool) int {
	if err := q.fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if !formats[*q.format] {
		fmt.Fprintf(env.stderr, "newsclaims %s: --format %q: want table, csv, json or jsonl\n", q.name, *q.format)
		return exitUsage
	}
	if !nargs(q.fset.NArg()) {
		q.fset.Usage()
		return exitUsage
	}
	return -1
}

// open opens an existing database read-write (migrations may apply); a
// missing file is an error, not a new empty database.
func (q *queryCmd) open(ctx context.Context, env *environ) (*store.DB, int) {
	path := env.dbPath(*q.db)
	if !fileExists(path) {
		fmt.Fprintf(env.stderr, "newsclaims %s: database %s does not exist (run newsclaims ingest first)\n", q.name, path)
		return nil, exitUsage
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims %s: open database %s: %v\n", q.name, path, err)
		return nil, exitUsage
	}
	return db, -1
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func (q *queryCmd) finish(env *environ, t table, err error) int {
	if err == nil {
		err = t.write(env.stdout, *q.format)
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims %s: %v\n", q.name, err)
		return exitFailed
	}
	return exitOK
}

const claimsHelp = `Usage: newsclaims claims [flags]

Lists stored claims with their arguments, by article and position. Spans
count code points of articles.text.

Example:
  newsclaims claims --kind casualty --place Kandahar --since 2021-08-01
  newsclaims claims --source UNICEF --format json

Flags:
`

func runClaims(ctx context.Context, env *environ, args []string) int {
	q := newQueryCmd(env, "claims", claimsHelp)
	var f store.ClaimFilter
	q.fset.StringVar(&f.Kind, "kind", "", "claim kind: capture, casualty, statement, role, quantity, attack, surrender, withdrawal")
	q.fset.StringVar(&f.Place, "place", "", "a place argument's name contains this")
	q.fset.StringVar(&f.Since, "since", "", "event date on or after YYYY-MM-DD")
	q.fset.StringVar(&f.Until, "until", "", "event date on or before YYYY-MM-DD")
	q.fset.StringVar(&f.Source, "source", "", "a source argument contains this")
	q.fset.Int64Var(&f.ArticleID, "article", 0, "only this article id")
	if code := q.parse(env, args, func(n int) bool { return n == 0 }); code >= 0 {
		return code
	}
	f.Limit = *q.limit
	db, code := q.open(ctx, env)
	if code >= 0 {
		return code
	}
	defer db.Close()
	rows, err := db.Claims(ctx, f)
	t := table{header: []string{"id", "article", "date", "kind", "certainty", "args", "text"}}
	for _, r := range rows {
		t.items = append(t.items, r)
		var as []string
		for _, a := range r.Args {
			v := a.Text
			if a.Value != nil && a.Role != "time" {
				v = num(a.Value)
				if a.Qualifier != "" && a.Qualifier != "exact" {
					v = a.Qualifier + " " + v
				}
			} else if a.Norm != "" {
				v = a.Norm
			}
			as = append(as, a.Role+"="+v)
		}
		t.rows = append(t.rows, []string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.ArticleID, 10), r.EventDate,
			r.Kind, r.Certainty, strings.Join(as, "; "), r.Text})
	}
	return q.finish(env, t, err)
}

const entitiesHelp = `Usage: newsclaims entities [flags]

Lists stored entities (places, persons, organizations, numbers, dates).

Example:
  newsclaims entities --kind place --country AF
  newsclaims entities --kind person --text Mujahid --format csv
  newsclaims entities --kind organization --source model

Flags:
`

func runEntities(ctx context.Context, env *environ, args []string) int {
	q := newQueryCmd(env, "entities", entitiesHelp)
	var f store.EntityFilter
	q.fset.StringVar(&f.Kind, "kind", "", "place, person, organization, number or date")
	q.fset.StringVar(&f.Norm, "norm", "", "canonical name equals this (any case)")
	q.fset.StringVar(&f.Text, "text", "", "text or canonical name contains this")
	q.fset.StringVar(&f.Country, "country", "", "places in this ISO country code")
	q.fset.StringVar(&f.Source, "source", "", "what found it: model, gazetteer, lexicon or rule")
	q.fset.Int64Var(&f.ArticleID, "article", 0, "only this article id")
	if code := q.parse(env, args, func(n int) bool { return n == 0 }); code >= 0 {
		return code
	}
	f.Limit = *q.limit
	db, code := q.open(ctx, env)
	if code >= 0 {
		return code
	}
	defer db.Close()
	rows, err := db.Entities(ctx, f)
	t := table{header: []string{"id", "article", "kind", "text", "norm", "value", "qualifier", "type", "country", "block", "source", "span"}}
	for _, r := range rows {
		t.items = append(t.items, r)
		t.rows = append(t.rows, []string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.ArticleID, 10), r.Kind, r.Text,
			r.Norm, num(r.Value), r.Qualifier, r.Type, r.Country, r.Block, r.Source, fmt.Sprintf("%d-%d", r.SpanStart, r.SpanEnd)})
	}
	return q.finish(env, t, err)
}

const searchHelp = `Usage: newsclaims search [flags] WORDS...

Full-text search (stemmed, any case, no diacritics) over article titles and
texts, best match first, with a snippet; --claims searches the evidence
text of claims instead. "Quoted words" make a phrase, word* a prefix.

Example:
  newsclaims search Kandahar Taliban
  newsclaims search --claims --format json '"were killed"'

Flags:
`

func runSearch(ctx context.Context, env *environ, args []string) int {
	q := newQueryCmd(env, "search", searchHelp)
	claims := q.fset.Bool("claims", false, "search claim evidence instead of articles")
	if code := q.parse(env, args, func(n int) bool { return n > 0 }); code >= 0 {
		return code
	}
	db, code := q.open(ctx, env)
	if code >= 0 {
		return code
	}
	defer db.Close()
	query := strings.Join(q.fset.Args(), " ")
	var t table
	var err error
	if *claims {
		var hits []store.ClaimHit
		hits, err = db.SearchClaims(ctx, query, *q.limit)
		t.header = []string{"claim", "article", "kind", "span", "snippet"}
		for _, h := range hits {
			t.items = append(t.items, h)
			t.rows = append(t.rows, []string{strconv.FormatInt(h.ClaimID, 10), strconv.FormatInt(h.ArticleID, 10), h.Kind,
				fmt.Sprintf("%d-%d", h.SpanStart, h.SpanEnd), h.Snippet})
		}
	} else {
		var hits []store.SearchHit
		hits, err = db.Search(ctx, query, *q.limit)
		t.header = []string{"article", "published", "title", "snippet"}
		for _, h := range hits {
			t.items = append(t.items, h)
			t.rows = append(t.rows, []string{strconv.FormatInt(h.ArticleID, 10), h.PublishedAt, h.Title, h.Snippet})
		}
	}
	return q.finish(env, t, err)
}

const statsHelp = `Usage: newsclaims stats [flags]

Counts articles, entities and claims by kind, ingest errors, and shows the
last run.

Example:
  newsclaims stats --db news.db
  newsclaims stats --format json

Flags:
`

func runStats(ctx context.Context, env *environ, args []string) int {
	q := newQueryCmd(env, "stats", statsHelp)
	if code := q.parse(env, args, func(n int) bool { return n == 0 }); code >= 0 {
		return code
	}
	db, code := q.open(ctx, env)
	if code >= 0 {
		return code
	}
	defer db.Close()
	s, err := db.Stats(ctx)
	t := table{header: []string{"what", "kind", "count"}, items: []any{s}}
	t.rows = append(t.rows, []string{"articles", "", strconv.Itoa(s.Articles)}, []string{"ingest_errors", "", strconv.Itoa(s.Errors)})
	add := func(what string, m map[string]int, total int) {
		t.rows = append(t.rows, []string{what, "all", strconv.Itoa(total)})
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.rows = append(t.rows, []string{what, k, strconv.Itoa(m[k])})
		}
	}
	add("entities", s.EntitiesByKind, s.Entities)
	add("claims", s.ClaimsByKind, s.Claims)
	if r := s.LastRun; r != nil {
		line := fmt.Sprintf("%d seen, %d stored, %d already stored, %d failed", r.Seen, r.Stored, r.Skipped, r.Failed)
		if r.Interrupted {
			line += " (interrupted)"
		}
		t.rows = append(t.rows, []string{"last_run", r.StartedAt + " → " + r.FinishedAt, line})
	}
	if err == nil && (*q.format == "json" || *q.format == "jsonl") {
		enc := json.NewEncoder(env.stdout)
		if *q.format == "json" {
			enc.SetIndent("", "  ")
		}
		err = enc.Encode(s)
		if err == nil {
			return exitOK
		}
	}
	return q.finish(env, t, err)
}
