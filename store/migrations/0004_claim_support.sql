-- 0004_claim_support: per claim, how many other articles corroborate or
-- contradict it (from the corroborations and contradictions views), so an
-- analyst can sort claims by support:
--
--   SELECT c.kind, c.text, s.corroborating_articles, s.contradicting_articles
--   FROM claim_support s JOIN claims c ON c.id = s.claim_id
--   ORDER BY s.corroborating_articles DESC;
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
