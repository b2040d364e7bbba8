package extract

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var entDump = flag.Bool("entdump", false, "print the places and organizations found in the VOA corpus")

var (
	testOrgOnce sync.Once
	testOrg     *OrgLexicon
	testOrgErr  error
)

func mustOrganizations(tb testing.TB) *OrgLexicon {
	tb.Helper()
	testOrgOnce.Do(func() { testOrg, testOrgErr = LoadOrganizations() })
	if testOrgErr != nil {
		tb.Fatal(testOrgErr)
	}
	return testOrg
}

func orgFmt(e Entity) string { return fmt.Sprintf("%d:%d %s %q", e.Start, e.End, e.Type, e.Norm) }

func TestOrganizations(t *testing.T) {
	l := mustOrganizations(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"lexicon", "The Taliban and NATO met.", []string{`4:11 armed_group "Taliban"`, `16:20 international "NATO"`}},
		{"caps alias only in caps", "The UN and WHO spoke; who knows, un-.", []string{`4:6 international "United Nations"`, `11:14 international "World Health Organization"`}},
		{"lower-case start", "Fighters of al-Qaida and al-Shabaab.", []string{`12:20 armed_group "al-Qaida"`, `25:35 armed_group "al-Shabab"`}},
		{"acronym defined", "The Office of Strategic Widgets (OSW) said OSW would act.",
			[]string{`4:31 government "Office of Strategic Widgets"`, `33:36 government "Office of Strategic Widgets"`, `43:46 government "Office of Strategic Widgets"`}},
		{"acronym known", "the United Nations Children’s Emergency Fund (UNICEF) said. UNICEF added",
			[]string{`4:46 international "UNICEF"`, `48:54 international "UNICEF"`, `62:68 international "UNICEF"`}},
		{"head before", "the Interior Ministry said", []string{`4:21 government "Interior Ministry"`}},
		{"head of", "the Ministry of Foreign Affairs said", []string{`4:31 government "Ministry of Foreign Affairs"`}},
		{"head for", "at the Max Planck Institute for Astrophysics and the Council on Foreign Relations", []string{`7:44 ngo "Max Planck Institute for Astrophysics"`, `53:81 government "Council on Foreign Relations"`}},
		{"head for, no date or bare head", "The Security Council on Tuesday met. Center for the talks.", []string{`4:20 international "UN Security Council"`}},
		{"head at the end", "They met at the Institute", nil},
		{"association, federation, alliance heads", "the Indiana State Teachers Association and the American Farm Bureau Federation and the Alliance for American Manufacturing",
			[]string{`4:38 ngo "Indiana State Teachers Association"`, `47:78 ngo "American Farm Bureau Federation"`, `87:122 ngo "Alliance for American Manufacturing"`}},
		{"demonym opens an ngo's own name", "the American Enterprise Institute said", []string{`4:33 ngo "American Enterprise Institute"`}},
		{"stop word inside", "at The Ohio State University and State University", []string{`7:28 company "Ohio State University"`}},
		{"embassy in", "The US Embassy in Kabul has criticized", []string{`4:23 government "United States Embassy in Kabul"`}},
		{"national", "Afghan army and the Afghani government and US forces",
			[]string{`0:11 military "Afghanistan army"`, `20:38 government "Afghanistan government"`, `43:52 military "United States forces"`}},
		{"national two words", "Afghanistan’s military forces and US CentCom", []string{`0:31 military "Afghanistan military forces"`, `36:46 military "U.S. Central Command"`}},
		{"local", "Sher Ali Shakir, the Helmand health department director", []string{`21:46 government "Helmand health department"`}},
		{"subunit", "the spokesman for the Taliban’s political bureau, warned", []string{`22:50 armed_group "Taliban political bureau"`}},
		{"command", "Maj. Nicole Ferrara, a US Central Command spokesperson, and CentCom",
			[]string{`23:41 military "U.S. Central Command"`, `60:67 military "U.S. Central Command"`}},
		{"media", "told news network Al Jazeera Arabic and ALJAZEERA and NPR News",
			[]string{`18:35 media "Al Jazeera"`, `40:49 media "Al Jazeera"`, `54:62 media "NPR"`}},
		{"no final newline", "CNN", []string{`0:3 media "CNN"`}},
		{"line break", "the Associated\nPress", []string{`4:20 media "Associated Press"`}},
		// An alias with a capital inside a word matches as written:
		// "LeT" (Lashkar-e-Taiba) is not the verb "Let" nor "LET".
		{"inner capital", "Let them go. LeT and LET fighters.", []string{`13:16 armed_group "Lashkar-e-Taiba"`}},
		// Generated brands match in their own case, word for word.
		{"brand", "Lunch at Five Guys, then Burger King; five guys and Five guys left.",
			[]string{`9:18 company "Five Guys"`, `25:36 company "Burger King"`}},
		{"brand without the", "a trip to The Home Depot", []string{`14:24 company "Home Depot"`}},
		// S&P 500 names, with and without their legal form; one plain
		// word is left to the model ("Coherent" is an adjective too).
		{"listed company", "Veeva Systems and ExxonMobil; Genuine Parts Company and Genuine Parts. Coherent plans.",
			[]string{`0:13 company "Veeva Systems"`, `18:28 company "ExxonMobil"`, `30:51 company "Genuine Parts Company"`, `56:69 company "Genuine Parts"`}},
		// A long form defined with an acronym is an organization when it
		// holds a word naming a body; a term is none.
		{"acronym of a term", "Information and Communication Technology (ICT) helps. ICT grows.", nil},
		{"acronym of a body", "the Lunar Transportation Systems (LTS) team", []string{`4:32  "Lunar Transportation Systems"`, `34:37  "Lunar Transportation Systems"`}},
		// The acronym set off by ", or" after the long form.
		{"acronym after or", "the Kenya Revenue Authority, or KRA, said", []string{`4:27 government "Kenya Revenue Authority"`, `32:35 government "Kenya Revenue Authority"`}},
		{"no acronym after or", "the Kenya Revenue Authority, or KDF, said", []string{`4:27 government "Kenya Revenue Authority"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _ := Tokenize(tt.text)
			var got []string
			for _, e := range l.findOrganizations(tt.text, toks) {
				if tt.text[e.Start:e.End] != e.Text || e.Kind != KindOrganization {
					t.Fatalf("bad entity %+v", e)
				}
				got = append(got, orgFmt(e))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// entSpanCheck checks the span invariants of entities of one kind.
func entSpanCheck(t *testing.T, id, text string, es []Entity) {
	t.Helper()
	last := -1
	for _, e := range es {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text ||
			!utf8.RuneStart(text[e.Start]) || e.End < len(text) && !utf8.RuneStart(text[e.End]) || e.Norm == "" {
			t.Errorf("%s: bad span %+v", id, e)
		}
		if e.Start < last {
			t.Errorf("%s: out of order or overlapping: %+v", id, e)
		}
		last = e.End
	}
}

// TestPlacesOrgsVOA runs both finders over the VOA stories and checks the
// span invariants. With -entdump it prints what it found, for review.
func TestPlacesOrgsVOA(t *testing.T) {
	path := "../../shared/corpus/voa/stories.jsonl"
	if _, err := os.Stat(path); err != nil {
		path = "../testdata/voa/stories.jsonl"
	}
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no VOA corpus: %v", err)
	}
	defer f.Close()
	g, l := mustGazetteer(t), mustOrganizations(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		var st struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		n++
		toks, _ := Tokenize(st.Text)
		ps := g.findPlaces(st.Text, toks)
		os := l.findOrganizations(st.Text, toks)
		entSpanCheck(t, st.ID+" places", st.Text, ps)
		entSpanCheck(t, st.ID+" organizations", st.Text, os)
		if *entDump {
			for _, e := range append(ps, os...) {
				fmt.Printf("%s\t%s\t%q\t%s\t%s\t%s\n", st.ID, e.Kind, e.Text, e.Norm, e.Type, e.Country)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Skip("empty VOA corpus")
	}
}

func BenchmarkOrganizations(b *testing.B) {
	l := mustOrganizations(b)
	texts, toks, size, ntok := benchSeeds(b)
	b.SetBytes(int64(size))
	found := 0
	for b.Loop() {
		found = 0
		for k, s := range texts {
			found += len(l.findOrganizations(s, toks[k]))
		}
	}
	if found < 50 {
		b.Fatalf("only %d organizations", found)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(found), "orgs/op")
}
