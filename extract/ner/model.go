package ner

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// modelFile is the recogniser trained by `make train` (cmd/train/ner.go);
// see models/README.md for its sources, licence and scores.
//
//go:embed models/ner.model
var modelFile []byte

// wordsFile is the word classes trained with it (see Words).
//
//go:embed models/ner.words
var wordsFile []byte

// Load decodes the embedded model and its word classes, and checks that
// they were trained together (the model header records the sha256 of the
// word file). The result is immutable: load it once and share it; make a
// Tagger per goroutine.
func Load() (*Model, error) {
	return Decode(modelFile, wordsFile, "extract/ner/models/ner.model", "extract/ner/models/ner.words")
}

// LoadFiles reads a model and its word classes from files: a model that
// cmd/train wrote elsewhere (a cross-validation fold, -ner-out).
func LoadFiles(modelPath, wordsPath string) (*Model, error) {
	md, err := os.ReadFile(modelPath)
	if err != nil {
		return nil, err
	}
	wd, err := os.ReadFile(wordsPath)
	if err != nil {
		return nil, err
	}
	return Decode(md, wd, modelPath, wordsPath)
}

// Decode decodes a model file and its word class file (named for errors)
// and checks that they were trained together.
func Decode(modelData, wordsData []byte, modelName, wordsName string) (*Model, error) {
	m, err := learn.Read(modelData, modelName, ModelKind, FeatureSet)
	if err != nil {
		return nil, err
	}
	if want, got := m.Header.Options["words_sha256"], WordsSum(wordsData); want != got {
		return nil, fmt.Errorf("%s: sha256 %s, the model was trained with %s", wordsName, got, want)
	}
	w, err := ReadWords(wordsData, wordsName)
	if err != nil {
		return nil, err
	}
	return &Model{Weights: m, Words: w}, nil
}

// WordsSum is the sha256 (hex) of a word class file.
func WordsSum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// Sum is the sha256 (hex) of the embedded model file, for the runs table.
func Sum() string {
	s := sha256.Sum256(modelFile)
	return hex.EncodeToString(s[:])
}

// POS is the part-of-speech tag set the model reads in Input.POS ("xpos":
// the syntax tagger's XPOS of each word), or "" when it reads none (a model
// trained without tags: the caller then does not tag).
func (m *Model) POS() string {
	if p := m.Weights.Header.Options["pos"]; p != "none" {
		return p
	}
	return ""
}

// TaggerSum is the sha256 (hex) of the syntax tagger file whose tags the
// model was trained on ("" for a model that reads none).
func (m *Model) TaggerSum() string { return m.Weights.Header.Options["tagger_sha256"] }
