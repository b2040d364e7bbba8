package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Cross-source matching. When an article's claims are stored, its
// claim_keys rows (x) are joined with the other articles' rows (o) on the
// index claim_keys (kind, key, article_id) within a window of the most
// recent earlier claims (pairWindow), and each matching pair of claims is
// recorded in claim_pairs, the claim of the article with the smaller id as
// claim_a. The corroborations and contradictions views read claim_pairs.
// The rules are documented in migrations/0006_claim_pairs.sql, with the
// scope rule of 0007: two claims whose keys have the same scope 'within'
// (two places inside one country) or 'placed' (two claims with places,
// compared on a source key) do not match on that key.

// pairColumns orders a pair by article id: the column of x or o,
// whichever has the smaller article id, as name_a, the other as name_b
// (claim_id and article_id are named claim and article).
func pairColumns(cols ...string) string {
	var out []string
	for _, side := range []struct{ first, second, suffix string }{{"x", "o", "a"}, {"o", "x", "b"}} {
		for _, c := range cols {
			name := strings.TrimSuffix(c, "_id")
			out = append(out, fmt.Sprintf("CASE WHEN x.article_id < o.article_id THEN %s.%s ELSE %s.%s END AS %s_%s",
				side.first, c, side.second, c, name, side.suffix))
		}
	}
	return strings.Join(out, ",\n\t")
}

// pairLimit bounds the pairs one new claim makes, so that storing an
// article costs time linear in its claims however often a fact is
// repeated, in other articles or in the article itself: per key, a claim
// is compared with the pairLimit most recent claims of earlier articles
// sharing it (the window), and it keeps at most pairLimit pairs of each
// relation, the most recent articles first. claim_support therefore
// counts at most 50 corroborating articles per claim and key window.
const pairLimit = 50

// pairWindow is the window of one key of x: the claims of the pairLimit
// most recent earlier rows of claim_keys with x's kind and key. It is one
// range of the index claim_keys_key_article (kind, key, article_id, and
// the primary key claim_id): the new article's own rows, which have the
// largest article id, are never read, however many there are (before
// migration 0010 every claim stepped over all of them: quadratic).
// ?1 is the article whose claims are matched; ?2 is 0, or an earlier
// article id to which the pairs are restricted (reprocessing, see
// insertPairs).
var pairWindow = fmt.Sprintf(`
	AND o.claim_id IN (SELECT w.claim_id FROM claim_keys w
		WHERE w.kind = x.kind AND w.key = x.key AND w.article_id < ?1
		ORDER BY w.article_id DESC, w.claim_id DESC LIMIT %d)
	AND (?2 = 0 OR o.article_id = ?2)`, pairLimit)

// matchConditions are the corroboration rules (migration 0006, with the
// scope rule of 0007).
const matchConditions = `
	AND (x.day IS NULL OR o.day IS NULL OR o.day BETWEEN x.day - 3 AND x.day + 3)
	AND (x.scope IS NULL OR o.scope IS NULL OR x.scope <> o.scope OR x.scope = 'country')
	AND (x.extra IS NULL OR o.extra IS NULL OR x.extra = o.extra)
	AND ((x.value IS NULL AND o.value IS NULL)
		OR abs(x.value - o.value) <= max(x.tolerance, o.tolerance) * max(abs(x.value), abs(o.value)))`

// capPairs keeps at most pairLimit of the grouped pairs of each claim of
// the new article (x_claim), the most recent other articles first.
var capPairs = fmt.Sprintf(`row_number() OVER (PARTITION BY x_claim ORDER BY o_article DESC, o_claim DESC) <= %d`, pairLimit)

