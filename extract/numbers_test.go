package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"
)

// numLine renders a number entity as `start:end "text" value[..max]
// qualifier type`, the form the table below expects.
func numLine(e Entity) string {
	v := strconv.FormatFloat(*e.Value, 'f', -1, 64)
	if e.Max != nil {
		v += ".." + strconv.FormatFloat(*e.Max, 'f', -1, 64)
	}
	return fmt.Sprintf("%d:%d %q %s %s %s", e.Start, e.End, e.Text, v, e.Qualifier, e.Type)
}

// numCases are annotated by hand: every quantity a reader would count, with
// the span that findNumbers should give. The "seed" cases are sentences of
// seeds/000 and seeds/001.
var numCases = []struct {
	name string
	text string
	want []string
}{
	{"seed at least", "At least 27 children have been killed and 136 injured over the past 72 hours.", []string{"0:11 \"At least 27\" 27 at_least cardinal", "42:45 \"136\" 136 exact cardinal", "68:70 \"72\" 72 exact cardinal"}},
	{"seed more than", "the recent Taliban offensive had killed more than 3,000 people nationwide and displaced more than 300,000 in the last few months.", []string{"40:55 \"more than 3,000\" 3000 more_than cardinal", "88:105 \"more than 300,000\" 300000 more_than cardinal"}},
	{"seed some", "Some 5,183 casualties were recorded in the first six months of the year – a 47% increase from 2020 – the mission said.", []string{"0:10 \"Some 5,183\" 5183 about cardinal", "43:48 \"first\" 1 exact ordinal", "49:52 \"six\" 6 exact cardinal", "78:81 \"47%\" 47 exact percent"}},
	{"seed fifth", "marking the fifth provincial capital to fall under their control", []string{"12:17 \"fifth\" 5 exact ordinal"}},
	{"seed population", "With a population of 375,000, Kunduz is a significant military prize.", []string{"21:28 \"375,000\" 375000 exact cardinal"}},
	{"seed five of 34", "They held five of the country's 34 provincial capitals on Monday.", []string{"10:14 \"five\" 5 exact cardinal", "32:34 \"34\" 34 exact cardinal"}},
	{"seed seven and 95", "said Monday that seven people had been killed and 95 had been injured in the previous 24 hours", []string{"17:22 \"seven\" 7 exact cardinal", "50:52 \"95\" 95 exact cardinal", "86:88 \"24\" 24 exact cardinal"}},
	{"seed the one who", "“The Afghani government is the one who chose to start the war,” Wardak said.", []string{}},
	{"seed one of", "it is one of the country's major towns", []string{}},
	{"seed id and time", "afghanistan kandahar frontline taliban threat ward dnt tsr vpx_00002720\n06:11 - Source: CNN", []string{}},
	{"seed date caption", "in Kunduz city, northern Afghanistan, Sunday, August 8, 2021.", []string{}},
	{"plain digits", "Police arrested 12 men.", []string{"16:18 \"12\" 12 exact cardinal"}},
	{"decimal", "The quake measured 6.4 on the scale.", []string{"19:22 \"6.4\" 6.4 exact cardinal"}},
	{"thousands separator", "A crowd of 12,500 gathered.", []string{"11:17 \"12,500\" 12500 exact cardinal"}},
	{"million separators", "The city has 4,273,156 residents.", []string{"13:22 \"4,273,156\" 4273156 exact cardinal"}},
	{"bad grouping", "The code 1,50 is not a number.", []string{}},
	{"scale million", "The fund holds 1.5 million doses.", []string{"15:26 \"1.5 million\" 1500000 exact cardinal"}},
	{"scale billion", "Exports fell by 2 billion.", []string{"16:25 \"2 billion\" 2000000000 exact cardinal"}},
	{"money scale", "The U.S. pledged $3 million in aid.", []string{"17:27 \"$3 million\" 3000000 exact money"}},
	{"money plain", "Tickets cost $45.", []string{"13:16 \"$45\" 45 exact money"}},
	{"money euro", "The fine was €5,000.", []string{"13:21 \"€5,000\" 5000 exact money"}},
	{"money bn", "The deal was worth $3bn.", []string{"19:23 \"$3bn\" 3000000000 exact money"}},
	{"money US dollar", "Aid of US$20 million arrived.", []string{"7:20 \"US$20 million\" 20000000 exact money"}},
	{"money rupees in lakh", "He has spent Rs 24 lakh and Rs. 5 crore.", []string{"13:23 \"Rs 24 lakh\" 2400000 exact money", "28:39 \"Rs. 5 crore\" 50000000 exact money"}},
	{"lakh without currency", "About 2 lakh people fled; the Rs family name is not money.", []string{"0:12 \"About 2 lakh\" 200000 about cardinal"}},
	{"money word", "They paid 500 dollars each.", []string{"10:13 \"500\" 500 exact money"}},
	{"percent sign", "Turnout was 47%.", []string{"12:15 \"47%\" 47 exact percent"}},
	{"percent word", "Turnout was 47 percent.", []string{"12:22 \"47 percent\" 47 exact percent"}},
	{"percent per cent", "Turnout was 47 per cent.", []string{"12:23 \"47 per cent\" 47 exact percent"}},
	{"percent decimal", "Inflation hit 3.5% in May.", []string{"14:18 \"3.5%\" 3.5 exact percent"}},
	{"percentage points", "Turnout fell 2.5 percentage points.", []string{"13:34 \"2.5 percentage points\" 2.5 exact percent"}},
	{"half a percentage point", "Rates rose half a percentage point.", []string{"11:34 \"half a percentage point\" 0.5 exact percent"}},
	{"quarter of a percentage point", "Rates rose by a quarter of a percentage point.", []string{"14:45 \"a quarter of a percentage point\" 0.25 exact percent"}},
	{"half a million", "The town has half a million residents.", []string{"13:27 \"half a million\" 500000 exact cardinal"}},
	{"half the budget", "Half the budget went to roads.", nil},
	{"money country dollars", "The sale raised 88 billion Hong Kong dollars.", []string{"16:26 \"88 billion\" 88000000000 exact money"}},
	{"money U.S. dollars", "The loan was 300 million U.S. dollars.", []string{"13:24 \"300 million\" 300000000 exact money"}},
	{"word five", "Five soldiers died.", []string{"0:4 \"Five\" 5 exact cardinal"}},
	{"word twenty-one", "A twenty-one gun salute.", []string{"2:12 \"twenty-one\" 21 exact cardinal"}},
	{"word compound spaced", "There were twenty one votes.", []string{"11:21 \"twenty one\" 21 exact cardinal"}},
	{"word hundred and", "One hundred and twenty people fled.", []string{"0:22 \"One hundred and twenty\" 120 exact cardinal"}},
	{"word thousand", "Two thousand troops stayed.", []string{"0:12 \"Two thousand\" 2000 exact cardinal"}},
	{"word a dozen", "Police detained a dozen protesters.", []string{"16:23 \"a dozen\" 12 exact cardinal"}},
	{"word two dozen", "Some two dozen houses burned.", []string{"0:14 \"Some two dozen\" 24 about cardinal"}},
	{"word a hundred", "More than a hundred people came.", []string{"0:19 \"More than a hundred\" 100 more_than cardinal"}},
	{"word million", "Nearly three million people voted.", []string{"0:20 \"Nearly three million\" 3000000 about cardinal"}},
	{"vague dozens", "Dozens of people were hurt.", []string{"0:6 \"Dozens\" 24 at_least cardinal"}},
	{"vague hundreds", "Hundreds fled the fighting.", []string{"0:8 \"Hundreds\" 200 at_least cardinal"}},
	{"vague thousands", "Thousands of families left.", []string{"0:9 \"Thousands\" 2000 at_least cardinal"}},
	{"vague tens of thousands", "Tens of thousands of people marched.", []string{"0:17 \"Tens of thousands\" 20000 at_least cardinal"}},
	{"vague hundreds of thousands", "Hundreds of thousands of refugees crossed.", []string{"0:21 \"Hundreds of thousands\" 200000 at_least cardinal"}},
	{"vague several hundred", "Several hundred soldiers surrendered.", []string{"0:15 \"Several hundred\" 300 at_least cardinal"}},
	{"vague a few dozen", "Only a few dozen remained.", []string{"5:16 \"a few dozen\" 24 at_least cardinal"}},
	{"ordinal digits", "It was the 21st attack this year.", []string{"11:15 \"21st\" 21 exact ordinal"}},
	{"ordinal word", "The third round began.", []string{"4:9 \"third\" 3 exact ordinal"}},
	{"ordinal compound", "Its twenty-first birthday passed.", []string{"4:16 \"twenty-first\" 21 exact ordinal"}},
	{"ordinal second unit", "He waited 30 seconds, then a second time.", []string{"10:12 \"30\" 30 exact cardinal", "29:35 \"second\" 2 exact ordinal"}},
	{"range between", "Between 1,500 and 3,000 fighters joined.", []string{"0:23 \"Between 1,500 and 3,000\" 1500..3000 exact cardinal"}},
	{"range to", "The blast killed 10 to 12 people.", []string{"17:25 \"10 to 12\" 10..12 exact cardinal"}},
	{"range hyphen", "The blast killed 10-12 people.", []string{"17:22 \"10-12\" 10..12 exact cardinal"}},
	{"range hyphen with a scale word", "China agreed to buy $40-50 billion of goods.", []string{"20:34 \"$40-50 billion\" 40000000000..50000000000 exact money"}},
	{"range en dash", "The blast killed 10–12 people.", []string{"17:24 \"10–12\" 10..12 exact cardinal"}},
	{"range or", "Two or three rockets hit the base.", []string{"0:12 \"Two or three\" 2..3 exact cardinal"}},
	{"range scale carry", "between 1.5 and 2 million people", []string{"0:25 \"between 1.5 and 2 million\" 1500000..2000000 exact cardinal"}},
	{"range percent", "support of 40 to 45 percent", []string{"11:27 \"40 to 45 percent\" 40..45 exact percent"}},
	{"range percent each end", "a levy of 10% to 15% on cars", []string{"10:20 \"10% to 15%\" 10..15 exact percent"}},
	{"range percent words each end", "tariffs of 250 percent to 390 percent", []string{"11:37 \"250 percent to 390 percent\" 250..390 exact percent"}},
	{"range percent between", "The duty is between 20% and 30%.", []string{"12:31 \"between 20% and 30%\" 20..30 exact percent"}},
	{"range percent per cent", "rates of 5 per cent to 7 per cent", []string{"9:33 \"5 per cent to 7 per cent\" 5..7 exact percent"}},
	{"percent change then level", "Inflation rose 0.3% to 2.4%.", []string{"15:19 \"0.3%\" 0.3 exact percent", "23:27 \"2.4%\" 2.4 exact percent"}},
	{"percent change by then level", "The bank cut rates by about 0.25 percent to 4.5 percent.", []string{"22:40 \"about 0.25 percent\" 0.25 about percent", "44:55 \"4.5 percent\" 4.5 exact percent"}},
	{"percent from to no range", "Tariffs went from 25% to 50%.", []string{"18:21 \"25%\" 25 exact percent", "25:28 \"50%\" 50 exact percent"}},
	{"percent to money no range", "a share of 5% to the fund's $2 billion", []string{"11:13 \"5%\" 5 exact percent", "28:38 \"$2 billion\" 2000000000 exact money"}},
	{"scale glued to unit", "the 3.5 million-square-kilometer sea", []string{"4:15 \"3.5 million\" 3500000 exact cardinal"}},
	{"scale glued money", "a $1.5 billion-dollar deal", []string{"2:14 \"$1.5 billion\" 1500000000 exact money"}},
	{"range from is change", "Prices rose from 10 to 12 dollars.", []string{"17:19 \"10\" 10 exact cardinal", "23:25 \"12\" 12 exact money"}},
	{"vague scores of", "Scores of 12-10 are not ranges.", []string{"0:6 \"Scores\" 40 at_least cardinal"}},
	{"qual over", "Over 200 were arrested.", []string{"0:8 \"Over 200\" 200 more_than cardinal"}},
	{"qual upwards of", "Upwards of 5,000 attended.", []string{"0:16 \"Upwards of 5,000\" 5000 more_than cardinal"}},
	{"qual about", "About 40 people came.", []string{"0:8 \"About 40\" 40 about cardinal"}},
	{"qual around", "Around 300 homes burned.", []string{"0:10 \"Around 300\" 300 about cardinal"}},
	{"qual approximately", "Approximately 1,200 students.", []string{"0:19 \"Approximately 1,200\" 1200 about cardinal"}},
	{"qual roughly", "roughly 70 percent of voters", []string{"0:18 \"roughly 70 percent\" 70 about percent"}},
	{"qual an estimated", "An estimated 15,000 fled.", []string{"0:19 \"An estimated 15,000\" 15000 about cardinal"}},
	{"qual nearly", "Nearly 3,000 people died.", []string{"0:12 \"Nearly 3,000\" 3000 about cardinal"}},
	{"qual almost", "Almost half left, almost 600.", []string{"18:28 \"almost 600\" 600 about cardinal"}},
	{"qual up to", "Up to 40 people may have died.", []string{"0:8 \"Up to 40\" 40 at_most cardinal"}},
	{"qual at most", "At most 12 were present.", []string{"0:10 \"At most 12\" 12 at_most cardinal"}},
	{"qual no more than", "No more than 50 may gather.", []string{"0:15 \"No more than 50\" 50 at_most cardinal"}},
	{"qual as many as", "As many as 80 people drowned.", []string{"0:13 \"As many as 80\" 80 at_most cardinal"}},
	{"qual less than", "Less than 10% voted.", []string{"0:13 \"Less than 10%\" 10 less_than percent"}},
	{"qual fewer than", "Fewer than 100 remain.", []string{"0:14 \"Fewer than 100\" 100 less_than cardinal"}},
	{"qual under", "Under 18 cannot vote.", []string{"0:8 \"Under 18\" 18 less_than cardinal"}},
	{"qual no fewer than", "No fewer than 9 ships sank.", []string{"0:15 \"No fewer than 9\" 9 at_least cardinal"}},
	{"qual in excess of", "In excess of $2 million was stolen.", []string{"0:23 \"In excess of $2 million\" 2000000 more_than money"}},
	{"qual or more", "The raid killed 27 or more.", []string{"16:26 \"27 or more\" 27 at_least cardinal"}},
	{"qual or so", "Another 50 or so waited.", []string{"8:16 \"50 or so\" 50 about cardinal"}},
	{"qual close to", "close to 1,000 tons", []string{"0:14 \"close to 1,000\" 1000 about cardinal"}},
	{"year alone", "It happened in 2021.", []string{}},
	{"year with count", "more than 2000 people", []string{"0:14 \"more than 2000\" 2000 more_than cardinal"}},
	{"year month day", "On August 8, 2021, it rained.", []string{}},
	{"day month", "On 31 August 2021 forces left.", []string{}},
	{"abbr month", "by Aug. 31 all troops", []string{}},
	{"iso date", "Filed 2021-08-09 at noon.", []string{}},
	{"time am", "The attack began at 9 a.m. local time.", []string{}},
	{"time colon", "At 10:30 the convoy left.", []string{}},
	{"slash", "a 24/7 service", []string{}},
	{"decade", "violence not seen since the 1990s", []string{}},
	{"hyphen noun", "a 72-hour ceasefire", []string{"2:4 \"72\" 72 exact cardinal"}},
	{"hyphen word noun", "a five-year plan", []string{"2:6 \"five\" 5 exact cardinal"}},
	{"one pronoun this", "This one is different.", []string{}},
	{"one another", "They blamed one another.", []string{}},
	{"one count", "One soldier was killed.", []string{"0:3 \"One\" 1 exact cardinal"}},
	{"no one", "No one was hurt, only one man.", []string{"22:25 \"one\" 1 exact cardinal"}},
	{"more than a week", "after more than a week of resistance", []string{}},
	{"curly quotes", "“At least 27 children,” she said.", []string{"3:14 \"At least 27\" 27 at_least cardinal"}},
	{"nbsp", "killed 27\u00a0people and 1,500\u00a0more", []string{"7:9 \"27\" 27 exact cardinal", "22:27 \"1,500\" 1500 exact cardinal"}},
	{"nbsp qualifier", "at\u00a0least\u00a027 people", []string{"0:13 \"at\\u00a0least\\u00a027\" 27 at_least cardinal"}},
	{"multibyte around", "Ürümqi: über 40 Menschen, 40 people", []string{"16:18 \"40\" 40 exact cardinal", "29:31 \"40\" 40 exact cardinal"}},
	{"empty", "", []string{}},
	{"no final newline", "ends with 12", []string{"10:12 \"12\" 12 exact cardinal"}},
	{"repeated", "5 and 5 and 5", []string{"0:1 \"5\" 5 exact cardinal", "6:7 \"5\" 5 exact cardinal", "12:13 \"5\" 5 exact cardinal"}},
	{"sentence start digit", "12 people died. 7 more were hurt.", []string{"0:2 \"12\" 12 exact cardinal", "16:17 \"7\" 7 exact cardinal"}},
	{"not a range", "The final score was 12-10.", []string{}},
	{"money billion decimal", "a $1.2 billion loan", []string{"2:14 \"$1.2 billion\" 1200000000 exact money"}},
	{"ordinal 1st", "the 1st Battalion", []string{"4:7 \"1st\" 1 exact ordinal"}},
	{"names with digits", "COVID-19 and F-16 jets", []string{}},
	{"one-sided", "a one-sided contest", []string{}},
	{"only one", "only one man survived", []string{"5:8 \"one\" 1 exact cardinal"}},
	{"article number", "under Article 5 of the treaty", []string{"14:15 \"5\" 5 exact cardinal"}},
	{"hundred thousand words", "two hundred thousand people", []string{"0:20 \"two hundred thousand\" 200000 exact cardinal"}},
	{"fraction hyphen", "She said two-thirds were girls.", []string{}},
	{"fraction spaced", "One third of voters stayed home.", []string{}},
	// Held out: written and annotated before the finder was run on them.
	{"heldout 1", "The floods have displaced roughly 40,000 people and killed at least 112, officials said.", []string{"26:40 \"roughly 40,000\" 40000 about cardinal", "59:71 \"at least 112\" 112 at_least cardinal"}},
	{"heldout 2", "Police said fewer than 200 protesters gathered, though organizers claimed more than 5,000.", []string{"12:26 \"fewer than 200\" 200 less_than cardinal", "74:89 \"more than 5,000\" 5000 more_than cardinal"}},
	{"heldout 3", "The World Bank approved a $1.2 billion loan on Tuesday.", []string{"26:38 \"$1.2 billion\" 1200000000 exact money"}},
	{"heldout 4", "Unemployment rose to 7.8 percent, the highest in a decade.", []string{"21:32 \"7.8 percent\" 7.8 exact percent"}},
	{"heldout 5", "Between 30 and 40 fighters were captured in the raid.", []string{"0:17 \"Between 30 and 40\" 30..40 exact cardinal"}},
	{"heldout 6", "Nearly half of the 1.3 million residents lack clean water.", []string{"19:30 \"1.3 million\" 1300000 exact cardinal"}},
	{"heldout 7", "Three soldiers and one civilian were wounded in the blast.", []string{"0:5 \"Three\" 3 exact cardinal", "19:22 \"one\" 1 exact cardinal"}},
	{"heldout 8", "It was the country's fourth election in two years.", []string{"21:27 \"fourth\" 4 exact ordinal", "40:43 \"two\" 2 exact cardinal"}},
	{"heldout 9", "Dozens of homes were destroyed and hundreds of families fled.", []string{"0:6 \"Dozens\" 24 at_least cardinal", "35:43 \"hundreds\" 200 at_least cardinal"}},
	{"heldout 10", "The army deployed some 3,500 troops to the region.", []string{"18:28 \"some 3,500\" 3500 about cardinal"}},
	{"heldout 11", "Up to 60% of the harvest could be lost.", []string{"0:9 \"Up to 60%\" 60 at_most percent"}},
	{"heldout 12", "Turnout was about 52 per cent, down from 61 per cent in 2019.", []string{"12:29 \"about 52 per cent\" 52 about percent", "41:52 \"61 per cent\" 61 exact percent"}},
	{"heldout 13", "The 25-year-old suspect was arrested at 6 a.m. on March 3.", []string{"4:6 \"25\" 25 exact cardinal"}},
	{"heldout 14", "An estimated 2.5 million children are out of school.", []string{"0:24 \"An estimated 2.5 million\" 2500000 about cardinal"}},
	{"heldout 15", "The convoy of 15 to 20 trucks reached the border.", []string{"14:22 \"15 to 20\" 15..20 exact cardinal"}},
	{"heldout 16", "Tens of thousands marched in the capital.", []string{"0:17 \"Tens of thousands\" 20000 at_least cardinal"}},
	{"heldout 17", "He is one of the few officials who survived.", []string{}},
	{"heldout 18", "The ministry said 1,842 cases were recorded in the past 24 hours.", []string{"18:23 \"1,842\" 1842 exact cardinal", "56:58 \"24\" 24 exact cardinal"}},
	{"heldout 19", "A second earthquake measuring 5.9 struck the next day.", []string{"2:8 \"second\" 2 exact ordinal", "30:33 \"5.9\" 5.9 exact cardinal"}},
	{"heldout 20", "No more than 10 people may enter the building at once.", []string{"0:15 \"No more than 10\" 10 at_most cardinal"}},
	{"heldout 21", "Almost 700 migrants were rescued over the weekend.", []string{"0:10 \"Almost 700\" 700 about cardinal"}},
	{"heldout 22", "The UN needs $4.1bn to fund its appeal, of which just 12% has been received.", []string{"13:19 \"$4.1bn\" 4100000000 exact money", "54:57 \"12%\" 12 exact percent"}},
	{"heldout 23", "Two dozen journalists were detained in 2022.", []string{"0:9 \"Two dozen\" 24 exact cardinal"}},
	{"heldout 24", "The fifteen-member council voted 13 to 2 in favor.", []string{"4:11 \"fifteen\" 15 exact cardinal", "33:35 \"13\" 13 exact cardinal", "39:40 \"2\" 2 exact cardinal"}},
	{"heldout 25", "More than a million people have fled since the war began.", []string{"0:19 \"More than a million\" 1000000 more_than cardinal"}},
	{"heldout 26", "She won 48.6% of the vote against his 47.2%.", []string{"8:13 \"48.6%\" 48.6 exact percent", "38:43 \"47.2%\" 47.2 exact percent"}},
	{"heldout 27", "A total of 3,000 to 4,000 people attended the funeral.", []string{"11:25 \"3,000 to 4,000\" 3000..4000 exact cardinal"}},
	{"heldout 28", "The company will cut 1,200 jobs, or about 8% of its workforce.", []string{"21:26 \"1,200\" 1200 exact cardinal", "36:44 \"about 8%\" 8 about percent"}},
	{"heldout 29", "Over 90 percent of the town was destroyed.", []string{"0:15 \"Over 90 percent\" 90 more_than percent"}},
	{"heldout 30", "The bill passed with 218 votes, just one more than needed.", []string{"21:24 \"218\" 218 exact cardinal", "37:40 \"one\" 1 exact cardinal"}},
}

