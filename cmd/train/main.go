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

	"github.com/newsclaims/newsclaims/extract/ner"
)

// heads are the trainers by name, in the order "all" runs them.
var heads = []struct {
	name  string
	train func(shared string, o options) error
}{
	{"syntax", func(shared string, _ options) error { return trainSyntax(shared) }},
	{"ner", trainNER},
}

// options are the command's flags that a trainer reads.
type options struct {
	// nerFold is the part of UNER-EWT dev and GUM train the recogniser
	// keeps out (ner.DevFold); nerOut, when not "", is where a model of
	// another fold than ner.DefaultFold goes (OUT.model and OUT.words),
	// never the repository's model.
	nerFold int
	nerOut  string
}

func main() {
	shared := flag.String("shared", "../shared", "the shared corpora folder")
	var o options
	flag.IntVar(&o.nerFold, "ner-fold", ner.DefaultFold, "ner: the cross-validation fold kept out of training (0-4; the committed model's is 3)")
	flag.StringVar(&o.nerOut, "ner-out", "", "ner: write the model to OUT.model and OUT.words (required with another -ner-fold)")
	flag.Parse()
	if o.nerFold != ner.DefaultFold && o.nerOut == "" {
		fmt.Fprintln(os.Stderr, "train: -ner-fold other than 3 needs -ner-out (the committed model keeps fold 3 out)")
		os.Exit(2)
	}
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
		if err := h.train(*shared, o); err != nil {
			fmt.Fprintf(os.Stderr, "train %s: %v\n", h.name, err)
			os.Exit(1)
		}
	}
}
