// Command newsclaims turns news articles into entities and claims stored in
// SQLite, each with the exact span of text it came from.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsclaims/newsclaims/store"
)

// Version is the pipeline version stored with every article; a change in
// extraction that changes output bumps it so --reprocess can find old rows.
const Version = "0.45.0"

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // some inputs failed; the others are stored
	exitUsage  = 2 // bad usage, or nothing could run
)

func main() {
	store.TuneAllocator()
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go stopOnSignals(sigs, cancel, os.Stderr)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	cancel()
	os.Exit(code)
}

// stopOnSignals cancels the command's context on the first SIGINT or
// SIGTERM, so that it stops within a sentence's or a statement's work and
// records what it did; a second signal exits at once with status 1
// (SQLite rolls back the open transaction on the next open, and the lock
// goes with the process).
func stopOnSignals(sigs <-chan os.Signal, cancel func(), stderr io.Writer) {
	s := <-sigs
	fmt.Fprintf(stderr, "newsclaims: %v: stopping (a second signal exits at once)\n", s)
	cancel()
	s = <-sigs
	fmt.Fprintf(stderr, "newsclaims: %v again: exiting now\n", s)
	os.Exit(exitFailed)
}

const usage = `newsclaims turns news articles into entities and claims stored in SQLite.

Usage:
  newsclaims <command> [flags] [args]

Commands:
  ingest     read articles (files, folders, - for stdin) into the database
  extract    run the pipeline on one file and print what would be stored
  parse      print tags, lemmas and dependency trees of every sentence of a file
  claims     list stored claims, with filters
  entities   list stored entities, with filters
  search     full-text search over articles and claim evidence
  stats      counts of articles, entities and claims, and the last run
  report     write an HTML report (timeline, map, casualties, claims) for an analyst
  version    print the pipeline version

Run 'newsclaims <command> --help' for a command's flags and an example.
`

// run is main without the process: tests call it with their own streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	env := &environ{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	switch args[0] {
	case "ingest":
		return runIngest(ctx, env, args[1:])
	case "extract":
		return runExtract(ctx, env, args[1:])
	case "parse":
		return runParse(ctx, env, args[1:])
	case "claims":
		return runClaims(ctx, env, args[1:])
	case "entities":
		return runEntities(ctx, env, args[1:])
	case "search":
		return runSearch(ctx, env, args[1:])
	case "stats":
		return runStats(ctx, env, args[1:])
	case "report":
		return runReport(ctx, env, args[1:])
	case "version", "--version":
		fmt.Fprintln(stdout, "newsclaims", Version)
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "newsclaims: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// environ is what a command may touch of the process.
type environ struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// dbPath is the database a command uses: the flag, else $NEWSCLAIMS_DB,
// else newsclaims.db in the current folder.
func (e *environ) dbPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := e.getenv("NEWSCLAIMS_DB"); v != "" {
		return v
	}
	return "newsclaims.db"
}
