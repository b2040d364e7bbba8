-- 0011_entity_source: every entity row says what found it: 'model' (the
-- trained recogniser, extract/ner), 'gazetteer' (a place name of the
-- gazetteer), 'lexicon' (an organization of the lexicon) or 'rule' (names
-- by capitalisation and titles, organization head words, dates, numbers).
-- Rows stored before this migration have NULL. An analyst filters on it:
-- WHERE source <> 'model' keeps what the lists and rules vouch for.

ALTER TABLE entities ADD COLUMN source TEXT
	CHECK (source IS NULL OR source IN ('model', 'gazetteer', 'lexicon', 'rule'));
