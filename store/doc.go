// Package store keeps articles, entities and claims in SQLite.
//
// Spans in Go (extract.Span, ingest.Block) are byte offsets into
// ingest.Article.Text. Stored span columns count Unicode code points, end
// exclusive, so that for every row of entities, claims and claim_args
//
//	substr(articles.text, span_start + 1, span_end - span_start) = text
//
// holds in SQL, as it does in Python string slicing. The conversion happens
// in one place (offsets.go), and SaveArticle checks every span against its
// text inside the insert transaction: a span that does not slice to its
// text is an error and nothing of the article is stored.
//
// The schema is embedded as numbered, up-only migrations
// (migrations/NNNN_name.sql), applied in order inside one transaction each
// and recorded in PRAGMA user_version.
//
// Tables: articles, blocks, entities, claims, claim_args (one row per
// argument; ord numbers arguments of one role), claim_keys (what each
// claim is about, for cross-source matching), runs, ingest_errors, and the
// FTS5 tables articles_fts and claims_fts. Views, one row per claim:
// capture_claims, casualty_claims, statements, roles, quantities,
// attack_claims, surrender_claims, withdrawal_claims; across sources:
// corroborations, contradictions and claim_support. The migration files
// document each column. Examples:
//
//	-- casualties in Kandahar since August 1 according to UNICEF
//	SELECT count, qualifier, outcome, victims, event_date, evidence
//	FROM casualty_claims
//	WHERE place_norm = 'Kandahar' AND event_date >= '2021-08-01' AND source_norm = 'UNICEF';
//
//	-- what a speaker said, with their title
//	SELECT published_at, speaker, speaker_title, content FROM statements WHERE speaker_norm = 'Ned Price';
//
//	-- figures that differ between sources
//	SELECT key, value_a, qualifier_a, value_b, qualifier_b, compatible, evidence_a, evidence_b FROM contradictions;
//
//	-- full-text search with a highlighted snippet
//	SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16)
//	FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
//	WHERE articles_fts MATCH 'Kunduz population' ORDER BY rank;
//
// Build with -tags sqlite_fts5: full-text search needs FTS5, and a build
// without the tag fails on purpose (fts5_required.go).
package store
