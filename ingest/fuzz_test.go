package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// addSeeds adds the files matching pattern to the fuzz corpus.
func addSeeds(f *testing.F, pattern string) {
	names, _ := filepath.Glob(pattern)
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
}

// fuzzRead reads data as name twice and checks the properties every
// result keeps: the same records both times, and each article valid
// (UTF-8, blocks in bounds, sorted, non-overlapping, on rune boundaries).
func fuzzRead(t *testing.T, name string, data []byte) {
	read := func() ([]Record, string) {
		var recs []Record
		err := Read(name, bytes.NewReader(data), Options{MaxBytes: 1 << 20}, func(r Record) error {
			recs = append(recs, r)
			return nil
		})
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		return recs, msg
	}
	recs1, err1 := read()
	recs2, err2 := read()
	if err1 != err2 || len(recs1) != len(recs2) {
		t.Fatalf("not deterministic: %q / %q, %d / %d records", err1, err2, len(recs1), len(recs2))
	}
	for i := range recs1 {
		if !reflect.DeepEqual(recs1[i].Article, recs2[i].Article) {
			t.Fatalf("record %d not deterministic", i)
		}
		if recs1[i].Err != nil {
			continue
		}
		if err := checkArticle(recs1[i].Article); err != nil {
			t.Fatalf("record %d: %v\ntext %q\nblocks %v", i, err, recs1[i].Article.Text, recs1[i].Article.Blocks)
		}
	}
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "*.html"))
	f.Add([]byte("<p>KABUL, Afghanistan (AP) — The Taliban took a city.<br>(Photo: AP)<br>Residents flee.</p>"))
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>"))
	f.Add([]byte("<html><body><article><h1>T</h1><figure><figcaption>x</figcaption></figure></article>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "fuzz.html", data)
	})
}

func FuzzText(f *testing.F) {
	addSeeds(f, filepath.Join("..", "seeds", "*.txt"))
	f.Add([]byte("Title Line\r\n\r\nBody \xff text.\rCNN  —\n(Photo : X/Getty Images)\nCaption here"))
	f.Add([]byte("\ufeffafghanistan kandahar vpx_001\n06:11 - Source: CNN\n"))
	f.Add([]byte("{\"text\": \"a\\r\\nb\", \"title\": \"T\"}\nbroken\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "fuzz.txt", data)
		fuzzRead(t, "fuzz.jsonl", data)
	})
}

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		paragraphs := 0
		err := Read("article.html", bytes.NewReader(data), Options{}, func(r Record) error {
			for _, bl := range r.Article.Blocks {
				if bl.Kind == BlockParagraph {
					paragraphs++
				}
			}
			return r.Err
		})
		if err != nil {
			b.Fatal(err)
		}
		// A broken path must not look fast: the fixture has 4 body paragraphs.
		if paragraphs < 4 {
			b.Fatalf("got %d paragraphs", paragraphs)
		}
	}
}
