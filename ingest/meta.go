package ingest

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// pageMeta is what our own reading of a page finds, next to go-trafilatura's
// metadata.
type pageMeta struct {
	title, byline, canonical, publisher, language, published string
	// structure maps the cleaned text of page elements that say what they
	// are (figcaption, credit, related-links list items) to a block kind.
	structure map[string]string
}

// publishedMetas are <meta> names and properties that carry the
// publication date, best first.
var publishedMetas = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "published_time",
	"datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
	"sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date",
	"article.published", "cxenseparse:recs:publishtime", "originalpublicationdate",
}

// readMeta reads the metadata go-trafilatura misses or gets less reliably:
// the publication date (JSON-LD NewsArticle datePublished, then
// article:published_time and other <meta>, then <time datetime>), the
// canonical URL, the site name, the language, and the page structure that
// types blocks.
func readMeta(root *html.Node, pageURL string) pageMeta {
	doc := goquery.NewDocumentFromNode(root)
	var m pageMeta

	metas := map[string]string{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok || strings.TrimSpace(content) == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
			if k, ok := s.Attr(attr); ok {
				k = strings.ToLower(strings.TrimSpace(k))
				if _, seen := metas[k]; !seen {
					metas[k] = strings.TrimSpace(content)
				}
			}
		}
	})

	ld := readJSONLD(doc)
	if d, ok := normDate(ld.published); ok {
		m.published = d
	}
	for _, k := range publishedMetas {
		if m.published != "" {
			break
		}
		if d, ok := normDate(metas[k]); ok {
			m.published = d
		}
	}
	if m.published == "" {
		for _, sel := range []string{`time[itemprop="datePublished"]`, `[itemprop="datePublished"]`, "time[pubdate]", "article time", "time"} {
			doc.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
				v, _ := s.Attr("datetime")
				if v == "" {
					v, _ = s.Attr("content")
				}
				if d, ok := normDate(v); ok {
					m.published = d
					return false
				}
				return true
			})
			if m.published != "" {
				break
			}
		}
	}

	if h, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok && absURL(h) {
		m.canonical = strings.TrimSpace(h)
	} else if u := metas["og:url"]; absURL(u) {
		m.canonical = u
	} else if absURL(ld.url) {
		m.canonical = ld.url
	}
	m.publisher = firstNonEmpty(cleanLine(metas["og:site_name"]), cleanLine(ld.publisher), cleanLine(metas["application-name"]))
	m.byline = firstNonEmpty(cleanLine(ld.author), cleanLine(metas["author"]))
	m.title = cleanLine(ld.headline)
	lang, _ := doc.Find("html").First().Attr("lang")
	m.language = normLang(firstNonEmpty(lang, metas["content-language"], metas["og:locale"], ld.language))

	m.structure = map[string]string{}
	mark := func(sel, kind string) {
		doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
			if t := cleanLine(s.Text()); t != "" {
				m.structure[t] = kind
			}
		})
	}
	mark("figcaption, [class*=caption], [itemprop=caption]", BlockCaption)
	mark("[class*=credit], [itemprop=copyrightHolder]", BlockCredit)
	// A list whose items are each just a link lists other pages.
	doc.Find("ul, ol").Each(func(_ int, list *goquery.Selection) {
		items := list.ChildrenFiltered("li")
		if items.Length() < 2 {
			return
		}
		allLinks := true
		items.EachWithBreak(func(_ int, li *goquery.Selection) bool {
			text := cleanLine(li.Text())
			linked := cleanLine(li.Find("a").Text())
			if text == "" || len(linked)*10 < len(text)*8 {
				allLinks = false
			}
			return allLinks
		})
		if allLinks {
			items.Each(func(_ int, li *goquery.Selection) {
				m.structure[cleanLine(li.Text())] = BlockRelated
			})
		}
	})
	return m
}

func absURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// normLang writes a language tag the BCP 47 way: "en_US" becomes "en-US".
func normLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if len(s) > 35 || strings.ContainsAny(s, " ,;") {
		if i := strings.IndexAny(s, " ,;"); i > 0 {
			s = s[:i]
		} else {
			return ""
		}
	}
	return s
}

// jsonLD is what we take from a page's JSON-LD article object.
type jsonLD struct {
	published, headline, author, publisher, url, language string
}

// readJSONLD returns the first article-like object in the page's JSON-LD
// (NewsArticle, Article, BlogPosting, …), looking into arrays and @graph.
func readJSONLD(doc *goquery.Document) jsonLD {
	var best jsonLD
	found := false
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		for _, obj := range ldObjects(v, 0) {
			if !isArticleType(obj["@type"]) {
				continue
			}
			best = jsonLD{
				published: ldString(obj["datePublished"]),
				headline:  ldString(obj["headline"]),
				author:    ldNames(obj["author"]),
				publisher: ldNames(obj["publisher"]),
				url:       ldString(obj["url"]),
				language:  ldString(obj["inLanguage"]),
			}
			if best.published == "" {
				best.published = ldString(obj["dateCreated"])
			}
			found = true
			return false
		}
		return true
	})
	if !found {
		return jsonLD{}
	}
	return best
}

// ldObjects flattens JSON-LD into its objects: arrays and @graph included.
func ldObjects(v any, depth int) []map[string]any {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		var out []map[string]any
		for _, e := range x {
			out = append(out, ldObjects(e, depth+1)...)
		}
		return out
	case map[string]any:
		out := []map[string]any{x}
		if g, ok := x["@graph"]; ok {
			out = append(out, ldObjects(g, depth+1)...)
		}
		return out
	}
	return nil
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldNames reads a person or organization, or a list of them, as names
// joined by commas.
func ldNames(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := ldNames(e); n != "" && len(names) < 10 {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
