package main

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclaims/newsclaims/extract/syntax"
)

// The way a held-out treebank scores a build: its plain sentences, one
// per blank-line paragraph of a text file, through `newsclaims parse
// --format conllu` (ingest's normalisation, the sentence splitter, the
// tokenizer), words aligned on characters with the gold words (CoNLL 2018
// style). Run on the UD English EWT and GUM (CC BY) test sets in
// ../shared; skipped without them. make bench-syntax prints the figures.
func TestParsePlainTreebank(t *testing.T) {
	floors := map[string]struct{ upos, las float64 }{
		// just below the measured figures (models/README.md), so that a
		// broken path (normalisation moving characters, paragraphs joined,
		// a model out of step) fails
		"en_ewt-test.conllu.gz":      {0.93, 0.79},
		"en_gum-ccby-test.conllu.gz": {0.95, 0.78},
	}
	for _, name := range []string{"en_ewt-test.conllu.gz", "en_gum-ccby-test.conllu.gz"} {
		path := filepath.Join(sharedDir(), "corpus", "ud", name)
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("UD test files not found (%v); set NEWSCLAIMS_SHARED to the shared folder", err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := syntax.ReadCoNLLU(zr, path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		paras := make([]string, len(gold))
		for i, s := range gold {
			paras[i] = s.Text
		}
		txt := filepath.Join(t.TempDir(), strings.TrimSuffix(name, ".conllu.gz")+".txt")
		if err := os.WriteFile(txt, []byte(strings.Join(paras, "\n\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runCmd(t, "", "parse", "--format", "conllu", txt)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		sys, err := syntax.ReadCoNLLU(strings.NewReader(out), "parse output")
		if err != nil {
			t.Fatal(err)
		}
		a, err := syntax.ScoreAligned(gold, sys)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s, plain text through newsclaims parse: %v", name, a)
		if a.JoinedSentences != 0 {
			t.Errorf("%s: %d output sentences join two paragraphs", name, a.JoinedSentences)
		}
		if fl := floors[name]; a.UPOS < fl.upos || a.LAS < fl.las {
			t.Errorf("%s: UPOS %.4f LAS %.4f, floors %.2f and %.2f", name, a.UPOS, a.LAS, fl.upos, fl.las)
		}
	}
}
