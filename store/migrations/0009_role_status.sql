-- 0009_role_status: a role claim may carry a status argument, the
-- qualifier before the title ("former", "acting", "outgoing", "late"). The
-- roles view shows it, so "who holds which office now" is
-- WHERE status_norm IS NULL OR status_norm NOT IN ('former', 'late', 'ex', 'retired', 'outgoing').

DROP VIEW roles;
CREATE VIEW roles AS
SELECT c.id AS claim_id, c.article_id, a.published_at, c.event_date,
	pe.text AS person, pe.norm AS person_norm,
	ti.text AS title, ti.norm AS title_norm,
	st.text AS status, st.norm AS status_norm,
	og.text AS organization, og.norm AS organization_norm,
	pl.text AS place, pl.norm AS place_norm, pl.country AS place_country,
	c.certainty, c.rule, c.text AS evidence, c.span_start, c.span_end
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_args pe ON pe.claim_id = c.id AND pe.role = 'person' AND pe.ord = 0
LEFT JOIN claim_args ti ON ti.claim_id = c.id AND ti.role = 'title' AND ti.ord = 0
LEFT JOIN claim_args st ON st.claim_id = c.id AND st.role = 'status' AND st.ord = 0
LEFT JOIN claim_args og ON og.claim_id = c.id AND og.role = 'organization' AND og.ord = 0
LEFT JOIN claim_args pl ON pl.claim_id = c.id AND pl.role = 'place' AND pl.ord = 0
WHERE c.kind = 'role';
