package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsclaims/newsclaims/extract/learn"
	"github.com/newsclaims/newsclaims/extract/ner"
	"github.com/newsclaims/newsclaims/extract/syntax"
	"github.com/newsclaims/newsclaims/extract/tokens"
)

// unlabelledText is the text the tagger's word classes are built from:
// the words of the UD training sentences, of the NER corpora's training
// files (tweets, news, government and encyclopedia text) and of the VOA
// stories (tokenized like any article). No dev or test sentence of EWT or
// GUM is in it (UNER-EWT dev is EWT dev, so it is left out).
func unlabelledText(shared string, udTrainSents []syntax.Sentence) ([][]string, []learn.TrainingFile, error) {
	var text [][]string
	var files []learn.TrainingFile
	for _, s := range udTrainSents {
		ws := make([]string, len(s.Words))
		for i, w := range s.Words {
			ws[i] = w.Form
		}
		text = append(text, ws)
	}
	for _, c := range ner.SharedCorpora(shared) {
		if c.Role != "train" || c.Name == "uner-ewt-dev" || c.Name == "gum-train" {
			continue
		}
		ss, err := c.Read()
		if err != nil {
			return nil, nil, err
		}
		for _, s := range ss {
			text = append(text, s.Words)
		}
		sum, err := learn.FileSum(c.Path)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, sum)
	}
	voa := filepath.Join(shared, "corpus", "voa", "stories.jsonl")
	f, err := os.Open(voa)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var st struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", voa, n, err)
		}
		toks, sents := tokens.Tokenize(st.Text)
		for _, s := range sents {
			var ws []string
			for _, w := range tokens.Words(st.Text, s, toks) {
				ws = append(ws, w.Text)
			}
			text = append(text, ws)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", voa, err)
	}
	sum, err := learn.FileSum(voa)
	if err != nil {
		return nil, nil, err
	}
	return text, append(files, sum), nil
}
