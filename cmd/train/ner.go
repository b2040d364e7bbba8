package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/extract/learn"
	"github.com/newsclaims/newsclaims/extract/ner"
	"github.com/newsclaims/newsclaims/extract/syntax"
)

// NER training settings; they are recorded in the model header.
const (
	nerEpochs = 8
	// nerMinEpoch: no model of the first epoch (ner.TrainOptions.MinEpoch).
	nerMinEpoch = 2
	// nerOrders perceptrons read the training sentences, each in its own
	// order, and are averaged (learn.Ensemble): one order's model varies
	// by a point of dev F1 with the order alone.
	nerOrders      = 3
	nerSeed        = 13
	nerMinSeen     = 2
	nerMaxFeatures = 350000
	nerOut         = "extract/ner/models/ner.model"
	nerWordsOut    = "extract/ner/models/ner.words"
	// nerBTCKeep keeps every n-th sentence of the Broad Twitter Corpus: in
	// full it is 150,000 of the 400,000 training words, tweets whose
	// casing misleads a model meant for news.
	nerBTCKeep = 3
)

// nerWordOptions are the settings of the word classes (ner.BuildWords).
var nerWordOptions = ner.WordOptions{MinCount: 3, Context: 400, Fine: 256, Coarse: 32, Iterations: 12, Seed: nerSeed, MinCaseCounts: 3}

// nerCased reports whether a training corpus's capitals can be trusted
// for the word case classes: edited text, not tweets.
func nerCased(corpus string) bool {
	return corpus == "uner-ewt-dev" || corpus == "gum-train" || strings.HasPrefix(corpus, "re3d-")
}

func trainNER(shared string, o options) error {
	modelOut, wordsOut := nerOut, nerWordsOut
	if o.nerOut != "" {
		modelOut, wordsOut = o.nerOut+".model", o.nerOut+".words"
	}
	syn, synDir, err := nerSyntax()
	if err != nil {
		return err
	}
	x, err := extract.New(extract.Options{NoModel: true, Syntax: syn})
	if err != nil {
		return err
	}
	gumTags, err := gumTrainTags(shared, synDir)
	if err != nil {
		return err
	}
	taggerSum, err := learn.FileSum(filepath.Join(synDir, syntax.TaggerFile))
	if err != nil {
		return err
	}
	var train, dev []ner.Example
	heldout := map[string][]ner.Example{}
	var files []learn.TrainingFile
	// Unlabelled text for the word classes: every training sentence, and
	// UD English EWT train (its words only); cased: the edited text whose
	// capitals can be trusted (no tweets).
	var text, cased [][]string
	ewt := filepath.Join(shared, "corpus", "ud", "en_ewt-train.conllu.gz")
	ewtSS, err := ner.ReadGUM(ewt)
	if err != nil {
		return err
	}
	for _, s := range ewtSS {
		text = append(text, s.Words)
		cased = append(cased, s.Words)
	}
	ewtSum, err := learn.FileSum(ewt)
	if err != nil {
		return err
	}
	for _, c := range ner.SharedCorpora(shared) {
		ss, err := c.Read()
		if err != nil {
			return err
		}
		sum, err := learn.FileSum(c.Path)
		if err != nil {
			return err
		}
		docs := ner.DocNumbers(ss)
		if c.Name == "gum-train" && len(gumTags) != len(ss) {
			return fmt.Errorf("%s: %d sentences, the treebank's GUM train %d", c.Path, len(ss), len(gumTags))
		}
		var exs []ner.Example
		var exDocs []int
		for i, s := range ss {
			doc := docs[i]
			if c.Name == "btc" && doc%nerBTCKeep != 0 {
				continue
			}
			if c.Role == "train" {
				text = append(text, s.Words)
				if nerCased(c.Name) {
					cased = append(cased, s.Words)
				}
			}
			// The tagger was trained on GUM train: its sentences take
			// the jackknifed tags (a tagger that never saw them); every
			// other corpus is text the tagger never read.
			var pos []string
			if c.Name == "gum-train" {
				if pos, err = alignedTags(s, gumTags[i]); err != nil {
					return fmt.Errorf("%s: %w", c.Path, err)
				}
			} else {
				pos = x.NERTags(s.Text, wordSpans(s))
			}
			exs = append(exs, nerExample(x, s, pos))
			exDocs = append(exDocs, doc)
		}
		ner.AddDocCodes(exs, exDocs)
		for i, ex := range exs {
			doc := exDocs[i]
			switch {
			case c.Role == "heldout":
				heldout[c.Name] = append(heldout[c.Name], ex)
			case ner.DevFold(c.Name, doc, o.nerFold):
				dev = append(dev, ex)
			default:
				train = append(train, ex)
			}
		}
		if c.Role == "train" {
			files = append(files, sum)
		}
		log.Printf("ner: %s (%s): %d sentences", c.Name, c.Role, len(ss))
	}
	files = append(files, ewtSum)
	log.Printf("ner: %d training sentences, %d dev", len(train), len(dev))
	wordData := ner.BuildWords(text, cased, nerWordOptions)
	words, err := ner.ReadWords(wordData, wordsOut)
	if err != nil {
		return err
	}
	log.Printf("ner: word classes from %d sentences (%d cased): %d bytes", len(text), len(cased), len(wordData))
	rm, devF, ep, err := ner.Train(train, dev, ner.TrainOptions{
		Epochs: nerEpochs, MinEpoch: nerMinEpoch, Seed: nerSeed, Words: words, Orders: nerOrders,
		Prune: learn.Prune{MinSeen: nerMinSeen, MaxFeatures: nerMaxFeatures},
		Log:   func(s string) { log.Print("ner: ", s) },
	})
	if err != nil {
		return err
	}
	m := rm.Weights
	tg, err := ner.NewTagger(rm)
	if err != nil {
		return err
	}
	scores := map[string]float64{"dev_f1": round4(devF)}
	for _, name := range []string{"uner-ewt-test", "gum-dev", "gum-test"} {
		var s ner.Score
		for _, ex := range heldout[name] {
			s.Add(ex.Gold, tg.Tag(ex.In, nil))
		}
		log.Printf("ner: held out, gold words, model alone:\n%s", s.Table(name))
		for _, k := range append(append([]string{}, ner.Kinds...), "all") {
			c := s.Total()
			if k != "all" {
				c = s.Kind(k)
			}
			_, _, f := c.PRF()
			scores[name+"_f1_"+k] = round4(f)
		}
	}
	extra, _ := json.Marshal(map[string]string{"licence": "CC BY-SA 4.0", "credit": "see README.md beside the model"})
	m.Header = learn.Header{
		Kind: ner.ModelKind, FeatureSet: ner.FeatureSet, Labels: ner.Labels, Training: files, Scores: scores,
		Options: map[string]string{
			"epochs": strconv.Itoa(nerEpochs), "min_epoch": strconv.Itoa(nerMinEpoch), "orders": strconv.Itoa(nerOrders), "best_epoch": strconv.Itoa(ep), "seed": strconv.Itoa(nerSeed),
			"min_seen": strconv.Itoa(nerMinSeen), "max_features": strconv.Itoa(nerMaxFeatures), "pos": "xpos", "btc_keep": strconv.Itoa(nerBTCKeep),
			"tagger_sha256": taggerSum.SHA256,
			"words_sha256":  ner.WordsSum(wordData),
			"words":         fmt.Sprintf("%+v", nerWordOptions),
		},
		Extra: extra,
	}
	if o.nerFold != ner.DefaultFold {
		m.Header.Options["fold"] = strconv.Itoa(o.nerFold) // the committed model's header has no fold: it is the default
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(modelOut), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(modelOut, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(wordsOut, wordData, 0o644); err != nil {
		return err
	}
	log.Printf("ner: wrote %s: %d bytes, %d features, %d weights, best epoch %d, dev F1 %.4f",
		modelOut, buf.Len(), m.Features(), m.Weights(), ep, devF)
	return nil
}

// nerExample turns a corpus sentence into a training example with its
// words' part-of-speech tags and the hints the lexicons and rules give
// them.
func nerExample(x *extract.Extractor, s ner.Sentence, pos []string) ner.Example {
	spans := wordSpans(s)
	return ner.Example{In: ner.Input{Words: s.Words, POS: pos, Hints: x.NERHints(s.Text, spans)}, Gold: s.Gold}
}

// wordSpans are the byte spans of a corpus sentence's words in its text.
func wordSpans(s ner.Sentence) []extract.Span {
	spans := make([]extract.Span, len(s.Words))
	for i, w := range s.Words {
		spans[i] = extract.Span{Start: s.Offs[i], End: s.Offs[i] + len(w)}
	}
	return spans
}

// nerSyntax reads the syntax models `train syntax` writes (SYNTAX_OUT or
// extract/syntax/models), not the embedded ones, so that `train all` tags
// the recogniser's corpora with the tagger it has just trained; it
// returns them and their folder.
func nerSyntax() (*syntax.Model, string, error) {
	dir := "extract/syntax/models"
	if v := os.Getenv("SYNTAX_OUT"); v != "" {
		dir = v
	}
	var files [][]byte
	for _, name := range syntax.Files {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, "", err
		}
		files = append(files, b)
	}
	m, err := syntax.FromBytes(files...)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", dir, err)
	}
	return m, dir, nil
}

