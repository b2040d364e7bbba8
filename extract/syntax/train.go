package syntax

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// TrainOptions are every option of a training run (cmd/train sets them).
type TrainOptions struct {
	Seed        uint64
	TagEpochs   int // the best epoch on dev is kept
	LemmaEpochs int
	ParseEpochs int
	// Folds > 1 trains the parser on tags predicted by taggers trained on
	// the other folds (jackknifing), so it learns from the tagger's errors.
	Folds      int
	FoldEpochs int // epochs of each fold's tagger (at most the best epoch)
	// TagOrders > 1 makes the tagger the mean of that many trainers
	// reading the sentences in different seeded orders; FoldOrders the
	// same for each fold's tagger.
	TagOrders, FoldOrders int
	// ParseOrders > 1 makes the action and relation models the mean of
	// that many trainers reading the sentences in different seeded orders.
	ParseOrders int
	// Explore: from this epoch on (0-based), the parser follows its own
	// wrong predictions with probability 9/10 (dynamic oracle training).
	Explore int
	// MinSeen prunes features seen fewer times after their first update.
	MinSeen int
	// Feature caps per model (0 = none): the strongest features (by summed
	// absolute weight) are kept, so the files fit the repository budget.
	MaxTagFeatures, MaxParseFeatures, MaxRelFeatures int
	// Int8 stores the action and relation models' weights as int8 codes
	// (learn.Prune.Int8).
	Int8 bool
	// Words is the word table file (BuildWords) the tagger reads;
	// WordOptions the options it was built with (its ambiguity classes
	// are rebuilt per fold for the training sentences, AmbFolds > 1).
	Words       []byte
	WordOptions WordOptions
	AmbFolds    int
	// WordText names the files of the word table's unlabelled text (for
	// the tagger's header).
	WordText []learn.TrainingFile
	Training []learn.TrainingFile
	Log      io.Writer
}

// Trained is the model files and their dev scores.
type Trained struct {
	Tagger, Lemma, Parser, Relations, Words []byte
	Dev                                     Scores
}

// Files are the model files in the order of Files.
func (t *Trained) Files() [][]byte {
	return [][]byte{t.Tagger, t.Lemma, t.Parser, t.Relations, t.Words}
}

type corpus struct {
	sents []Sentence
	lex   [][]lex
	tags  [][]int // gold tag class per word
}

func lexCorpus(ss []Sentence, tagID map[string]int, tab *wordTable) corpus {
	c := corpus{sents: ss}
	lx := lexer{tab: tab}
	for _, s := range ss {
		ls := make([]lex, len(s.Words))
		ts := make([]int, len(s.Words))
		for i, w := range s.Words {
			ls[i] = lx.word(w.Form)
			id, ok := tagID[w.UPOS+"\t"+w.XPOS]
			if !ok {
				id = -1
			}
			ts[i] = id
		}
		c.lex, c.tags = append(c.lex, ls), append(c.tags, ts)
	}
	return c
}

func seq(n int) []int {
	o := make([]int, n)
	for i := range o {
		o[i] = i
	}
	return o
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format, args...)
	}
}

func (o *TrainOptions) prune(max int) learn.Prune {
	return learn.Prune{MinSeen: o.MinSeen, MaxFeatures: max}
}

