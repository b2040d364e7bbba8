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
// Build with -tags sqlite_fts5: full-text search needs FTS5, and a build
// without the tag fails on purpose (fts5_required.go).
package store
