package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/extract/learn"
	"github.com/newsclaims/newsclaims/extract/ner"
)

// NER training settings; they are recorded in the model header.
const (
	nerEpochs      = 8
	nerSeed        = 13
	nerMinSeen     = 2
	nerMaxFeatures = 350000
	nerOut         = "extract/ner/models/ner.model"
	// nerBTCKeep keeps every n-th sentence of the Broad Twitter Corpus: in
	// full it is 150,000 of the 400,000 training words, tweets whose
	// casing misleads a model meant for news.
	nerBTCKeep = 3
)

// nerDevDoc says which training documents are kept out to choose the
// epoch: every fifth document of UNER-EWT dev and GUM train (the news-like
// parts). The held-out sets (UNER-EWT test, GUM dev and test) are never
// read for a decision.
func nerDevDoc(corpus string, doc int) bool {
	return (corpus == "uner-ewt-dev" || corpus == "gum-train") && doc%5 == 3
}

func trainNER(shared string) error {
	x, err := extract.New(extract.Options{NoModel: true})
	if err != nil {
		return err
	}
	var train, dev []ner.Example
	heldout := map[string][]ner.Example{}
	var files []learn.TrainingFile
	for _, c := range ner.SharedCorpora(shared) {
		ss, err := c.Read()
		if err != nil {
			return err
		}
		sum, err := learn.FileSum(c.Path)
		if err != nil {
			return err
		}
		doc, last := -1, "\x00"
		for _, s := range ss {
			if s.Doc != last || s.Doc == "" {
				doc++
				last = s.Doc
			}
			if c.Name == "btc" && doc%nerBTCKeep != 0 {
				continue
			}
			ex := nerExample(x, s)
			switch {
			case c.Role == "heldout":
				heldout[c.Name] = append(heldout[c.Name], ex)
			case nerDevDoc(c.Name, doc):
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
	log.Printf("ner: %d training sentences, %d dev", len(train), len(dev))
	m, devF, ep, err := ner.Train(train, dev, ner.TrainOptions{
		Epochs: nerEpochs, Seed: nerSeed,
		Prune: learn.Prune{MinSeen: nerMinSeen, MaxFeatures: nerMaxFeatures},
		Log:   func(s string) { log.Print("ner: ", s) },
	})
	if err != nil {
		return err
	}
	tg, err := ner.NewTagger(m)
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
			"epochs": strconv.Itoa(nerEpochs), "best_epoch": strconv.Itoa(ep), "seed": strconv.Itoa(nerSeed),
			"min_seen": strconv.Itoa(nerMinSeen), "max_features": strconv.Itoa(nerMaxFeatures), "pos": "none", "btc_keep": strconv.Itoa(nerBTCKeep),
		},
		Extra: extra,
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(nerOut), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(nerOut, buf.Bytes(), 0o644); err != nil {
		return err
	}
	log.Printf("ner: wrote %s: %d bytes, %d features, %d weights, best epoch %d, dev F1 %.4f",
		nerOut, buf.Len(), m.Features(), m.Weights(), ep, devF)
	return nil
}

// nerExample turns a corpus sentence into a training example with the
// hints the lexicons and rules give its words.
func nerExample(x *extract.Extractor, s ner.Sentence) ner.Example {
	spans := make([]extract.Span, len(s.Words))
	for i, w := range s.Words {
		spans[i] = extract.Span{Start: s.Offs[i], End: s.Offs[i] + len(w)}
	}
	return ner.Example{In: ner.Input{Words: s.Words, Hints: x.NERHints(s.Text, spans)}, Gold: s.Gold}
}

func round4(f float64) float64 {
	v, _ := strconv.ParseFloat(fmt.Sprintf("%.4f", f), 64)
	return v
}
