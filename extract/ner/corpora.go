package ner

import "path/filepath"

// Corpus is one annotated file of ../shared and its role: "train" for the
// recogniser's training data, "heldout" for the figures reported.
type Corpus struct {
	Name, Role, Path string
	read             func(string) ([]Sentence, error)
}

// Read reads the corpus file.
func (c Corpus) Read() ([]Sentence, error) { return c.read(c.Path) }

func iob(l Layout) func(string) ([]Sentence, error) {
	return func(p string) ([]Sentence, error) { return ReadIOB(p, l) }
}

// SharedCorpora lists the NER corpora under shared (the ../shared folder
// beside the repository): UNER-EWT dev, BTC, WNUT-17, re3d and GUM train
// for training; UNER-EWT test and GUM dev and test held out.
func SharedCorpora(shared string) []Corpus {
	n := filepath.Join(shared, "corpus", "ner")
	u := filepath.Join(shared, "corpus", "ud")
	cs := []Corpus{
		{"uner-ewt-dev", "train", filepath.Join(n, "uner-ewt", "en_ewt-uner-dev.iob2.gz"), iob(UNER)},
		{"btc", "train", filepath.Join(n, "btc", "btc.conll.gz"), iob(BTC)},
		{"wnut17-train", "train", filepath.Join(n, "wnut17", "train.conll.gz"), iob(WNUT)},
		{"wnut17-dev", "train", filepath.Join(n, "wnut17", "dev.conll.gz"), iob(WNUT)},
		{"wnut17-test", "train", filepath.Join(n, "wnut17", "test.conll.gz"), iob(WNUT)},
	}
	for _, src := range []string{"CENTCOM", "UK_Government", "US_State_Department", "Wikipedia", "Australian_Department_of_Foreign_Affairs"} {
		cs = append(cs, Corpus{"re3d-" + src, "train", filepath.Join(n, "re3d", src, src+".conll.gz"), iob(RE3D)})
	}
	return append(cs,
		Corpus{"gum-train", "train", filepath.Join(u, "en_gum-ccby-train.conllu.gz"), ReadGUM},
		Corpus{"uner-ewt-test", "heldout", filepath.Join(n, "uner-ewt", "en_ewt-uner-test.iob2.gz"), iob(UNER)},
		Corpus{"gum-dev", "heldout", filepath.Join(u, "en_gum-ccby-dev.conllu.gz"), ReadGUM},
		Corpus{"gum-test", "heldout", filepath.Join(u, "en_gum-ccby-test.conllu.gz"), ReadGUM},
	)
}

// DocNumbers numbers the documents of a corpus's sentences, in order: a
// new document starts where the document id changes, and every sentence
// without one is a document of its own.
func DocNumbers(ss []Sentence) []int {
	out := make([]int, len(ss))
	doc, last := -1, "\x00"
	for i, s := range ss {
		if s.Doc != last || s.Doc == "" {
			doc++
			last = s.Doc
		}
		out[i] = doc
	}
	return out
}

// DevDoc says which training documents are kept out of training to choose
// the epoch and the settings: every fifth document of UNER-EWT dev and
// GUM train (the news-like parts). The held-out sets (UNER-EWT test, GUM
// dev and test) are never read for a decision.
func DevDoc(corpus string, doc int) bool { return DevFold(corpus, doc, DefaultFold) }

// Folds is how many parts UNER-EWT dev and GUM train are cut into by
// document (DevFold); DefaultFold is the part the committed model keeps
// out.
const (
	Folds       = 5
	DefaultFold = 3
)

// DevFold says whether a training document is in part fold (0 to
// Folds-1) of UNER-EWT dev and GUM train: the documents a model trained
// with that fold kept out (cmd/train -ner-fold), to score the pipeline
// on every training document of those two corpora with a model that did
// not see it (cross-validation of the fusion rules, never of the
// held-out sets).
func DevFold(corpus string, doc, fold int) bool { return FoldCorpus(corpus) && doc%Folds == fold }

// FoldCorpus reports whether a corpus is cut into folds (DevFold): the
// news-like training corpora, UNER-EWT dev and GUM train.
func FoldCorpus(corpus string) bool { return corpus == "uner-ewt-dev" || corpus == "gum-train" }
