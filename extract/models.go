package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/newsclaims/newsclaims/extract/ner"
	"github.com/newsclaims/newsclaims/extract/syntax"
)

// ModelsHash identifies the embedded trained models (the syntax models and
// the entity recogniser): runs record it beside RulesHash, so a row can be
// traced to the models that produced it. It is the same whether or not
// Options.NoModel was set, since it names what the binary carries.
func ModelsHash() (string, error) {
	m, err := syntax.Load()
	if err != nil {
		return "", fmt.Errorf("syntax models: %w", err)
	}
	h := sha256.New()
	h.Write([]byte(m.Sum))
	h.Write([]byte{0})
	h.Write([]byte(ner.Sum()))
	return hex.EncodeToString(h.Sum(nil)), nil
}
