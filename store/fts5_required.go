//go:build !sqlite_fts5

package store

// newsclaims needs SQLite's FTS5 extension for full-text search, and
// mattn/go-sqlite3 only compiles it in with the sqlite_fts5 build tag.
// Without the tag this file is built and the undefined name below stops the
// build, rather than letting a binary silently lose search:
//
//	go build -tags sqlite_fts5 ./...
//	go test -tags sqlite_fts5 ./...
var _ = newsclaims_requires_build_tag_sqlite_fts5
