package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAll reads name's content through Read and returns the records.
func readAll(t *testing.T, name string, data []byte, opt Options) ([]Record, error) {
	t.Helper()
	var recs []Record
	err := Read(name, bytes.NewReader(data), opt, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

// checkArticle checks the invariants every article keeps: valid UTF-8, no
// CR, and blocks sorted, non-overlapping, in bounds, on rune boundaries,
// non-empty, of a known kind, covering every non-blank line.
func checkArticle(a Article) error {
	if !utf8.ValidString(a.Text) {
		return fmt.Errorf("text is not valid UTF-8")
	}
	if strings.ContainsRune(a.Text, '\r') {
		return fmt.Errorf("text has a CR")
	}
	prev := 0
	for i, b := range a.Blocks {
		switch b.Kind {
		case BlockTitle, BlockParagraph, BlockHeading, BlockCaption, BlockCredit, BlockRelated, BlockDateline, BlockByline, BlockNoise:
		default:
			return fmt.Errorf("block %d: unknown kind %q", i, b.Kind)
		}
		if b.Start < prev || b.End <= b.Start || b.End > len(a.Text) {
			return fmt.Errorf("block %d %+v: out of order or bounds (prev end %d, len %d)", i, b, prev, len(a.Text))
		}
		if !utf8.RuneStart(a.Text[b.Start]) || (b.End < len(a.Text) && !utf8.RuneStart(a.Text[b.End])) {
			return fmt.Errorf("block %d %+v: not on a rune boundary", i, b)
		}
		prev = b.End
	}
	// Every non-blank line is inside some block.
	for pos := 0; pos < len(a.Text); {
		end := strings.IndexByte(a.Text[pos:], '\n')
		if end < 0 {
			end = len(a.Text)
		} else {
			end += pos
		}
		if s, e := trimSpan(a.Text, pos, end); s < e && !covered(a.Blocks, s, e) {
			return fmt.Errorf("line %q is in no block", a.Text[s:e])
		}
		pos = end + 1
	}
	return nil
}

func covered(blocks []Block, s, e int) bool {
	for _, b := range blocks {
		if b.Start < e && s < b.End {
			return true
		}
	}
	return false
}

// kindOf returns the kind of the block that starts with prefix.
func kindOf(a Article, prefix string) string {
	for _, b := range a.Blocks {
		if strings.HasPrefix(a.Text[b.Start:b.End], prefix) {
			return b.Kind
		}
	}
	return "(none)"
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		file  string
		kinds map[string]string // block start -> kind
	}{
		{"000_23266be43dcebdac.txt", map[string]string{
			"As foreign soldiers prepare":                       BlockParagraph,
			"Afghan Forces":                                     BlockCaption,
			"(Photo : Stringer/Anadolu Agency":                  BlockCredit,
			"Afghan security forces deployed":                   BlockCaption,
			"Taliban Took Control of Provincial Capitals":       BlockHeading,
			"In a recently published article in the Associated": BlockParagraph,
			"Read Also: Blinken":                                BlockRelated,
			"Why It Is Important for Taliban":                   BlockHeading,
			"Related Article: Peace Talks":                      BlockRelated,
		}},
		{"001_73cd811f6837bda6.txt", map[string]string{
			"afghanistan kandahar frontline":                   BlockNoise,
			"This is what the front line":                      BlockHeading,
			"06:11 - Source: CNN":                              BlockCredit,
			"CNN":                                              BlockDateline,
			"The Taliban have seized the city":                 BlockParagraph,
			"Five provincial capitals seized":                  BlockHeading,
			"Afghans inspect damaged shops":                    BlockCaption,
			"Also on Sunday, Taliban forces":                   BlockParagraph,
			"“These atrocities":                                BlockParagraph,
			"CNN’s Kara Fox, Nina Avramova and Hannah Ritchie": BlockCredit,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "seeds", tt.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Skip(err)
			}
			var recs []Record
			if err := ReadFile(path, Options{Published: "2021-08-09"}, func(r Record) error { recs = append(recs, r); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].Err != nil {
				t.Fatalf("got %d records, first %+v", len(recs), recs)
			}
			a := recs[0].Article
			if a.Text != string(raw) {
				t.Errorf("text is not the file's bytes")
			}
			if a.Format != FormatText || a.SourcePath != path || a.PublishedAt != "2021-08-09" {
				t.Errorf("format %q source %q published %q", a.Format, a.SourcePath, a.PublishedAt)
			}
			if err := checkArticle(a); err != nil {
				t.Fatal(err)
			}
			for prefix, want := range tt.kinds {
				if got := kindOf(a, prefix); got != want {
					t.Errorf("%q: kind %s, want %s", prefix, got, want)
				}
			}
			// Everything that is not a listed non-body line is a paragraph.
			for _, b := range a.Blocks {
				s := a.Text[b.Start:b.End]
				if b.Kind == BlockParagraph && (strings.HasPrefix(s, "Read Also") || strings.HasPrefix(s, "(Photo")) {
					t.Errorf("noise as paragraph: %q", s)
				}
			}
		})
	}
}

func TestClassifyLine(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		// credits
		{"(Photo : Stringer/Anadolu Agency via Getty Images)", BlockCredit},
		{"Photo by Mark Lennihan", BlockCredit},
		{"Image: Getty Images", BlockCredit},
		{"AP Photo/Rahmat Gul", BlockCredit},
		{"Reuters", BlockCredit},
		{"12:45 - Source: BBC", BlockCredit},
		{"1:02:33 | Source: Al Jazeera", BlockCredit},
		{"Reuters' Tom Smith contributed to this report.", BlockCredit},
		{"Reporting by Ann Lee; Editing by Bob Ray", BlockCredit},
		// related links
		{"Read Also: Mayor Resigns After Vote", BlockRelated},
		{"Related Article: Floods Hit the Coast", BlockRelated},
		{"READ MORE: Storm warnings issued", BlockRelated},
		{"See also: the 2019 floods", BlockRelated},
		{"More from Business", BlockRelated},
		// bylines and datelines
		{"By Jane Doe and John Roe, CNN", BlockByline},
		{"By JERUSALEM POST STAFF", BlockByline},
		{"CNN  —", BlockDateline},
		{"WASHINGTON —", BlockDateline},
		{"Updated: Tue., Nov. 19, 2019", BlockDateline},
		// noise
		{"Advertisement", BlockNoise},
		{"Story continues below advertisement", BlockNoise},
		{"Share this article", BlockNoise},
		{"© 2021 Example News. All rights reserved.", BlockNoise},
		{"Sign up for our daily newsletter", BlockNoise},
		{"flood river town evacuation vpx_000123", BlockNoise},
		{"storm coast flooding evacuation rescue drone footage", BlockNoise},
		// captions
		{"Firefighters battle a blaze near a school in Lyon, France, Tuesday, May 4, 2021.", BlockCaption},
		{"A woman walks past a damaged building in Kyiv, Ukraine March 3, 2022. REUTERS/Jane Roe", BlockCaption},
		{"Workers repair a road in Nairobi, Kenya (AP Photo/Ben Curtis)", BlockCaption},
		// headings
		{"Taliban Took Control of Provincial Capitals", BlockHeading},
		{"Five provincial capitals seized", BlockHeading},
		{"Why It Is Important for Taliban to Capture Kunduz?", BlockHeading},
		// prose stays prose
		{"The Taliban seized the city on Sunday, August 8, 2021, officials said.", ""},
		{"The council will meet on Tuesday, May 4, 2021.", ""},
		{"Was it worth it?", ""},
		{"By Sunday, officials had fled to another area.", ""},
		{"Read the full statement below, the ministry said.", ""},
		{"1 tsp ground ginger", ""},
		{"“These atrocities are evidence of the brutal nature of violence,” UNICEF said.", ""},
		{"He said he would see more of the same.", ""},
		{"More than 3,000 people have been killed.", ""},
		{"Photographers were barred from the hall.", ""},
		{"Source of the leak remains unclear, the report says.", ""},
		{"Pochettino took the club to the Champions League final in June", ""},
		{"5 Things to Know About the Vote", BlockHeading},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, _ := classifyLine(tt.line)
			if got != tt.want {
				t.Fatalf("classifyLine(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestTextBlocks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Block
	}{
		{"empty", "", nil},
		{"one paragraph", "Officials said 40 homes were lost.", []Block{{BlockParagraph, 0, 34}}},
		{"wrapped lines join", "Officials said 40 homes\nwere lost in the fire.\n\nNext.",
			[]Block{{BlockParagraph, 0, 46}, {BlockParagraph, 48, 53}}},
		{"title then body", "Storm Hits Coast\n\nOfficials said 40 homes were lost.",
			[]Block{{BlockTitle, 0, 16}, {BlockParagraph, 18, 52}}},
		{"inline dateline", "KABUL, Afghanistan (AP) — The Taliban took a city.",
			[]Block{{BlockDateline, 0, 27}, {BlockParagraph, 28, 52}}},
		{"multibyte", "Café “Blé” owners said rents rose.", []Block{{BlockParagraph, 0, 40}}},
		{"photo credit neighbours", "Flood Waters\n(Photo: Jane Roe/Getty Images)\nResidents wade through water.\n\nBody text here.",
			[]Block{{BlockCaption, 0, 12}, {BlockCredit, 13, 43}, {BlockCaption, 44, 73}, {BlockParagraph, 75, 90}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textBlocks(tt.text)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("textBlocks(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
			if err := checkArticle(Article{Text: tt.text, Blocks: got}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, want string
		bad            int
	}{
		{"crlf", "a line\r\nnext\r\n", "a line\nnext", 0},
		{"cr", "a line\rnext", "a line\nnext", 0},
		{"bom", "\ufeffHello there", "Hello there", 0},
		{"invalid utf8", "caf\xe9 and \xff\xfe more", "caf\ufffd and \ufffd more", 2},
		{"trailing space kept inside", "line one  \nline two\n\n\n", "line one  \nline two", 0},
		{"no final newline", "One line", "One line", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := readAll(t, "x.txt", []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := recs[0].Article
			if a.Text != tt.want || a.InvalidUTF8 != tt.bad {
				t.Fatalf("got %q (%d invalid), want %q (%d)", a.Text, a.InvalidUTF8, tt.want, tt.bad)
			}
			if err := checkArticle(a); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"empty.txt", nil, Options{}, ErrEmpty},
		{"blank.txt", []byte(" \n\r\n\t"), Options{}, ErrEmpty},
		{"nul.txt", []byte("text\x00with a NUL"), Options{}, ErrBinary},
		{"random.bin", bytes.Repeat([]byte{0x89, 0x01, 0xfe, 0x13, 0xc3, 0x05}, 500), Options{}, ErrBinary},
		{"png.txt", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2}, 100)...), Options{}, ErrBinary},
		{"punct.txt", []byte("---- *** ----"), Options{}, ErrNoText},
		{"nobody.html", []byte("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>"), Options{}, ErrNoText},
		{"big.txt", bytes.Repeat([]byte("word "), 100), Options{MaxBytes: 100}, ErrTooLarge},
		{"big.txt.gz", gz(t, bytes.Repeat([]byte("word "), 100)), Options{MaxBytes: 100}, ErrTooLarge},
		{"empty.jsonl", []byte("\n\n"), Options{}, ErrEmpty},
		{"empty.gz", gz(t, nil), Options{}, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := readAll(t, tt.name, tt.data, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v (records %d)", err, tt.want, len(recs))
			}
			if !strings.HasPrefix(err.Error(), tt.name+":") {
				t.Errorf("error %q does not name the file", err)
			}
			if len(recs) != 0 {
				t.Errorf("got %d records for a bad file", len(recs))
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		err := ReadFile(filepath.Join(t.TempDir(), "nope.txt"), Options{}, func(Record) error { return nil })
		if !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("directory", func(t *testing.T) {
		if err := ReadFile(t.TempDir(), Options{}, func(Record) error { return nil }); err == nil {
			t.Fatal("no error for a directory")
		}
	})
	t.Run("fn error stops", func(t *testing.T) {
		stop := errors.New("stop")
		err := Read("x.jsonl", strings.NewReader("{\"text\":\"a b\"}\n{\"text\":\"c d\"}\n"), Options{}, func(Record) error { return stop })
		if err != stop {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestJSONLines(t *testing.T) {
	in := `{"url":"https://x.example/2021/08/09/a","title":"First","author":["Ann Lee","Bob Ray"],"date_publish":"2021-08-09 10:00:00","maintext":"Officials said 40 homes were lost."}
not json
{"title":"No body"}

{"title":"Third","byline":"Cy Dee","published":"2025-03-14 20:30:26Z","text":"The council met.\r\nIt voted.","source_domain":"x.example"}
{"html":"<html><body><article><p>The mayor said the bridge would reopen in May after repairs costing 2 million dollars.</p></article></body></html>","published_at":1628503200}
`
	for _, name := range []string{"crawl.jsonl", "crawl.jsonl.gz", "-"} {
		t.Run(name, func(t *testing.T) {
			data := []byte(in)
			if strings.HasSuffix(name, ".gz") {
				data = gz(t, data)
			}
			recs, err := readAll(t, name, data, Options{Published: "2020-01-01"})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 5 {
				t.Fatalf("got %d records", len(recs))
			}
			wantSrc := []string{name + ":1", name + ":2", name + ":3", name + ":5", name + ":6"}
			for i, r := range recs {
				if r.Source != wantSrc[i] {
					t.Errorf("record %d source %q, want %q", i, r.Source, wantSrc[i])
				}
			}
			if recs[1].Err == nil || recs[2].Err == nil || !errors.Is(recs[2].Err, ErrNoText) {
				t.Errorf("broken records: %v, %v", recs[1].Err, recs[2].Err)
			}
			a := recs[0].Article
			if a.Title != "First" || a.Byline != "Ann Lee, Bob Ray" || a.PublishedAt != "2021-08-09" || a.Format != FormatJSONL || a.SourcePath != name+":1" {
				t.Errorf("first: %+v", a)
			}
			c := recs[3].Article
			if c.Text != "The council met.\nIt voted." || c.PublishedAt != "2025-03-14T20:30:26Z" || c.Publisher != "x.example" || c.Byline != "Cy Dee" {
				t.Errorf("third: %+v", c)
			}
			h := recs[4].Article
			if !strings.HasPrefix(h.Text, "The mayor said the bridge") || h.PublishedAt != "2021-08-09T10:00:00Z" {
				t.Errorf("html record: %q %q", h.Text, h.PublishedAt)
			}
			for _, r := range recs {
				if r.Err == nil {
					if err := checkArticle(r.Article); err != nil {
						t.Errorf("%s: %v", r.Source, err)
					}
				}
			}
		})
	}
}

func TestJSONArray(t *testing.T) {
	in := "[\n {\"title\": \"A\", \"text\": \"First body text.\"},\n {\"title\": 5, \"text\": \"x\"},\n {\"text\": \"Third body.\", \"date\": \"August 9, 2021\"}\n]\n"
	recs, err := readAll(t, "a.json", []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0].Err != nil || recs[1].Err == nil || recs[2].Err != nil {
		t.Fatalf("records: %+v", recs)
	}
	if recs[1].Source != "a.json:3" || recs[2].Article.PublishedAt != "2021-08-09" || recs[0].Article.Format != FormatJSON {
		t.Errorf("got %q %q %q", recs[1].Source, recs[2].Article.PublishedAt, recs[0].Article.Format)
	}
	if _, err := readAll(t, "bad.json", []byte("[{\"text\": \"ok\"}, {oops"), Options{}); err == nil || !strings.Contains(err.Error(), "bad.json:1") {
		t.Errorf("syntax error: %v", err)
	}
}

// TestVOA reads the VOA corpus: every story becomes an article with a
// normalised date, and no body paragraph is mistaken for a caption or noise.
func TestVOA(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "voa", "stories.jsonl")
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join("..", "testdata", "voa", "stories.jsonl")
		if _, err := os.Stat(path); err != nil {
			t.Skip("no VOA corpus")
		}
	}
	n := 0
	err := ReadFile(path, Options{}, func(r Record) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Source, r.Err)
			return nil
		}
		n++
		a := r.Article
		if err := checkArticle(a); err != nil {
			t.Errorf("%s: %v", r.Source, err)
		}
		if len(a.PublishedAt) != len("2025-03-14T20:30:26Z") || a.Title == "" || a.URL == "" {
			t.Errorf("%s: metadata %q %q %q", r.Source, a.PublishedAt, a.Title, a.URL)
		}
		for _, b := range a.Blocks {
			if b.Kind == BlockCaption || b.Kind == BlockNoise {
				t.Errorf("%s: %s block %q", r.Source, b.Kind, a.Text[b.Start:min(b.End, b.Start+100)])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no articles")
	}
}

func TestHTML(t *testing.T) {
	for _, file := range []string{"article.html", "article-1252.html"} {
		t.Run(file, func(t *testing.T) {
			var a Article
			err := ReadFile(filepath.Join("testdata", file), Options{}, func(r Record) error {
				a = r.Article
				return r.Err
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := checkArticle(a); err != nil {
				t.Fatal(err)
			}
			if a.Title != "Café owners “fight back” over rent" {
				t.Errorf("title %q", a.Title)
			}
			if a.PublishedAt != "2021-08-09T12:30:00Z" || a.Language != "en-US" || a.Publisher != "The Riverside Gazette" ||
				a.URL != "https://gazette.example/news/2021/08/09/cafe-rent" || a.Byline != "Jane Doe" {
				t.Errorf("metadata: published %q lang %q publisher %q url %q byline %q", a.PublishedAt, a.Language, a.Publisher, a.URL, a.Byline)
			}
			if strings.Contains(a.Text, "Home") || strings.Contains(a.Text, "All rights reserved") {
				t.Errorf("navigation or footer in text:\n%s", a.Text)
			}
			if !strings.Contains(a.Text, "“We cannot keep paying this,” said Marie Dupont") {
				t.Errorf("quotes or accents wrong:\n%s", a.Text)
			}
			want := map[string]string{
				"The owners of the Café Blé":   BlockParagraph,
				"RIVERSIDE —":                  BlockDateline,
				"Council to vote in September": BlockHeading,
				"Read more: Riverside council": BlockRelated,
				"Local business groups":        BlockParagraph,
			}
			for prefix, kind := range want {
				if got := kindOf(a, prefix); got != kind {
					t.Errorf("%q: %s, want %s\n%s", prefix, got, kind, a.Text)
				}
			}
		})
	}
}

func TestNormDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-03-14 20:30:26Z", "2025-03-14T20:30:26Z"},
		{"2021-08-09T14:30:00+02:00", "2021-08-09T12:30:00Z"},
		{"2021-08-09T14:30:00.123Z", "2021-08-09T14:30:00Z"},
		{"2021-08-09T14:30:00", "2021-08-09"},
		{"2021-08-09", "2021-08-09"},
		{"Mon, 09 Aug 2021 10:00:00 GMT", "2021-08-09T10:00:00Z"},
		{"August 9, 2021", "2021-08-09"},
		{"1628503200", "2021-08-09T10:00:00Z"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, _ := normDate(tt.in)
		if got != tt.want {
			t.Errorf("normDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if d, _ := dateFromURL("https://x.example/news/2021/08/09/story"); d != "2021-08-09" {
		t.Errorf("dateFromURL: %q", d)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<!DOCTYPE html><html>", FormatHTML},
		{"  <html lang=en>", FormatHTML},
		{`{"title": "x"}`, FormatJSONL},
		{"[\n  {\"a\": 1}]", FormatJSON},
		{"[Updated] The mayor said", FormatText},
		{"{curly} text", FormatText},
		{"Plain words.", FormatText},
	}
	for _, tt := range tests {
		if got := sniffFormat([]byte(tt.in)); got != tt.want {
			t.Errorf("sniffFormat(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
