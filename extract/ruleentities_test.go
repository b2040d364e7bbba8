package extract

import (
	"context"
	"strings"
	"testing"
)

// TestRuleEntitiesSlugAndDescriptions: a lower-case slug line is read as
// the title-case heading it stands for (places and curated organizations,
// no generated brand); a place before lower-case organization words is the
// place, while a country's or nationality's institutions and capitalised
// names stay organizations.
func TestRuleEntitiesSlugAndDescriptions(t *testing.T) {
	x, err := New(Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"afghanistan kandahar frontline taliban threat ward\nThe story.", `place "afghanistan" AF|place "kandahar" AF|organization "taliban"`},
		{"afghanistan kandahar\nThe story.", ``}, // two words: no slug
		{"Sher Ali Shakir, the Helmand health department director, said it in Afghanistan.",
			`person "Sher Ali Shakir"|place "Helmand" AF|place "Afghanistan" AF`},
		{"The Kabul police and the Afghan army said.", `place "Kabul" AF|organization "Afghan army"`},
		{"The Helmand Health Department met in Afghanistan.", `organization "Helmand Health Department"|place "Afghanistan" AF`},
	} {
		toks, _ := Tokenize(c.text)
		var got []string
		for _, e := range x.ruleEntities(context.Background(), c.text, toks, "") {
			if e.Kind == KindDate || e.Kind == KindNumber {
				continue
			}
			if c.text[e.Start:e.End] != e.Text {
				t.Fatalf("%q: bad span %+v", c.text, e)
			}
			s := e.Kind + " " + `"` + e.Text + `"`
			if e.Kind == KindPlace {
				s += " " + e.Country
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, g, c.want)
		}
	}
}
