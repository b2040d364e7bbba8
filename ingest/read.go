package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Formats, as stored in Article.Format.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
	FormatJSON  = "json"
)

// sniffLen is how much of the (decompressed) input is looked at to tell
// text from binary and to guess the format.
const sniffLen = 8 << 10

// ReadFile reads the file at path and calls fn once for each article in it,
// or once for each broken record of a JSON-lines or JSON file (Record.Err
// set, Source "path:line"). The format comes from the extension (.txt,
// .html/.htm, .jsonl/.ndjson, .json, each optionally .gz) and, for other
// names, from the content. It returns an error wrapping ErrEmpty,
// ErrBinary, ErrNoText or ErrTooLarge when the file as a whole cannot
// become an article, the read error when it cannot be read, and fn's
// error as is when fn fails (reading stops there).
func ReadFile(path string, opt Options, fn func(Record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err // *PathError names the file and the reason
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s: is a directory", path)
	}
	return read(path, formatFromName(path), f, opt, fn)
}

// Read is ReadFile for a reader. name is used in errors and as the source
// ("-" for standard input); its extension, if any, picks the format, and
// otherwise the format is sniffed from the content.
func Read(name string, r io.Reader, opt Options, fn func(Record) error) error {
	return read(name, formatFromName(name), r, opt, fn)
}

// formatFromName returns the format an extension implies, "" when the
// name says nothing.
func formatFromName(name string) string {
	base := strings.ToLower(filepath.Base(name))
	base = strings.TrimSuffix(base, ".gz")
	switch filepath.Ext(base) {
	case ".txt", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		return FormatJSON
	}
	return ""
}

func read(name, format string, r io.Reader, opt Options, fn func(Record) error) error {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	br := bufio.NewReaderSize(r, 64<<10)
	magic, err := br.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: gzip: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	// UTF-16 text has NUL bytes; turn it into UTF-8 before the binary test.
	if bom, _ := br.Peek(2); len(bom) == 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))) == 0 {
		return fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if isBinary(head) {
		return fmt.Errorf("%s: %w", name, ErrBinary)
	}
	if format == "" {
		format = sniffFormat(head)
	}
	if format == FormatJSONL {
		return readJSONL(name, br, max, opt, fn)
	}

	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > max {
		return fmt.Errorf("%s: %w (more than %d bytes)", name, ErrTooLarge, max)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return fmt.Errorf("%s: %w", name, ErrBinary)
	}
	switch format {
	case FormatJSON:
		return readJSON(name, data, opt, fn)
	case FormatHTML:
		a, err := parseHTML(data, "")
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return fn(finish(a, name, FormatHTML, opt))
	default:
		a, err := parseText(data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return fn(finish(a, name, FormatText, opt))
	}
}

// finish fills in what every article gets whatever its format.
func finish(a Article, source, format string, opt Options) Record {
	a.SourcePath = source
	a.Format = format
	if a.PublishedAt == "" && opt.Published != "" {
		if d, ok := normDate(opt.Published); ok {
			a.PublishedAt = d
		} else {
			a.PublishedAt = opt.Published
		}
	}
	return Record{Source: source, Article: a}
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// isBinary reports whether the start of a file is not text: it has a NUL
// byte, or many control bytes, or mostly bytes that are not UTF-8. Text in
// a legacy 8-bit encoding (windows-1252) has a few invalid UTF-8 bytes,
// never most of them.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	// A rune cut off by the end of the sample is not evidence.
	if len(head) >= sniffLen {
		for i := 0; i < 3 && len(head) > 0 && !utf8.Valid(head[len(head)-1:]); i++ {
			head = head[:len(head)-1]
		}
	}
	var ctrl, bad, n int
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b, r == 0x7f:
			ctrl++
		}
		n++
		i += size
	}
	return n > 0 && (ctrl*10 > n || (ctrl+bad)*10 > n*3)
}

// sniffFormat guesses the format of content that has no telling name.
func sniffFormat(head []byte) string {
	s := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case len(s) == 0:
		return FormatText
	case s[0] == '{':
		// One JSON object per line; a text that starts with a brace but is
		// not JSON is read as text.
		rest := bytes.TrimLeft(s[1:], " \t\r\n")
		if len(rest) > 0 && (rest[0] == '"' || rest[0] == '}') {
			return FormatJSONL
		}
	case s[0] == '[':
		rest := bytes.TrimLeft(s[1:], " \t\r\n")
		if len(rest) > 0 && (rest[0] == '{' || rest[0] == ']') {
			return FormatJSON
		}
	case s[0] == '<':
		return FormatHTML
	}
	lower := bytes.ToLower(s[:min(len(s), 1024)])
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) ||
		bytes.Contains(lower, []byte("<body")) {
		return FormatHTML
	}
	return FormatText
}
