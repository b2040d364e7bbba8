package extract

import (
	"strconv"
	"strings"
)

// Number types (Entity.Type for Kind "number"). Type names the unit; a
// range is any number whose Max is set, whatever its unit.
const (
	NumCardinal = "cardinal" // 27, five, two dozen, 1.5 million
	NumOrdinal  = "ordinal"  // fifth, 21st, twenty-first
	NumPercent  = "percent"  // 47%, 47 percent, 47 per cent; Value is 47, not 0.47
	NumMoney    = "money"    // $3 million, €5, 3 million dollars
	// NumFraction is no type of a number entity: the number finder leaves
	// fractions out ("two-thirds of the vote" is no count). A rule that
	// lists it reads a fraction word as its value ("decreased by
	// one-third": 1/3).
	NumFraction = "fraction"
	// NumMultiple is no type of a number entity either: a rule that lists
	// it reads a verb of multiplying as its factor ("more than doubled the
	// price": 2).
	NumMultiple = "multiple"
)

// findNumbers tags the quantities in text, sorted by Start and never
// overlapping. The span covers the qualifier words and the number, not the
// counted noun: "At least 27" in "At least 27 children", "$3 million" in
// "$3 million in aid". Decisions a reader of the output needs:
//
//   - Qualifiers: "at least", "no fewer than" are at_least; "more than",
//     "over", "upwards of", "in excess of", "above" are more_than; "some",
//     "about", "around", "roughly", "approximately", "an estimated", and
//     also "nearly", "almost", "close to", "just under" are about: those say
//     the true figure is close to the number, and closeness matters more to
//     a comparison of sources than the direction, which about drops. "up
//     to", "at most", "no more than", "as many as" are at_most; "less than",
//     "fewer than", "under", "below" are less_than. "27 or more" is at_least,
//     "27 or so" about, "27 or fewer" at_most.
//   - Vague plurals are at_least twice their unit: "dozens" 24, "hundreds"
//     200, "tens of thousands" 20,000, "hundreds of thousands" 200,000;
//     "several hundred" is at_least 300 (three of the unit), "a few dozen"
//     at_least 24.
//   - Ranges: "between 1,500 and 3,000", "1,500 to 3,000", "10-12", "10–12",
//     "two or three" give Value low and Max high, and only when high > low.
//     "from 10 to 12" is read as two numbers (usually a change, not a range).
//     A scale on the high end carries to the low end: "1.5 to 2 million".
//   - Not numbers: years the date finder takes ("2020", "in 2021"), days next
//     to a month name ("August 8", "31 August"), times ("06:11", "9 a.m."),
//     decades ("1990s"), digits glued to ids or paths ("vpx_00002720",
//     "24/7"), and "one" used as a pronoun ("the one who", "one of the",
//     "one another", "this one").
func findNumbers(text string, toks []Token) []Entity {
	var out []Entity
	for i := 0; i < len(toks); {
		e, next, ok := numAt(text, toks, i)
		if !ok {
			i = max(i+1, next)
			continue
		}
		out = append(out, e)
		i = next
	}
	return out
}

