package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// parse prints CoNLL-U whose TokenRange spans (code points) give back
// each word's form from the article text, with one root per sentence and
// no sentence across a paragraph.
func TestParseCoNLLU(t *testing.T) {
	text := "The minister said on Monday that 20 people died.\n\n\u201cWe won\u2019t go,\u201d she told reporters in K\u00e4rnten."
	code, out, errs := runCmd(t, text, "parse", "--format", "conllu", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	runes := []rune(text)
	sents, roots := 0, 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "# sent_id = ") {
			sents++
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			continue
		}
		if f[6] == "0" {
			roots++
		}
		var a, b int
		for _, m := range strings.Split(f[9], "|") {
			if v, ok := strings.CutPrefix(m, "TokenRange="); ok {
				x, y, _ := strings.Cut(v, ":")
				a, _ = strconv.Atoi(x)
				b, _ = strconv.Atoi(y)
			}
		}
		if b <= a || b > len(runes) || string(runes[a:b]) != f[1] {
			t.Fatalf("word %q has TokenRange %d:%d", f[1], a, b)
		}
		if strings.Contains(string(runes[a:b]), "\n") {
			t.Fatalf("word %q crosses a line", f[1])
		}
	}
	if sents != 2 || roots != 2 {
		t.Fatalf("%d sentences, %d roots, want 2 and 2:\n%s", sents, roots, out)
	}
	if !strings.Contains(out, "\two\t") || !strings.Contains(out, "\tn\u2019t\t") {
		t.Errorf("won't not split into UD words:\n%s", out)
	}
	code, out, _ = runCmd(t, text, "parse", "--format", "json", "-")
	var doc struct {
		Articles []struct {
			Sentences []struct {
				Words []struct{ Form, Rel string }
			}
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Articles) != 1 || len(doc.Articles[0].Sentences) != 2 {
		t.Fatalf("json output (exit %d): %s", code, out)
	}
	code, out, _ = runCmd(t, text, "parse", "--format", "text", "-")
	if code != exitOK || !strings.Contains(out, "said") || !strings.Contains(out, "  minister") {
		t.Fatalf("text output (exit %d): %s", code, out)
	}
}
