package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

// ContentSHA256 is the hex SHA-256 of an article's normalised text, the
// key that makes re-ingesting the same content a no-op.
func ContentSHA256(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// HasContent reports whether an article with this content_sha256 (see
// ContentSHA256) is stored, so a batch can skip extraction.
func (db *DB) HasContent(ctx context.Context, sha string) (bool, error) {
	var one int
	err := db.db.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE content_sha256 = ?", sha).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("has content: %w", err)
	}
	return true, nil
}

// SaveArticle stores an article with its blocks and everything extracted
// from it, in one transaction: all of it or nothing. When an article with
// the same text (content_sha256) is already stored, it returns that
// article's id and inserted == false, and stores nothing.
//
// Every span is checked against the text before it is stored; a span that
// is out of range, not on rune boundaries or does not slice the text to its
// Text is an error wrapping ErrSpan, and the transaction is rolled back.
func (db *DB) SaveArticle(ctx context.Context, a ingest.Article, r extract.Result, pipelineVersion string) (id int64, inserted bool, err error) {
	if err := checkText(a.Text); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	defer tx.Rollback()
	id, inserted, err = db.saveInTx(ctx, ctx.Err, tx, a, r, pipelineVersion)
	if err != nil || !inserted {
		return id, inserted, err
	}
	if err := tx.Commit(); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	return id, true, nil
}

