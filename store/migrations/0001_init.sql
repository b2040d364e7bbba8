-- 0001_init: articles, blocks, entities, claims, claim arguments, claim
-- keys, runs and ingest errors.
--
-- Every span_start/span_end counts Unicode code points into articles.text,
-- end exclusive: substr(text, span_start + 1, span_end - span_start) is the
-- row's text. Dates are ISO 8601 text; timestamps are RFC 3339 UTC.

CREATE TABLE articles (
	id               INTEGER PRIMARY KEY,
	source_path      TEXT NOT NULL,
	url              TEXT,
	title            TEXT,
	byline           TEXT,
	publisher        TEXT,
	published_at     TEXT,             -- ISO 8601 as read, NULL when unknown
	format           TEXT,
	language         TEXT,
	content_sha256   TEXT NOT NULL UNIQUE CHECK (length(content_sha256) = 64),
	text             TEXT NOT NULL,
	invalid_utf8     INTEGER NOT NULL DEFAULT 0 CHECK (invalid_utf8 >= 0),
	ingested_at      TEXT NOT NULL,
	pipeline_version TEXT NOT NULL
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_pipeline_version ON articles (pipeline_version);

CREATE TABLE blocks (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (article_id, seq),
	CHECK (span_start >= 0 AND span_end >= span_start)
) WITHOUT ROWID;

CREATE TABLE entities (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('place', 'person', 'organization', 'number', 'date')),
	text       TEXT NOT NULL,
	norm       TEXT COLLATE NOCASE,    -- canonical form; compares case-insensitively
	value      REAL,                   -- numbers: the value, or a range's low end
	value_max  REAL,                   -- numbers: a range's high end
	qualifier  TEXT CHECK (qualifier IN ('exact', 'at_least', 'more_than', 'about', 'at_most', 'less_than')),
	type       TEXT,                   -- places: country/division/city/region; organizations: armed_group...; persons: title
	country    TEXT,                   -- places: ISO 3166 alpha-2
	division   TEXT,
	lat        REAL,
	lon        REAL,
	block      TEXT,                   -- kind of text block the mention sits in
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	CHECK (span_start >= 0 AND span_end >= span_start)
);
CREATE INDEX entities_article ON entities (article_id, span_start);
CREATE INDEX entities_kind_norm ON entities (kind, norm);
CREATE INDEX entities_norm ON entities (norm);

CREATE TABLE claims (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,          -- the evidence: the clause or sentence
	rule       TEXT NOT NULL,
	certainty  TEXT,
	-- event_date is the claim's date for filtering: the start of its time
	-- argument when that is a date, else the article's publication date.
	event_date TEXT,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	CHECK (span_start >= 0 AND span_end >= span_start)
);
CREATE INDEX claims_article ON claims (article_id, span_start);
CREATE INDEX claims_kind_date ON claims (kind, event_date);
CREATE INDEX claims_rule ON claims (rule);

CREATE TABLE claim_args (
	id         INTEGER PRIMARY KEY,
	claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	role       TEXT NOT NULL,
	ord        INTEGER NOT NULL DEFAULT 0, -- 0 for the first argument of this role in the claim, 1 for the next...
	text       TEXT NOT NULL,
	norm       TEXT COLLATE NOCASE,
	value      REAL,
	qualifier  TEXT CHECK (qualifier IN ('exact', 'at_least', 'more_than', 'about', 'at_most', 'less_than')),
	-- From the entity with the same span (or, failing that, the same
	-- norm) in the same article, when there is one.
	entity_id  INTEGER REFERENCES entities (id) ON DELETE SET NULL,
	type       TEXT,
	country    TEXT,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	CHECK (span_start >= 0 AND span_end >= span_start)
);
CREATE UNIQUE INDEX claim_args_claim_role ON claim_args (claim_id, role, ord);
CREATE INDEX claim_args_role_norm ON claim_args (role, norm);
CREATE INDEX claim_args_entity ON claim_args (entity_id);

-- claim_keys: what a claim is about, computed at insert time, so that
-- claims of different articles about the same fact are found through the
-- index on (kind, key) instead of comparing every pair of claims. A claim
-- has one row per key: a casualty claim in Kandahar reported by UNICEF has
-- "killed|place=kandahar", "killed|country=AF" and "killed|source=unicef".
CREATE TABLE claim_keys (
	claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	key        TEXT NOT NULL,
	-- fact is set when the key names one fact with one true value, so that
	-- different values contradict each other: 'timeless' for a quantity's
	-- subject and attribute, 'dated' for a casualty outcome at one place
	-- (which only contradicts a claim about the same or the next day).
	fact       TEXT CHECK (fact IN ('timeless', 'dated')),
	-- scope is set on country keys: 'country' when the claim's place is the
	-- country itself, 'within' when it is a place inside it. Two 'within'
	-- claims (Helmand, Kandahar) do not corroborate each other. (0007 adds
	-- 'placed' on source keys; see there.)
	scope      TEXT,
	extra      TEXT,                   -- victims (casualty) or actor (capture, attack): must agree when both set
	value      REAL,
	qualifier  TEXT,
	lo         REAL,                   -- the range the stated value allows, NULL when unbounded
	hi         REAL,
	tolerance  REAL NOT NULL DEFAULT 0, -- relative difference still counted as the same value
	day        INTEGER,                -- event day (days since 1970-01-01), NULL when unknown
	PRIMARY KEY (claim_id, key)
) WITHOUT ROWID;
CREATE INDEX claim_keys_key ON claim_keys (kind, key, article_id);

CREATE TABLE runs (
	id          INTEGER PRIMARY KEY,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	version     TEXT NOT NULL,
	rules_hash  TEXT,
	seen        INTEGER NOT NULL DEFAULT 0,
	stored      INTEGER NOT NULL DEFAULT 0,
	skipped     INTEGER NOT NULL DEFAULT 0,
	failed      INTEGER NOT NULL DEFAULT 0,
	exit_status INTEGER
);

CREATE TABLE ingest_errors (
	id     INTEGER PRIMARY KEY,
	path   TEXT NOT NULL,
	reason TEXT NOT NULL,
	at     TEXT NOT NULL,
	run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL
);
CREATE INDEX ingest_errors_run ON ingest_errors (run_id);
CREATE INDEX ingest_errors_path ON ingest_errors (path);
