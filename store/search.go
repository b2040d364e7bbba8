package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// Snippet highlight markers around matched terms.
const (
	HighlightStart = "«"
	HighlightEnd   = "»"
)

// SearchHit is one article matching a full-text query.
type SearchHit struct {
	ArticleID   int64   `json:"article_id"`
	Title       string  `json:"title,omitempty"`
	SourcePath  string  `json:"source_path"`
	PublishedAt string  `json:"published_at,omitempty"`
	Snippet     string  `json:"snippet"` // matched terms between HighlightStart and HighlightEnd
	Rank        float64 `json:"rank"`    // bm25: lower is better
}

// ClaimHit is one claim whose evidence matches a full-text query.
type ClaimHit struct {
	ClaimID   int64   `json:"claim_id"`
	ArticleID int64   `json:"article_id"`
	Kind      string  `json:"kind"`
	Snippet   string  `json:"snippet"`
	SpanStart int     `json:"span_start"`
	SpanEnd   int     `json:"span_end"`
	Rank      float64 `json:"rank"`
}

// Search finds articles whose title or text match query, best first, with
// a highlighted snippet of the text. The query is words, matched with
// stemming and without case or diacritics; all must occur. "double
// quotes" make a phrase, a trailing * a prefix, and OR / NOT between words
// work as in FTS5. Any other character is taken literally, so no input is a
// syntax error. limit 0 means DefaultLimit.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	match := FTSQuery(query)
	if match == "" {
		return nil, nil
	}
	rows, err := db.db.QueryContext(ctx, `SELECT a.id, coalesce(a.title, ''), a.source_path, coalesce(a.published_at, ''),
		snippet(articles_fts, 1, ?, ?, '…', 16), bm25(articles_fts, 5.0, 1.0) AS rank
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?`,
		HighlightStart, HighlightEnd, match, limitOr(limit))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.SourcePath, &h.PublishedAt, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// SearchClaims finds claims whose evidence text matches query (as in
// Search), best first.
func (db *DB) SearchClaims(ctx context.Context, query string, limit int) ([]ClaimHit, error) {
	match := FTSQuery(query)
	if match == "" {
		return nil, nil
	}
	rows, err := db.db.QueryContext(ctx, `SELECT c.id, c.article_id, c.kind,
		snippet(claims_fts, 0, ?, ?, '…', 24), c.span_start, c.span_end, bm25(claims_fts) AS rank
		FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
		WHERE claims_fts MATCH ? ORDER BY rank, c.id LIMIT ?`,
		HighlightStart, HighlightEnd, match, limitOr(limit))
	if err != nil {
		return nil, fmt.Errorf("search claims %q: %w", query, err)
	}
	defer rows.Close()
	var hits []ClaimHit
	for rows.Next() {
		var h ClaimHit
		if err := rows.Scan(&h.ClaimID, &h.ArticleID, &h.Kind, &h.Snippet, &h.SpanStart, &h.SpanEnd, &h.Rank); err != nil {
			return nil, fmt.Errorf("search claims %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search claims %q: %w", query, err)
	}
	return hits, nil
}

func limitOr(n int) int { return limit(n) }

// FTSQuery turns a user's query into an FTS5 query that cannot be a syntax
// error: each word becomes a quoted string (FTS5's tokenizer then splits it
// as it splits the text, so "Sar-e" matches "Sar-e Pul"); text in double
// quotes stays one phrase; a trailing * makes a prefix query; OR and NOT
// between two terms are kept as operators. It returns "" when the query
// has no terms.
func FTSQuery(q string) string {
	var terms []string // quoted terms and operators
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	hasWord := func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
	}
	for q != "" {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			break
		}
		var tok string
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				tok, q = q[1:], ""
			} else {
				tok, q = q[1:1+end], q[2+end:]
			}
			if hasWord(tok) {
				terms = append(terms, quote(tok))
			}
			continue
		}
		end := strings.IndexFunc(q, unicode.IsSpace)
		if end < 0 {
			end = len(q)
		}
		tok, q = q[:end], q[end:]
		switch {
		case tok == "OR" || tok == "NOT" || tok == "AND":
			terms = append(terms, tok)
		case strings.HasSuffix(tok, "*") && hasWord(strings.TrimRight(tok, "*")):
			terms = append(terms, quote(strings.TrimRight(tok, "*"))+"*")
		case hasWord(tok):
			terms = append(terms, quote(tok))
		}
	}
	// Keep an operator only between two terms.
	var out []string
	isOp := func(s string) bool { return s == "OR" || s == "NOT" || s == "AND" }
	for i, t := range terms {
		if isOp(t) && (len(out) == 0 || isOp(out[len(out)-1]) || i == len(terms)-1 || isOp(terms[i+1])) {
			continue
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}
