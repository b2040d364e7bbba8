package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Cross-source matching. When an article's claims are stored, its
// claim_keys rows (x) are joined with the other articles' rows (o) on the
// index claim_keys (kind, key, day), and each matching pair of claims is
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

// pairWindow bounds the pairs one new claim makes: only the 50 most
// recent other articles sharing a key are compared (migration 0008). The
// window keeps inserts constant-time however often a fact is repeated;
// claim_support therefore counts at most 50 corroborating articles.
const pairWindow = `
	AND o.article_id >= coalesce((SELECT w.article_id FROM claim_keys w
		WHERE w.kind = x.kind AND w.key = x.key AND w.article_id <> ?1
		ORDER BY w.article_id DESC LIMIT 1 OFFSET 49), 0)`

// matchConditions are shared by all corroboration branches.
const matchConditions = pairWindow + `
	AND (x.scope IS NULL OR o.scope IS NULL OR x.scope <> o.scope OR x.scope = 'country')
	AND (x.extra IS NULL OR o.extra IS NULL OR x.extra = o.extra)
	AND ((x.value IS NULL AND o.value IS NULL)
		OR abs(x.value - o.value) <= max(x.tolerance, o.tolerance) * max(abs(x.value), abs(o.value)))`

var (
	pairSelect = pairColumns("claim_id", "article_id", "value", "qualifier", "day")

	// insertCorroborationsSQL: ?1 is the article whose claims were just
	// stored. Three branches so that each is an index range: both days
	// known and at most 3 apart; x's day unknown; o's day unknown.
	insertCorroborationsSQL = `INSERT OR IGNORE INTO claim_pairs (relation, kind, key,
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b)
	SELECT 'corroborates', kind, group_concat(key, ' ; '),
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b
	FROM (
		SELECT x.kind, x.key, ` + pairSelect + `
		FROM claim_keys x
		JOIN claim_keys o ON o.kind = x.kind AND o.key = x.key AND o.day BETWEEN x.day - 3 AND x.day + 3
		WHERE x.article_id = ?1 AND o.article_id <> ?1` + matchConditions + `
		UNION ALL
		SELECT x.kind, x.key, ` + pairSelect + `
		FROM claim_keys x
		JOIN claim_keys o ON o.kind = x.kind AND o.key = x.key
		WHERE x.article_id = ?1 AND x.day IS NULL AND o.article_id <> ?1` + matchConditions + `
		UNION ALL
		SELECT x.kind, x.key, ` + pairSelect + `
		FROM claim_keys x
		JOIN claim_keys o ON o.kind = x.kind AND o.key = x.key AND o.day IS NULL
		WHERE x.article_id = ?1 AND x.day IS NOT NULL AND o.article_id <> ?1` + matchConditions + `
		ORDER BY 2
	)
	GROUP BY claim_a, claim_b`

	insertContradictionsSQL = `INSERT OR IGNORE INTO claim_pairs (relation, kind, key,
		claim_a, article_a, value_a, qualifier_a, day_a, claim_b, article_b, value_b, qualifier_b, day_b, compatible)
	SELECT 'contradicts', x.kind, x.key, ` + pairSelect + `,
		((x.lo IS NULL OR o.hi IS NULL OR x.lo <= o.hi) AND (o.lo IS NULL OR x.hi IS NULL OR o.lo <= x.hi))
	FROM claim_keys x
	JOIN claim_keys o ON o.kind = x.kind AND o.key = x.key
	WHERE x.article_id = ?1 AND o.article_id <> ?1
		AND x.fact IS NOT NULL AND o.fact = x.fact
		AND x.value IS NOT NULL AND o.value IS NOT NULL
		AND abs(x.value - o.value) > max(x.tolerance, o.tolerance) * max(abs(x.value), abs(o.value))
		AND (x.extra IS NULL OR o.extra IS NULL OR x.extra = o.extra)
		AND (x.fact = 'timeless' OR (x.day IS NOT NULL AND o.day IS NOT NULL AND abs(x.day - o.day) <= 1))
		-- one representative per differing value: the latest other article
		-- stating it, so that n articles with n values make O(n) pairs, not
		-- a clique of n² (index claim_keys_value)
		AND o.article_id = (SELECT max(o2.article_id) FROM claim_keys o2
			WHERE o2.kind = o.kind AND o2.key = o.key AND o2.value = o.value AND o2.article_id <> ?1)`
)

// insertPairs records the corroborations and contradictions between one
// article's claims and the stored claims of other articles. stmts are the
// prepared insertCorroborationsSQL and insertContradictionsSQL, or nil to
// prepare them here (migrations).
func insertPairs(ctx context.Context, tx *sql.Tx, articleID int64, stmts ...*sql.Stmt) error {
	for i, q := range []string{insertCorroborationsSQL, insertContradictionsSQL} {
		var err error
		if i < len(stmts) && stmts[i] != nil {
			_, err = tx.StmtContext(ctx, stmts[i]).ExecContext(ctx, articleID)
		} else {
			_, err = tx.ExecContext(ctx, q, articleID)
		}
		if err != nil {
			return fmt.Errorf("match claims across articles: %w", err)
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