// numQualPhrases maps a qualifier's first word to its phrases, longest
// first.
var numQualPhrases = map[string][]numQualPhrase{
	"at":            {{[]string{"at", "least"}, QualAtLeast}, {[]string{"at", "most"}, QualAtMost}},
	"no":            {{[]string{"no", "fewer", "than"}, QualAtLeast}, {[]string{"no", "less", "than"}, QualAtLeast}, {[]string{"no", "more", "than"}, QualAtMost}},
	"not":           {{[]string{"not", "fewer", "than"}, QualAtLeast}, {[]string{"not", "less", "than"}, QualAtLeast}, {[]string{"not", "more", "than"}, QualAtMost}},
	"a":             {{[]string{"a", "minimum", "of"}, QualAtLeast}, {[]string{"a", "maximum", "of"}, QualAtMost}},
	"more":          {{[]string{"more", "than"}, QualMoreThan}},
	"greater":       {{[]string{"greater", "than"}, QualMoreThan}},
	"over":          {{[]string{"over"}, QualMoreThan}},
	"above":         {{[]string{"above"}, QualMoreThan}},
	"upwards":       {{[]string{"upwards", "of"}, QualMoreThan}},
	"upward":        {{[]string{"upward", "of"}, QualMoreThan}},
	"in":            {{[]string{"in", "excess", "of"}, QualMoreThan}},
	"well":          {{[]string{"well", "over"}, QualMoreThan}, {[]string{"well", "above"}, QualMoreThan}},
	"just":          {{[]string{"just", "over"}, QualMoreThan}, {[]string{"just", "under"}, QualAbout}, {[]string{"just", "below"}, QualAbout}, {[]string{"just", "shy", "of"}, QualAbout}},
	"some":          {{[]string{"some"}, QualAbout}},
	"about":         {{[]string{"about"}, QualAbout}},
	"around":        {{[]string{"around"}, QualAbout}},
	"approximately": {{[]string{"approximately"}, QualAbout}},
	"approx":        {{[]string{"approx", "."}, QualAbout}, {[]string{"approx"}, QualAbout}},
	"roughly":       {{[]string{"roughly"}, QualAbout}},
	"circa":         {{[]string{"circa"}, QualAbout}},
	"an":            {{[]string{"an", "estimated"}, QualAbout}},
	"estimated":     {{[]string{"estimated"}, QualAbout}},
	"nearly":        {{[]string{"nearly"}, QualAbout}},
	"almost":        {{[]string{"almost"}, QualAbout}},
	"close":         {{[]string{"close", "to"}, QualAbout}},
	"up":            {{[]string{"up", "to"}, QualAtMost}},
	"as":            {{[]string{"as", "many", "as"}, QualAtMost}, {[]string{"as", "much", "as"}, QualAtMost}},
	"less":          {{[]string{"less", "than"}, QualLessThan}},
	"fewer":         {{[]string{"fewer", "than"}, QualLessThan}},
	"under":         {{[]string{"under"}, QualLessThan}},
	"below":         {{[]string{"below"}, QualLessThan}},
}

type numQualPhrase struct {
	words []string
	qual  string
}

var numUnits = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var numTens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var numScales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	// South Asian English: "Rs 24 lakh" is 2.4 million rupees, "Rs 5
	// crore" 50 million.
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

var numOrdinals = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	"thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
}

