package main

import "testing"

// TestCorpusVaried checks what the end-to-end figures rely on: every
// copy has its own text (ingest skips none as already stored), and copy i
// is the same in every run.
func TestCorpusVaried(t *testing.T) {
	t.Chdir("../..") // make bench runs it from the repository root
	stories, _, err := loadStories("../shared")
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) < 3 {
		t.Fatalf("%d stories", len(stories))
	}
	seen := map[string]int{}
	for i := range 3 * len(stories) {
		a := article(stories, i)
		if j, ok := seen[a.Text]; ok {
			t.Fatalf("article %d has the same text as article %d", i, j)
		}
		seen[a.Text] = i
		if b := article(stories, i); b != a {
			t.Fatalf("article %d differs between two calls", i)
		}
	}
}

// TestFinishedRSS: the peak RSS comes from ingest's own "finished" line,
// and its absence is reported, not read as zero.
func TestFinishedRSS(t *testing.T) {
	log := []byte(`{"level":"INFO","msg":"stored","article_id":1}
{"level":"INFO","msg":"finished","seen":2,"stored":2,"peak_rss_mb":110.5}
`)
	if mb, ok := finishedRSS(log); !ok || mb != 110.5 {
		t.Errorf("finishedRSS = %v, %v; want 110.5, true", mb, ok)
	}
	if _, ok := finishedRSS([]byte(`{"msg":"stored"}`)); ok {
		t.Error("finishedRSS found a figure in a log without a finished line")
	}
}
