package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultLimit caps query results when a filter sets no limit.
const DefaultLimit = 1000

// ClaimFilter selects claims. Empty fields do not filter. Values are bound
// as SQL parameters and never change the query.
type ClaimFilter struct {
	Kind string // claim kind: casualty, capture, statement...
	// Place matches a place argument's norm or text, case-insensitively
	// ("Kandahar" matches norm "Kandahar" and text "Kandahar province").
	Place string
	// Since and Until bound the claim's event_date (YYYY-MM-DD, both
	// inclusive): the date of its time argument, else the article's
	// publication date.
	Since, Until string
	// Source matches a source argument's norm or text containing it,
	// case-insensitively ("UNICEF").
	Source    string
	ArticleID int64
	Limit     int // 0 means DefaultLimit
}

// ClaimRow is a stored claim with its arguments. Spans count code points.
type ClaimRow struct {
	ID          int64    `json:"id"`
	ArticleID   int64    `json:"article_id"`
	PublishedAt string   `json:"published_at,omitempty"`
	EventDate   string   `json:"event_date,omitempty"`
	Kind        string   `json:"kind"`
	Rule        string   `json:"rule"`
	Certainty   string   `json:"certainty,omitempty"`
	Text        string   `json:"text"`
	SpanStart   int      `json:"span_start"`
	SpanEnd     int      `json:"span_end"`
	Args        []ArgRow `json:"args"`
}

