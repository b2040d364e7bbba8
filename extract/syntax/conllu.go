package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a CoNLL-U file: its comments' id and text
// and its syntactic words (multiword-token and empty-node lines dropped).
type Sentence struct {
	ID    string
	Text  string
	Words []Word
}

// ReadCoNLLU reads every sentence of r. name is for error messages.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "":
			flush()
		case strings.HasPrefix(l, "#"):
			if v, ok := strings.CutPrefix(l, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(l, "# text = "); ok {
				cur.Text = v
			}
		default:
			f := strings.Split(l, "\t")
			if len(f) != 10 {
				return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(f))
			}
			if strings.ContainsAny(f[0], "-.") {
				continue // multiword token or empty node
			}
			id, err := strconv.Atoi(f[0])
			if err != nil || id != len(cur.Words)+1 {
				return nil, fmt.Errorf("%s:%d: word id %q out of order", name, line, f[0])
			}
			head, err := strconv.Atoi(f[6])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: head %q: %v", name, line, f[6], err)
			}
			cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
				Head: head, Rel: f[7], SpaceAfter: !strings.Contains(f[9], "SpaceAfter=No")})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	for _, s := range out {
		for i, w := range s.Words {
			if w.Head < 0 || w.Head > len(s.Words) {
				return nil, fmt.Errorf("%s: sentence %s word %d: head %d out of range", name, s.ID, i+1, w.Head)
			}
		}
	}
	return out, nil
}
