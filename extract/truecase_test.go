package extract

import (
	"strings"
	"testing"
)

// TestTruecase: a sentence all in capitals is read for entities in its
// words' usual case; offsets and the entities' text are the original's.
func TestTruecase(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text, cased string
		want        []string // kind "text" source
	}{
		{"WHO IS IN CHARGE? PRESIDENT JOE BIDEN SAID THE UN CAN HELP AFGHANISTAN.",
			"Who is in charge? President Joe Biden said the UN can help Afghanistan.",
			[]string{`person "JOE BIDEN" rule`, `organization "UN" lexicon`, `place "AFGHANISTAN" gazetteer`}},
		{"AL-QAEDA FIGHTERS MET IN KABUL.", "Al-Qaeda fighters met in Kabul.",
			[]string{`organization "AL-QAEDA" lexicon`, `place "KABUL" gazetteer`}},
		// Not all in capitals: as it is ("IS" is Islamic State here).
		{"Fighters of IS met in Kabul.", "Fighters of IS met in Kabul.",
			[]string{`organization "IS" lexicon`, `place "Kabul" gazetteer`}},
	}
	for _, tt := range tests {
		toks, sents := Tokenize(tt.text)
		if got, _ := x.truecase(tt.text, toks, sents); got != tt.cased {
			t.Errorf("truecase(%q) = %q, want %q", tt.text, got, tt.cased)
		}
		var got []string
		for _, e := range x.Extract(Doc{Text: tt.text}).Entities {
			if tt.text[e.Start:e.End] != e.Text {
				t.Errorf("%q: entity text %q, span says %q", tt.text, e.Text, tt.text[e.Start:e.End])
			}
			if e.Kind == KindPerson || e.Kind == KindPlace || e.Kind == KindOrganization {
				got = append(got, e.Kind+` "`+e.Text+`" `+e.Source)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
