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

func TestPersonsBeforeWho(t *testing.T) {
	for _, c := range []struct {
		text, place, typ, want string
	}{
		{"Rodriguez, who was elected in 2019, said the reforms had worked.", "Rodriguez", "city", KindPerson},
		{"Mayor Houston who won the vote said so.", "Houston", "city", KindPerson},
		{"A college student in Beijing, who spoke on condition of anonymity, said so.", "Beijing", "city", KindPlace},
		{"Georgia, who won the vote, said so.", "Georgia", "country", KindPlace},
		{"Rodriguez, which lies east of Manila, flooded.", "Rodriguez", "city", KindPlace},
	} {
		toks, _ := Tokenize(c.text)
		i := strings.Index(c.text, c.place)
		ents := []Entity{{Kind: KindPlace, Span: Span{Start: i, End: i + len(c.place)}, Text: c.place, Type: c.typ, Source: SourceGazetteer}}
		personsBeforeWho(toks, ents)
		if ents[0].Kind != c.want {
			t.Errorf("%q: %s is %s, want %s", c.text, c.place, ents[0].Kind, c.want)
		}
		if c.want == KindPerson && (ents[0].Lat != nil || ents[0].Country != "" || ents[0].Source != SourceRule) {
			t.Errorf("%q: person keeps a place's fields: %+v", c.text, ents[0])
		}
	}
}
