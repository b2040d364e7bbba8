-- 0002_fts: full-text search (FTS5) over article title and text, and over
-- claim evidence. Both are external-content tables kept in sync by
-- triggers, so every write path (insert, reprocess, cascade delete) updates
-- them in the same transaction.

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
	text,
	content = 'claims', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
	INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
	INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
	INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;
