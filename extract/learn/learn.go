// Package learn is the one learner of newsclaims: feature hashing, an
// averaged perceptron trainer and a compact, immutable inference model with
// a self-describing file format. The tagger, the lemmatizer and the parser
// (extract/syntax) and the entity recogniser (extract/ner) are heads on it:
// each names its features and its label set, this package does the rest.
//
// # Features
//
// A feature is a uint64: a template id mixed with the ids of the things it
// looks at, never a string built at inference time.
//
//	h := learn.Feat(tmplSuffix3, learn.String(suffix))   // one part
//	h := learn.Feat2(tmplPrevTagWord, uint64(prevTag), wordHash)
//	h := learn.Feat3(t, a, b, c)
//
// String and Bytes hash text (FNV-1a, then a 64-bit finalizer) so that a
// head hashes each word once per sentence and mixes the hashes per template.
// Hashes are the same on every machine and every run.
//
// # Training
//
//	tr := learn.NewTrainer(len(labels))
//	for epoch := range epochs {
//		learn.Shuffle(order, seed+epoch)          // seeded, deterministic
//		for _, i := range order {
//			feats = head.features(feats[:0], ...)
//			tr.Scores(feats, scores)           // current (not averaged) weights
//			guess := argmax(scores)              // the head masks invalid labels
//			tr.Update(feats, gold, guess)        // call for every example: it is also the clock
//		}
//	}
//	m := tr.Model(learn.Prune{MinSeen: 2})   // averaged, quantized, pruned
//
// Averaging is lazy: each weight keeps the time of its last change and a
// running total, so an update costs O(features), not O(model). Weights are
// integers while training, so averaging is exact and deterministic.
//
// # Inference
//
// Model.Scores(feats, scores) adds, for each feature found, its non-zero
// class weights into scores ([]int32, one per label, in quantized units:
// multiply by Model.Scale for the averaged perceptron value). The model is
// an open-addressing table of 32-bit key fingerprints over flat arrays of
// (class, int16 weight) pairs; it allocates nothing and is safe for
// concurrent use.
//
// # Files
//
// Model.Write writes the magic "NCLEARN\n", the file format version, a JSON
// Header (head kind, feature-set version, labels, sha256 of each training
// file, dev/test scores, free-form extras) and the flat arrays, all little
// endian. Read checks the magic, the format version and the feature-set
// version the caller expects, and says which one differs. Writing the same
// model twice gives the same bytes.
package learn

import (
	"slices"
	"strings"
)

// SortByCount sorts keys by count, highest first, then by value, so that
// label sets and vocabularies built from map counts are the same on every
// run.
func SortByCount(keys []string, count map[string]int) {
	slices.SortFunc(keys, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
}

// ByCount returns the keys of count sorted as SortByCount does.
func ByCount(count map[string]int) []string {
	out := make([]string, 0, len(count))
	for k := range count {
		out = append(out, k)
	}
	SortByCount(out, count)
	return out
}