// saveInTx is SaveArticle's work inside tx. stop is called between
// statements; when it returns an error, saving ends with it (see
// Batch.Save).
func (db *DB) saveInTx(ctx context.Context, stop func() error, tx *sql.Tx, a ingest.Article, r extract.Result, pipelineVersion string) (id int64, inserted bool, err error) {
	sha := ContentSHA256(a.Text)
	err = tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE content_sha256 = ?", sha).Scan(&id)
	switch {
	case err == nil:
		return id, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}

	res, err := tx.ExecContext(ctx, `INSERT INTO articles (source_path, url, title, byline, publisher,
		published_at, format, language, content_sha256, text, invalid_utf8, ingested_at, pipeline_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.SourcePath, nullString(a.URL), nullString(a.Title), nullString(a.Byline), nullString(a.Publisher),
		nullString(a.PublishedAt), nullString(a.Format), nullString(a.Language), sha, a.Text, a.InvalidUTF8,
		db.now(), pipelineVersion)
	if err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	o := newOffsets(a.Text)
	if err := db.insertBlocks(ctx, stop, tx, id, o, a.Blocks); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	if err := db.insertExtraction(ctx, stop, tx, id, o, a.PublishedAt, r, false); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	return id, true, nil
}

// checkText refuses text whose code points SQLite would count differently
// from Go: invalid UTF-8, and NUL bytes (SQLite's text functions stop at
// the first NUL).
func checkText(text string) error {
	if !utf8.ValidString(text) {
		return fmt.Errorf("%w: text is not valid UTF-8", ErrInvalid)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w: text has a NUL byte at offset %d", ErrInvalid, i)
	}
	return nil
}

func (db *DB) insertBlocks(ctx context.Context, stop func() error, tx *sql.Tx, articleID int64, o offsets, blocks []ingest.Block) error {
	if len(blocks) == 0 {
		return nil
	}
	stmt := tx.StmtContext(ctx, db.stmts.block)
	defer stmt.Close()
	for i, b := range blocks {
		if err := stop(); err != nil {
			return err
		}
		s, e, err := o.convert(b.Start, b.End)
		if err != nil {
			return fmt.Errorf("block %d (%s): %w", i, b.Kind, err)
		}
		if _, err := stmt.ExecContext(ctx, articleID, i, b.Kind, s, e); err != nil {
			return fmt.Errorf("block %d: %w", i, err)
		}
	}
	return nil
}

// ReplaceExtraction replaces what was extracted from a stored article
// (for --reprocess): it deletes the article's entities and claims and
// stores r, and sets the article's pipeline_version, in one transaction.
// Spans are checked as in SaveArticle.
func (db *DB) ReplaceExtraction(ctx context.Context, articleID int64, r extract.Result, version string) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace extraction of article %d: %w", articleID, err)
	}
	defer tx.Rollback()
	var text string
	var published sql.NullString
	err = tx.QueryRowContext(ctx, "SELECT text, published_at FROM articles WHERE id = ?", articleID).Scan(&text, &published)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("replace extraction of article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("replace extraction of article %d: %w", articleID, err)
	}
	for _, q := range []string{
		"DELETE FROM claims WHERE article_id = ?", // cascades to claim_args, claim_keys; triggers update claims_fts
		"DELETE FROM entities WHERE article_id = ?",
	} {
		if _, err := tx.ExecContext(ctx, q, articleID); err != nil {
			return fmt.Errorf("replace extraction of article %d: %w", articleID, err)
		}
	}
	if err := db.insertExtraction(ctx, ctx.Err, tx, articleID, newOffsets(text), published.String, r, true); err != nil {
		return fmt.Errorf("replace extraction of article %d: %w", articleID, err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET pipeline_version = ? WHERE id = ?", version, articleID); err != nil {
		return fmt.Errorf("replace extraction of article %d: %w", articleID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace extraction of article %d: %w", articleID, err)
	}
	return nil
}

// StoredArticle is an article read back from the database. Article.Blocks
// are byte offsets again, ready for extraction.
type StoredArticle struct {
	ID              int64
	PipelineVersion string
	Article         ingest.Article
}

// ArticlesOlderThan returns the stored articles whose pipeline_version is
// older than version (see CompareVersions), in id order, for reprocessing.
// Each comes with its text, metadata and blocks.
func (db *DB) ArticlesOlderThan(ctx context.Context, version string) ([]StoredArticle, error) {
	// Versions are compared in Go (numeric fields), so select the
	// candidates (any other version) and filter.
	rows, err := db.db.QueryContext(ctx, `SELECT id, pipeline_version, source_path, coalesce(url, ''),
		coalesce(title, ''), coalesce(byline, ''), coalesce(publisher, ''), coalesce(published_at, ''),
		coalesce(format, ''), coalesce(language, ''), text, invalid_utf8
		FROM articles WHERE pipeline_version <> ? ORDER BY id`, version)
	if err != nil {
		return nil, fmt.Errorf("articles older than %s: %w", version, err)
	}
	var arts []StoredArticle
	for rows.Next() {
		var s StoredArticle
		a := &s.Article
		if err := rows.Scan(&s.ID, &s.PipelineVersion, &a.SourcePath, &a.URL, &a.Title, &a.Byline, &a.Publisher,
			&a.PublishedAt, &a.Format, &a.Language, &a.Text, &a.InvalidUTF8); err != nil {
			rows.Close()
			return nil, fmt.Errorf("articles older than %s: %w", version, err)
		}
		if CompareVersions(s.PipelineVersion, version) < 0 {
			arts = append(arts, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles older than %s: %w", version, err)
	}
	for i := range arts {
		if arts[i].Article.Blocks, err = db.blocks(ctx, arts[i].ID, arts[i].Article.Text); err != nil {
			return nil, fmt.Errorf("articles older than %s: %w", version, err)
		}
	}
	return arts, nil
}

// blocks reads an article's blocks back as byte offsets.
func (db *DB) blocks(ctx context.Context, articleID int64, text string) ([]ingest.Block, error) {
	rows, err := db.db.QueryContext(ctx, "SELECT kind, span_start, span_end FROM blocks WHERE article_id = ? ORDER BY seq", articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var idx []int
	var blocks []ingest.Block
	for rows.Next() {
		var b ingest.Block
		if err := rows.Scan(&b.Kind, &b.Start, &b.End); err != nil {
			return nil, err
		}
		if idx == nil {
			idx = byteIndex(text)
		}
		if b.Start, b.End, err = byteSpan(idx, b.Start, b.End); err != nil {
			return nil, fmt.Errorf("article %d block: %w", articleID, err)
		}
		blocks = append(blocks, b)
	}
	return blocks, rows.Err()
}

// CompareVersions compares pipeline versions field by field, numbers
// numerically ("0.10.0" > "0.9.1"), other text lexically; a leading "v" is
// ignored. It returns -1, 0 or +1.
func CompareVersions(a, b string) int {
	a, b = strings.TrimPrefix(a, "v"), strings.TrimPrefix(b, "v")
	for a != "" || b != "" {
		var x, y string
		x, a = versionField(a)
		y, b = versionField(b)
		if c := compareField(x, y); c != 0 {
			return c
		}
	}
	return 0
}

// versionField splits off the next run of digits or of non-digits.
func versionField(s string) (field, rest string) {
	if s == "" {
		return "", ""
	}
	digit := s[0] >= '0' && s[0] <= '9'
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') == digit {
		i++
	}
	return s[:i], s[i:]
}

func compareField(x, y string) int {
	isNum := func(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
	if isNum(x) && isNum(y) {
		x, y = strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
		if len(x) != len(y) {
			if len(x) < len(y) {
				return -1
			}
			return 1
		}
	}
	return strings.Compare(x, y)
}

// day parses the date at the start of an ISO 8601 string ("2021-08-09",
// "2021-08-09T10:00:00Z", "2021-08-06/2021-08-09") and returns it as
// YYYY-MM-DD and days since 1970-01-01.
func day(iso string) (string, int64, bool) {
	if len(iso) < 10 {
		return "", 0, false
	}
	t, err := time.Parse("2006-01-02", iso[:10])
	if err != nil {
		return "", 0, false
	}
	return iso[:10], t.Unix() / 86400, true
}

// Batch stores several articles in one transaction, each inside a
// savepoint of its own: an article and everything extracted from it are
// stored whole or not at all, and a failed article leaves the others of the
// batch alone. One transaction for many articles lets SQLite and FTS5 write
// their pages once per batch instead of once per article. A batch that is
// never committed (the process is killed) stores nothing; content-hash
// skipping makes the next run store it.
type Batch struct {
	db *DB
	tx *sql.Tx
	n  int // articles stored in the batch
}

// Begin starts a batch. Nothing else may write to the database (the
// connection holds the write lock) until it is committed or rolled back,
// and batches of one DB follow each other, never overlap.
//
// Batches of a file database all run on one connection, kept from the
// first Begin to Close, with a 32 MB page cache (SQLite's default is 2 MB)
// so that the index pages a batch touches stay in memory. Had each batch
// taken any pooled connection, every connection would in time grow its
// own large cache: peak RSS over 10,000 articles was 264 MB that way, 210
// MB with a 16 MB cache, 166 MB with the default; the single writer keeps
// the speed of the large cache without the growth.
//
// The writer also keeps its temporary files in memory (temp_store =
// MEMORY). Each article's savepoint copies every page it is the first to
// change into a sub-journal, about 250 pages an article; past 64 KiB
// SQLite spills that journal to a temporary file, so storing was mostly
// pwrite calls into it (1.3 million for 2,000 articles, strace -c) and
// system time. In memory the journal lasts one article: RELEASE of the
// savepoint truncates it.
func (db *DB) Begin(ctx context.Context) (*Batch, error) {
	var tx *sql.Tx
	var err error
	if db.memory {
		tx, err = db.db.BeginTx(ctx, nil) // the pool is one connection already
	} else {
		if db.writer == nil {
			if db.writer, err = db.writerConn(ctx); err != nil {
				return nil, fmt.Errorf("begin batch: %w", err)
			}
		}
		tx, err = db.writer.BeginTx(ctx, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("begin batch: %w", err)
	}
	return &Batch{db: db, tx: tx}, nil
}

// writerCacheKiB is the page cache of the batch connection, in KiB.
const writerCacheKiB = 32 << 10

func (db *DB) writerConn(ctx context.Context) (*sql.Conn, error) {
	c, err := db.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	for _, pragma := range []string{fmt.Sprintf("PRAGMA cache_size = -%d", writerCacheKiB), "PRAGMA temp_store = MEMORY"} {
		if _, err := c.ExecContext(ctx, pragma); err != nil {
			c.Close()
			return nil, fmt.Errorf("%s: %w", pragma, err)
		}
	}
	return c, nil
}

// Len is the number of articles stored in the batch so far.
func (b *Batch) Len() int { return b.n }

// Save is SaveArticle inside the batch. When ctx is done (a signal, the
// article's deadline) it stops between two statements, rolls the article
// back to its savepoint and returns ctx's error; the articles saved
// before stay in the batch. The statements themselves run without ctx:
// SQLite, interrupted inside a statement, would roll back the whole
// batch transaction.
func (b *Batch) Save(ctx context.Context, a ingest.Article, r extract.Result, pipelineVersion string) (id int64, inserted bool, err error) {
	if err := checkText(a.Text); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	if err := ctx.Err(); err != nil {
		return 0, false, err
	}
	sctx := context.WithoutCancel(ctx)
	if _, err := b.tx.ExecContext(sctx, "SAVEPOINT article"); err != nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, err)
	}
	id, inserted, err = b.db.saveInTx(sctx, ctx.Err, b.tx, a, r, pipelineVersion)
	if err != nil {
		inserted = false
		if _, rerr := b.tx.ExecContext(sctx, "ROLLBACK TO article"); rerr != nil {
			return 0, false, fmt.Errorf("%w (and rolling it back: %v)", err, rerr)
		}
	}
	if _, rerr := b.tx.ExecContext(sctx, "RELEASE article"); rerr != nil && err == nil {
		return 0, false, fmt.Errorf("save article %s: %w", a.SourcePath, rerr)
	}
	if inserted {
		b.n++
	}
	return id, inserted, err
}

// Commit stores the batch.
func (b *Batch) Commit() error {
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("commit batch of %d articles: %w", b.n, err)
	}
	return nil
}

// Rollback drops the batch.
func (b *Batch) Rollback() error { return b.tx.Rollback() }