// gumTrainTags returns the sentences of GUM train with the tags the
// parser trains on: each tagged by a tagger trained, as the parser's
// training tags are (syntaxOptions), on the other folds of the syntax
// training sentences (EWT and GUM train), over the word table in synDir.
func gumTrainTags(shared, synDir string) ([][]syntax.Word, error) {
	dir := filepath.Join(shared, "corpus", "ud")
	train, _, err := readUD(dir, udTrain)
	if err != nil {
		return nil, err
	}
	gum, _, err := readUD(dir, udTrain[1:])
	if err != nil {
		return nil, err
	}
	o := syntaxOptions
	if o.Words, err = os.ReadFile(filepath.Join(synDir, syntax.WordsFile)); err != nil {
		return nil, err
	}
	start := time.Now()
	tagged, err := syntax.JackknifeTags(train, o)
	if err != nil {
		return nil, err
	}
	log.Printf("ner: GUM train tagged by %d fold taggers (%s)", o.Folds, time.Since(start).Round(time.Second))
	return tagged[len(train)-len(gum):], nil
}

// alignedTags returns the XPOS of tagged for the words of s, which must be
// the same words.
func alignedTags(s ner.Sentence, tagged []syntax.Word) ([]string, error) {
	if len(tagged) != len(s.Words) {
		return nil, fmt.Errorf("sentence %q: %d words, the treebank's %d", s.Text, len(s.Words), len(tagged))
	}
	pos := make([]string, len(tagged))
	for i, w := range tagged {
		if w.Form != s.Words[i] {
			return nil, fmt.Errorf("sentence %q: word %d is %q, the treebank's %q", s.Text, i+1, s.Words[i], w.Form)
		}
		pos[i] = w.XPOS
	}
	return pos, nil
}

func round4(f float64) float64 {
	v, _ := strconv.ParseFloat(fmt.Sprintf("%.4f", f), 64)
	return v
}
