package ingest

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// TrafilaturaOptions are the go-trafilatura options ingest uses, exported
// so that cmd/benchhtml can time go-trafilatura alone on the same terms.
// The fallback extractors (readability, dom-distiller) are off: on our
// benchmark they halve the speed for no gain in F1. Publication dates come
// from our own reading of the page (see htmlMeta), so htmldate is off.
func TrafilaturaOptions() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  false,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// parseHTML turns an HTML page into an article: the body as found by
// go-trafilatura, split into blocks by the page's own structure, and the
// metadata go-trafilatura and our own reading of the page find. pageURL,
// if known, helps resolve relative links and dates.
func parseHTML(data []byte, pageURL string) (Article, error) {
	text, bad := decodeHTML(data)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Article{}, err
	}
	meta := readMeta(doc, pageURL) // before go-trafilatura, which edits the tree
	res, err := trafilatura.ExtractDocument(doc, TrafilaturaOptions())
	if err != nil || res == nil || res.ContentNode == nil {
		return Article{}, ErrNoText
	}
	a := Article{InvalidUTF8: bad}
	a.Title = firstNonEmpty(meta.title, cleanLine(res.Metadata.Title))
	a.Text, a.Blocks = htmlBody(fallbackBody(res), meta.structure, a.Title, cleanLine(res.Metadata.Title))
	if !hasWordChar(a.Text) || a.Text == a.Title {
		return Article{}, ErrNoText
	}
	a.Byline = firstNonEmpty(cleanLine(res.Metadata.Author), meta.byline)
	a.URL = firstNonEmpty(meta.canonical, res.Metadata.URL, pageURL)
	a.Publisher = firstNonEmpty(meta.publisher, cleanLine(res.Metadata.Sitename))
	// Only a declared language: go-trafilatura's guess (whatlanggo) breaks
	// ties at random on short texts, and ingest must be deterministic.
	a.Language = meta.language
	a.PublishedAt = meta.published
	if a.PublishedAt == "" {
		if d, ok := dateFromURL(a.URL); ok {
			a.PublishedAt = d
		} else if !res.Metadata.Date.IsZero() {
			a.PublishedAt, _ = normDate(res.Metadata.Date.Format("2006-01-02"))
		}
	}
	return a, nil
}

// fallbackBody returns the body node to read. When go-trafilatura finds
// too little text it falls back to the whole page's text in a last <p>,
// after the paragraphs it found (go-trafilatura v1.12.2 baseline): its
// ContentText is then that last <p> alone, and reading every child would
// repeat the text.
func fallbackBody(res *trafilatura.ExtractResult) *html.Node {
	body := res.ContentNode
	last := body.LastChild
	if last == nil || last == body.FirstChild || last.Type != html.ElementNode || last.Data != "p" {
		return body
	}
	var b strings.Builder
	for c := last.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return body
		}
		b.WriteString(c.Data)
	}
	if cleanLine(b.String()) != cleanLine(res.ContentText) {
		return body
	}
	wrap := &html.Node{Type: html.ElementNode, Data: "body"}
	wrap.AppendChild(&html.Node{Type: html.TextNode, Data: b.String()})
	return wrap
}

