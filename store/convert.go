package store

import (
	"fmt"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

// CodePointResult is an extraction with every span converted to code
// points and checked exactly as SaveArticle checks it: what would be
// stored, without a database.
type CodePointResult struct {
	Blocks   []Block          `json:"blocks"`
	Entities []extract.Entity `json:"entities"`
	Claims   []extract.Claim  `json:"claims"`
}

// Block is a text block with its span in code points.
type Block struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ToCodePoints converts the byte spans of blocks and r into code points of
// text. A span that is out of range, splits a rune or does not slice to its
// text is an error, never clamped.
func ToCodePoints(text string, blocks []ingest.Block, r extract.Result) (CodePointResult, error) {
	if err := checkText(text); err != nil {
		return CodePointResult{}, err
	}
	o := newOffsets(text)
	out := CodePointResult{Blocks: make([]Block, len(blocks)), Entities: make([]extract.Entity, len(r.Entities)), Claims: make([]extract.Claim, len(r.Claims))}
	for i, b := range blocks {
		s, e, err := o.convert(b.Start, b.End)
		if err != nil {
			return CodePointResult{}, fmt.Errorf("block %d (%s): %w", i, b.Kind, err)
		}
		out.Blocks[i] = Block{Kind: b.Kind, Start: s, End: e}
	}
	for i, en := range r.Entities {
		s, e, err := o.span(en.Start, en.End, en.Text)
		if err != nil {
			return CodePointResult{}, fmt.Errorf("entity %d (%s): %w", i, en.Kind, err)
		}
		en.Start, en.End = s, e
		out.Entities[i] = en
	}
	for i, c := range r.Claims {
		s, e, err := o.span(c.Start, c.End, c.Text)
		if err != nil {
			return CodePointResult{}, fmt.Errorf("claim %d (rule %s): %w", i, c.Rule, err)
		}
		c.Start, c.End = s, e
		args := make([]extract.Arg, len(c.Args))
		for j, a := range c.Args {
			as, ae, err := o.span(a.Start, a.End, a.Text)
			if err != nil {
				return CodePointResult{}, fmt.Errorf("claim %d (rule %s) arg %s: %w", i, c.Rule, a.Role, err)
			}
			a.Start, a.End = as, ae
			args[j] = a
		}
		c.Args = args
		if c.Explain != nil {
			ex := *c.Explain
			ex.Parts = make([]extract.ExplainPart, len(c.Explain.Parts))
			for j, p := range c.Explain.Parts {
				ps, pe, err := o.span(p.Start, p.End, p.Text)
				if err != nil {
					return CodePointResult{}, fmt.Errorf("claim %d (rule %s) explanation part %q: %w", i, c.Rule, p.Elem, err)
				}
				p.Start, p.End = ps, pe
				ex.Parts[j] = p
			}
			c.Explain = &ex
		}
		out.Claims[i] = c
	}
	return out, nil
}
