package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsclaims/newsclaims/extract"
)

// story is one source article the benchmark corpus is copied from.
type story struct {
	URL, Title, Author, Published string
	// paras are the body paragraphs. VOA texts come as one
	// whitespace-normalised line, so they are cut into paragraphs of a
	// few sentences, as a news page has them.
	paras []string
	// shuffle allows reordering paragraphs in copies: true for VOA bodies,
	// false for the seeds, whose headings and photo credits must stay
	// where they are.
	shuffle bool
}

// voaRecord is one line of corpus/voa/stories.jsonl.
type voaRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// loadStories reads the VOA stories and the seeds. It returns where it
// found them so the report can say which corpus was used.
func loadStories(shared string) ([]story, []string, error) {
	voaPath := filepath.Join(shared, "corpus", "voa", "stories.jsonl")
	if _, err := os.Stat(voaPath); err != nil {
		// A fresh clone without ../shared still has the public-domain copy.
		voaPath = filepath.Join("testdata", "voa", "stories.jsonl")
	}
	stories, err := loadVOA(voaPath)
	if err != nil {
		return nil, nil, err
	}
	seedDir := "seeds"
	if _, err := os.Stat(seedDir); err != nil {
		seedDir = filepath.Join(shared, "seeds")
	}
	seeds, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil {
		return nil, nil, fmt.Errorf("seeds %s: %w", seedDir, err)
	}
	sort.Strings(seeds)
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		stories = append(stories, story{
			URL:   "https://example.org/seeds/" + filepath.Base(p),
			paras: strings.Split(strings.TrimSpace(string(data)), "\n\n"),
		})
	}
	if len(stories) == 0 {
		return nil, nil, fmt.Errorf("no stories in %s or %s", voaPath, seedDir)
	}
	return stories, []string{voaPath, seedDir}, nil
}

func loadVOA(path string) ([]story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r voaRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, story{URL: r.URL, Title: r.Title, Author: r.Author, Published: r.Published,
			paras: paragraphs(r.Text), shuffle: true})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// paragraphs groups a text's sentences two by two, the usual length of a
// wire-story paragraph. extract's own sentence splitter cuts them, so no
// paragraph break falls inside a sentence.
func paragraphs(text string) []string {
	_, sents := extract.Tokenize(text)
	var out []string
	for i := 0; i < len(sents); i += 2 {
		end := sents[min(i+1, len(sents)-1)].End
		out = append(out, strings.TrimSpace(text[sents[i].Start:end]))
	}
	if len(out) == 0 && strings.TrimSpace(text) != "" {
		out = []string{strings.TrimSpace(text)}
	}
	return out
}

// corpusRecord is one line of the generated JSONL, in the crawler fields
// ingest reads.
type corpusRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

// article returns copy i of the corpus. It depends on i alone, so a run
// of 2,000 articles is the first 2,000 of a run of 20,000. Every copy
// gets a numbered closing line, so no two texts share a content hash and
// ingest skips none; copies after the first also have their paragraphs
// after the lead reordered, so the extractor does not see the same
// document again and again.
func article(stories []story, i int) corpusRecord {
	s := stories[i%len(stories)]
	copyNo := i / len(stories)
	paras := s.paras
	if s.shuffle && copyNo > 0 && len(paras) > 2 {
		paras = append([]string(nil), paras...)
		rng := rand.New(rand.NewPCG(uint64(i), 0x6e657773))
		rest := paras[1:]
		rng.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
	}
	text := strings.Join(paras, "\n\n") + fmt.Sprintf("\n\nThis is copy %d of the story.", i)
	title := s.Title
	if title != "" {
		title = fmt.Sprintf("%s (%d)", title, i)
	}
	return corpusRecord{URL: fmt.Sprintf("%s?copy=%d", s.URL, i), Title: title, Author: s.Author,
		Published: s.Published, Text: text}
}

// corpusStats describes a generated corpus.
type corpusStats struct {
	Dir       string `json:"-"`
	Articles  int    `json:"articles"`
	Files     int    `json:"files"`
	TextBytes int64  `json:"text_bytes"` // sum of the records' text fields
	FileBytes int64  `json:"file_bytes"` // the JSONL files on disk
}

// writeCorpus writes n articles into dir as JSONL files of perFile
// records each. newsclaims ingest reads and extracts files in parallel,
// one file per worker, so one big file would be extracted on one core.
func writeCorpus(dir string, stories []story, n, perFile int) (corpusStats, error) {
	st := corpusStats{Dir: dir}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, err
	}
	for start := 0; start < n; start += perFile {
		path := filepath.Join(dir, fmt.Sprintf("part-%06d.jsonl", start/perFile))
		size, text, err := writePart(path, stories, start, min(start+perFile, n))
		if err != nil {
			return st, err
		}
		st.Files++
		st.FileBytes += size
		st.TextBytes += text
	}
	st.Articles = n
	return st, nil
}

func writePart(path string, stories []story, from, to int) (size, text int64, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := from; i < to; i++ {
		r := article(stories, i)
		text += int64(len(r.Text))
		if err := enc.Encode(r); err != nil {
			f.Close()
			return 0, 0, fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, 0, err
	}
	return fi.Size(), text, f.Close()
}

// corpusFiles lists the generated files in order.
func corpusFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "part-*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}
