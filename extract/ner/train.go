package ner

import (
	"fmt"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// Example is one training or dev sentence: the input and its gold
// mentions (word-index spans).
type Example struct {
	In   Input
	Gold []Mention
}

// TrainOptions are the training settings; they go into the model header.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	Prune  learn.Prune
	// Words are the word classes the features read (nil: none).
	Words *Words
	// MinEpoch is the first epoch whose model may be chosen (0 or 1:
	// any). After one pass the averaged weights have seen each sentence
	// once, and a dev F1 within the dev set's noise of the next epochs'
	// does not make up for that: such models lost arguments of the claim
	// tests (extract/testdata/claims: "Assad loyalists" read as "Assad",
	// "New Jersey Sen. Cory Booker" as a place "Jersey").
	MinEpoch int
	// Orders is how many perceptrons read the examples, each in its own
	// order, and are averaged into the model (learn.Ensemble); 0 is 1.
	Orders int
	// Log, when not nil, receives a line per epoch.
	Log func(string)
}

// goldClasses turns mentions into BIO classes of n words.
func goldClasses(n int, ms []Mention) []int {
	c := make([]int, n)
	for _, m := range ms {
		k := 0
		for i, kind := range Kinds {
			if kind == m.Kind {
				k = 2*i + 1
			}
		}
		if k == 0 {
			continue
		}
		c[m.Start] = k
		for i := m.Start + 1; i < m.End; i++ {
			c[i] = k + 1
		}
	}
	return c
}

// Train runs opt.Orders averaged structured perceptrons over train for
// opt.Epochs epochs, each reading the sentences in its own seeded order:
// each sentence is decoded as at run time (Viterbi) and, where the best
// sequence differs from the gold one, updated towards it; after each epoch their mean (learn.Ensemble) is scored on
// dev, and the mean of the epoch with the best dev F1 (exact spans, all
// kinds) is returned with that F1 and epoch.
func Train(train, dev []Example, opt TrainOptions) (*Model, float64, int, error) {
	if len(train) == 0 || len(dev) == 0 {
		return nil, 0, 0, fmt.Errorf("ner: %d training and %d dev sentences", len(train), len(dev))
	}
	golds := make([][]int, len(train))
	for i, ex := range train {
		golds[i] = goldClasses(len(ex.In.Words), ex.Gold)
	}
	trs := make([]*learn.Trainer, max(1, opt.Orders))
	orders := make([][]int, len(trs))
	for k := range trs {
		trs[k] = learn.NewTrainer(len(Labels))
		orders[k] = make([]int, len(train))
		for i := range orders[k] {
			orders[k][i] = i
		}
	}
	var (
		ws     []word
		sf     sentFeats
		vit    viterbi
		sc     []int32
		pred   []int
		scores = make([]int32, len(Labels))
		bestM  *Model
		bestF  = -1.0
		bestEp int
	)
	k := len(Labels)
	for ep := 1; ep <= opt.Epochs; ep++ {
		for o, tr := range trs {
			order := orders[o]
			learn.Shuffle(order, opt.Seed+uint64(ep)+1000*uint64(o))
			for _, si := range order {
				ex := &train[si]
				ws = prepareWords(ws[:0], ex.In, opt.Words)
				sf.build(ws, opt.Words != nil)
				n := len(ws)
				sc = resize(sc, n*rowsPerWord*k)
				for g := range n * rowsPerWord {
					if fs := sf.group(g); len(fs) > 0 {
						tr.Scores(fs, scores)
						copy(sc[g*k:], scores)
					}
				}
				pred = vit.decode(sc, n, pred, nil)
				gold := golds[si]
				// The structured perceptron's update: every word's gold
				// features (after the gold previous label) up, the
				// predicted ones down, where they differ.
				for i := range n {
					tr.Tick()
					g, p := gold[i], pred[i]
					gs, ps := state(gold, i), state(pred, i)
					if g != p {
						b := sf.group(i * rowsPerWord)
						tr.Add(b, g, 1)
						tr.Add(b, p, -1)
					}
					if g != p || gs != ps {
						tr.Add(sf.group(i*rowsPerWord+1+gs), g, 1)
						tr.Add(sf.group(i*rowsPerWord+1+ps), p, -1)
					}
				}
			}
		}
		w := learn.Ensemble(opt.Prune, trs...)
		w.Header = learn.Header{Kind: ModelKind, FeatureSet: FeatureSet, Labels: Labels}
		m := &Model{Weights: w, Words: opt.Words}
		tg, err := NewTagger(m)
		if err != nil {
			return nil, 0, 0, err
		}
		var s Score
		for _, ex := range dev {
			s.Add(ex.Gold, tg.Tag(ex.In, nil))
		}
		_, _, f := s.Total().PRF()
		if opt.Log != nil {
			opt.Log(fmt.Sprintf("epoch %d: %d features, dev F1 %.4f", ep, w.Features(), f))
		}
		if f > bestF && ep >= opt.MinEpoch {
			bestM, bestF, bestEp = m, f, ep
		}
	}
	return bestM, bestF, bestEp, nil
}