var (
	pairSelect = pairColumns("claim_id", "article_id", "value", "qualifier", "day")

	// insertCorroborationsSQL: pairs of the claims of article ?1 with
	// claims of earlier articles, one row per pair of claims with the
	// shared keys joined.
	insertCorroborationsSQL = `INSERT OR IGNORE INTO claim_pairs (relation, kind, key,
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b)
	SELECT 'corroborates', kind, keys,
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b
	FROM (
		SELECT kind, group_concat(key, ' ; ') AS keys,
			claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b,
			` + capPairs + ` AS kept
		FROM (
			SELECT x.kind, x.key, x.claim_id AS x_claim, o.claim_id AS o_claim, o.article_id AS o_article,
				` + pairSelect + `
			FROM claim_keys x
			JOIN claim_keys o ON +o.kind = x.kind AND o.key = x.key` + pairWindow + `
			WHERE x.article_id = ?1` + matchConditions + `
			ORDER BY x.key
		)
		GROUP BY claim_a, claim_b
	)
	WHERE kept`

	insertContradictionsSQL = `INSERT OR IGNORE INTO claim_pairs (relation, kind, key,
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b, compatible)
	SELECT 'contradicts', kind, key,
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b, compatible
	FROM (
		SELECT *, ` + capPairs + ` AS kept
		FROM (
			SELECT x.kind, x.key, x.claim_id AS x_claim, o.claim_id AS o_claim, o.article_id AS o_article,
				` + pairSelect + `,
				((x.lo IS NULL OR o.hi IS NULL OR x.lo <= o.hi) AND (o.lo IS NULL OR x.hi IS NULL OR o.lo <= x.hi)) AS compatible
			FROM claim_keys x
			JOIN claim_keys o ON +o.kind = x.kind AND o.key = x.key` + pairWindow + `
			WHERE x.article_id = ?1
				AND x.fact IS NOT NULL AND o.fact = x.fact
				AND x.value IS NOT NULL AND o.value IS NOT NULL
				AND abs(x.value - o.value) > max(x.tolerance, o.tolerance) * max(abs(x.value), abs(o.value))
				AND (x.extra IS NULL OR o.extra IS NULL OR x.extra = o.extra)
				AND (x.fact = 'timeless' OR (x.day IS NOT NULL AND o.day IS NOT NULL AND abs(x.day - o.day) <= 1))
				-- one representative per differing value: the latest earlier
				-- article stating it, so that n articles with n values make
				-- O(n) pairs, not a clique of n² (index claim_keys_value)
				AND o.article_id = (SELECT max(o2.article_id) FROM claim_keys o2
					WHERE o2.kind = o.kind AND o2.key = o.key AND o2.value = o.value AND o2.article_id < ?1)
			-- a pair of claims sharing two fact keys is one pair
			GROUP BY claim_a, claim_b
		)
	)
	WHERE kept`

	// laterArticlesSQL: the later articles whose windows can hold a claim
	// of article ?1: those with a row among the pairLimit first rows after
	// ?1's of a key ?1 has. A row further on has pairLimit rows between.
	laterArticlesSQL = fmt.Sprintf(`SELECT DISTINCT o.article_id FROM claim_keys x
	JOIN claim_keys o ON +o.kind = x.kind AND o.key = x.key
		AND o.claim_id IN (SELECT w.claim_id FROM claim_keys w
			WHERE w.kind = x.kind AND w.key = x.key AND w.article_id > ?1
			ORDER BY w.article_id, w.claim_id LIMIT %d)
	WHERE x.article_id = ?1
	ORDER BY 1`, pairLimit)
)

// insertPairs records the corroborations and contradictions between one
// article's claims and the stored claims of earlier articles. stmts are
// the prepared insertCorroborationsSQL and insertContradictionsSQL, or nil
// to prepare them here (migrations). A new article has the largest id, so
// that is everything a batch needs; rebuildPairs runs it article by
// article in id order and gets the same rows.
func insertPairs(ctx context.Context, tx *sql.Tx, articleID int64, stmts ...*sql.Stmt) error {
	return insertPairsWith(ctx, tx, articleID, 0, stmts...)
}

// insertPairsWith is insertPairs restricted to the pairs with article
// only (0: any).
func insertPairsWith(ctx context.Context, tx *sql.Tx, articleID, only int64, stmts ...*sql.Stmt) error {
	for i, q := range []string{insertCorroborationsSQL, insertContradictionsSQL} {
		var err error
		if i < len(stmts) && stmts[i] != nil {
			_, err = tx.StmtContext(ctx, stmts[i]).ExecContext(ctx, articleID, only)
		} else {
			_, err = tx.ExecContext(ctx, q, articleID, only)
		}
		if err != nil {
			return fmt.Errorf("match claims across articles: %w", err)
		}
	}
	return nil
}

// repairPairs redoes the pairs of an article whose claims were replaced
// (ReplaceExtraction): with earlier articles as when it was stored, and
// for each later article whose window may hold its new claims, the pairs
// that article would have made with them.
func repairPairs(ctx context.Context, tx *sql.Tx, articleID int64, stmts ...*sql.Stmt) error {
	if err := insertPairs(ctx, tx, articleID, stmts...); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, laterArticlesSQL, articleID)
	if err != nil {
		return fmt.Errorf("match claims across articles: %w", err)
	}
	var later []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		later = append(later, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, l := range later {
		if err := insertPairsWith(ctx, tx, l, articleID, stmts...); err != nil {
			return err
		}
	}
	return nil
}

// rebuildPairs recomputes claim_pairs from claim_keys, article by article.
func rebuildPairs(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM claim_pairs"); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT article_id FROM claim_keys ORDER BY article_id")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if err := insertPairs(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// RebuildPairs recomputes all corroborations and contradictions from the
// stored claim keys, in one transaction. Run it after changing the
// matching rules; ingesting keeps the pairs up to date by itself.
func (db *DB) RebuildPairs(ctx context.Context) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("rebuild pairs: %w", err)
	}
	defer tx.Rollback()
	if err := rebuildPairs(ctx, tx); err != nil {
		return fmt.Errorf("rebuild pairs: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("rebuild pairs: %w", err)
	}
	return nil
}
