package ner

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"

	"github.com/newsclaims/newsclaims/extract/learn"
)

// modelFile is the recogniser trained by `make train` (cmd/train/ner.go);
// see models/README.md for its sources, licence and scores.
//
//go:embed models/ner.model
var modelFile []byte

// Load decodes the embedded model. The result is immutable: load it once
// and share it; make a Tagger per goroutine.
func Load() (*learn.Model, error) {
	return learn.Read(modelFile, "extract/ner/models/ner.model", ModelKind, FeatureSet)
}

// Sum is the sha256 (hex) of the embedded model file, for the runs table.
func Sum() string {
	s := sha256.Sum256(modelFile)
	return hex.EncodeToString(s[:])
}