// Train trains the tagger, the lemmatizer and the parser.
func Train(train, dev []Sentence, o TrainOptions) (*Trained, error) {
	tagCount, scriptCount, relCount := map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			tagCount[w.UPOS+"\t"+w.XPOS]++
			scriptCount[scriptOf(w.Form, w.Lemma).String()]++
			relCount[w.Rel]++
		}
	}
	if relCount["root"] == 0 {
		return nil, fmt.Errorf("train: no root relation in the training data")
	}
	relCount["dep"] += 0 // the parser needs these two for words it leaves headless
	relCount["punct"] += 0
	tagLabels := learn.ByCount(tagCount)
	tagID := map[string]int{}
	for i, l := range tagLabels {
		tagID[l] = i
	}
	var scripts []string
	for _, s := range learn.ByCount(scriptCount) {
		if scriptCount[s] >= 2 {
			scripts = append(scripts, s)
		}
	}
	scriptID := map[string]int{}
	for i, s := range scripts {
		scriptID[s] = i
	}
	rels := learn.ByCount(relCount)
	relID := map[string]int{}
	for i, r := range rels {
		relID[r] = i
	}
	tab, err := readWords(o.Words)
	if err != nil {
		return nil, err
	}
	tc, dc := lexCorpus(train, tagID, tab), lexCorpus(dev, tagID, tab)
	if o.AmbFolds > 1 {
		jackknifeAmbiguity(tc, o.AmbFolds, o.WordOptions)
	}

	// Tagger: keep the epoch with the best dev accuracy.
	nt := len(tagLabels)
	tagModel, best, bestEp := trainTagger(tc, dc, nt, o)
	order := seq(len(train))
	var tsc tagScratch
	var text []string
	for _, f := range o.WordText {
		text = append(text, f.Name+" "+f.SHA256)
	}
	tagModel.Header = learn.Header{Kind: "tagger", FeatureSet: tagFeatureSet, Labels: tagLabels,
		Training: o.Training, Scores: map[string]float64{"dev_tag": best},
		Options: map[string]string{"epochs": fmt.Sprint(bestEp), "seed": fmt.Sprint(o.Seed),
			"words_sha256": wordsSum(o.Words), "words": fmt.Sprintf("%+v", o.WordOptions),
			"amb_folds": fmt.Sprint(o.AmbFolds), "word_text": strings.Join(text, ", ")}}
	if o.TagOrders > 1 {
		tagModel.Header.Options["orders"] = fmt.Sprint(o.TagOrders)
	}

	// Parser training tags: jackknifed when asked.
	ptags := tc.tags
	if o.Folds > 1 {
		ptags = foldTags(tc, nt, min(bestEp, o.FoldEpochs), o)
	}
	// Dev tags as at inference.
	dtags := make([][]int, len(dev))
	for i := range dev {
		dtags[i] = make([]int, len(dc.lex[i]))
		tagSentence(tagModel, nt, dc.lex[i], dtags[i], &tsc, nil, nil)
	}

	// Lemmatizer on gold tags.
	ltr := learn.NewTrainer(len(scripts))
	lsc := make([]int32, len(scripts))
	var feats []uint64
	for ep := range o.LemmaEpochs {
		learn.Shuffle(order, o.Seed+100+uint64(ep))
		for _, i := range order {
			for j, w := range train[i].Words {
				g, ok := scriptID[scriptOf(w.Form, w.Lemma).String()]
				if !ok {
					continue
				}
				feats = lemmaFeats(feats[:0], &tc.lex[i][j], uint64(tc.tags[i][j]+1))
				ltr.Scores(feats, lsc)
				ltr.Update(feats, g, argmax(lsc))
			}
		}
	}
	lemModel := ltr.Model(o.prune(0))
	lemModel.Header = learn.Header{Kind: "lemma", FeatureSet: lemmaFeatureSet, Labels: scripts,
		Training: o.Training, Scores: map[string]float64{},
		Options: map[string]string{"epochs": fmt.Sprint(o.LemmaEpochs), "seed": fmt.Sprint(o.Seed)}}

	// Parser on the jackknifed tags, chosen on dev with the tags the
	// tagger gives at inference.
	parModel, relModel, bestLAS, bestPEp := trainParser(train, tc, dc, ptags, dtags, tagLabels, rels, ambValues(tab), order, o)
	popts := map[string]string{"epochs": fmt.Sprint(bestPEp), "seed": fmt.Sprint(o.Seed),
		"folds": fmt.Sprint(o.Folds), "explore_from": fmt.Sprint(o.Explore)}
	if o.FoldOrders > 1 {
		popts["fold_orders"] = fmt.Sprint(o.FoldOrders)
	}
	if o.ParseOrders > 1 {
		popts["orders"] = fmt.Sprint(o.ParseOrders)
	}
	if o.Int8 {
		popts["weights"] = "int8"
	}
	parModel.Header = learn.Header{Kind: "parser", FeatureSet: parseFeatureSet, Labels: actionNames,
		Training: o.Training, Scores: map[string]float64{"dev_las_gold_tokens": bestLAS}, Options: popts}
	relModel.Header = learn.Header{Kind: "relations", FeatureSet: parseFeatureSet, Labels: rels,
		Training: o.Training, Scores: map[string]float64{"dev_las_gold_tokens": bestLAS}, Options: popts}

	out := &Trained{Words: o.Words}
	for _, x := range []struct {
		m   *learn.Model
		dst *[]byte
	}{{tagModel, &out.Tagger}, {lemModel, &out.Lemma}, {parModel, &out.Parser}, {relModel, &out.Relations}} {
		var buf bytes.Buffer
		if err := x.m.Write(&buf); err != nil {
			return nil, err
		}
		*x.dst = buf.Bytes()
	}
	full, err := FromBytes(out.Files()...)
	if err != nil {
		return nil, fmt.Errorf("train: reading back: %w", err)
	}
	out.Dev = Evaluate(full, dev)
	return out, nil
}

