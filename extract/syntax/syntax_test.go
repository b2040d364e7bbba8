package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/newsclaims/newsclaims/extract/learn"
)

func readTestdata(t testing.TB, name string) []Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, err := ReadCoNLLU(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func load(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Floors a broken model (or feature code out of step with it) falls under;
// the figures of the committed model are in models/README.md.
func TestDevSliceFloor(t *testing.T) {
	sc := Evaluate(load(t), readTestdata(t, "ewt-dev-200.conllu"))
	t.Logf("EWT dev slice, gold tokens: %v", sc)
	if sc.UPOS < 0.955 || sc.XPOS < 0.95 || sc.Lemma < 0.97 || sc.LAS < 0.77 {
		t.Errorf("below the floor (UPOS 0.955, XPOS 0.95, lemma 0.97, LAS 0.77): %v", sc)
	}
}

func checkTree(t *testing.T, where string, words []Word) {
	t.Helper()
	roots := 0
	for i, w := range words {
		if w.Head < 0 || w.Head > len(words) || w.Head == i+1 {
			t.Fatalf("%s: word %d %q has head %d", where, i+1, w.Form, w.Head)
		}
		if w.Head == 0 {
			roots++
			if w.Rel != "root" {
				t.Fatalf("%s: root word %q has relation %q", where, w.Form, w.Rel)
			}
		} else if w.Rel == "root" {
			t.Fatalf("%s: non-root word %q has relation root", where, w.Form)
		}
		if w.UPOS == "" || w.XPOS == "" || w.Rel == "" || w.Lemma == "" {
			t.Fatalf("%s: word %d %q not analyzed: %+v", where, i+1, w.Form, w)
		}
		// Walking up from every word reaches the root: no cycle.
		h, steps := i+1, 0
		for h != 0 {
			h = words[h-1].Head
			if steps++; steps > len(words) {
				t.Fatalf("%s: cycle through word %d", where, i+1)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%s: %d roots", where, roots)
	}
}

func FuzzParseText(f *testing.F) {
	m, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "The minister said on Monday that 20 people died.", "(((", "a-b-c--d ... e!!",
		"\"Don't,\" he said. U.S. troops can't go.", "日本語 テキスト。", "x\x00y", "1,000.5 $ 3:30 p.m."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range m.ParseText(text) {
			checkTree(t, s.Text, s.Words)
			for _, w := range s.Words {
				if text[w.Span.Start:w.Span.End] != w.Form {
					t.Fatalf("word %q has span %v", w.Form, w.Span)
				}
			}
		}
	})
}

func TestLongSentence(t *testing.T) {
	m := load(t)
	forms := make([]string, 3000)
	for i := range forms {
		forms[i] = []string{"the", "dog", "said", "that", ",", "and", "cats", "run"}[i%8]
	}
	checkTree(t, "3000 words", m.Parse(forms))
	checkTree(t, "1 word", m.Parse([]string{"Hello"}))
	if len(m.Parse(nil)) != 0 {
		t.Fatal("words from nothing")
	}
}

// Training is deterministic: the same data and seed write the same bytes.
func TestTrainSameBytes(t *testing.T) {
	ss := readTestdata(t, "ewt-dev-200.conllu")
	wo := testWordOptions
	words, err := BuildWords(forms(ss), ss[:150], wo)
	if err != nil {
		t.Fatal(err)
	}
	o := TrainOptions{Seed: 7, TagEpochs: 2, LemmaEpochs: 1, ParseEpochs: 2, Folds: 2, FoldEpochs: 2, Explore: 1, MinSeen: 1, ParseOrders: 2, TagOrders: 2, FoldOrders: 2, Int8: true,
		Words: words, WordOptions: wo, AmbFolds: 3}
	a, err := Train(ss[:150], ss[150:], o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(ss[:150], ss[150:], o)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range a.Files() {
		if !bytes.Equal(f, b.Files()[i]) {
			t.Fatalf("two training runs wrote different %s", Files[i])
		}
	}
	if a.Dev.LAS < 0.3 || a.Dev.UPOS < 0.6 {
		t.Fatalf("a model trained on 150 sentences learned nothing: %v", a.Dev)
	}
}

// The model files name the training files by checksum; if ../shared holds
// other versions, say so (a warning: the shared data is not the test's).
func TestTrainingFilesChecksum(t *testing.T) {
	m := load(t)
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "ud")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/corpus/ud")
	}
	for _, h := range m.Headers() {
		for _, tf := range h.Training {
			got, err := learn.FileSum(filepath.Join(dir, tf.Name))
			if err != nil {
				t.Logf("WARNING: %s model trained on %s, not readable in %s: %v", h.Kind, tf.Name, dir, err)
				continue
			}
			if got.SHA256 != tf.SHA256 {
				t.Logf("WARNING: %s model trained on %s sha256 %s, ../shared has %s: retrain (make train)",
					h.Kind, tf.Name, tf.SHA256[:12], got.SHA256[:12])
			}
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	m := load(b)
	ss := readTestdata(b, "ewt-dev-200.conllu")
	words := make([][]Word, len(ss))
	nbytes, nwords := 0, 0
	for i, s := range ss {
		for _, w := range s.Words {
			words[i] = append(words[i], Word{Form: w.Form})
			nbytes += len(w.Form) + 1
		}
		nwords += len(s.Words)
	}
	b.SetBytes(int64(nbytes))
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		// Each pass starts from empty tagCaches: the 200 sentences are
		// read as one document, not as words seen on an earlier pass.
		m.resetCaches()
		for _, w := range words {
			m.Analyze(w)
		}
	}
	// Per CPU second too: on a shared machine wall time mostly measures
	// the other processes.
	b.ReportMetric(float64(nwords*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(nwords*b.N)/(cpuTime()-c0).Seconds(), "words/cpu-s")
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkLoad(b *testing.B) {
	read := func(n string) []byte {
		d, err := embedded.ReadFile("models/" + n)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	var files [][]byte
	size := 0
	for _, n := range Files {
		files = append(files, read(n))
		size += len(files[len(files)-1])
	}
	b.SetBytes(int64(size))
	for range b.N {
		if _, err := FromBytes(files...); err != nil {
			b.Fatal(err)
		}
	}
}

// News sentences written and annotated by hand for this test: the kind
// of text the pipeline reads. Scored both on gold words and from raw text.
func TestNewsFloor(t *testing.T) {
	m := load(t)
	ss := readTestdata(t, "news.conllu")
	gold := Evaluate(m, ss)
	raw, skipped := EvaluateText(m, ss)
	t.Logf("news (%d sentences), gold words: %v", len(ss), gold)
	t.Logf("news, raw text: %v", raw)
	if skipped != 0 {
		t.Errorf("%d hand-annotated sentences do not align with their text", skipped)
	}
	if gold.UPOS < 0.96 || gold.LAS < 0.85 || raw.UPOS < 0.96 || raw.LAS < 0.85 {
		t.Errorf("below the floor (UPOS 0.96, LAS 0.85)")
	}
}

// The inference tagger (static features batched over the sentence) gives
// exactly the tags of tagSentence, the loop training runs.
func TestTagAgreesWithTraining(t *testing.T) {
	m := load(t)
	lx := lexer{tab: m.words}
	var sc1, sc2 tagScratch
	words, differ := 0, 0
	for _, s := range readTestdata(t, "ewt-dev-200.conllu") {
		ls := make([]lex, len(s.Words))
		for i, w := range s.Words {
			ls[i] = lx.word(w.Form)
		}
		a, b := make([]int, len(ls)), make([]int, len(ls))
		tagSentence(m.tag, m.tag.Classes(), ls, a, &sc1, nil, nil)
		tag(m.tag, m.tagFx, ls, b, &sc2)
		for i := range a {
			words++
			if a[i] != b[i] {
				differ++
			}
		}
	}
	if differ != 0 || words < 1000 {
		t.Fatalf("%d of %d tags differ", differ, words)
	}
}

// The inference path's tag scores (Fixed templates, batched static
// features) equal Scores of tagFeats, the training features, for every
// word of the dev slice, after the predicted history and after random
// ones (tag ids in range, and 0).
func TestTagScoresExact(t *testing.T) {
	m := load(t)
	lx := lexer{tab: m.words}
	var sc tagScratch
	nc := m.tag.Classes()
	got, want := make([]int32, nc, nc+256), make([]int32, nc)
	rng, words := uint64(7), 0
	for _, s := range readTestdata(t, "ewt-dev-200.conllu") {
		ls := make([]lex, len(s.Words))
		for i, w := range s.Words {
			ls[i] = lx.word(w.Form)
		}
		tags := make([]int, len(ls))
		tag(m.tag, m.tagFx, ls, tags, &sc)
		tagStaticScores(m.tag, m.tagFx, ls, &sc)
		for i := range ls {
			t1, t2 := uint64(0), uint64(0)
			if i > 0 {
				t1 = uint64(tags[i-1] + 1)
			}
			if i > 1 {
				t2 = uint64(tags[i-2] + 1)
			}
			for k := range 3 {
				if k > 0 {
					rng = splitmix(rng + 0x9E3779B97F4A7C15)
					t1, t2 = rng%uint64(nc+1), (rng>>32)%uint64(nc+1)
				}
				copy(got, sc.static[i*nc:(i+1)*nc])
				tagHistScores(m.tag, m.tagFx, ls, i, t1, t2, got, &sc)
				m.tag.Scores(tagFeats(nil, ls, i, t1, t2), want)
				if !slices.Equal(got, want) {
					t.Fatalf("%q word %d, history %d %d: scores differ from the training features'", s.Text, i, t1, t2)
				}
			}
			words++
		}
	}
	if words < 1000 {
		t.Fatalf("only %d words", words)
	}
}

// The lemmatizer's inference scores (Fixed templates, one batch per
// sentence) equal Scores of lemmaFeats for every word of the dev slice,
// with the predicted tags and with random ones.
func TestLemmaScoresExact(t *testing.T) {
	m := load(t)
	w := m.getWork()
	nc := m.lem.Classes()
	want := make([]int32, nc)
	rng, words := uint64(3), 0
	for _, s := range readTestdata(t, "ewt-dev-200.conllu") {
		w.lex = w.lex[:0]
		w.lx.tab = m.words
		for _, x := range s.Words {
			w.lex = append(w.lex, w.lx.word(x.Form))
		}
		w.tags = growInts(w.tags, len(s.Words))
		for random := range 2 {
			tag(m.tag, m.tagFx, w.lex, w.tags, &w.tsc)
			if random == 1 {
				for i := range w.tags {
					rng = splitmix(rng + 0x9E3779B97F4A7C15)
					w.tags[i] = int(rng % uint64(m.tag.Classes()))
				}
			}
			all := make([]int, len(s.Words))
			for i := range all {
				all[i] = i
			}
			m.lemmaScores(w, all)
			for i := range s.Words {
				m.lem.Scores(lemmaFeats(nil, &w.lex[i], uint64(w.tags[i]+1)), want)
				if !slices.Equal(w.lemScores[i*nc:(i+1)*nc], want) {
					t.Fatalf("%q word %d: lemma scores differ from the training features'", s.Text, i)
				}
				words++
			}
		}
	}
	if words < 1000 {
		t.Fatalf("only %d words", words)
	}
}

// ScoreAligned aligns words on characters: a word split differently
// counts against both sides, heads count through the alignment, and text
// that differs is refused.
func TestScoreAligned(t *testing.T) {
	w := func(form, upos string, head int, rel string) Word {
		return Word{Form: form, UPOS: upos, Head: head, Rel: rel}
	}
	gold := []Sentence{{Words: []Word{w("He", "PRON", 2, "nsubj"), w("won't", "VERB", 0, "root"), w(".", "PUNCT", 2, "punct")}},
		{Words: []Word{w("Go", "VERB", 0, "root")}}}
	// The system splits "won't", attaches "." to the root, and joins the two sentences.
	sys := []Sentence{{Words: []Word{w("He", "PRON", 3, "nsubj"), w("wo", "AUX", 3, "aux"), w("n't", "PART", 0, "root"),
		w(".", "PUNCT", 3, "punct:x"), w("Go", "VERB", 3, "parataxis")}}}
	a, err := ScoreAligned(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	// aligned: He, ., Go (3 of 4 gold, 5 system): F1 = 2*3/9
	if a.AlignedWords != 3 || a.Words != 6.0/9 || a.UPOS != 6.0/9 {
		t.Fatalf("aligned %d words %.3f UPOS %.3f: %v", a.AlignedWords, a.Words, a.UPOS, a)
	}
	// heads: "He" -> "won't" unaligned: wrong; "." likewise; "Go" root vs head: wrong.
	if a.UAS != 0 || a.JoinedSentences != 1 || a.SplitSentences != 0 {
		t.Fatalf("UAS %.3f joined %d split %d", a.UAS, a.JoinedSentences, a.SplitSentences)
	}
	same, err := ScoreAligned(gold, gold)
	if err != nil || same.LAS != 1 || same.UPOS != 1 {
		t.Fatalf("gold against itself: %v %v", same, err)
	}
	// "punct:x" counts for the universal LAS only.
	gold2 := []Sentence{{Words: []Word{w("Hi", "INTJ", 0, "root"), w("!", "PUNCT", 1, "punct")}}}
	sys2 := []Sentence{{Words: []Word{w("Hi", "INTJ", 0, "root"), w("!", "PUNCT", 1, "punct:x")}}}
	if b, _ := ScoreAligned(gold2, sys2); b.LAS != 0.5 || b.ULAS != 1 {
		t.Fatalf("LAS %.2f universal %.2f, want 0.5 and 1", b.LAS, b.ULAS)
	}
	if _, err := ScoreAligned(gold, []Sentence{{Words: []Word{w("He", "", 0, "root"), w("will", "", 1, "x")}}}); err == nil {
		t.Fatal("different text scored")
	}
}

var testWordOptions = WordOptions{
	Classes:   learn.ClassOptions{MinCount: 2, Context: 50, Sizes: []int{16, 4}, Iterations: 3, Seed: 1},
	MinTagged: 2, MinShare: 0.05,
}

func forms(ss []Sentence) [][]string {
	var out [][]string
	for _, s := range ss {
		var f []string
		for _, w := range s.Words {
			f = append(f, w.Form)
		}
		out = append(out, f)
	}
	return out
}

// The word table: a word's ambiguity class is the UPOS tags it has in
// the training sentences (each in at least MinShare of its uses), its norm is the key (case and digits folded),
// the file reads back, and the same input writes the same bytes.
// Jackknifed, a word of one training sentence only has no class there.
func TestWordTable(t *testing.T) {
	ss := readTestdata(t, "ewt-dev-200.conllu")
	data, err := BuildWords(forms(ss), ss, testWordOptions)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := BuildWords(forms(ss), ss, testWordOptions)
	if !bytes.Equal(data, again) {
		t.Fatal("BuildWords wrote different bytes for the same input")
	}
	tab, err := readWords(data)
	if err != nil {
		t.Fatal(err)
	}
	tags, total := map[string]map[string]int{}, map[string]int{}
	for _, s := range ss {
		for _, w := range s.Words {
			n := normString(w.Form)
			if tags[n] == nil {
				tags[n] = map[string]int{}
			}
			tags[n][w.UPOS]++
			total[n]++
		}
	}
	var lx lexer
	lx.tab = tab
	for _, form := range []string{"the", "The", "to", "that"} {
		l := lx.word(form)
		var want uint64
		n := normString(form)
		for i, u := range uposTags {
			if c := tags[n][u]; c > 0 && float64(c) >= testWordOptions.MinShare*float64(total[n]) {
				want |= 1 << i
			}
		}
		if l.amb == 0 || l.amb != want || l.fine == 0 {
			t.Errorf("%q: ambiguity class %b (want %b), fine class %d", form, l.amb, want, l.fine)
		}
	}
	if l := lx.word("zzzunseen"); l.amb != 0 || l.fine != 0 || l.coarse != 0 {
		t.Errorf("an unseen word has classes: %+v", l)
	}
	c := lexCorpus(ss, map[string]int{}, tab)
	jackknifeAmbiguity(c, 4, WordOptions{MinTagged: 1})
	for i, s := range ss {
		for j, w := range s.Words {
			n := normString(w.Form)
			seen := 0
			for k, s2 := range ss {
				if k%4 != i%4 {
					for _, w2 := range s2.Words {
						if normString(w2.Form) == n {
							seen++
						}
					}
				}
			}
			if (seen == 0) != (c.lex[i][j].amb == 0) {
				t.Fatalf("sentence %d word %q: seen %d times in the other folds, jackknifed class %b", i, w.Form, seen, c.lex[i][j].amb)
			}
		}
	}
}

// The inference parser's action scores (actionScores: per-word caches
// plus the cross features) are exactly the training features' scores at
// every configuration, on the model's own parses and on configurations
// reached by arbitrary valid actions; so are the relation scores of every
// arc (labelScores: the Fixed templates read by position).
func TestActionScoresExact(t *testing.T) {
	m := load(t)
	w := m.getWork()
	w.scores = make([]int32, max(nActions, len(m.rels)))
	sc, want := make([]int32, nActions), make([]int32, nActions)
	states, arcs, cached, full := 0, 0, 0, 0
	rng := uint64(1)
	for _, s := range readTestdata(t, "ewt-dev-200.conllu") {
		w.lex = w.lex[:0]
		w.lx.tab = m.words
		for _, x := range s.Words {
			w.lex = append(w.lex, w.lx.word(x.Form))
		}
		w.tags = growInts(w.tags, len(s.Words))
		tag(m.tag, m.tagFx, w.lex, w.tags, &w.tsc)
		for _, random := range []bool{false, true} {
			st := &w.st
			st.reset(len(s.Words))
			for i := range s.Words {
				st.wh[i+1] = w.lex[i].norm
				st.am[i+1], st.ai[i+1] = w.lex[i].amb, w.lex[i].ambI
				st.tg[i+1] = uint64(w.tags[i] + 2)
			}
			w.pc.reset(len(s.Words))
			for !st.done() {
				st.actionScores(m.par, m.parFx, &w.pc, sc)
				f := st.feats(nil)
				m.par.Scores(f, want)
				if !slices.Equal(sc, want) {
					t.Fatalf("%q, configuration %d: action scores %v, the training features give %v", s.Text, states, sc, want)
				}
				states, cached, full = states+1, cached+len(w.pc.feats), full+len(f)
				a := bestAction(st, sc)
				if random {
					var ok []int
					for b, v := range [nActions]bool{st.validShift(), st.validReduce(), st.validLeft(), st.validRight()} {
						if v {
							ok = append(ok, b)
						}
					}
					rng = splitmix(rng + 0x9E3779B97F4A7C15)
					a = ok[rng%uint64(len(ok))]
				}
				l := -1
				if a == actLeft || a == actRight {
					h, d := st.arc(a)
					if h > 0 {
						got, want := make([]int32, len(m.rels), len(m.rels)+256), make([]int32, len(m.rels))
						st.labelScores(m.lab, m.labFx, nil, h, d, got)
						m.lab.Scores(st.labelFeats(nil, h, d), want)
						if !slices.Equal(got, want) {
							t.Fatalf("%q, configuration %d: relation scores differ from the training features'", s.Text, states)
						}
						arcs++
					}
					l = m.label(st, h, d, w)
				}
				st.apply(a, l)
			}
		}
	}
	t.Logf("%d configurations, %d arcs: %d features looked up, %d without the caches", states, arcs, cached, full)
}

// TestParseTagged: words tagged by Tag and then parsed by ParseTagged get
// what Analyze gives them, and an untagged word makes ParseTagged tag.
func TestParseTagged(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"The militants killed at least 27 soldiers in an attack on Tuesday, officials said.",
		"I can't believe it's not butter!",
		"Reuters could not independently verify the report.",
	} {
		var forms []string
		for _, sent := range m.ParseText(s) {
			for _, w := range sent.Words {
				forms = append(forms, w.Form)
			}
		}
		want := m.Parse(forms)
		got := make([]Word, len(forms))
		for i, f := range forms {
			got[i].Form = f
		}
		m.Tag(got)
		for i := range got {
			if got[i].UPOS != want[i].UPOS || got[i].XPOS != want[i].XPOS || got[i].Head != 0 {
				t.Fatalf("%q: Tag gave word %d %+v, Analyze %+v", s, i+1, got[i], want[i])
			}
		}
		m.ParseTagged(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: ParseTagged gave\n%+v\nAnalyze\n%+v", s, got, want)
		}
		untagged := make([]Word, len(forms))
		for i, f := range forms {
			untagged[i].Form = f
		}
		m.ParseTagged(untagged)
		if !slices.Equal(untagged, want) {
			t.Errorf("%q: ParseTagged of untagged words gave\n%+v\nAnalyze\n%+v", s, untagged, want)
		}
	}
}

// TestKnownLemma: an unseen verb whose edit script cuts a letter too
// many or too few gets the word-table word one spelling change away; a
// noun and a word whose lemma is a known word keep theirs.
func TestKnownLemma(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sentence, form, lemma string }{
		{"Fu Cong blamed the administration for the collapse.", "blamed", "blame"},
		{"The court was disputing the ruling.", "disputing", "dispute"},
		{"The ministry is revoking the licences.", "revoking", "revoke"},
		{"The army was barring reporters from the town.", "barring", "bar"},
		{"Several aides left the White House.", "aides", "aide"},
		{"He cited the report.", "cited", "cite"},
	} {
		found := false
		for _, s := range m.ParseText(c.sentence) {
			for _, w := range s.Words {
				if w.Form == c.form {
					found = true
					if w.Lemma != c.lemma {
						t.Errorf("%q: %q has lemma %q (%s), want %q", c.sentence, w.Form, w.Lemma, w.UPOS, c.lemma)
					}
				}
			}
		}
		if !found {
			t.Errorf("%q: no word %q", c.sentence, c.form)
		}
	}
}
