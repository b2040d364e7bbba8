package main

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsclaims/newsclaims/extract/learn"
	"github.com/newsclaims/newsclaims/extract/syntax"
)

// UD training and dev files under corpus/ud.
var (
	udTrain = []string{"en_ewt-train.conllu.gz", "en_gum-ccby-train.conllu.gz"}
	udDev   = []string{"en_ewt-dev.conllu.gz", "en_gum-ccby-dev.conllu.gz"}
)

// readUD reads gzipped CoNLL-U files.
func readUD(dir string, names []string) ([]syntax.Sentence, []learn.TrainingFile, error) {
	var all []syntax.Sentence
	var sums []learn.TrainingFile
	for _, n := range names {
		p := filepath.Join(dir, n)
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		ss, err := syntax.ReadCoNLLU(zr, p)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		all = append(all, ss...)
		sum, err := learn.FileSum(p)
		if err != nil {
			return nil, nil, err
		}
		sums = append(sums, sum)
	}
	return all, sums, nil
}

// syntaxOptions are the options of the committed syntax models. The
// feature caps keep the five files near 18 MB (the repository's model
// budget is 25 MB, shared with the NER model).
var syntaxOptions = syntax.TrainOptions{
	Seed:             1,
	TagEpochs:        8, // the best on dev is kept
	LemmaEpochs:      5,
	ParseEpochs:      8, // the best on dev is kept
	Folds:            4, // jackknifed training tags for the parser
	FoldEpochs:       5,
	Explore:          1, // dynamic-oracle exploration from the second epoch
	MinSeen:          2,
	MaxTagFeatures:   120000,
	MaxParseFeatures: 650000,
	MaxRelFeatures:   130000,
	// The action and relation models' weights as int8 codes (mu-law,
	// learn.Code8): 9.75 -> 6.50 and 4.13 -> 2.71 MB; the committed int16
	// models requantized score dev LAS 0.8175 -> 0.8174.
	Int8: true,
	// The tagger's word table (chosen on EWT dev UPOS, tagger alone):
	// 256 and 48 classes of the words seen 3 times in the unlabelled text;
	// ambiguity classes (tags of at least 5% of a word's uses) jackknifed
	// over 10 folds of the training sentences
	// (without, every training word's class holds its gold tag, and the
	// tagger learns to trust it more than it should).
	WordOptions: syntax.WordOptions{
		Classes:   learn.ClassOptions{MinCount: 3, Context: 500, Sizes: []int{256, 48}, Iterations: 12, Seed: 1},
		MinTagged: 1, MinShare: 0.05,
	},
	AmbFolds: 10,
	// The action and relation models are each the mean of ParseOrders
	// perceptrons reading the sentences in their own seeded orders
	// (learn.Ensemble, as the NER model does).
	ParseOrders: 3,
	// TagOrders stays 1 (issue 12, 3 December): three tagger orders
	// (fold taggers one order of 5 epochs) raised dev UPOS EWT 0.9540 ->
	// 0.9550, GUM 0.9672 -> 0.9681 and LAS EWT 0.8146 -> 0.8155, GUM
	// 0.8223 -> 0.8233, but retagged two claim-rule cases wrongly ("would
	// lower wages" lower JJR, "3,248 cases reported" reported VBD), so
	// the txtar tests of extract fail; with the fold taggers also three
	// orders of 8 epochs, dev LAS fell (EWT 0.8143, GUM 0.8180).
	// The parser's feature set 3 (the ambiguity classes of s0, n0, n1
	// and the tags of s2 and n3) has the same options: best epoch 8 of
	// 8 (dev LAS 0.8174 -> 0.8213).
}

// trainSyntax trains the tagger, lemmatizer and parser on UD English EWT
// and GUM (CC BY) train, chooses epochs on their dev sets, and writes the
// model files to extract/syntax/models. SYNTAX_OUT overrides the folder
// (for experiments).
func trainSyntax(shared string) error {
	out := "extract/syntax/models"
	if v := os.Getenv("SYNTAX_OUT"); v != "" {
		out = v
	}
	o := syntaxOptions
	dir := filepath.Join(shared, "corpus", "ud")
	train, sums, err := readUD(dir, udTrain)
	if err != nil {
		return err
	}
	dev, _, err := readUD(dir, udDev)
	if err != nil {
		return err
	}
	o.Training = sums
	o.Log = os.Stderr
	start := time.Now()
	text, textSums, err := unlabelledText(shared, train)
	if err != nil {
		return err
	}
	if o.Words, err = syntax.BuildWords(text, train, o.WordOptions); err != nil {
		return err
	}
	o.WordText = textSums
	fmt.Printf("word table from %d sentences of unlabelled text: %d bytes (%s)\n", len(text), len(o.Words), time.Since(start).Round(time.Second))
	t, err := syntax.Train(train, dev, o)
	if err != nil {
		return err
	}
	fmt.Printf("dev (EWT+GUM, gold tokens): %v\n", t.Dev)
	for i, b := range t.Files() {
		name := syntax.Files[i]
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d bytes\n", name, len(b))
	}
	fmt.Printf("trained in %s\n", time.Since(start).Round(time.Second))
	return nil
}