// trainParser trains the action and relation models on the training
// sentences with tags ptags for o.ParseEpochs, and returns the models of
// the epoch with the best dev LAS (on the dev tags dtags), that LAS and
// the epoch (1-based). The action model learns with the dynamic oracle,
// the relation model on the arcs it makes that are right. With
// o.ParseOrders > 1 each model is the mean (learn.Ensemble) of that many
// trainers, each reading the sentences in its own seeded order.
//
// order is the permutation of the training sentences that the first
// trainer's epochs shuffle on from (the lemmatizer's, so that the
// committed models stay the bytes they were); trainer j > 0 starts from
// the same shuffles of seed o.Seed+j.
func trainParser(train []Sentence, tc, dc corpus, ptags, dtags [][]int, tagLabels, rels []string, ambs []uint64, order []int, o TrainOptions) (parModel, relModel *learn.Model, bestLAS float64, bestPEp int) {
	relID := map[string]int{}
	for i, r := range rels {
		relID[r] = i
	}
	members := make([]*parseTrainer, max(o.ParseOrders, 1))
	for j := range members {
		seed := o.Seed + uint64(j)
		ord := order
		if j > 0 {
			ord = seq(len(train))
			for ep := range o.LemmaEpochs {
				learn.Shuffle(ord, seed+100+uint64(ep))
			}
		}
		members[j] = &parseTrainer{atr: learn.NewTrainer(nActions), ltr: learn.NewTrainer(len(rels)),
			order: ord, seed: seed, rng: seed*0x9E3779B97F4A7C15 + 12345}
	}
	bestLAS = -1.0
	tmp := &Model{rels: rels}
	for _, l := range tagLabels {
		tmp.punct = append(tmp.punct, strings.HasPrefix(l, "PUNCT\t"))
	}
	tmp.rootRel, tmp.depRel, tmp.punctRel = relID["root"], relID["dep"], relID["punct"]
	atrs, ltrs := make([]*learn.Trainer, len(members)), make([]*learn.Trainer, len(members))
	for j, pt := range members {
		atrs[j], ltrs[j] = pt.atr, pt.ltr
	}
	for ep := range o.ParseEpochs {
		// The trainers share nothing but read-only data: one goroutine
		// each (the same bytes whatever the scheduling).
		var wg sync.WaitGroup
		for _, pt := range members {
			wg.Go(func() { pt.epoch(train, tc, ptags, relID, tmp, ep, o) })
		}
		wg.Wait()
		pp, rp := o.prune(o.MaxParseFeatures), o.prune(o.MaxRelFeatures)
		pp.Int8, rp.Int8 = o.Int8, o.Int8
		pm := learn.Ensemble(pp, atrs...)
		rm := learn.Ensemble(rp, ltrs...)
		tmp.par, tmp.lab = pm, rm
		tmp.parFx, tmp.labFx = newParFixed(pm, len(tagLabels), len(rels), ambs), newLabFixed(rm, len(tagLabels))
		sc := scoreParser(tmp, dc, dtags)
		o.logf("parser epoch %d: dev UAS %.4f LAS %.4f, %d+%d features, %d+%d weights\n", ep+1, sc.UAS, sc.LAS,
			pm.Features(), rm.Features(), pm.Weights(), rm.Weights())
		if sc.LAS > bestLAS {
			bestLAS, bestPEp, parModel, relModel = sc.LAS, ep+1, pm, rm
		}
	}
	return parModel, relModel, bestLAS, bestPEp
}

// parseTrainer is one seeded order's action and relation trainers.
type parseTrainer struct {
	atr, ltr *learn.Trainer
	order    []int
	seed     uint64
	rng      uint64 // the exploration's coin
	st       pstate
	feats    []uint64
	gh, gl   []int
}

