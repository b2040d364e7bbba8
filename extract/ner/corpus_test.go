package ner

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeFile(t *testing.T, name, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadIOB(t *testing.T) {
	p := writeFile(t, "x.iob2", "# newdoc id = d1\n# text = I met the Red Cross in  New York.\n"+
		"1\tI\tO\n2\tmet\tO\n3\tthe\tB-ORG\n4\tRed\tI-ORG\n5\tCross\tI-ORG\n6\tin\tO\n7\tNew\tB-LOC\n8\tYork\tI-LOC\n9\t.\tO\n\n"+
		"1\tBob\tI-PER\n2\tSmith\tI-PER\n3\tsaw\tO\n4\tit\tB-MISC\n")
	ss, err := ReadIOB(p, UNER)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2", len(ss))
	}
	s := ss[0]
	want := []Mention{{3, 5, Organization}, {6, 8, Place}}
	if !reflect.DeepEqual(s.Gold, want) || s.Doc != "d1" {
		t.Errorf("gold %v doc %q, want %v d1", s.Gold, s.Doc, want)
	}
	if sp := s.Span(s.Gold[1]); s.Text[sp.Start:sp.End] != "New York" {
		t.Errorf("span %v is %q, want New York", sp, s.Text[sp.Start:sp.End])
	}
	if got := ss[1]; got.Text != "Bob Smith saw it" || !reflect.DeepEqual(got.Gold, []Mention{{0, 2, Person}}) {
		t.Errorf("second sentence %q %v", got.Text, got.Gold)
	}
}

func TestReadIOBNamedOnly(t *testing.T) {
	p := writeFile(t, "r.conll", "the\tB-Organisation\nrebels\tI-Organisation\nof\tO\nthe\tB-Organisation\nIslamic\tI-Organisation\nState\tI-Organisation\nsaid\tO\nthey\tB-Person\nleft\tO\nSyrian\tB-Nationality\n")
	ss, err := ReadIOB(p, RE3D)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Mention{{4, 6, Organization}}; !reflect.DeepEqual(ss[0].Gold, want) {
		t.Errorf("gold %v, want %v", ss[0].Gold, want)
	}
}

func TestReadGUM(t *testing.T) {
	row := func(id, form, upos, misc string) string {
		return id + "\t" + form + "\t_\t" + upos + "\t_\t_\t0\t_\t_\t" + misc + "\n"
	}
	p := writeFile(t, "g.conllu", "# newdoc id = GUM_x\n# text = Dr. Ann Lee at Aberdeen Grammar School saw him in the city.\n"+
		row("1", "Dr.", "PROPN", "Entity=(1-person-new-x-cf1-1-coref-Ann_Lee")+
		row("2", "Ann", "PROPN", "_")+
		row("3", "Lee", "PROPN", "Entity=1)")+
		row("4", "at", "ADP", "_")+
		row("5", "Aberdeen", "PROPN", "Entity=(2-organization-new-x-cf5-1-coref-AGS(3-place-new-x-cf1-1-sgl-Aberdeen)")+
		row("6", "Grammar", "PROPN", "_")+
		row("7", "School", "PROPN", "Entity=2)|SpaceAfter=No")+
		row("8", "saw", "VERB", "_")+
		row("9", "him", "PRON", "Entity=(4-person-giv-x-cf1-1-ana-Bob)")+
		row("10", "in", "ADP", "_")+
		row("11", "the", "DET", "Entity=(5-place-new-x-cf1-1-sgl")+
		row("12", "city", "NOUN", "Entity=5)|SpaceAfter=No")+
		row("13", ".", "PUNCT", "_")+"\n")
	ss, err := ReadGUM(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Mention{{1, 3, Person}, {4, 7, Organization}}
	if len(ss) != 1 || !reflect.DeepEqual(ss[0].Gold, want) {
		t.Fatalf("got %+v, want gold %v", ss, want)
	}
}

func TestScore(t *testing.T) {
	var s Score
	missed, wrong := s.Add([]Mention{{0, 2, Person}, {5, 6, Place}, {7, 8, Place}}, []Mention{{0, 2, Person}, {5, 6, Organization}, {9, 10, "date"}})
	if len(missed) != 2 || len(wrong) != 1 {
		t.Errorf("missed %v wrong %v", missed, wrong)
	}
	if c := s.Kind(Place); c != (Counts{Gold: 2}) {
		t.Errorf("place %+v", c)
	}
	p, r, f := s.Total().PRF()
	if p != 0.5 || r != 1.0/3 || f < 0.39 || f > 0.41 {
		t.Errorf("P %v R %v F %v", p, r, f)
	}
}

// TestCorpora reads every shared NER corpus and checks that each yields
// mentions of each kind; it skips without ../shared.
func TestCorpora(t *testing.T) {
	for _, c := range SharedCorpora("../../../shared") {
		ss, err := c.Read()
		if os.IsNotExist(err) {
			t.Skipf("no shared corpora: %v", err)
		}
		if err != nil {
			t.Fatal(err)
		}
		var s Score
		words := 0
		for _, x := range ss {
			s.Add(x.Gold, nil)
			words += len(x.Words)
		}
		t.Logf("%-16s %-8s %6d sentences %7d words: %d person, %d place, %d organization", c.Name, c.Role, len(ss), words,
			s.Kind(Person).Gold, s.Kind(Place).Gold, s.Kind(Organization).Gold)
		for _, k := range Kinds {
			if s.Kind(k).Gold == 0 {
				t.Errorf("%s: no %s mention", c.Name, k)
			}
		}
	}
}
