package extract

import "testing"

func TestScoreLines(t *testing.T) {
	x := testExtractor(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Soccer results on Saturday: Leeds 2 Chelsea 1, Barcelona 3-1 Real Madrid.", []string{"Leeds", "Chelsea", "Barcelona", "Real Madrid"}},
		{"Kabul 2 said nothing; the vote in Kandahar was 3-1.", nil},
	} {
		var got []string
		for _, e := range x.Extract(Doc{Text: c.text}).Entities {
			if e.Kind == KindOrganization && e.Type == "sports" {
				got = append(got, e.Text)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: teams %q, want %q", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: teams %q, want %q", c.text, got, c.want)
			}
		}
	}
}
