// Command train rebuilds the models of newsclaims from the corpora in
// ../shared, deterministically (fixed seeds, no map-order dependence):
//
//	go run -tags sqlite_fts5 ./cmd/train [-shared ../shared] HEAD...
//
// HEAD is a model to train ("syntax", "ner"), or "all".
package main

import (
	"flag"
	"fmt"
	"os"
)

// heads are the trainers by name, in the order "all" runs them.
var heads = []struct {
	name  string
	train func(shared string) error
}{
	{"syntax", trainSyntax},
	{"ner", trainNER},
}

func main() {
	shared := flag.String("shared", "../shared", "the shared corpora folder")
	flag.Parse()
	names := flag.Args()
	if len(names) == 0 {
		fmt.Fprintln(os.Stderr, "usage: train [-shared DIR] HEAD... (or all)")
		os.Exit(2)
	}
	for _, h := range heads {
		run := false
		for _, n := range names {
			run = run || n == h.name || n == "all"
		}
		if !run {
			continue
		}
		if err := h.train(*shared); err != nil {
			fmt.Fprintf(os.Stderr, "train %s: %v\n", h.name, err)
			os.Exit(1)
		}
	}
}
