package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // the only cgo dependency; kept in store
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Errors callers can check with errors.Is.
var (
	// ErrNotFound: no row with the given ID.
	ErrNotFound = errors.New("not found")
	// ErrSpan: a span does not slice the article text to its stored text,
	// is out of range, or does not fall on rune boundaries.
	ErrSpan = errors.New("span does not match text")
	// ErrInvalid: input the store refuses (invalid UTF-8 text, a NUL byte,
	// an unknown entity kind...).
	ErrInvalid = errors.New("invalid input")
)

// DB is a newsclaims database.
type DB struct {
	db     *sql.DB
	path   string
	memory bool
	stmts  statements
	// writer is the connection batches write on (file databases only),
	// taken on the first Begin and kept: see Begin.
	writer *sql.Conn

	// Now returns the current time; tests replace it for deterministic
	// ingested_at, run and error timestamps.
	Now func() time.Time
}

// busyTimeout is how long a writer waits for another's lock.
const busyTimeout = 10 * time.Second

// Open opens (creating if needed) the database at path and applies any
// pending migrations. path ":memory:" gives a private in-memory database,
// which lives as long as the DB.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open database: %w: empty path", ErrInvalid)
	}
	params := "_foreign_keys=on&_busy_timeout=" + strconv.Itoa(int(busyTimeout/time.Millisecond)) +
		"&_synchronous=NORMAL&_txlock=immediate"
	var dsn string
	memory := path == ":memory:"
	if memory {
		dsn = "file::memory:?" + params
	} else {
		// A file: URI so that a path with '?' or '#' stays a path.
		r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
		dsn = "file:" + r.Replace(path) + "?" + params + "&_journal_mode=WAL"
	}
	sqldb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if memory {
		// Every connection to :memory: is a database of its own: keep one,
		// forever.
		sqldb.SetMaxOpenConns(1)
		sqldb.SetConnMaxLifetime(0)
		sqldb.SetConnMaxIdleTime(0)
	}
	db := &DB{db: sqldb, path: path, memory: memory, Now: time.Now}
	if err := db.check(ctx, memory); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := db.prepare(ctx); err != nil {
		db.closeStatements()
		sqldb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// check confirms the connection settings took effect.
func (db *DB) check(ctx context.Context, memory bool) error {
	var fk int
	if err := db.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return err
	}
	if fk != 1 {
		return errors.New("foreign keys are off")
	}
	if !memory {
		var mode string
		if err := db.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			return err
		}
		if mode != "wal" {
			return fmt.Errorf("journal mode is %q, want wal", mode)
		}
	}
	return nil
}

// Close closes the database. It writes nothing: planner statistics are
// Analyze's job, which ingest runs after storing.
func (db *DB) Close() error {
	db.closeStatements()
	if db.writer != nil {
		db.writer.Close()
	}
	return db.db.Close()
}

// analyzedTables are the tables whose indexes the analysts' queries choose
// between. The FTS5 shadow tables are left out: full-text queries do not
// plan over them.
var analyzedTables = []string{"articles", "blocks", "entities", "claims", "claim_args", "claim_keys", "claim_pairs", "runs", "ingest_errors"}

// Analyze refreshes the query planner's statistics when there are none
// yet or the articles table has grown fourfold since they were taken (the
// other tables grow with it), and reports whether it ran. ANALYZE reads
// every index of a table (analysis_limit does not bound that in this
// SQLite): 76,000 pages for 20,000 articles, minutes for 200,000 when the
// file is larger than the page cache. Growth by a factor keeps the total
// cost proportional to the database however many runs add to it. PRAGMA
// optimize on close, used before, did the same work from every command,
// queries included, and counted the FTS5 tables too.
func (db *DB) Analyze(ctx context.Context) (bool, error) {
	var recorded int64 = -1
	var stat string
	err := db.db.QueryRowContext(ctx, "SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1").Scan(&stat)
	if err == nil {
		recorded, _ = strconv.ParseInt(strings.Fields(stat + " 0")[0], 10, 64)
	} // no sqlite_stat1 table or row yet: never analyzed
	var n int64
	if err := db.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM articles").Scan(&n); err != nil {
		return false, fmt.Errorf("analyze: %w", err)
	}
	if recorded >= 0 && n < 4*max(recorded, 1) {
		return false, nil
	}
	for _, t := range analyzedTables {
		if _, err := db.db.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return false, fmt.Errorf("analyze %s: %w", t, err)
		}
	}
	return true, nil
}

// SQL returns the underlying *sql.DB, for read-only queries the store
// does not offer (tests, ad hoc reports).
func (db *DB) SQL() *sql.DB { return db.db }

func (db *DB) now() string {
	return db.Now().UTC().Format(time.RFC3339)
}

type migration struct {
	version int
	name    string
	sql     string
	after   func(context.Context, *sql.Tx) error // Go work in the same transaction, or nil
}

// migrationHooks run after a migration's SQL, in its transaction.
var migrationHooks = map[int]func(context.Context, *sql.Tx) error{
	6: rebuildPairs, // 0006_claim_pairs: fill claim_pairs from claim_keys
	7: rebuildPairs, // 0007_source_key_scope: new matching rule
}

// migrations lists the embedded migrations in order. Files are named
// NNNN_name.sql with NNNN = 1, 2, 3... and no gaps.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting %04d_", base, i+1)
		}
		b, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b), after: migrationHooks[v]})
	}
	return ms, nil
}

// migrate applies the migrations newer than PRAGMA user_version, each in
// its own transaction together with the new user_version.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var have int
	if err := db.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > len(ms) {
		return fmt.Errorf("schema version %d is newer than this program's %d", have, len(ms))
	}
	for _, m := range ms[have:] {
		if err := db.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return db.addRunsInterrupted(ctx)
}

// addRunsInterrupted adds runs.interrupted to a database that applied
// migration 0010 before the column was added to it (the first form of
// 0010, on main for half an hour on 2026-12-01, only dropped an index).
func (db *DB) addRunsInterrupted(ctx context.Context) error {
	var n int
	if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'interrupted'").Scan(&n); err != nil {
		return fmt.Errorf("check runs.interrupted: %w", err)
	}
	if n > 0 {
		return nil
	}
	if _, err := db.db.ExecContext(ctx, "ALTER TABLE runs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0"); err != nil {
		return fmt.Errorf("add runs.interrupted: %w", err)
	}
	return nil
}

func (db *DB) apply(ctx context.Context, m migration) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have migrated since we looked.
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return err
	}
	if have >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.after != nil {
		if err := m.after(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion is the number of the last applied migration.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// nullString is s, or NULL when s is empty.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullFloat is *f, or NULL.
func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
