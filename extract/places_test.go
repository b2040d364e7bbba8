package extract

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

var (
	testGazOnce sync.Once
	testGaz     *Gazetteer
	testGazErr  error
)

// mustGazetteer loads the gazetteer once for all tests of the package.
func mustGazetteer(tb testing.TB) *Gazetteer {
	tb.Helper()
	testGazOnce.Do(func() { testGaz, testGazErr = LoadGazetteer() })
	if testGazErr != nil {
		tb.Fatal(testGazErr)
	}
	return testGaz
}

// placeLine formats an entity for comparison: "start:end type norm country [division]".
func placeFmt(e Entity) string {
	s := fmt.Sprintf("%d:%d %s %q %s", e.Start, e.End, e.Type, e.Norm, e.Country)
	if e.Division != "" {
		s += " / " + e.Division
	}
	return s
}

func TestPlaces(t *testing.T) {
	g := mustGazetteer(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"country", "Troops left Afghanistan.", []string{`12:23 country "Afghanistan" AF`}},
		{"province cue", "Fighting spread in Kandahar province and Takhar Province.",
			[]string{`19:36 division "Kandahar Province" AF / Kandahar Province`, `41:56 division "Takhar Province" AF / Takhar Province`}},
		{"bare name is the city", "Rockets hit Kandahar.", []string{`12:20 city "Kandahar" AF / Kandahar Province`}},
		{"division only", "Clashes in Helmand left 7 dead in Afghanistan.",
			[]string{`11:18 division "Helmand Province" AF / Helmand Province`, `34:45 country "Afghanistan" AF`}},
		{"division needs its country", "Clashes in Helmand left 7 dead.", nil},
		{"city of", "The Taliban seized the city of Sar-e Pul in Afghanistan.",
			[]string{`31:40 city "Sar-e Pul" AF / Sar-e Pul Province`, `44:55 country "Afghanistan" AF`}},
		{"hyphen variant", "They took Sar-e-Pul, Afghanistan.", []string{`10:19 city "Sar-e Pul" AF / Sar-e Pul Province`, `21:32 country "Afghanistan" AF`}},
		{"x city", "Shops burned in Kunduz city.", []string{`16:27 city "Kunduz" AF / Kunduz Province`}},
		{"alias", "Taloquan and Sherberghan fell, officials in Afghanistan said.",
			[]string{`0:8 city "Taloqan" AF / Takhar Province`, `13:24 city "Sheberghan" AF / Jowzjan Province`, `44:55 country "Afghanistan" AF`}},
		{"region", "Fighting in northern Afghanistan and in northern Samangan province.",
			[]string{`12:32 region "northern Afghanistan" AF`, `49:66 division "Samangan Province" AF / Samangan Province`}},
		{"border", "Zaranj, near the Iranian border, fell.", []string{`17:31 region "Iran border" IR`}},
		{"demonym", "Afghan forces and Iranian officials.", []string{`0:6 demonym "Afghanistan" AF`, `18:25 demonym "Iran" IR`}},
		{"us forms", "The US and the U.S. and the United States; us.",
			[]string{`4:6 country "United States" US`, `15:19 country "United States" US`, `28:41 country "United States" US`}},
		{"hyphen part", "A U.S.-led coalition backed Iranian-backed militias.",
			[]string{`2:6 country "United States" US`, `28:35 demonym "Iran" IR`}},
		{"person not place", "Michael Jordan met Gen. Washington in Jordan.", []string{`38:44 country "Jordan" JO`}},
		{"surname later", "Muhammad Naeem Wardak spoke. Wardak said more.", nil},
		{"stopword", "Of the 27 children, Reading was one.", nil},
		{"small town needs country", "Talks in Aybak resumed.", nil},
		{"small town with country", "Talks in Aybak, Afghanistan resumed.", []string{`9:14 city "Aybak" AF / Samangan Province`, `16:27 country "Afghanistan" AF`}},
		{"multibyte", "Kämpfe in Kraków und Krakow, Poland’s south.",
			[]string{`11:18 city "Kraków" PL / Lesser Poland`, `23:29 city "Kraków" PL / Lesser Poland`, `31:37 country "Poland" PL`}},
		{"line break", "Visitors from New\nYork.", []string{`14:22 city "New York City" US / New York`}},
		{"no final newline", "Kabul", []string{`0:5 city "Kabul" AF / Kabul Province`}},
		{"repeated", "Doha, then Doha again.", []string{`0:4 city "Doha" QA / Baladiyat ad Dawhah`, `11:15 city "Doha" QA / Baladiyat ad Dawhah`}},
		{"curly possessive", "Afghanistan’s military", []string{`0:11 country "Afghanistan" AF`}},
		// A heading in title case: "Capture" before the city is its style,
		// not a first name; a name head after it still makes a longer name.
		{"title-case heading", "Why the Taliban Want to Capture Kunduz in Afghanistan",
			[]string{`32:38 city "Kunduz" AF / Kunduz Province`, `42:53 country "Afghanistan" AF`}},
		// An office between a place and a name: the place is the seat and
		// needs no country named ("Gov" is no name word after "Texas").
		{"office seat", "Texas Gov. Greg Abbott met New Jersey Sen. Cory Booker and Kandahar Governor Ali.",
			[]string{`0:5 division "Texas" US / Texas`, `27:37 division "New Jersey" US / New Jersey`, `59:67 division "Kandahar Province" AF / Kandahar Province`}},
		{"office at the start", "New York Gov. Andrew Cuomo said.", []string{`0:8 division "New York" US / New York`}},
		{"city office", "New York Mayor Eric Adams said.", []string{`0:8 city "New York City" US / New York`}},
		{"office needs a name", "Texas Governor's Mansion.", nil},
		{"title-case name head", "Flights Resume at Kunduz Airport in Afghanistan", []string{`36:47 country "Afghanistan" AF`}},
		{"capitalised neighbour in a sentence", "Troops met Capture Kunduz in Afghanistan.", []string{`29:40 country "Afghanistan" AF`}},
		// Former states are countries with their ISO 3166-3 code; a renamed
		// state that goes on is the present country.
		{"former state", "The Soviet Union and the USSR left Yugoslavia.",
			[]string{`4:16 country "Soviet Union" SUHH`, `25:29 country "Soviet Union" SUHH`, `35:45 country "Yugoslavia" YUCS`}},
		{"former demonym", "Soviet troops met East German ones.", []string{`0:6 demonym "Soviet Union" SUHH`, `18:29 demonym "East Germany" DDDE`}},
		{"former name", "Zaire and Persia.", []string{`0:5 country "DR Congo" CD`, `10:16 country "Iran" IR`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _ := Tokenize(tt.text)
			var got []string
			for _, e := range g.findPlaces(tt.text, toks) {
				if tt.text[e.Start:e.End] != e.Text || e.Kind != KindPlace || e.Lat == nil || e.Lon == nil {
					t.Fatalf("bad entity %+v", e)
				}
				got = append(got, placeFmt(e))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestFormerStateCapitals: each former state's coordinates are those of
// the gazetteer city its capital field names.
func TestFormerStateCapitals(t *testing.T) {
	var af placeAliasFile
	if _, err := placeDecode(placeLexFiles, "lexicon/places_aliases.yaml", &af); err != nil {
		t.Fatal(err)
	}
	g := mustGazetteer(t)
	for _, f := range af.FormerStates {
		name, country, ok := strings.Cut(f.Capital, ", ")
		id := g.lookup(placeKey(name), PlaceCity, country)
		if !ok || id < 0 {
			t.Errorf("%s: capital %q not in the gazetteer", f.Norm, f.Capital)
			continue
		}
		if p := g.places[id]; p.lat != f.Lat || p.lon != f.Lon {
			t.Errorf("%s: %v, %v; %s is at %v, %v", f.Norm, f.Lat, f.Lon, f.Capital, p.lat, p.lon)
		}
	}
}

func benchSeeds(b *testing.B) ([]string, [][]Token, int, int) {
	var texts []string
	var toks [][]Token
	size, n := 0, 0
	for _, f := range []string{"../seeds/000_23266be43dcebdac.txt", "../seeds/001_73cd811f6837bda6.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		tk, _ := Tokenize(string(data))
		texts = append(texts, string(data))
		toks = append(toks, tk)
		size += len(data)
		n += len(tk)
	}
	return texts, toks, size, n
}

func BenchmarkPlaces(b *testing.B) {
	g := mustGazetteer(b)
	texts, toks, size, ntok := benchSeeds(b)
	b.SetBytes(int64(size))
	found := 0
	for b.Loop() {
		found = 0
		for k, s := range texts {
			found += len(g.findPlaces(s, toks[k]))
		}
	}
	if found < 50 {
		b.Fatalf("only %d places", found)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(found), "places/op")
}

func BenchmarkLoadGazetteer(b *testing.B) {
	for b.Loop() {
		if _, err := LoadGazetteer(); err != nil {
			b.Fatal(err)
		}
	}
}
