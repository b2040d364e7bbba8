-- 0014_arg_value_max: a figure given as a range ("80% to 90%", "$40-50",
-- "between 10 and 12 people") keeps its high end on the argument, as the
-- number entity already did (entities.value_max). Before, claim_args held
-- the low end alone, and a range read as an exact figure unless the
-- analyst joined the entity. The casualty and quantity views show it.
ALTER TABLE claim_args ADD COLUMN value_max REAL;

DROP VIEW casualty_claims;
CREATE VIEW casualty_claims AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	ct.value AS count, ct.text AS count_text, ct.qualifier AS qualifier,
	coalesce(oc.norm, oc.text) AS outcome,
	vi.text AS victims, vi.norm AS victims_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	tm.text AS time, tm.norm AS time_norm,
	ca.text AS cause,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end,
	ct.value_max AS count_max
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

DROP VIEW quantities;
CREATE VIEW quantities AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	su.text AS subject, su.norm AS subject_norm,
	coalesce(at.norm, at.text) AS attribute,
	va.value AS value, va.text AS value_text, va.qualifier AS qualifier,
	un.text AS unit,
	so.text AS source, so.norm AS source_norm,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end,
	va.value_max AS value_max
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args su ON su.claim_id = c.id AND su.role = 'subject' AND su.ord = 0
LEFT JOIN claim_args at ON at.claim_id = c.id AND at.role = 'attribute' AND at.ord = 0
LEFT JOIN claim_args va ON va.claim_id = c.id AND va.role = 'value' AND va.ord = 0
LEFT JOIN claim_args un ON un.claim_id = c.id AND un.role = 'unit' AND un.ord = 0
LEFT JOIN claim_args so ON so.claim_id = c.id AND so.role = 'source' AND so.ord = 0
WHERE c.kind = 'quantity';