func TestNumbers(t *testing.T) {
	for _, c := range numCases {
		t.Run(c.name, func(t *testing.T) {
			toks, _ := Tokenize(c.text)
			got := []string{}
			for _, e := range findNumbers(c.text, toks) {
				if e.Kind != KindNumber || c.text[e.Start:e.End] != e.Text {
					t.Fatalf("bad entity %+v", e)
				}
				got = append(got, numLine(e))
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("findNumbers(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

// TestNumbersScore reports precision and recall of findNumbers over
// numCases: an entity counts as correct when span, value, qualifier and type
// all match.
func TestNumbersScore(t *testing.T) {
	var cases []scoreCase
	for _, c := range numCases {
		toks, _ := Tokenize(c.text)
		var got []string
		for _, e := range findNumbers(c.text, toks) {
			got = append(got, numLine(e))
		}
		cases = append(cases, scoreCase{got, c.want})
	}
	p, r := scoreLines(cases)
	t.Logf("numbers: precision %.3f recall %.3f over %d cases", p, r, len(cases))
}

type scoreCase struct{ got, want []string }

// scoreLines counts exact matches of rendered entities.
func scoreLines(cases []scoreCase) (precision, recall float64) {
	var tp, ng, nw int
	for _, c := range cases {
		for _, g := range c.got {
			if slices.Contains(c.want, g) {
				tp++
			}
		}
		ng += len(c.got)
		nw += len(c.want)
	}
	if ng > 0 {
		precision = float64(tp) / float64(ng)
	}
	if nw > 0 {
		recall = float64(tp) / float64(nw)
	}
	return precision, recall
}

// checkSpans verifies what every finder owes the store: each span slices
// text to its Text, sits on rune boundaries, and the list is sorted and
// non-overlapping.
func checkSpans(t *testing.T, name, text string, ents []Entity) {
	t.Helper()
	for k, e := range ents {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			t.Fatalf("%s: span out of range: %+v", name, e)
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("%s: text[%d:%d]=%q, Text %q", name, e.Start, e.End, text[e.Start:e.End], e.Text)
		}
		if !utf8.RuneStart(text[e.Start]) || e.End < len(text) && !utf8.RuneStart(text[e.End]) {
			t.Fatalf("%s: span %d:%d not on rune boundaries", name, e.Start, e.End)
		}
		if k > 0 && ents[k-1].End > e.Start {
			t.Fatalf("%s: %q overlaps or precedes %q", name, ents[k-1].Text, e.Text)
		}
	}
}

// numSeeds reads the seed articles.
func numSeeds(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func BenchmarkNumbers(b *testing.B) {
	texts := numSeeds(b)
	var toks [][]Token
	size, ntok := 0, 0
	for _, s := range texts {
		tk, _ := Tokenize(s)
		toks = append(toks, tk)
		size += len(s)
		ntok += len(tk)
	}
	b.SetBytes(int64(size))
	found := 0
	for b.Loop() {
		found = 0
		for k, s := range texts {
			found += len(findNumbers(s, toks[k]))
		}
	}
	if found < 20 {
		b.Fatalf("found %d numbers in the seeds, want at least 20", found)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(found), "numbers/op")
}
