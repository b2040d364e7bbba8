-- 0003_views: one view per claim kind, one row per claim, with the columns
-- an analyst thinks in, plus the corroborations and contradictions views.
--
-- Every claim view has claim_id, article_id, published_at (the article's),
-- event_date (the claim's time argument when it is a date, else
-- published_at's date), certainty, rule, evidence (the claim text) and
-- span_start/span_end in code points. An argument column holds the first
-- argument of that role (claim_args.ord = 0); *_norm columns compare
-- case-insensitively. Example:
--
--   SELECT count, qualifier, outcome, victims, place, event_date, source, evidence
--   FROM casualty_claims
--   WHERE place_norm = 'Kandahar' AND event_date >= '2021-08-01' AND source_norm = 'UNICEF';

CREATE VIEW capture_claims AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	ac.text AS actor, ac.norm AS actor_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	tm.text AS time, tm.norm AS time_norm,
	mn.text AS manner,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args ac ON ac.claim_id = c.id AND ac.role = 'actor' AND ac.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
LEFT JOIN claim_args tm ON tm.claim_id = c.id AND tm.role = 'time' AND tm.ord = 0
LEFT JOIN claim_args mn ON mn.claim_id = c.id AND mn.role = 'manner' AND mn.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'capture';

CREATE VIEW casualty_claims AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	ct.value AS count, ct.text AS count_text, ct.qualifier AS qualifier,
	coalesce(oc.norm, oc.text) AS outcome,
	vi.text AS victims, vi.norm AS victims_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	tm.text AS time, tm.norm AS time_norm,
	ca.text AS cause,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args ct ON ct.claim_id = c.id AND ct.role = 'count' AND ct.ord = 0
LEFT JOIN claim_args oc ON oc.claim_id = c.id AND oc.role = 'outcome' AND oc.ord = 0
LEFT JOIN claim_args vi ON vi.claim_id = c.id AND vi.role = 'victims' AND vi.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
LEFT JOIN claim_args tm ON tm.claim_id = c.id AND tm.role = 'time' AND tm.ord = 0
LEFT JOIN claim_args ca ON ca.claim_id = c.id AND ca.role = 'cause' AND ca.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'casualty';

-- statements: speaker_title comes from a role claim about the same person
-- (same norm) in the same article, else from the person entity's type.
CREATE VIEW statements AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	sp.text AS speaker, sp.norm AS speaker_norm,
	coalesce(
		(SELECT rt.text FROM claims rc
			JOIN claim_args rp ON rp.claim_id = rc.id AND rp.role = 'person'
			JOIN claim_args rt ON rt.claim_id = rc.id AND rt.role = 'title' AND rt.ord = 0
			WHERE rc.article_id = c.article_id AND rc.kind = 'role'
				AND coalesce(rp.norm, rp.text) = coalesce(sp.norm, sp.text)
			ORDER BY rc.span_start LIMIT 1),
		(SELECT e.type FROM entities e
			WHERE e.article_id = c.article_id AND e.kind = 'person' AND e.type IS NOT NULL
				AND coalesce(e.norm, e.text) = coalesce(sp.norm, sp.text)
			ORDER BY e.span_start LIMIT 1)
	) AS speaker_title,
	co.text AS content,
	md.text AS medium,
	tm.text AS time, tm.norm AS time_norm,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args sp ON sp.claim_id = c.id AND sp.role = 'speaker' AND sp.ord = 0
LEFT JOIN claim_args co ON co.claim_id = c.id AND co.role = 'content' AND co.ord = 0
LEFT JOIN claim_args md ON md.claim_id = c.id AND md.role = 'medium' AND md.ord = 0
LEFT JOIN claim_args tm ON tm.claim_id = c.id AND tm.role = 'time' AND tm.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'statement';

CREATE VIEW roles AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	pe.text AS person, pe.norm AS person_norm,
	ti.text AS title, ti.norm AS title_norm,
	og.text AS organization, og.norm AS organization_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args pe ON pe.claim_id = c.id AND pe.role = 'person' AND pe.ord = 0
LEFT JOIN claim_args ti ON ti.claim_id = c.id AND ti.role = 'title' AND ti.ord = 0
LEFT JOIN claim_args og ON og.claim_id = c.id AND og.role = 'organization' AND og.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
WHERE c.kind = 'role';

CREATE VIEW quantities AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	su.text AS subject, su.norm AS subject_norm,
	coalesce(at.norm, at.text) AS attribute,
	va.value AS value, va.text AS value_text, va.qualifier AS qualifier,
	un.text AS unit,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args su ON su.claim_id = c.id AND su.role = 'subject' AND su.ord = 0
LEFT JOIN claim_args at ON at.claim_id = c.id AND at.role = 'attribute' AND at.ord = 0
LEFT JOIN claim_args va ON va.claim_id = c.id AND va.role = 'value' AND va.ord = 0
LEFT JOIN claim_args un ON un.claim_id = c.id AND un.role = 'unit' AND un.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'quantity';

CREATE VIEW attack_claims AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	ac.text AS actor, ac.norm AS actor_norm,
	tg.text AS target, tg.norm AS target_norm,
	me.text AS means,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	tm.text AS time, tm.norm AS time_norm,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args ac ON ac.claim_id = c.id AND ac.role = 'actor' AND ac.ord = 0
LEFT JOIN claim_args tg ON tg.claim_id = c.id AND tg.role = 'target' AND tg.ord = 0
LEFT JOIN claim_args me ON me.claim_id = c.id AND me.role = 'means' AND me.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
LEFT JOIN claim_args tm ON tm.claim_id = c.id AND tm.role = 'time' AND tm.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'attack';

CREATE VIEW surrender_claims AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	ac.text AS actor, ac.norm AS actor_norm,
	re.text AS recipient, re.norm AS recipient_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	tm.text AS time, tm.norm AS time_norm,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args ac ON ac.claim_id = c.id AND ac.role = 'actor' AND ac.ord = 0
LEFT JOIN claim_args re ON re.claim_id = c.id AND re.role = 'recipient' AND re.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
LEFT JOIN claim_args tm ON tm.claim_id = c.id AND tm.role = 'time' AND tm.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'surrender';

CREATE VIEW withdrawal_claims AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	ac.text AS actor, ac.norm AS actor_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	dl.text AS deadline, dl.norm AS deadline_norm,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args ac ON ac.claim_id = c.id AND ac.role = 'actor' AND ac.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
LEFT JOIN claim_args dl ON dl.claim_id = c.id AND dl.role = 'deadline' AND dl.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'withdrawal';

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
-- matched_on lists the shared keys. Pairs come from the index on
-- claim_keys (kind, key), never from comparing all claims.
CREATE VIEW corroborations AS
SELECT a.kind,
	a.claim_id AS claim_a, a.article_id AS article_a,
	b.claim_id AS claim_b, b.article_id AS article_b,
	group_concat(a.key, ' ; ') AS matched_on,
	a.value AS value_a, a.qualifier AS qualifier_a,
	b.value AS value_b, b.qualifier AS qualifier_b,
	date(a.day * 86400, 'unixepoch') AS date_a, date(b.day * 86400, 'unixepoch') AS date_b,
	ca.text AS evidence_a, ca.span_start AS span_start_a, ca.span_end AS span_end_a,
	cb.text AS evidence_b, cb.span_start AS span_start_b, cb.span_end AS span_end_b
FROM claim_keys a
JOIN claim_keys b ON b.kind = a.kind AND b.key = a.key AND b.article_id > a.article_id
JOIN claims ca ON ca.id = a.claim_id
JOIN claims cb ON cb.id = b.claim_id
WHERE (a.scope IS NOT 'within' OR b.scope IS NOT 'within')
	AND (a.extra IS NULL OR b.extra IS NULL OR a.extra = b.extra)
	AND (a.day IS NULL OR b.day IS NULL OR abs(a.day - b.day) <= 3)
	AND ((a.value IS NULL AND b.value IS NULL)
		OR abs(a.value - b.value) <= max(a.tolerance, b.tolerance) * max(abs(a.value), abs(b.value)))
GROUP BY a.claim_id, b.claim_id;

-- contradictions: pairs of claims from different articles about one fact
-- (claim_keys.fact: a quantity's subject and attribute; a casualty outcome
-- at one place on the same or the next day) whose values differ beyond
-- the tolerance. A stated difference is listed for review even when the
-- qualifiers make the values compatible ("more than 340,000" and 375,000):
-- compatible says whether the ranges the two statements allow overlap.
CREATE VIEW contradictions AS
SELECT a.kind, a.key,
	a.claim_id AS claim_a, a.article_id AS article_a,
	b.claim_id AS claim_b, b.article_id AS article_b,
	a.value AS value_a, a.qualifier AS qualifier_a,
	b.value AS value_b, b.qualifier AS qualifier_b,
	((a.lo IS NULL OR b.hi IS NULL OR a.lo <= b.hi) AND (b.lo IS NULL OR a.hi IS NULL OR b.lo <= a.hi)) AS compatible,
	date(a.day * 86400, 'unixepoch') AS date_a, date(b.day * 86400, 'unixepoch') AS date_b,
	ca.text AS evidence_a, ca.span_start AS span_start_a, ca.span_end AS span_end_a,
	cb.text AS evidence_b, cb.span_start AS span_start_b, cb.span_end AS span_end_b
FROM claim_keys a
JOIN claim_keys b ON b.kind = a.kind AND b.key = a.key AND b.article_id > a.article_id
JOIN claims ca ON ca.id = a.claim_id
JOIN claims cb ON cb.id = b.claim_id
WHERE a.fact IS NOT NULL AND b.fact = a.fact
	AND a.value IS NOT NULL AND b.value IS NOT NULL
	AND abs(a.value - b.value) > max(a.tolerance, b.tolerance) * max(abs(a.value), abs(b.value))
	AND (a.extra IS NULL OR b.extra IS NULL OR a.extra = b.extra)
	AND (a.fact = 'timeless' OR (a.day IS NOT NULL AND b.day IS NOT NULL AND abs(a.day - b.day) <= 1));