// ArgRow is a stored claim argument.
type ArgRow struct {
	Role      string   `json:"role"`
	Text      string   `json:"text"`
	Norm      string   `json:"norm,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Country   string   `json:"country,omitempty"`
	SpanStart int      `json:"span_start"`
	SpanEnd   int      `json:"span_end"`
}

// Claims returns the claims matching f, ordered by article and position.
func (db *DB) Claims(ctx context.Context, f ClaimFilter) ([]ClaimRow, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where = append(where, "c.kind = ?")
		args = append(args, f.Kind)
	}
	if f.ArticleID != 0 {
		where = append(where, "c.article_id = ?")
		args = append(args, f.ArticleID)
	}
	if f.Since != "" {
		d, err := dateArg("since", f.Since)
		if err != nil {
			return nil, err
		}
		where = append(where, "c.event_date >= ?")
		args = append(args, d)
	}
	if f.Until != "" {
		d, err := dateArg("until", f.Until)
		if err != nil {
			return nil, err
		}
		where = append(where, "c.event_date <= ?")
		args = append(args, d)
	}
	if f.Place != "" {
		where = append(where, `EXISTS (SELECT 1 FROM claim_args p WHERE p.claim_id = c.id AND p.role = 'place'
			AND (p.norm = ? OR p.text = ? COLLATE NOCASE))`)
		args = append(args, f.Place, f.Place)
	}
	if f.Source != "" {
		where = append(where, `EXISTS (SELECT 1 FROM claim_args s WHERE s.claim_id = c.id AND s.role = 'source'
			AND (s.norm LIKE ? ESCAPE '\' OR s.text LIKE ? ESCAPE '\'))`)
		pat := "%" + escapeLike(f.Source) + "%"
		args = append(args, pat, pat)
	}
	q := `SELECT c.id, c.article_id, coalesce(a.published_at, ''), coalesce(c.event_date, ''), c.kind, c.rule,
		coalesce(c.certainty, ''), c.text, c.span_start, c.span_end
		FROM claims c JOIN articles a ON a.id = c.article_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY c.article_id, c.span_start, c.id LIMIT ?"
	args = append(args, limit(f.Limit))

	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	var out []ClaimRow
	byID := map[int64]int{}
	for rows.Next() {
		var c ClaimRow
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.PublishedAt, &c.EventDate, &c.Kind, &c.Rule, &c.Certainty,
			&c.Text, &c.SpanStart, &c.SpanEnd); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claims: %w", err)
		}
		byID[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	// Arguments, in chunks of claim ids.
	const chunk = 500
	for i := 0; i < len(out); i += chunk {
		ids := out[i:min(i+chunk, len(out))]
		ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
		idArgs := make([]any, len(ids))
		for j, c := range ids {
			idArgs[j] = c.ID
		}
		rows, err := db.db.QueryContext(ctx, `SELECT claim_id, role, text, coalesce(norm, ''), value,
			coalesce(qualifier, ''), coalesce(country, ''), span_start, span_end
			FROM claim_args WHERE claim_id IN (`+ph+`) ORDER BY claim_id, span_start, id`, idArgs...)
		if err != nil {
			return nil, fmt.Errorf("claim args: %w", err)
		}
		for rows.Next() {
			var id int64
			var a ArgRow
			var v sql.NullFloat64
			if err := rows.Scan(&id, &a.Role, &a.Text, &a.Norm, &v, &a.Qualifier, &a.Country, &a.SpanStart, &a.SpanEnd); err != nil {
				rows.Close()
				return nil, fmt.Errorf("claim args: %w", err)
			}
			if v.Valid {
				a.Value = &v.Float64
			}
			out[byID[id]].Args = append(out[byID[id]].Args, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("claim args: %w", err)
		}
	}
	return out, nil
}

// EntityFilter selects entities. Empty fields do not filter.
type EntityFilter struct {
	Kind string // place, person, organization, number, date
	// Norm matches the norm exactly, case-insensitively.
	Norm string
	// Text matches entities whose text or norm contains it,
	// case-insensitively.
	Text      string
	Country   string // places: ISO code
	Source    string // model, gazetteer, lexicon, rule
	ArticleID int64
	Limit     int // 0 means DefaultLimit
}

// EntityRow is a stored entity. Spans count code points.
type EntityRow struct {
	ID        int64    `json:"id"`
	ArticleID int64    `json:"article_id"`
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	Norm      string   `json:"norm,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	ValueMax  *float64 `json:"value_max,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Type      string   `json:"type,omitempty"`
	Country   string   `json:"country,omitempty"`
	Block     string   `json:"block,omitempty"`
	Source    string   `json:"source,omitempty"`
	SpanStart int      `json:"span_start"`
	SpanEnd   int      `json:"span_end"`
}

// Entities returns the entities matching f, ordered by article and
// position.
func (db *DB) Entities(ctx context.Context, f EntityFilter) ([]EntityRow, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where = append(where, "kind = ?")
		args = append(args, f.Kind)
	}
	if f.Norm != "" {
		where = append(where, "norm = ?") // norm is declared COLLATE NOCASE
		args = append(args, f.Norm)
	}
	if f.Text != "" {
		pat := "%" + escapeLike(f.Text) + "%"
		where = append(where, `(text LIKE ? ESCAPE '\' OR norm LIKE ? ESCAPE '\')`)
		args = append(args, pat, pat)
	}
	if f.Country != "" {
		where = append(where, "country = ? COLLATE NOCASE")
		args = append(args, f.Country)
	}
	if f.Source != "" {
		where = append(where, "source = ?")
		args = append(args, f.Source)
	}
	if f.ArticleID != 0 {
		where = append(where, "article_id = ?")
		args = append(args, f.ArticleID)
	}
	q := `SELECT id, article_id, kind, text, coalesce(norm, ''), value, value_max, coalesce(qualifier, ''),
		coalesce(type, ''), coalesce(country, ''), coalesce(block, ''), coalesce(source, ''), span_start, span_end FROM entities`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY article_id, span_start, id LIMIT ?"
	args = append(args, limit(f.Limit))
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	var out []EntityRow
	for rows.Next() {
		var e EntityRow
		var v, vmax sql.NullFloat64
		if err := rows.Scan(&e.ID, &e.ArticleID, &e.Kind, &e.Text, &e.Norm, &v, &vmax, &e.Qualifier, &e.Type,
			&e.Country, &e.Block, &e.Source, &e.SpanStart, &e.SpanEnd); err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		if v.Valid {
			e.Value = &v.Float64
		}
		if vmax.Valid {
			e.ValueMax = &vmax.Float64
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return out, nil
}

// Stats summarises the database.
type Stats struct {
	Articles       int            `json:"articles"`
	Entities       int            `json:"entities"`
	Claims         int            `json:"claims"`
	ClaimsByKind   map[string]int `json:"claims_by_kind"`
	EntitiesByKind map[string]int `json:"entities_by_kind"`
	Errors         int            `json:"ingest_errors"`
	LastRun        *Run           `json:"last_run,omitempty"`
}

// Stats counts articles, claims and entities by kind, and reads the last
// run. It leaves out corroborations and contradictions: counting every
// pair is a full evaluation of those views, too slow for a summary on a
// large database.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	s := Stats{ClaimsByKind: map[string]int{}, EntitiesByKind: map[string]int{}}
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{"SELECT count(*) FROM articles", &s.Articles},
		{"SELECT count(*) FROM ingest_errors", &s.Errors},
	} {
		if err := db.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	for _, q := range []struct {
		sql   string
		m     map[string]int
		total *int
	}{
		{"SELECT kind, count(*) FROM claims GROUP BY kind", s.ClaimsByKind, &s.Claims},
		{"SELECT kind, count(*) FROM entities GROUP BY kind", s.EntitiesByKind, &s.Entities},
	} {
		rows, err := db.db.QueryContext(ctx, q.sql)
		if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return Stats{}, fmt.Errorf("stats: %w", err)
			}
			q.m[k] = n
			*q.total += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	r, err := db.LastRun(ctx)
	switch {
	case err == nil:
		s.LastRun = &r
	case !errors.Is(err, ErrNotFound):
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

func limit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return n
}

// dateArg checks a YYYY-MM-DD filter date.
func dateArg(name, s string) (string, error) {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", fmt.Errorf("%s %q: %w: want a date YYYY-MM-DD", name, s, ErrInvalid)
	}
	return s, nil
}

// escapeLike escapes LIKE's wildcards so that a filter value matches
// literally (with ESCAPE '\').
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
