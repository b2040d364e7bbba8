package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jsonRecord holds the fields crawlers commonly export. Fields whose type
// varies between crawlers (a list of authors or one, a date as text or as
// seconds) are kept raw and read by jsonText and jsonDate.
type jsonRecord struct {
	URL         string `json:"url"`
	Title       string `json:"title"`
	Headline    string `json:"headline"`
	Language    string `json:"language"`
	Lang        string `json:"lang"`
	Publisher   string `json:"publisher"`
	SourceName  string `json:"source_domain"`
	SiteName    string `json:"site_name"`
	Text        string `json:"text"`
	MainText    string `json:"maintext"`
	Body        string `json:"body"`
	Content     string `json:"content"`
	ArticleBody string `json:"articleBody"`
	HTML        string `json:"html"`

	Author  json.RawMessage `json:"author"`
	Byline  json.RawMessage `json:"byline"`
	Authors json.RawMessage `json:"authors"`

	Published     json.RawMessage `json:"published"`
	DatePublish   json.RawMessage `json:"date_publish"`
	DatePublished json.RawMessage `json:"datePublished"`
	PublishedAt   json.RawMessage `json:"published_at"`
	Date          json.RawMessage `json:"date"`
}

// readJSONL reads one JSON object per line. A line that is not a usable
// record is reported as a Record with Err and Source "name:line"; the rest
// of the file is still read. maxLine bounds each line, not the file, since
// the file is streamed.
func readJSONL(name string, br *bufio.Reader, maxLine int64, opt Options, fn func(Record) error) error {
	lineNo := 0
	records := 0
	for {
		line, err := readLine(br, maxLine)
		if len(line) > 0 || err == nil || errors.Is(err, ErrTooLarge) {
			lineNo++
		}
		if errors.Is(err, ErrTooLarge) {
			src := fmt.Sprintf("%s:%d", name, lineNo)
			if ferr := fn(Record{Source: src, Err: fmt.Errorf("%s: %w (line longer than %d bytes)", src, ErrTooLarge, maxLine)}); ferr != nil {
				return ferr
			}
			records++
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
		}
		if trimmed := bytes.TrimSpace(bytes.TrimPrefix(line, utf8BOM)); len(trimmed) > 0 {
			records++
			src := fmt.Sprintf("%s:%d", name, lineNo)
			if ferr := fn(jsonArticle(src, FormatJSONL, trimmed, opt)); ferr != nil {
				return ferr
			}
		}
		if err != nil { // io.EOF
			break
		}
	}
	if records == 0 {
		return fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return nil
}

// readLine returns the next line without its line end. A line longer than
// max is skipped up to its end and reported as ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(line)+len(chunk)) > max+1 {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, ErrTooLarge
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, err
	}
}

// readJSON reads a JSON array of records, or a single record object. A
// syntax error ends the file (nothing after it can be trusted); a record
// that has the wrong shape is reported and skipped.
func readJSON(name string, data []byte, opt Options, fn func(Record) error) error {
	data = bytes.TrimPrefix(data, utf8BOM)
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return fn(jsonArticle(name, FormatJSON, trimmed, opt))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return fmt.Errorf("%s:%d: not a JSON array or object", name, lineAt(dec.InputOffset()))
	}
	n := 0
	for dec.More() {
		// InputOffset is at the end of the previous value; the record
		// starts at the next non-space, non-comma byte.
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("%s:%d: %w", name, lineAt(off), err)
		}
		n++
		if err := fn(jsonArticle(fmt.Sprintf("%s:%d", name, lineAt(off)), FormatJSON, raw, opt)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, lineAt(dec.InputOffset()), err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return nil
}

// jsonArticle turns one JSON record into an article, or a Record with Err.
func jsonArticle(src, format string, raw []byte, opt Options) Record {
	var r jsonRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return Record{Source: src, Err: fmt.Errorf("%s: bad record: %w", src, err)}
	}
	var a Article
	var err error
	if body := firstNonEmpty(r.Text, r.MainText, r.ArticleBody, r.Body, r.Content); body != "" {
		a, err = parseText([]byte(body))
	} else if r.HTML != "" {
		a, err = parseHTML([]byte(r.HTML), r.URL)
	} else {
		err = ErrNoText
	}
	if err != nil {
		return Record{Source: src, Err: fmt.Errorf("%s: %w", src, err)}
	}
	if t := cleanLine(firstNonEmpty(r.Title, r.Headline)); t != "" {
		a.Title = t
	}
	if by := firstNonEmpty(jsonText(r.Author), jsonText(r.Byline), jsonText(r.Authors)); by != "" {
		a.Byline = cleanLine(by)
	}
	if u := strings.TrimSpace(r.URL); u != "" {
		a.URL = u
	}
	if p := cleanLine(firstNonEmpty(r.Publisher, r.SiteName, r.SourceName)); p != "" {
		a.Publisher = p
	}
	if l := firstNonEmpty(r.Language, r.Lang); l != "" {
		a.Language = normLang(l)
	}
	for _, d := range []json.RawMessage{r.Published, r.DatePublish, r.DatePublished, r.PublishedAt, r.Date} {
		if v, ok := jsonDate(d); ok {
			a.PublishedAt = v
			break
		}
	}
	if a.PublishedAt == "" {
		if d, ok := dateFromURL(a.URL); ok {
			a.PublishedAt = d
		}
	}
	return finish(a, src, format, opt)
}

// jsonText reads a string, a list of strings, or objects with a name.
func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	return ldNames(v)
}

// jsonDate reads a date given as text or as seconds since 1970.
func jsonDate(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return normDate(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if i, err := n.Int64(); err == nil {
			return normDate(strconv.FormatInt(i, 10))
		}
		if f, err := n.Float64(); err == nil {
			return normDate(strconv.FormatInt(int64(f), 10))
		}
	}
	return "", false
}
