-- 0006_claim_pairs: corroborations and contradictions are stored, not
-- computed on every query. When an article's claims are inserted, its
-- claim_keys are matched against the stored ones through the index on
-- claim_keys (kind, key, day) (see pairs.go), and each matching pair is
-- recorded here once, claim_a from the article with the smaller id. A
-- filter on the views is then an index lookup, and nothing ever compares
-- all claims. The rows are rebuilt from claim_keys after this migration
-- (DB.RebuildPairs), and whenever the matching rules change.

DROP VIEW claim_support;
DROP VIEW corroborations;
DROP VIEW contradictions;

-- The new article's keys are looked up by article (also what deleting an
-- article's claims needs).
CREATE INDEX claim_keys_article ON claim_keys (article_id);

CREATE TABLE claim_pairs (
	relation   TEXT NOT NULL CHECK (relation IN ('corroborates', 'contradicts')),
	claim_a    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	claim_b    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	article_a  INTEGER NOT NULL,
	article_b  INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	key        TEXT NOT NULL,            -- the shared keys, joined by ' ; '
	value_a    REAL, qualifier_a TEXT, day_a INTEGER,
	value_b    REAL, qualifier_b TEXT, day_b INTEGER,
	compatible INTEGER,                  -- contradictions: whether the stated ranges overlap
	PRIMARY KEY (claim_a, claim_b, relation),
	CHECK (article_a < article_b)
) WITHOUT ROWID;
CREATE INDEX claim_pairs_b ON claim_pairs (claim_b);

-- corroborations: pairs of claims from different articles (article_a <
-- article_b) that state the same fact. They share a key in claim_keys (same
-- kind, same outcome and place, country or source for casualties; same
-- place for captures; ...), and:
--   * their values agree within the key's tolerance (casualty counts 10%,
--     quantities exactly), or neither has a value;
--   * their event days are at most 3 days apart, or one is unknown;
--   * their extra (victims, actor) is equal, or one is unknown;
--   * two places inside one country do not match on the country key; a
--     place and its country do.
-- matched_on lists the shared keys.
CREATE VIEW corroborations AS
SELECT p.kind, p.claim_a, p.article_a, p.claim_b, p.article_b, p.key AS matched_on,
	p.value_a, p.qualifier_a, p.value_b, p.qualifier_b,
	date(p.day_a * 86400, 'unixepoch') AS date_a, date(p.day_b * 86400, 'unixepoch') AS date_b,
	ca.text AS evidence_a, ca.span_start AS span_start_a, ca.span_end AS span_end_a,
	cb.text AS evidence_b, cb.span_start AS span_start_b, cb.span_end AS span_end_b
FROM claim_pairs p
JOIN claims ca ON ca.id = p.claim_a
JOIN claims cb ON cb.id = p.claim_b
WHERE p.relation = 'corroborates';

-- contradictions: pairs of claims from different articles about one fact
-- (claim_keys.fact: a quantity's subject and attribute; a casualty outcome
-- at one place on the same or the next day) whose values differ beyond
-- the tolerance. A stated difference is listed for review even when the
-- qualifiers make the values compatible ("more than 340,000" and 375,000):
-- compatible says whether the ranges the two statements allow overlap.
CREATE VIEW contradictions AS
SELECT p.kind, p.key, p.claim_a, p.article_a, p.claim_b, p.article_b,
	p.value_a, p.qualifier_a, p.value_b, p.qualifier_b, p.compatible,
	date(p.day_a * 86400, 'unixepoch') AS date_a, date(p.day_b * 86400, 'unixepoch') AS date_b,
	ca.text AS evidence_a, ca.span_start AS span_start_a, ca.span_end AS span_end_a,
	cb.text AS evidence_b, cb.span_start AS span_start_b, cb.span_end AS span_end_b
FROM claim_pairs p
JOIN claims ca ON ca.id = p.claim_a
JOIN claims cb ON cb.id = p.claim_b
WHERE p.relation = 'contradicts';

-- claim_support: per claim, how many other articles corroborate or
-- contradict it.
CREATE VIEW claim_support AS
SELECT claim_id,
	count(DISTINCT CASE WHEN relation = 'corroborates' THEN other_article END) AS corroborating_articles,
	count(DISTINCT CASE WHEN relation = 'contradicts' THEN other_article END) AS contradicting_articles
FROM (
	SELECT claim_a AS claim_id, article_b AS other_article, relation FROM claim_pairs
	UNION ALL SELECT claim_b, article_a, relation FROM claim_pairs
)
GROUP BY claim_id;
