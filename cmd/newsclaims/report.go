package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsclaims/newsclaims/store"
	"github.com/newsclaims/newsclaims/store/report"
)

const reportHelp = `Usage: newsclaims report [flags]

Writes one self-contained HTML page (works offline, nothing loaded from
the network) for an analyst: events by day, a map of the places of claims,
casualties by place and country, corroborations and contradictions, claims
with their highlighted evidence, statements by speaker, who holds which
office and the failed inputs. By default it covers what the last run
stored; --since/--until cover those days of the whole database. Days are UTC.

Example:
  newsclaims report --db news.db                 # writes report.html beside news.db
  newsclaims report --since 2021-08-01 --place Kandahar -o kandahar.html

Flags:
`

func runReport(ctx context.Context, env *environ, args []string) int {
	fset := flag.NewFlagSet("report", flag.ContinueOnError)
	fset.SetOutput(env.stderr)
	var o report.Options
	db := fset.String("db", "", "SQLite database file (default $NEWSCLAIMS_DB or newsclaims.db)")
	out := fset.String("o", "", "output file, - for standard output (default report.html beside the database)")
	fset.StringVar(&o.Since, "since", "", "claims whose day is on or after YYYY-MM-DD (whole database)")
	fset.StringVar(&o.Until, "until", "", "claims whose day is on or before YYYY-MM-DD (whole database)")
	fset.StringVar(&o.Place, "place", "", "claims with a place argument of this name (any case)")
	fset.StringVar(&o.Kind, "kind", "", "claims of this kind: capture, casualty, statement, role, quantity, attack, surrender, withdrawal")
	fset.BoolVar(&o.All, "all", false, "cover the whole database, not the last run")
	fset.IntVar(&o.RowLimit, "rows", report.DefaultRowLimit, "most claim rows listed in the page")
	fset.Usage = func() { fmt.Fprint(env.stderr, reportHelp); fset.PrintDefaults() }
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() != 0 {
		fset.Usage()
		return exitUsage
	}
	path := env.dbPath(*db)
	if !fileExists(path) {
		fmt.Fprintf(env.stderr, "newsclaims report: database %s does not exist (run newsclaims ingest first)\n", path)
		return exitUsage
	}
	sdb, err := store.Open(ctx, path)
	if err != nil {
		fmt.Fprintf(env.stderr, "newsclaims report: open database %s: %v\n", path, err)
		return exitUsage
	}
	defer sdb.Close()
	dest := *out
	if dest == "" {
		dest = filepath.Join(filepath.Dir(path), "report.html")
	}
	if err := writeReport(ctx, env, sdb, o, dest); err != nil {
		fmt.Fprintf(env.stderr, "newsclaims report: %v\n", err)
		if errors.Is(err, report.ErrDate) {
			return exitUsage
		}
		return exitFailed
	}
	if dest != "-" {
		fmt.Fprintf(env.stderr, "newsclaims report: wrote %s\n", dest)
	}
	return exitOK
}

// writeReport builds the report and writes it to dest ("-": standard
// output) through a temporary file renamed into place, so a reader never
// sees half a page.
func writeReport(ctx context.Context, env *environ, db *store.DB, o report.Options, dest string) error {
	r, err := report.Build(ctx, db.SQL(), o)
	if err != nil {
		return err
	}
	if dest == "-" {
		return report.Write(env.stdout, r)
	}
	f, err := os.CreateTemp(filepath.Dir(dest), ".report-*.html")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer os.Remove(f.Name()) // after a successful rename, a no-op
	if err := report.Write(f, r); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", dest, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", dest, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", dest, err)
	}
	if err := os.Rename(f.Name(), dest); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
