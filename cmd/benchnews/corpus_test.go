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
