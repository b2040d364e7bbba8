// Package ingest turns raw article files (plain text, saved HTML pages,
// crawler JSON lines) into Articles with one final, normalised Text.
//
// Every offset anywhere in newsclaims indexes Article.Text, so ingest is the
// only place that normalises text; nothing downstream rewrites it.
package ingest

import "errors"

// Article is one article ready for extraction.
type Article struct {
	SourcePath  string // file path, "path:line" for a JSON-lines record, "-" for stdin
	Format      string // "text", "html", "jsonl", "json"
	URL         string
	Title       string
	Byline      string
	Publisher   string
	Language    string
	PublishedAt string // ISO 8601 (RFC 3339 or YYYY-MM-DD), "" when unknown

	// Text is the normalised article text: valid UTF-8, LF line ends,
	// paragraphs separated by a blank line. All spans index it.
	Text string
	// Blocks say what each part of Text is. They are sorted, do not overlap
	// and use byte offsets into Text on rune boundaries.
	Blocks []Block
	// InvalidUTF8 counts the invalid byte sequences replaced by U+FFFD.
	InvalidUTF8 int
}

// Block kinds. Only paragraph (and title) blocks feed claim extraction;
// entities are kept everywhere, tagged with the kind of block they sit in.
const (
	BlockTitle     = "title"
	BlockParagraph = "paragraph"
	BlockHeading   = "heading"
	BlockCaption   = "caption"
	BlockCredit    = "credit"
	BlockRelated   = "related"
	BlockDateline  = "dateline"
	BlockByline    = "byline"
	BlockNoise     = "noise"
)

// Block is a typed region of Article.Text, in byte offsets, end exclusive.
type Block struct {
	Kind       string
	Start, End int
}

// Options control reading.
type Options struct {
	// MaxBytes is the largest input file accepted (after decompression).
	// JSON-lines files are streamed record by record, so for them it bounds
	// each line instead; a longer line is reported as a broken record.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// Published is used as PublishedAt for articles that carry no date.
	Published string
}

// DefaultMaxBytes is the default input size limit.
const DefaultMaxBytes = 20 << 20

// Errors for inputs that cannot become an article. They are expected
// outcomes in a batch: the caller reports them and goes on.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file (not text)")
	ErrNoText   = errors.New("no article body found")
	ErrTooLarge = errors.New("file too large")
)

// Record is one article read from a file, or the error that kept one record
// of a file from becoming an article. Source names the place: the path, or
// "path:line" for JSON lines.
type Record struct {
	Source  string
	Article Article
	Err     error
}