// numVague are plurals that give an order of magnitude, not a count.
var numVague = map[string]float64{
	"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}

// numCurrencySymbols prefix a money amount; numCurrencyWords follow one
// (and stay outside the span, like a counted noun).
var numCurrencySymbols = map[string]bool{"$": true, "€": true, "£": true, "¥": true, "₹": true}

// numCurrencyWordPrefixes are currency abbreviations written before the
// amount with a space: "Rs 24 lakh", "INR 500".
var numCurrencyWordPrefixes = map[string]bool{"Rs": true, "Rs.": true, "INR": true, "PKR": true, "NPR": true, "LKR": true, "Tk": true}

// numCurrencyPrefixes name whose dollar a "$" is: "US$", "A$", "HK$".
var numCurrencyPrefixes = map[string]bool{"US": true, "A": true, "C": true, "HK": true, "NZ": true, "S": true, "NT": true}

var numCurrencyWords = map[string]bool{
	"dollars": true, "dollar": true, "euros": true, "euro": true, "yuan": true, "rupees": true,
	"rubles": true, "roubles": true, "afghanis": true, "pounds sterling": true, "usd": true,
	"pula": true, "pulas": true, "naira": true, "shillings": true, "rand": true, "yen": true, "pesos": true,
	"rupiah": true, "dinars": true, "riyals": true, "dirhams": true, "francs": true, "cedis": true, "kwacha": true,
	"baht": true, "won": true, "ringgit": true, "dong": true, "lira": true, "liras": true, "hryvnias": true, "hryvnia": true,
	"reais": true, "taka": true, "birr": true, "kyat": true, "tenge": true, "zloty": true, "kroner": true, "kronor": true, "krona": true,
	"rubel": true, "rials": true, "leones": true, "bolivars": true, "rupee": true,
}

// num is one number read from the tokens.
type num struct {
	val        float64
	start, end int // byte span
	next       int // index of the first token after the number
	ordinal    bool
	vague      bool    // dozens, hundreds: at_least twice the unit
	scale      float64 // the multiplier of a trailing scale word, 1 if none
	money      bool
	percent    bool   // a range whose ends each carry a percent sign ("10% to 15%")
	words      bool   // written in words
	single     string // the word, when the number is one bare word ("one")
	inToken    bool   // ends inside a hyphenated token ("72" of "72-hour")
	rangeMax   float64
	isRange    bool
}

// numAt reads a quantity starting at token i: qualifier, number or range,
// unit. It returns the entity and the index of the next token.
func numAt(text string, toks []Token, i int) (Entity, int, bool) {
	start := toks[i].Start
	qual := ""
	j := i
	if ps, ok := numQualPhrases[toks[i].Lower]; ok {
		for _, p := range ps {
			if numMatchWords(toks, i, p.words) {
				qual, j = p.qual, i+len(p.words)
				break
			}
		}
	}
	var n num
	ok := false
	if j < len(toks) && toks[j].Lower == "between" {
		n, ok = numBetween(text, toks, j)
	}
	if !ok && j < len(toks) {
		n, ok = numRange(text, toks, j)
	}
	if !ok && qual != "" {
		// "over" or "some" that qualifies nothing: try the number alone.
		qual, j = "", i
		n, ok = numRange(text, toks, i)
	}
	if !ok {
		return Entity{}, 0, false
	}
	if qual == "" {
		start = n.start
	}
	if !n.isRange && numFraction(text, toks, n) {
		return Entity{}, n.next + 1, false // "two-thirds", "one third": a fraction, skip its denominator too
	}
	if qual == "" && !n.isRange && n.single == "one" && numPronounOne(toks, j, n) {
		return Entity{}, 0, false
	}
	if qual == "" && !n.isRange && n.single == "second" && j > 0 && numIsNumberWord(toks[j-1].Lower) {
		return Entity{}, 0, false // "a second"/"30 second": the unit of time
	}
	typ := NumCardinal
	end, next := n.end, n.next
	// Unit after the number: percent or a currency word.
	if !n.inToken && next < len(toks) && toks[next].Sent == toks[j].Sent {
		switch t := toks[next].Lower; {
		case t == "%":
			typ, end, next = NumPercent, toks[next].End, next+1
		case t == "percent" || t == "pct":
			typ, end, next = NumPercent, toks[next].End, next+1
		case t == "per" && next+1 < len(toks) && toks[next+1].Lower == "cent":
			typ, end, next = NumPercent, toks[next+1].End, next+2
		// "0.3 percentage points": a change of a percent, given as its
		// figure as percents are.
		case t == "percentage" && next+1 < len(toks) && (toks[next+1].Lower == "point" || toks[next+1].Lower == "points"):
			typ, end, next = NumPercent, toks[next+1].End, next+2
		case numCurrencyWords[t]:
			typ = NumMoney
		case numCurrencyOf(toks, next, j):
			typ = NumMoney // "88 billion Hong Kong dollars"
		}
	}
	if n.money {
		typ = NumMoney
	}
	if n.percent {
		typ = NumPercent
	}
	if n.ordinal {
		typ = NumOrdinal
	}
	if qual == "" {
		qual = QualExact
		if n.vague {
			qual = QualAtLeast
		}
	}
	// Postfix qualifiers: "27 or more", "27 or so".
	if !n.inToken && next+1 < len(toks) && toks[next].Lower == "or" {
		pq := ""
		switch toks[next+1].Lower {
		case "more":
			pq = QualAtLeast
		case "so":
			pq = QualAbout
		case "fewer", "less":
			pq = QualAtMost
		}
		if pq != "" && (qual == QualExact) && !n.isRange {
			qual, end, next = pq, toks[next+1].End, next+2
		}
	}
	v := numRound(n.val)
	e := Entity{Kind: KindNumber, Span: Span{Start: start, End: end}, Text: text[start:end], Value: &v, Qualifier: qual, Type: typ, Source: SourceRule}
	if n.isRange {
		m := numRound(n.rangeMax)
		e.Max = &m
	}
	return e, next, true
}

// numRound drops the binary noise of scaling: 4.1 * 1e9 is
// 4099999999.9999995 in float64, and the text says 4,100,000,000.
func numRound(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func numMatchWords(toks []Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Lower != w || (k > 0 && toks[i+k].Sent != toks[i].Sent) {
			return false
		}
	}
	return true
}

// numFractions are the denominators of fractions, which findNumbers
// leaves out: "two-thirds of the vote" is not the count 2.
var numFractions = map[string]bool{
	"third": true, "thirds": true, "quarter": true, "quarters": true, "fifth": true, "fifths": true,
	"half": true, "halves": true, "tenth": true, "tenths": true,
}

// numFraction reports whether the number n is a fraction's numerator.
func numFraction(text string, toks []Token, n num) bool {
	if !n.words {
		return false
	}
	if n.inToken {
		rest := text[n.end:toks[n.next-1].End]
		rest = strings.TrimPrefix(rest, "-")
		if h := strings.IndexByte(rest, '-'); h >= 0 {
			rest = rest[:h]
		}
		return numFractions[strings.ToLower(rest)]
	}
	return n.next < len(toks) && numFractions[toks[n.next].Lower] && n.val < 20 && !n.ordinal
}

// numPronounOne reports whether the bare word "one" at token i is a
// pronoun rather than a count: "the one who", "one of the", "this one".
func numPronounOne(toks []Token, i int, n num) bool {
	if n.inToken {
		return true // "one-sided", "one-time": an adjective
	}
	if i > 0 {
		switch toks[i-1].Lower {
		case "the", "this", "that", "any", "every", "each", "which", "no", "another", "such", "a", "an", "last", "next":
			return true
		}
	}
	if n.next >= len(toks) {
		return true
	}
	switch toks[n.next].Lower {
	case "of", "who", "whom", "whose", "that", "which", "another", "'s", "else", ".", ",", ";", ":", "?", "!", ")":
		return true
	}
	return false
}

func numIsNumberWord(w string) bool {
	if _, ok := numUnits[w]; ok {
		return true
	}
	if _, ok := numTens[w]; ok {
		return true
	}
	_, ok := numDigits(w)
	return ok
}

// numBetween reads "between 1,500 and 3,000".
func numBetween(text string, toks []Token, i int) (num, bool) {
	lo, ok := numOne(text, toks, i+1)
	if !ok || lo.inToken {
		return num{}, false
	}
	and := lo.next
	pctNext, pct := numPercentAfter(toks, and) // "between 20% and 30%"
	if pct {
		and = pctNext
	}
	if and+1 >= len(toks) || toks[and].Lower != "and" {
		return num{}, false
	}
	hi, ok := numOne(text, toks, and+1)
	if !ok || lo.ordinal || hi.ordinal {
		return num{}, false
	}
	if pct {
		next, ok := numPercentAfter(toks, hi.next)
		if !ok || hi.inToken {
			return num{}, false
		}
		hi.end, hi.next = toks[next-1].End, next
	}
	lo = numCarryScale(lo, hi)
	if hi.val <= lo.val {
		return num{}, false
	}
	return num{val: lo.val, rangeMax: hi.val, isRange: true, start: toks[i].Start, end: hi.end, next: hi.next,
		money: lo.money || hi.money, percent: pct, inToken: hi.inToken}, true
}

// numRange reads a number, and a range when one follows: "10 to 12",
// "10-12", "10–12", "two or three".
func numRange(text string, toks []Token, i int) (num, bool) {
	lo, ok := numOne(text, toks, i)
	if !ok || lo.inToken || lo.ordinal || lo.isRange || lo.vague {
		return lo, ok
	}
	k := lo.next
	// "10% to 15%", "250 percent to 390 percent": the low end's own
	// percent sign; the high end must then have one too.
	pctNext, pct := numPercentAfter(toks, k)
	if pct {
		if numChangeBefore(toks, i) {
			return lo, true // "rose 0.3% to 2.4%": a change and the new level
		}
		k = pctNext
	}
	if k+1 >= len(toks) || toks[k].Sent != toks[i].Sent {
		return lo, true
	}
	sep := toks[k].Lower
	switch sep {
	case "to", "-", "or":
	default:
		return lo, true
	}
	if sep == "to" && i > 0 && toks[i-1].Lower == "from" {
		return lo, true
	}
	if sep == "-" && toks[k].Text == "\u2014" {
		return lo, true // an em dash sets off a clause
	}
	hi, ok := numOne(text, toks, k+1)
	if !ok || hi.ordinal || hi.vague || hi.words != lo.words && sep == "or" {
		return lo, true
	}
	if pct {
		next, ok := numPercentAfter(toks, hi.next)
		if !ok || hi.inToken {
			return lo, true
		}
		hi.end, hi.next = toks[next-1].End, next
	}
	lo2 := numCarryScale(lo, hi)
	if hi.val <= lo2.val {
		return lo, true
	}
	return num{val: lo2.val, rangeMax: hi.val, isRange: true, start: lo.start, end: hi.end, next: hi.next,
		money: lo.money || hi.money, percent: pct, words: lo.words, inToken: hi.inToken}, true
}

// numPercentAfter reports a percent sign or word at token k ("%",
// "percent", "pct", "per cent") and the index of the token after it.
func numPercentAfter(toks []Token, k int) (int, bool) {
	if k >= len(toks) || k > 0 && toks[k].Sent != toks[k-1].Sent {
		return 0, false
	}
	switch toks[k].Lower {
	case "%", "percent", "pct":
		return k + 1, true
	case "per":
		if k+1 < len(toks) && toks[k+1].Lower == "cent" {
			return k + 2, true
		}
	}
	return 0, false
}

// numChangeWords come before the size of a change, which a second
// percent after "to" follows as the new level ("rose 0.3% to 2.4%", "cut
// by 0.25 percent to 4.5 percent"), not as a range's high end.
var numChangeWords = map[string]bool{
	"by": true, "up": true, "down": true, "rose": true, "rise": true, "rises": true, "risen": true, "rising": true,
	"fell": true, "fall": true, "falls": true, "fallen": true, "falling": true, "dropped": true, "drop": true, "drops": true,
	"climbed": true, "climb": true, "climbs": true, "jumped": true, "jump": true, "jumps": true, "gained": true, "gains": true,
	"lost": true, "loses": true, "added": true, "adds": true, "increased": true, "decreased": true, "declined": true,
	"grew": true, "grow": true, "grows": true, "grown": true, "surged": true, "slipped": true, "slid": true, "eased": true,
	"edged": true, "plunged": true, "tumbled": true, "soared": true, "shed": true, "sank": true, "dipped": true,
	"advanced": true, "rallied": true, "slumped": true, "shrank": true, "expanded": true, "contracted": true,
}

// numChangeBefore reports a word of change right before the number at i,
// or before a qualifier there ("rose about 5% to 7%").
func numChangeBefore(toks []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && toks[k].Sent == toks[i].Sent; k-- {
		if numChangeWords[toks[k].Lower] {
			return true
		}
		if _, qual := numQualPhrases[toks[k].Lower]; !qual && toks[k].Lower != "than" && toks[k].Lower != "to" {
			return false
		}
	}
	return false
}

// numCarryScale gives the low end of a range the high end's scale word
// when the low end has none: "1.5 to 2 million" is 1.5 million to 2 million.
func numCarryScale(lo, hi num) num {
	if hi.scale > 1 && lo.scale == 1 && lo.val*hi.scale <= hi.val {
		lo.val *= hi.scale
	}
	return lo
}

// numOne reads one number (digits or words, with a trailing scale word and
// a leading currency symbol) starting at token i.
func numOne(text string, toks []Token, i int) (num, bool) {
	if i >= len(toks) {
		return num{}, false
	}
	start := toks[i].Start
	money := false
	if numCurrencySymbols[toks[i].Text] && i+1 < len(toks) && toks[i+1].Start == toks[i].End {
		money = true
		if i > 0 && toks[i-1].End == toks[i].Start && numCurrencyPrefixes[toks[i-1].Text] {
			start = toks[i-1].Start // "US$20"
		}
		i++
	} else if j := i + 1; numCurrencyWordPrefixes[toks[i].Text] && j < len(toks) && toks[j].Sent == toks[i].Sent {
		if j+1 < len(toks) && toks[j].Text == "." && toks[j].Start == toks[i].End {
			j++ // "Rs. 500" as "Rs" "."
		}
		if j < len(toks) && toks[j].Lower != "" && '0' <= toks[j].Lower[0] && toks[j].Lower[0] <= '9' {
			money, i = true, j
		}
	}
	if n, ok := numPartOfUnit(toks, i, money); ok {
		if money {
			n.money, n.start = true, start
		}
		return n, true
	}
	t := toks[i]
	c := t.Lower[0]
	var n num
	var ok bool
	if '0' <= c && c <= '9' {
		n, ok = numDigitToken(text, toks, i, money)
	} else {
		n, ok = numWords(text, toks, i)
	}
	if !ok {
		return num{}, false
	}
	if money {
		n.money = true
		n.start = start
	}
	return n, true
}

// numCurrencyOf reports whether the tokens from k name a currency by its
// country: one or two capitalised words, or "U.S.", then a currency word
// ("Hong Kong dollars", "Australian dollars", "U.S. dollars"). The words
// stay outside the number's span, as a currency word does.
func numCurrencyOf(toks []Token, k, j int) bool {
	for w := k; w < k+3 && w+1 < len(toks) && toks[w].Sent == toks[j].Sent; w++ {
		if c := toks[w].Text[0]; c < 'A' || c > 'Z' {
			return false
		}
		if numCurrencyWords[toks[w+1].Lower] {
			return true
		}
	}
	return false
}

// numPartOfUnit reads a fraction of one unit: "half a percentage point"
// (0.5, and the unit after it makes it a percent), "half a million"
// (500,000), "a quarter of a percentage point" (0.25). A fraction of
// anything else is no number ("half a dozen" aside, which it leaves too):
// "half the budget" stays a share in words.
func numPartOfUnit(toks []Token, i int, money bool) (num, bool) {
	f, j := 0.0, i
	switch {
	case toks[i].Lower == "half":
		f, j = 0.5, i+1
	case toks[i].Lower == "a" && i+2 < len(toks) && toks[i+1].Lower == "quarter" && toks[i+2].Lower == "of":
		f, j = 0.25, i+3
	default:
		return num{}, false
	}
	if j+1 >= len(toks) || toks[j].Lower != "a" && toks[j].Lower != "an" || toks[j+1].Sent != toks[i].Sent {
		return num{}, false
	}
	u := toks[j+1].Lower
	if sc, ok := numScales[u]; ok {
		return num{val: f * sc, start: toks[i].Start, end: toks[j+1].End, next: j + 2, scale: sc, words: true}, true
	}
	pp := u == "percentage" && j+2 < len(toks) && toks[j+2].Lower == "point"
	if u == "percent" || pp || money && u == "dollar" {
		// The unit word stays after the number: numAt reads it.
		return num{val: f, start: toks[i].Start, end: toks[j].End, next: j + 1, scale: 1, words: true}, true
	}
	return num{}, false
}

// numDigitToken reads a number written with digits at token i.
func numDigitToken(text string, toks []Token, i int, money bool) (num, bool) {
	t := toks[i]
	if numGlued(text, toks, i) || numIsTime(text, toks, i) {
		return num{}, false
	}
	if !money && (dateYearAt(toks, i) || dateDayAt(toks, i)) {
		return num{}, false
	}
	n := num{start: t.Start, end: t.End, next: i + 1, scale: 1}
	w := t.Lower
	if v, ok := numDigits(w); ok {
		n.val = v
	} else if h := strings.IndexByte(w, '-'); h > 0 {
		// "10-12", "72-hour", "2021-08-09"
		v, ok := numDigits(w[:h])
		if !ok {
			return num{}, false
		}
		rest := w[h+1:]
		if v2, ok := numDigits(rest); ok {
			if v2 <= v {
				return num{}, false
			}
			n.val, n.rangeMax, n.isRange = v, v2, true
			// "$40-50 billion": the scale word after the range scales both
			// ends.
			if i+1 < len(toks) && toks[i+1].Sent == t.Sent {
				if s, ok := numScales[toks[i+1].Lower]; ok {
					n.val, n.rangeMax, n.scale, n.end, n.next = v*s, v2*s, s, toks[i+1].End, i+2
				}
			}
			return n, true
		}
		if rest == "" || '0' <= rest[0] && rest[0] <= '9' {
			return num{}, false // an ISO date or a code
		}
		n.val, n.end, n.inToken = v, t.Start+h, true
		return n, true
	} else {
		d := 0
		for d < len(w) && ('0' <= w[d] && w[d] <= '9' || w[d] == ',' || w[d] == '.') {
			d++
		}
		v, ok := numDigits(w[:d])
		if !ok {
			return num{}, false
		}
		switch suf := w[d:]; suf {
		case "st", "nd", "rd", "th":
			n.val, n.ordinal = v, true
			return n, true
		case "bn", "b", "m", "mn", "k", "tn":
			if !money {
				return num{}, false
			}
			n.val = v * map[string]float64{"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12}[suf]
			return n, true
		default:
			return num{}, false // "1990s", "5pm", "3D"
		}
	}
	// A scale word after the digits: "1.5 million", "2 dozen".
	if i+1 < len(toks) && toks[i+1].Sent == t.Sent {
		w := toks[i+1].Lower
		if s, ok := numScales[w]; ok {
			n.val, n.scale, n.end, n.next = n.val*s, s, toks[i+1].End, i+2
		} else if w == "hundred" {
			n.val, n.scale, n.end, n.next = n.val*100, 100, toks[i+1].End, i+2
		} else if w == "dozen" {
			n.val, n.end, n.next = n.val*12, toks[i+1].End, i+2
		} else if h := strings.IndexByte(w, '-'); h > 0 && toks[i+1].Start == t.End+1 {
			// "a 3.5 million-square-kilometer sea", "a $1.5 billion-dollar
			// deal": the scale glued to the unit it modifies.
			if s, ok := numScales[w[:h]]; ok {
				n.val, n.scale, n.end, n.next, n.inToken = n.val*s, s, toks[i+1].Start+h, i+2, true
			}
		}
	}
	return n, true
}

// numDigits parses "3,000", "1.5", "5,183", "27". Commas must group by
// three, so "1,5" is not a number.
func numDigits(s string) (float64, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	group, commas, dot := 0, false, false
	first := true
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case '0' <= c && c <= '9':
			group++
		case c == ',' && !dot:
			if first && (group < 1 || group > 3) || !first && group != 3 {
				return 0, false
			}
			first, commas, group = false, true, 0
		case c == '.' && !dot:
			if commas && group != 3 || group == 0 {
				return 0, false
			}
			dot, group = true, 0
		default:
			return 0, false
		}
	}
	if group == 0 || commas && !dot && group != 3 {
		return 0, false
	}
	if commas {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// numGlued reports whether the digits at token i are part of an id, a
// path or a time: glued to "_", "/", ":", "#", "@" or a "+" phone prefix.
func numGlued(text string, toks []Token, i int) bool {
	bad := func(s string) bool {
		switch s {
		case "_", "/", ":", "#", "@", "\\", "|", "=", "&":
			return true
		}
		return false
	}
	if i > 0 && toks[i-1].End == toks[i].Start && bad(toks[i-1].Text) {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Start == toks[i].End && bad(toks[i+1].Text) {
		return true
	}
	return false
}

// numIsTime reports whether the digits at token i are an hour: "9 a.m.",
// "10 pm", "1400 GMT".
func numIsTime(text string, toks []Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	switch toks[i+1].Lower {
	case "am", "pm", "gmt", "utc", "o'clock":
		return true
	case "a", "p":
		return i+3 < len(toks) && toks[i+2].Text == "." && toks[i+3].Lower == "m"
	}
	return false
}

// numPiece is one word of a number written in words; a hyphenated token
// ("twenty-one", "five-year") gives one piece per part.
type numPiece struct {
	w          string
	start, end int
	tok        int
	last       bool // the last part of its token
}

// numWords reads a number written in words starting at token i: "five",
// "twenty-one", "one hundred and twenty", "two dozen", "a dozen", "fifth",
// "dozens", "tens of thousands", "several hundred".
func numWords(text string, toks []Token, i int) (num, bool) {
	first := toks[i].Lower
	if h := strings.IndexByte(first, '-'); h > 0 {
		first = first[:h]
	}
	if !numWordStarts(first) {
		return num{}, false
	}
	var buf [24]numPiece
	ps := buf[:0]
	for j := i; j < len(toks) && j < i+12 && len(ps) < len(buf)-4 && toks[j].Sent == toks[i].Sent; j++ {
		w := toks[j].Lower
		if len(w) != len(toks[j].Text) {
			break // folded text: not a plain ASCII word
		}
		pos := toks[j].Start
		for len(w) > 0 {
			h := strings.IndexByte(w, '-')
			part := w
			if h >= 0 {
				part = w[:h]
			}
			ps = append(ps, numPiece{w: part, start: pos, end: pos + len(part), tok: j, last: h < 0})
			if h < 0 {
				break
			}
			w, pos = w[h+1:], pos+h+1
		}
		if !ps[len(ps)-1].last {
			break
		}
	}
	if n, ok := numVagueWords(ps); ok {
		return n, true
	}
	return numWordPieces(ps)
}

func numWordStarts(w string) bool {
	if _, ok := numUnits[w]; ok {
		return true
	}
	if _, ok := numTens[w]; ok {
		return true
	}
	if _, ok := numOrdinals[w]; ok {
		return true
	}
	if _, ok := numVague[w]; ok {
		return true
	}
	switch w {
	case "a", "several", "tens", "dozen", "hundred":
		return true
	}
	return false
}

// Word classes for numWordPieces.
const (
	numNone = iota
	numUnit
	numTeen
	numTen
	numHundred
	numScale
	numDozen
	numA
)

// numWordPieces is the classic words-to-number fold: units and tens add
// to the current group, "hundred" multiplies it, a scale word closes it.
// It stops at the first word that cannot continue the number.
func numWordPieces(ps []numPiece) (num, bool) {
	total, cur := 0.0, 0.0
	last, lastScale := numNone, 0.0
	used := 0 // pieces consumed so far that form a complete number
	val := 0.0
	ordinal := false
	scale := 1.0
	for k := 0; k < len(ps); k++ {
		w := ps[k].w
		if w == "and" && (last == numHundred || last == numScale) && k+1 < len(ps) && ps[k].tok != ps[k-1].tok {
			nw := ps[k+1].w
			_, u := numUnits[nw]
			_, t := numTens[nw]
			o, isOrd := numOrdinals[nw]
			if u || t || isOrd && o < 100 {
				continue
			}
			break
		}
		if w == "a" && k == 0 && k+1 < len(ps) {
			nw := ps[k+1].w
			if _, s := numScales[nw]; s || nw == "hundred" || nw == "dozen" {
				cur, last = 1, numA
				continue
			}
			break
		}
		if v, ok := numUnits[w]; ok {
			if !(last == numNone || last == numHundred || last == numScale || last == numTen && v < 10 && v > 0) {
				break
			}
			cur += v
			last = numUnit
			if v >= 10 {
				last = numTeen
			}
		} else if v, ok := numTens[w]; ok {
			if !(last == numNone || last == numHundred || last == numScale) {
				break
			}
			cur += v
			last = numTen
		} else if w == "hundred" {
			if !(last == numUnit || last == numTeen || last == numA) || cur >= 100 {
				break
			}
			cur *= 100
			last, scale = numHundred, 100
		} else if s, ok := numScales[w]; ok {
			if last == numNone || last == numScale || lastScale != 0 && s >= lastScale {
				break
			}
			total += cur * s
			cur, last, lastScale, scale = 0, numScale, s, s
		} else if w == "dozen" {
			if !(last == numUnit || last == numTeen || last == numTen || last == numA) {
				break
			}
			cur *= 12
			last, scale = numDozen, 1
		} else if v, ok := numOrdinals[w]; ok {
			switch {
			case v < 100 && (last == numNone || last == numHundred || last == numScale || last == numTen && v < 10):
				cur += v
			case v >= 100 && (last == numUnit || last == numTeen || last == numTen || last == numA || last == numNone):
				if cur == 0 {
					cur = 1
				}
				if v == 100 {
					cur *= 100
				} else {
					total, cur = total+cur*v, 0
				}
			default:
				k = len(ps) // stop
				continue
			}
			ordinal = true
			used = k + 1
			val = total + cur
			break
		} else {
			break
		}
		used = k + 1
		val = total + cur
		if last == numDozen && k+1 < len(ps) {
			// "two dozen" ends the number
			break
		}
	}
	if used == 0 || last == numA && used == 1 {
		return num{}, false
	}
	lastP := ps[used-1]
	n := num{val: val, start: ps[0].start, end: lastP.end, next: lastP.tok + 1, ordinal: ordinal, words: true,
		scale: scale, inToken: !lastP.last}
	if ps[0].w == "a" && used == 1 {
		return num{}, false
	}
	if used == 1 {
		n.single = ps[0].w
	}
	return n, true
}

// numVagueWords reads "dozens", "hundreds of thousands", "tens of
// thousands", "several hundred", "a few dozen".
func numVagueWords(ps []numPiece) (num, bool) {
	if len(ps) == 0 {
		return num{}, false
	}
	mult, k := 2.0, 0
	switch {
	case ps[0].w == "several":
		mult, k = 3, 1
	case ps[0].w == "a" && len(ps) > 1 && ps[1].w == "few":
		mult, k = 2, 2
	}
	if k >= len(ps) {
		return num{}, false
	}
	var unit float64
	w := ps[k].w
	if k > 0 {
		// "several hundred", "several thousand", "a few dozen"
		switch {
		case w == "hundred":
			unit = 100
		case w == "dozen":
			unit = 12
		default:
			s, ok := numScales[w]
			if !ok {
				return num{}, false
			}
			unit = s
		}
	} else {
		v, ok := numVague[w]
		if w == "scores" && (len(ps) < 2 || ps[1].w != "of") {
			return num{}, false // "test scores"
		}
		if w == "tens" && len(ps) > 2 && ps[1].w == "of" {
			v, ok = 10, true
		}
		if !ok {
			return num{}, false
		}
		unit = v
		// "hundreds of thousands", "tens of millions"
		if len(ps) > k+2 && ps[k+1].w == "of" {
			if v2, ok := numVague[ps[k+2].w]; ok && v2 > unit && v2 >= 1e3 {
				unit *= v2
				k += 2
			}
		}
	}
	if w == "tens" && unit == 10 && k == 0 {
		return num{}, false // "tens" alone is not a number
	}
	last := ps[k]
	return num{val: mult * unit, start: ps[0].start, end: last.end, next: last.tok + 1, vague: true, words: true,
		scale: 1, inToken: !last.last}, true
}
