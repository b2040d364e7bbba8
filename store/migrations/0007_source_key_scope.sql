-- 0007_source_key_scope: a casualty claim's source key ("killed|source=
-- unicef") only matches when at least one of the two claims has no place:
-- claims with places are compared by place (and country), otherwise every
-- "one person was killed, police said" would corroborate every other.
-- Source keys of claims with a place get scope 'placed', and two keys of
-- the same scope 'placed' (like two of scope 'within') do not match.
-- claim_pairs is rebuilt after this migration (DB.RebuildPairs).
UPDATE claim_keys SET scope = 'placed'
WHERE kind = 'casualty' AND key LIKE '%|source=%'
	AND EXISTS (SELECT 1 FROM claim_args g WHERE g.claim_id = claim_keys.claim_id AND g.role = 'place');

-- Contradictions link a claim to the latest other article for each value
-- that differs from its own (pairs.go), found through this index.
CREATE INDEX claim_keys_value ON claim_keys (kind, key, value, article_id);