// epoch trains pt's models on one pass over the training sentences
// (epoch ep, 0-based).
func (pt *parseTrainer) epoch(train []Sentence, tc corpus, ptags [][]int, relID map[string]int, tmp *Model, ep int, o TrainOptions) {
	learn.Shuffle(pt.order, pt.seed+200+uint64(ep))
	explore := ep >= o.Explore
	st := &pt.st
	asc, rsc := make([]int32, nActions), make([]int32, len(tmp.rels))
	for _, i := range pt.order {
		s := train[i]
		n := len(s.Words)
		st.reset(n)
		gh, gl := growInts(pt.gh, n+1), growInts(pt.gl, n+1)
		pt.gh, pt.gl = gh, gl
		gh[0], gl[0] = -1, -1
		for j, w := range s.Words {
			st.wh[j+1] = tc.lex[i][j].norm
			st.am[j+1] = tc.lex[i][j].amb
			st.tg[j+1] = uint64(ptags[i][j] + 2)
			gh[j+1], gl[j+1] = w.Head, relID[w.Rel]
		}
		for !st.done() {
			pt.feats = st.feats(pt.feats[:0])
			pt.atr.Scores(pt.feats, asc)
			pred := bestAction(st, asc)
			gold, cpred := oracle(st, asc, gh)
			pt.atr.Update(pt.feats, gold, pred)
			next := gold
			if cpred == 0 {
				next = pred
			} else if explore {
				pt.rng += 0x9E3779B97F4A7C15
				if splitmix(pt.rng)%10 != 0 {
					next = pred
				}
			}
			l := -1
			if next == actLeft || next == actRight {
				h, d := st.arc(next)
				if h == 0 {
					l = tmp.rootRel
				} else {
					pt.feats = st.labelFeats(pt.feats[:0], h, d)
					pt.ltr.Scores(pt.feats, rsc)
					l = bestRel(rsc, tmp.rootRel)
					if gh[d] == h {
						pt.ltr.Update(pt.feats, gl[d], l)
						if !explore {
							l = gl[d]
						}
					}
				}
			}
			st.apply(next, l)
		}
	}
}

// foldTags tags every training sentence with a tagger trained for epochs
// on the other o.Folds-1 folds (sentence i is in fold i%o.Folds).
func foldTags(tc corpus, nt, epochs int, o TrainOptions) [][]int {
	var tsc tagScratch
	tags := make([][]int, len(tc.sents))
	for f := range o.Folds {
		var in, out []int
		for i := range tc.sents {
			if i%o.Folds == f {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		tt := newTagTrainers(nt, in, o.FoldOrders)
		for ep := range epochs {
			tt.epoch(tc, o.Seed, ep)
		}
		fm := tt.model(o.prune(o.MaxTagFeatures))
		for _, i := range out {
			tags[i] = make([]int, len(tc.lex[i]))
			tagSentence(fm, nt, tc.lex[i], tags[i], &tsc, nil, nil)
		}
		o.logf("jackknife fold %d/%d tagged\n", f+1, o.Folds)
	}
	return tags
}

// JackknifeTags returns the training sentences with the tags the
// parser's training reads (Train with o.Folds > 1): each sentence tagged
// by a tagger of o.FoldEpochs epochs trained on the other folds, over
// the word table o.Words. Other models trained on these sentences (the
// entity recogniser reads part-of-speech tags) thus see the tagger's
// errors, not gold tags, as at run time. Only UPOS, XPOS and Form are
// set. The tagger's best epoch is not known here: o.FoldEpochs must be at
// most the committed tagger's, as Train's min(best, FoldEpochs) is.
func JackknifeTags(train []Sentence, o TrainOptions) ([][]Word, error) {
	if o.Folds < 2 {
		return nil, fmt.Errorf("jackknife: %d folds, want 2 or more", o.Folds)
	}
	tagLabels := learn.ByCount(tagCounts(train))
	tagID := map[string]int{}
	for i, l := range tagLabels {
		tagID[l] = i
	}
	tab, err := readWords(o.Words)
	if err != nil {
		return nil, err
	}
	tc := lexCorpus(train, tagID, tab)
	if o.AmbFolds > 1 {
		jackknifeAmbiguity(tc, o.AmbFolds, o.WordOptions)
	}
	tags := foldTags(tc, len(tagLabels), o.FoldEpochs, o)
	out := make([][]Word, len(train))
	for i, s := range train {
		ws := make([]Word, len(s.Words))
		for j, w := range s.Words {
			u, x, _ := strings.Cut(tagLabels[tags[i][j]], "\t")
			ws[j] = Word{Form: w.Form, UPOS: u, XPOS: x}
		}
		out[i] = ws
	}
	return out, nil
}

// tagCounts counts the training words of each tag class ("UPOS\tXPOS").
func tagCounts(train []Sentence) map[string]int {
	n := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			n[w.UPOS+"\t"+w.XPOS]++
		}
	}
	return n
}

