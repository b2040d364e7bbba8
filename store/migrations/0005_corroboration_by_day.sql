-- 0005_corroboration_by_day: find corroborating claims through an index on
-- (kind, key, day), so a popular key ("killed|source=officials") is only
-- searched within the 3-day window, not across every claim sharing it.
-- Claims with an unknown day still match any day of the same key, through
-- the two other branches of the union.

DROP INDEX claim_keys_key;
CREATE INDEX claim_keys_key_day ON claim_keys (kind, key, day, article_id);

DROP VIEW claim_support;
DROP VIEW corroborations;

CREATE VIEW corroborations AS
WITH pairs AS (
	-- both days known, at most 3 days apart
	SELECT a.claim_id AS ca, b.claim_id AS cb, a.key
	FROM claim_keys a
	JOIN claim_keys b ON b.kind = a.kind AND b.key = a.key AND b.day BETWEEN a.day - 3 AND a.day + 3
	WHERE b.article_id > a.article_id
		AND (a.scope IS NOT 'within' OR b.scope IS NOT 'within')
		AND (a.extra IS NULL OR b.extra IS NULL OR a.extra = b.extra)
		AND ((a.value IS NULL AND b.value IS NULL)
			OR abs(a.value - b.value) <= max(a.tolerance, b.tolerance) * max(abs(a.value), abs(b.value)))
	UNION ALL
	-- a's day unknown
	SELECT a.claim_id, b.claim_id, a.key
	FROM claim_keys a
	JOIN claim_keys b ON b.kind = a.kind AND b.key = a.key
	WHERE a.day IS NULL AND b.article_id > a.article_id
		AND (a.scope IS NOT 'within' OR b.scope IS NOT 'within')
		AND (a.extra IS NULL OR b.extra IS NULL OR a.extra = b.extra)
		AND ((a.value IS NULL AND b.value IS NULL)
			OR abs(a.value - b.value) <= max(a.tolerance, b.tolerance) * max(abs(a.value), abs(b.value)))
	UNION ALL
	-- a's day known, b's unknown
	SELECT a.claim_id, b.claim_id, a.key
	FROM claim_keys a
	JOIN claim_keys b ON b.kind = a.kind AND b.key = a.key AND b.day IS NULL
	WHERE a.day IS NOT NULL AND b.article_id > a.article_id
		AND (a.scope IS NOT 'within' OR b.scope IS NOT 'within')
		AND (a.extra IS NULL OR b.extra IS NULL OR a.extra = b.extra)
		AND ((a.value IS NULL AND b.value IS NULL)
			OR abs(a.value - b.value) <= max(a.tolerance, b.tolerance) * max(abs(a.value), abs(b.value)))
)
SELECT a.kind,
	a.claim_id AS claim_a, a.article_id AS article_a,
	b.claim_id AS claim_b, b.article_id AS article_b,
	group_concat(p.key, ' ; ') AS matched_on,
	a.value AS value_a, a.qualifier AS qualifier_a,
	b.value AS value_b, b.qualifier AS qualifier_b,
	date(a.day * 86400, 'unixepoch') AS date_a, date(b.day * 86400, 'unixepoch') AS date_b,
	ca.text AS evidence_a, ca.span_start AS span_start_a, ca.span_end AS span_end_a,
	cb.text AS evidence_b, cb.span_start AS span_start_b, cb.span_end AS span_end_b
FROM pairs p
JOIN claim_keys a ON a.claim_id = p.ca AND a.key = p.key
JOIN claim_keys b ON b.claim_id = p.cb AND b.key = p.key
JOIN claims ca ON ca.id = p.ca
JOIN claims cb ON cb.id = p.cb
GROUP BY p.ca, p.cb;

-- Unchanged from 0004; recreated because it reads corroborations.
CREATE VIEW claim_support AS
SELECT claim_id,
	count(DISTINCT CASE WHEN rel = 'corroborates' THEN other_article END) AS corroborating_articles,
	count(DISTINCT CASE WHEN rel = 'contradicts' THEN other_article END) AS contradicting_articles
FROM (
	SELECT claim_a AS claim_id, article_b AS other_article, 'corroborates' AS rel FROM corroborations
	UNION ALL SELECT claim_b, article_a, 'corroborates' FROM corroborations
	UNION ALL SELECT claim_a, article_b, 'contradicts' FROM contradictions
	UNION ALL SELECT claim_b, article_a, 'contradicts' FROM contradictions
)
GROUP BY claim_id;
