package ner

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

// gumTypes maps GUM's entity types to ours; the others (abstract, event,
// object, time, ...) are no named entities here.
var gumTypes = map[string]string{"person": Person, "place": Place, "organization": Organization}

// nameTitles are words before a name that are not part of it ("Dr.
// William Glennie" is the person "William Glennie"); GUM's mentions
// include them.
var nameTitles = map[string]bool{
	"dr": true, "dr.": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"prof.": true, "professor": true, "president": true, "senator": true, "sen.": true, "gen.": true,
	"general": true, "governor": true, "gov.": true, "rep.": true, "minister": true, "king": true,
	"queen": true, "sir": true, "judge": true, "captain": true, "capt.": true, "rev.": true, "pope": true,
}

// ReadGUM reads the named person, place and organization mentions of a
// GUM CoNLL-U file (the Entity= annotations of its MISC column). GUM marks
// every mention, pronouns and descriptions included; a mention is kept
// as a name when, after a leading determiner or title and before a
// trailing possessive, it starts and ends with a proper noun and holds no
// verb, pronoun or comma. Of nested names the
// outermost is kept ("Aberdeen Grammar School", not "Aberdeen").
func ReadGUM(path string) ([]Sentence, error) {
	r, err := openText(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var (
		out   []Sentence
		doc   string
		text  string
		ws    []string
		upos  []string
		cands []Mention
		open  = map[string][]Mention{} // entity id -> open mentions (a stack)
	)
	flush := func() {
		if len(ws) > 0 {
			s := newSentence(doc, text, ws)
			s.Gold = outermostNames(ws, upos, cands)
			out = append(out, s)
		}
		text, ws, upos, cands = "", nil, nil, nil
		open = map[string][]Mention{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			if v, ok := strings.CutPrefix(line, "# text = "); ok {
				text = v
			} else if v, ok := strings.CutPrefix(line, "# newdoc id = "); ok {
				doc = v
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", path, n, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multiword token or empty node
		}
		i := len(ws)
		ws = append(ws, cols[1])
		// A word tagged NNP/NNPS is a proper noun whatever its UPOS
		// (GUM tags "United" of "United States" VERB, lemma "unite").
		if cols[4] == "NNP" || cols[4] == "NNPS" {
			upos = append(upos, "PROPN")
		} else {
			upos = append(upos, cols[3])
		}
		for _, f := range strings.Split(cols[9], "|") {
			v, ok := strings.CutPrefix(f, "Entity=")
			if !ok {
				continue
			}
			if err := gumEntity(v, i, open, &cands); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	flush()
	return out, nil
}

// gumEntity reads one Entity= value at word i: openers "(id-type-...",
// single-word mentions "(id-type-...)" and closers "id)".
func gumEntity(v string, i int, open map[string][]Mention, cands *[]Mention) error {
	for v != "" {
		if v[0] == '(' {
			k := strings.IndexAny(v[1:], "()")
			body := v[1:]
			if k >= 0 {
				body = v[1 : 1+k]
			}
			fields := strings.Split(body, "-")
			if len(fields) < 2 {
				return fmt.Errorf("entity %q: no type", body)
			}
			m := Mention{Start: i, End: -1, Kind: gumTypes[fields[1]]}
			if k >= 0 && v[1+k] == ')' {
				m.End = i + 1
				if m.Kind != "" {
					*cands = append(*cands, m)
				}
				v = v[2+k:]
				continue
			}
			open[fields[0]] = append(open[fields[0]], m)
			if k < 0 {
				return nil
			}
			v = v[1+k:]
			continue
		}
		k := strings.IndexByte(v, ')')
		if k < 0 {
			return fmt.Errorf("entity value %q: no closing parenthesis", v)
		}
		id := v[:k]
		st := open[id]
		if len(st) == 0 {
			return fmt.Errorf("entity %s closed but not open", id)
		}
		m := st[len(st)-1]
		open[id] = st[:len(st)-1]
		m.End = i + 1
		if m.Kind != "" {
			*cands = append(*cands, m)
		}
		v = v[k+1:]
	}
	return nil
}

// outermostNames keeps the candidate mentions that are names, trimmed of
// a leading determiner or title, the longest first when they overlap.
func outermostNames(ws, upos []string, cands []Mention) []Mention {
	var names []Mention
	for _, m := range cands {
		for m.Start < m.End && (upos[m.Start] == "DET" || nameTitles[strings.ToLower(ws[m.Start])]) {
			m.Start++
		}
		// A possessor's mention holds its "'s" ("Melanie 's"); the name
		// stops before it.
		for m.End > m.Start && (upos[m.End-1] == "PART" || upos[m.End-1] == "PUNCT") {
			m.End--
		}
		if m.Start >= m.End || upos[m.Start] != "PROPN" || (upos[m.End-1] != "PROPN" && upos[m.End-1] != "NUM") {
			continue
		}
		ok := true
		for k, p := range upos[m.Start:m.End] {
			// An apposition or a list ("San Francisco, California") is
			// two names; the nested mentions give them.
			if p == "VERB" || p == "AUX" || p == "PRON" || ws[m.Start+k] == "," {
				ok = false
			}
		}
		if ok {
			names = append(names, m)
		}
	}
	sort.SliceStable(names, func(i, j int) bool {
		li, lj := names[i].End-names[i].Start, names[j].End-names[j].Start
		if li != lj {
			return li > lj
		}
		return names[i].Start < names[j].Start
	})
	taken := make([]bool, len(ws))
	var out []Mention
	for _, m := range names {
		clash := false
		for k := m.Start; k < m.End; k++ {
			clash = clash || taken[k]
		}
		if clash {
			continue
		}
		for k := m.Start; k < m.End; k++ {
			taken[k] = true
		}
		out = append(out, m)
	}
	SortMentions(out)
	return out
}