// trainTagger trains the tagger for o.TagEpochs and returns the model of
// the epoch best on dev, its dev accuracy and the epoch (1-based).
func trainTagger(tc, dc corpus, nt int, o TrainOptions) (*learn.Model, float64, int) {
	best, bestEp := -1.0, 0
	var tagModel *learn.Model
	tt := newTagTrainers(nt, seq(len(tc.sents)), o.TagOrders)
	for ep := range o.TagEpochs {
		tt.epoch(tc, o.Seed, ep)
		m := tt.model(o.prune(o.MaxTagFeatures))
		acc := tagAccuracy(m, dc)
		o.logf("tagger epoch %d: dev tag accuracy %.4f, %d features\n", ep+1, acc, m.Features())
		if acc > best {
			best, bestEp, tagModel = acc, ep+1, m
		}
	}
	return tagModel, best, bestEp
}

// tagTrainers are the tagger's trainers of one model: one per seeded
// order, averaged by learn.Ensemble (one order's tagger varies with the
// order; the mean of three scored dev UPOS+XPOS 0.9488 -> 0.9500).
type tagTrainers struct {
	trs  []*learn.Trainer
	ords [][]int // per trainer, the sentences in its order
}

// newTagTrainers returns max(orders, 1) trainers over the sentences
// sents of nt tag classes.
func newTagTrainers(nt int, sents []int, orders int) *tagTrainers {
	tt := &tagTrainers{}
	for range max(orders, 1) {
		tt.trs = append(tt.trs, learn.NewTrainer(nt))
		tt.ords = append(tt.ords, slices.Clone(sents))
	}
	return tt
}

// epoch trains each trainer on one pass over its sentences (epoch ep,
// 0-based). Trainer j shuffles with seed+1000j+ep, so the first trainer
// reads the sentences as a single tagger does. The trainers share only
// read-only data: one goroutine each, the same bytes whatever the
// scheduling.
func (tt *tagTrainers) epoch(tc corpus, seed uint64, ep int) {
	var wg sync.WaitGroup
	for j, tr := range tt.trs {
		ord := tt.ords[j]
		wg.Go(func() {
			var sc tagScratch
			var tags []int
			learn.Shuffle(ord, seed+1000*uint64(j)+uint64(ep))
			for _, i := range ord {
				tags = growInts(tags, len(tc.lex[i]))
				tagSentence(tr, tr.Classes(), tc.lex[i], tags, &sc, tr, tc.tags[i])
			}
		})
	}
	wg.Wait()
}

func (tt *tagTrainers) model(p learn.Prune) *learn.Model { return learn.Ensemble(p, tt.trs...) }

func splitmix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// oracle returns the best-scoring valid action of least cost, and how much
// more pred costs.
func oracle(st *pstate, sc []int32, gh []int) (gold, predCost int) {
	cs, cr, cl, crt := st.costs(gh)
	cost := [nActions]int{cs, cr, cl, crt}
	best := -1
	for a, ok := range [nActions]bool{st.validShift(), st.validReduce(), st.validLeft(), st.validRight()} {
		if ok && (best < 0 || cost[a] < cost[best] || (cost[a] == cost[best] && sc[a] > sc[best])) {
			best = a
		}
	}
	pred := bestAction(st, sc)
	return best, cost[pred] - cost[best]
}

func tagAccuracy(m *learn.Model, c corpus) float64 {
	right, n := 0, 0
	var sc tagScratch
	var tags []int
	for i := range c.lex {
		tags = growInts(tags, len(c.lex[i]))
		tagSentence(m, m.Classes(), c.lex[i], tags, &sc, nil, nil)
		for j, t := range tags {
			n++
			if t == c.tags[i][j] {
				right++
			}
		}
	}
	return float64(right) / float64(max(n, 1))
}

// scoreParser parses c's sentences on the given tags (UAS/LAS only).
func scoreParser(m *Model, c corpus, tags [][]int) Scores {
	var w work
	var sc Scores
	for i, s := range c.sents {
		words := make([]Word, len(s.Words))
		for j := range words {
			words[j].Form = s.Words[j].Form
		}
		w.lex = c.lex[i]
		w.tags = tags[i]
		m.parse(words, &w)
		for j, g := range s.Words {
			sc.Words++
			if words[j].Head == g.Head {
				sc.uas++
				if words[j].Rel == g.Rel {
					sc.las++
				}
			}
		}
	}
	sc.UAS, sc.LAS = ratio(sc.uas, sc.Words), ratio(sc.las, sc.Words)
	return sc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