// decodeHTML returns the page as UTF-8 and the number of invalid byte
// sequences replaced. A page that is valid UTF-8 with non-ASCII bytes is
// UTF-8 whatever it declares (pages are often re-saved as UTF-8 with the
// old declaration left in); otherwise the BOM, then <meta charset> or
// http-equiv anywhere in the first 64 KiB, then windows-1252 decide.
func decodeHTML(data []byte) (string, int) {
	if bytes.HasPrefix(data, utf8BOM) || (hasHighBit(data) && utf8.Valid(data)) {
		return normalizeText(data)
	}
	enc := declaredCharset(data)
	if enc == nil {
		if !hasHighBit(data) {
			return normalizeText(data)
		}
		e, _, _ := charset.DetermineEncoding(data, "")
		enc = e
	}
	if enc == encoding.Nop || enc == nil {
		return normalizeText(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return normalizeText(data)
	}
	return normalizeText(out)
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)`)

// declaredCharset finds the encoding a page declares, or nil. It looks
// further than x/net/html/charset's prescan (1024 bytes), since many pages
// declare it after a long head of scripts.
func declaredCharset(data []byte) encoding.Encoding {
	head := data[:min(len(data), 64<<10)]
	if e, name, certain := charset.DetermineEncoding(head, ""); certain || name != "windows-1252" && name != "utf-8" {
		return e
	}
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return nil
	}
	e, _ := charset.Lookup(string(m[1]))
	return e
}

// unit is one block of the extracted body as the page structures it.
type unit struct {
	tag  string // innermost block element: p, h2, li, blockquote, tr, …
	text string // raw text, "\n" where the page had <br>
}

// blockTags start a new unit.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "body": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "summary": true, "details": true,
	"ul": true, "ol": true, "dl": true, "li": true, "dd": true, "dt": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true, "tbody": true,
	"figure": true, "figcaption": true, "aside": true, "header": true, "footer": true, "hr": true,
	"caption": true, "address": true,
}

// collectUnits walks the extracted body and returns its text blocks in
// order. goquery's Text() would run <p>a</p><p>b</p> together as "ab".
func collectUnits(root *html.Node) []unit {
	var units []unit
	var buf strings.Builder
	var stack []string
	flush := func() {
		if buf.Len() == 0 {
			return
		}
		tag := "p"
		if len(stack) > 0 {
			tag = stack[len(stack)-1]
		}
		units = append(units, unit{tag: tag, text: buf.String()})
		buf.Reset()
	}
	// Like go-trafilatura's own text, put a space where the tree depth
	// changes between two texts: it trims the text of the elements it
	// keeps, so "for <a>Larry</a>" arrives as "for" and "Larry". No space
	// goes before closing punctuation.
	lastLevel := 0
	sep := func(next string) {
		if buf.Len() == 0 {
			return
		}
		r, _ := utf8.DecodeRuneInString(next)
		if strings.ContainsRune(",.;:!?)]}’”%", r) {
			return
		}
		buf.WriteByte(' ')
	}
	var walk func(n *html.Node, level int)
	walk = func(n *html.Node, level int) {
		switch n.Type {
		case html.TextNode:
			if level != lastLevel {
				sep(n.Data)
			}
			lastLevel = level
			buf.WriteString(n.Data)
			return
		case html.ElementNode:
		case html.DocumentNode:
		default:
			return
		}
		tag := n.Data
		switch tag {
		case "script", "style", "noscript", "template", "svg", "button", "select", "iframe":
			return
		case "br":
			buf.WriteByte('\n')
			return
		}
		lastLevel = level
		if isVoid(tag) {
			sep("")
			return
		}
		block := blockTags[tag]
		if block {
			flush()
			stack = append(stack, tag)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, level+1)
		}
		if block {
			flush()
			stack = stack[:len(stack)-1]
		}
	}
	walk(root, 0)
	flush()
	return units
}

// htmlBody builds the article text from the extracted body, one paragraph
// per block separated by blank lines, and types each block. Furniture that
// go-trafilatura kept ("Advertisement", captions, "Read more: …") stays in
// the text, typed, rather than dropped: on the benchmark, dropping it cost
// more recall (lists of links that are the body) than it won in precision.
func htmlBody(root *html.Node, structure map[string]string, titles ...string) (string, []Block) {
	var b strings.Builder
	var blocks []Block
	for i, u := range collectUnits(root) {
		// The headline repeated at the top of the body is the title, which
		// Article.Title holds; the body starts after it.
		if i == 0 && isHeadline(u.text, titles) {
			continue
		}
		var lines []string
		for _, l := range strings.Split(u.text, "\n") {
			if l = cleanLine(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		kinds := make([]string, len(lines))
		photo := make([]bool, len(lines))
		for i, l := range lines {
			kinds[i], photo[i] = classifyLine(l)
			if k, ok := structure[l]; ok && kinds[i] != BlockNoise {
				kinds[i] = k
			}
			if kinds[i] == BlockHeading && !isHeadingTag(u.tag) && (u.tag == "li" || u.tag == "dd" || u.tag == "td" || u.tag == "tr") {
				kinds[i] = "" // a short list item is content, not a heading
			}
			if kinds[i] == "" && isHeadingTag(u.tag) {
				kinds[i] = BlockHeading
			}
		}
		for i := range lines {
			if !photo[i] {
				continue
			}
			if i > 0 && (kinds[i-1] == "" || kinds[i-1] == BlockHeading) {
				kinds[i-1] = BlockCaption
			}
			if i+1 < len(lines) && (kinds[i+1] == "" || kinds[i+1] == BlockHeading) {
				kinds[i+1] = BlockCaption
			}
		}
		first, prevProse := true, false
		for i, l := range lines {

			if b.Len() > 0 {
				if first {
					b.WriteString("\n\n")
				} else {
					b.WriteByte('\n')
				}
			}
			first = false
			start := b.Len()
			b.WriteString(l)
			if kinds[i] != "" {
				prevProse = false
				blocks = append(blocks, Block{Kind: kinds[i], Start: start, End: b.Len()})
				continue
			}
			if prevProse { // lines of one <p> split by <br>: one paragraph
				blocks[len(blocks)-1].End = b.Len()
				continue
			}
			prevProse = true
			blocks = append(blocks, proseBlocks(b.String(), start, b.Len())...)
		}
	}
	// Furniture after the last line of the article (copyright, sign-up
	// boxes, share buttons) is not part of it: cut it off.
	text := b.String()
	for len(blocks) > 0 && blocks[len(blocks)-1].Kind == BlockNoise {
		blocks = blocks[:len(blocks)-1]
		end := 0
		if len(blocks) > 0 {
			end = blocks[len(blocks)-1].End
		}
		text = text[:end]
	}
	return text, blocks
}

// isHeadline reports whether text is one of the page's titles: the same
// words, or the start of a title that goes on with the site's name
// ("Storm hits coast | The Gazette").
func isHeadline(text string, titles []string) bool {
	words := headlineWords(text)
	if len(words) == 0 || len(words) > 40 {
		return false
	}
	for _, t := range titles {
		tw := headlineWords(t)
		if len(tw) >= len(words) && slices.Equal(tw[:len(words)], words) && len(words)*2 >= len(tw) {
			return true
		}
	}
	return false
}

func headlineWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isHeadingTag(tag string) bool {
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6", "summary":
		return true
	}
	return false
}

// cleanLine collapses runs of white space to one space, drops invisible
// characters (zero-width space, soft hyphen, BOM, control characters) and
// trims the ends.
func cleanLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u00ad' || r == '\ufeff' || r == '\u2060':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}
