package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date types (Entity.Type for Kind "date"). Type is the granularity of what
// the text says; Norm, when the date could be resolved, has the matching
// ISO 8601 form. Norm is "" when resolving would be a guess.
const (
	DateDay      = "date"     // a day: "Sunday, August 8, 2021", "Monday", "yesterday"; Norm "2021-08-09"
	DateMonth    = "month"    // "in May", "July 2021", "this month"; Norm "2021-05"
	DateYear     = "year"     // "2020", "last year"; Norm "2020"
	DateInterval = "interval" // "last week", "the past 72 hours"; Norm "2021-08-06/2021-08-09", dates inclusive
)

// findDates tags date expressions in text, sorted and never overlapping,
// and resolves them against published ("YYYY-MM-DD", RFC 3339 or
// "YYYY-MM-DD hh:mm:ssZ"; "" if unknown).
//
// Spans hold the date words and their modifiers, never the preposition:
// "Monday" in "on Monday", "August 31" in "by August 31", "the last three
// days" in "in the last three days", "last week", "earlier this month",
// "Sunday evening". Prepositions are still read: "by", "until" and a
// "will"/"expected to"/"scheduled" shortly before the date point forward.
//
// Resolution leans to the past: a weekday is its latest occurrence on or
// before the reference day, a month without a year the latest such month,
// "last week" the calendar week (Monday to Sunday) before the reference's.
// Pointing forward, a weekday is its next occurrence after the reference.
// "the past N days/hours" is the interval from N days (hours rounded up to
// days) before the reference to the reference.
//
// Without a published date the reference is inferred: the latest full date
// written in the text with its weekday (a caption's "Sunday, August 8,
// 2021"; see dateInferRef). Such a date may
// sit a day or two before or after publication, so a weekday resolves to its
// nearest occurrence (within three days either side), and relative
// expressions then count from the latest of that date and those weekdays.
// With no full date in the text, weekdays and relative dates keep Norm "".
func findDates(text string, toks []Token, published string) []Entity {
	var ms []dateMention
	for i := 0; i < len(toks); {
		m, next, ok := dateAt(toks, i)
		if !ok {
			i++
			continue
		}
		m.span = Span{Start: toks[m.first].Start, End: toks[next-1].End}
		m.fwd = m.fwd || dateForward(toks, m.first, next)
		m.back = !m.fwd && (dateBackward(toks, m.first) || datePastAfterFronted(toks, m.first, next))
		if m.kind == dateKAbs && m.y == 0 && m.mod == "" {
			// "in July last year", "January of this year"
			k := next
			if k < len(toks) && toks[k].Lower == "of" {
				k++
			}
			if k+1 < len(toks) && toks[k+1].Lower == "year" && toks[k].Sent == toks[next-1].Sent {
				switch toks[k].Lower {
				case "last":
					m.ysuffix, m.yrel = true, -1
				case "this":
					m.ysuffix, m.yrel = true, 0
				case "next":
					m.ysuffix, m.yrel = true, 1
				}
			}
		}
		ms = append(ms, m)
		i = next
	}
	ref, ok := dateParsePublished(published)
	inferred := false
	if !ok {
		ref, ok = dateInferRef(ms)
		inferred = ok
	}
	if inferred {
		// The article was written no earlier than the latest weekday it
		// reports in the past.
		latest := ref
		for k := range ms {
			if ms[k].kind == dateKWeekday && !ms[k].fwd && ms[k].mod == "" {
				if d := dateNearestWeekday(ref, ms[k].wd); d.After(latest) {
					latest = d
				}
			}
		}
		for k := range ms {
			if ms[k].kind == dateKWeekday && ms[k].mod == "" && !ms[k].fwd {
				ms[k].norm = dateDayNorm(dateNearestWeekday(ref, ms[k].wd))
			}
		}
		ref = latest
	}
	out := make([]Entity, 0, len(ms))
	for _, m := range ms {
		if m.norm == "" {
			m.norm = m.resolve(ref, ok)
		}
		out = append(out, Entity{Kind: KindDate, Span: m.span, Text: text[m.span.Start:m.span.End], Norm: m.norm, Type: m.typ, Source: SourceRule})
	}
	return out
}

// Mention kinds.
const (
	dateKAbs      = iota // y, m, d as written; y or d may be 0
	dateKWeekday         // wd, with mod "last", "next", "this" or ""
	dateKRelDay          // n days from the reference: yesterday -1, today 0
	dateKWeek            // calendar week n weeks from the reference's
	dateKMonthRel        // calendar month n months from the reference's
	dateKYearRel         // calendar year n years from the reference's
	dateKPast            // the n units up to the reference
	dateKAgo             // n units before the reference
	dateKEarlier         // from the start of the unit to the reference ("earlier this month")
	dateKLater           // from the reference to the end of the unit
	dateKFirstOf         // the first n months of year y (y 0: the reference's, n in months)
	dateKWeekend         // the latest weekend, or n weekends away
	dateKVague           // recent days: no norm
)

type dateMention struct {
	span   Span
	first  int // first token
	typ    string
	kind   int
	y, m   int
	d      int
	wd     time.Weekday
	mod    string
	n      int
	unit   string // "day", "week", "month", "year"
	yrel   int    // dateKFirstOf: year offset from the reference when y is 0
	fwd    bool
	back   bool // a past cue: "since April", "were killed in April"
	norm   string
	monthN int  // dateKFirstOf: the number of months
	hasWd  bool // dateKAbs: written with its weekday, "Sunday, August 8, 2021"
	// ysuffix: a year follows as "last year"/"this year" ("July last
	// year"); the year is the reference's plus yrel.
	ysuffix bool
}

var dateMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

var dateMonthAbbrs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var dateWeekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// dateNotWeekday precede a weekday that names a day of the year or a
// newspaper rather than a date: "Good Friday", "Bloody Sunday".
var dateNotWeekday = map[string]bool{
	"good": true, "black": true, "bloody": true, "easter": true, "palm": true, "cyber": true,
	"super": true, "ash": true, "holy": true, "maundy": true, "orthodox": true,
}

// dateMonthPreps may precede a bare month; "May" and "March" (also a verb)
// and bare months in general are dates only after one of these.
var dateMonthPreps = map[string]bool{
	"in": true, "since": true, "from": true, "until": true, "till": true, "by": true, "during": true,
	"early": true, "late": true, "mid": true, "last": true, "this": true, "next": true, "of": true,
	"through": true, "before": true, "after": true, "between": true, "throughout": true,
	"each": true, "every": true, "around": true, "a": true,
}

// dateMonthLinks join a bare month to a month before it: "between May and
// June", "from March to May".
var dateMonthLinks = map[string]bool{"and": true, "or": true, "to": true, "through": true, "-": true}

var dateDayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

var dateUnits = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
	"year": "year", "years": "year", "hour": "hour", "hours": "hour",
}

// dateMonthAt reports the month named by token i (capitalised; an
// abbreviation needs its period or a day number after it) and the index of
// the token after it.
func dateMonthAt(toks []Token, i int) (int, int, bool) {
	if i < 0 || i >= len(toks) || !toks[i].Cap {
		return 0, 0, false
	}
	w := toks[i].Lower
	if m, ok := dateMonths[w]; ok {
		return m, i + 1, true
	}
	if m, ok := dateMonthAbbrs[w]; ok && i+1 < len(toks) {
		if toks[i+1].Text == "." && toks[i+1].Start == toks[i].End {
			return m, i + 2, true
		}
		if _, ok := dateDayNum(toks[i+1].Lower); ok {
			return m, i + 1, true
		}
	}
	return 0, 0, false
}

// dateDayNum parses a day of the month: "8", "31", "8th", "21st".
func dateDayNum(w string) (int, bool) {
	d := 0
	for d < len(w) && '0' <= w[d] && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 2 {
		return 0, false
	}
	switch w[d:] {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	v, _ := strconv.Atoi(w[:d])
	return v, v >= 1 && v <= 31
}

// dateYearNum parses a four-digit year from 1800 to 2100.
func dateYearNum(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return 0, false
		}
	}
	v, _ := strconv.Atoi(w)
	return v, v >= 1800 && v <= 2100
}

// dateDayAt reports whether the digits at token i are the day of a date
// ("August 8", "Aug. 31", "31 August", "8th of August"), which findNumbers
// leaves alone.
func dateDayAt(toks []Token, i int) bool {
	if _, ok := dateDayNum(toks[i].Lower); !ok {
		return false
	}
	if i > 0 {
		p := i - 1
		if toks[p].Text == "." && p > 0 {
			p--
		}
		if m, next, ok := dateMonthAt(toks, p); ok && m > 0 && next == i {
			return true
		}
	}
	j := i + 1
	if j < len(toks) && toks[j].Lower == "of" {
		j++
	}
	_, _, ok := dateMonthAt(toks, j)
	return ok
}

// dateYearAt reports whether the digits at token i are a year ("2020",
// "in 2021"), not a count: a count has a currency sign, a percent, a
// scale word or a qualifier ("more than 2000").
func dateYearAt(toks []Token, i int) bool {
	if _, ok := dateYearNum(toks[i].Lower); !ok {
		return false
	}
	if i > 0 {
		switch toks[i-1].Lower {
		case "$", "€", "£", "than", "least", "most", "some", "nearly", "almost", "approximately", "roughly", "estimated":
			return false
		case "of":
			if i > 1 && (toks[i-2].Lower == "upwards" || toks[i-2].Lower == "excess") {
				return false
			}
		}
	}
	if i+1 < len(toks) {
		switch toks[i+1].Lower {
		case "%", "percent", "per", "million", "billion", "thousand", "hundred":
			return false
		}
	}
	return true
}

// dateAt reads a date expression starting at token i.
func dateAt(toks []Token, i int) (dateMention, int, bool) {
	t := toks[i]
	w := t.Lower
	if t.Cap {
		if m, next, ok := dateWeekdayAt(toks, i, ""); ok {
			return m, next, true
		}
		if m, next, ok := dateMonthExpr(toks, i, i); ok {
			return m, next, true
		}
	}
	switch w {
	case "early", "late", "mid", "mid-":
		if i+1 < len(toks) && toks[i+1].Cap {
			if _, _, ok := dateMonthAt(toks, i+1); ok {
				return dateMonthExpr(toks, i+1, i)
			}
			if w != "mid" && w != "mid-" {
				if m, next, ok := dateWeekdayAt(toks, i+1, w); ok && m.kind == dateKWeekday {
					m.mod = "" // "late Monday" is still Monday
					return m, next, true
				}
			}
		}
		if i+1 < len(toks) {
			if y, ok := dateYearNum(toks[i+1].Lower); ok && dateYearAt(toks, i+1) {
				return dateMention{first: i, kind: dateKAbs, y: y, typ: DateYear}, i + 2, true
			}
		}
	}
	if strings.HasPrefix(w, "mid-") {
		if m, ok := dateMonths[w[4:]]; ok {
			dm := dateMention{first: i, kind: dateKAbs, m: m, typ: DateMonth}
			if i+1 < len(toks) {
				if y, ok := dateYearNum(toks[i+1].Lower); ok {
					dm.y = y
					return dm, i + 2, true
				}
			}
			return dm, i + 1, true
		}
	}
	if c := w[0]; '0' <= c && c <= '9' {
		if m, next, ok := dateDigitsAt(toks, i); ok {
			return m, next, true
		}
	}
	return dateRelAt(toks, i)
}

// dateWeekdayAt reads "Monday", "Sunday evening", "last Friday",
// "Sunday, August 8, 2021". first is the token the span starts at (a
// modifier before the weekday), mod its meaning.
func dateWeekdayAt(toks []Token, i int, mod string) (dateMention, int, bool) {
	wd, ok := dateWeekdays[toks[i].Lower]
	if !ok || !toks[i].Cap {
		return dateMention{}, 0, false
	}
	if i > 0 && toks[i-1].Cap && dateNotWeekday[toks[i-1].Lower] {
		return dateMention{}, 0, false
	}
	first := i
	if mod != "" {
		first = i - 1
	}
	next := i + 1
	// "Sunday, August 8, 2021": the weekday names a written date.
	j := next
	if j < len(toks) && toks[j].Text == "," {
		j++
	}
	if j < len(toks) && toks[j].Sent == toks[i].Sent {
		if dm, n2, ok := dateDigitsAt(toks, j); ok && dm.kind == dateKAbs && dm.d > 0 {
			dm.first, dm.wd, dm.hasWd = first, wd, true
			return dm, n2, true
		}
		if dm, n2, ok := dateMonthExpr(toks, j, j); ok && dm.d > 0 {
			dm.first, dm.wd, dm.hasWd = first, wd, true
			return dm, n2, true
		}
	}
	if next < len(toks) && toks[next].Sent == toks[i].Sent {
		nx := toks[next]
		switch {
		case dateDayParts[nx.Lower]:
			next++
		case nx.Cap && mod == "" && !dateWeekdays2(nx.Lower) && !(i > 0 && dateWeekdayPreps[toks[i-1].Lower]):
			// "Sunday Times", "Monday Night Football": a name
			if _, _, isMonth := dateMonthAt(toks, next); !isMonth {
				return dateMention{}, 0, false
			}
		}
	}
	return dateMention{first: first, kind: dateKWeekday, wd: wd, mod: mod, typ: DateDay}, next, true
}

// dateWeekdayPreps before a weekday make it a date even when a capitalised
// word follows ("on Sunday Taliban fighters...").
var dateWeekdayPreps = map[string]bool{"on": true, "since": true, "until": true, "by": true, "from": true, "late": true, "early": true}

func dateWeekdays2(w string) bool { _, ok := dateWeekdays[w]; return ok }

// dateMonthExpr reads a date that starts with a month at token i: "August
// 31", "Aug. 31, 2021", "July 2021", "May". first is where the span starts
// (i, or a modifier like "early" before it).
func dateMonthExpr(toks []Token, i, first int) (dateMention, int, bool) {
	m, next, ok := dateMonthAt(toks, i)
	if !ok {
		return dateMention{}, 0, false
	}
	dm := dateMention{first: first, kind: dateKAbs, m: m, typ: DateMonth}
	sent := toks[i].Sent
	if next < len(toks) && toks[next].Sent == sent {
		if d, ok := dateDayNum(toks[next].Lower); ok && !(next+1 < len(toks) && toks[next+1].Text == ":") {
			dm.d, dm.typ = d, DateDay
			next++
			j := next
			if j < len(toks) && toks[j].Text == "," {
				j++
			}
			if j < len(toks) && toks[j].Sent == sent {
				if y, ok := dateYearNum(toks[j].Lower); ok {
					dm.y, next = y, j+1
				}
			}
			if dm.d > dateDaysIn(dm.y, dm.m) {
				return dateMention{}, 0, false
			}
			return dm, next, true
		}
		if y, ok := dateYearNum(toks[next].Lower); ok {
			dm.y = y
			return dm, next + 1, true
		}
	}
	// A bare month: a date after a preposition or a modifier; "May" the
	// verb, "March" the verb and "June" the name need one.
	if first != i {
		return dm, next, true
	}
	if i == 0 || toks[i-1].Sent != sent {
		return dateMention{}, 0, false
	}
	prev := toks[i-1].Lower
	switch {
	case dateMonthPreps[prev]:
		if (m == 3 || m == 5) && prev == "a" {
			return dateMention{}, 0, false // "a March", "a May": not dates
		}
		if prev == "last" || prev == "this" || prev == "next" {
			dm.first, dm.mod = i-1, prev
		}
		return dm, next, true
	case dateMonthLinks[prev] && i > 1:
		if _, _, ok := dateMonthAt(toks, i-2); ok {
			return dm, next, true
		}
	}
	return dateMention{}, 0, false
}

func dateDaysIn(y, m int) int {
	if y == 0 {
		y = 2000 // a leap year: Feb. 29 without a year is allowed
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateDigitsAt reads a date that starts with digits: "31 August 2021",
// "8th of August", "2021-08-09", "2020".
func dateDigitsAt(toks []Token, i int) (dateMention, int, bool) {
	w := toks[i].Lower
	if numGlued("", toks, i) {
		return dateMention{}, 0, false
	}
	if len(w) == 10 && w[4] == '-' && w[7] == '-' {
		y, e1 := strconv.Atoi(w[:4])
		m, e2 := strconv.Atoi(w[5:7])
		d, e3 := strconv.Atoi(w[8:])
		if e1 == nil && e2 == nil && e3 == nil && m >= 1 && m <= 12 && d >= 1 && d <= dateDaysIn(y, m) {
			return dateMention{first: i, kind: dateKAbs, y: y, m: m, d: d, typ: DateDay}, i + 1, true
		}
		return dateMention{}, 0, false
	}
	if d, ok := dateDayNum(w); ok {
		j := i + 1
		if j < len(toks) && toks[j].Lower == "of" {
			j++
		}
		if m, next, ok := dateMonthAt(toks, j); ok && toks[j].Sent == toks[i].Sent {
			dm := dateMention{first: i, kind: dateKAbs, m: m, d: d, typ: DateDay}
			if next < len(toks) && toks[next].Sent == toks[i].Sent {
				if y, ok := dateYearNum(toks[next].Lower); ok {
					dm.y, next = y, next+1
				}
			}
			if d > dateDaysIn(dm.y, m) {
				return dateMention{}, 0, false
			}
			return dm, next, true
		}
		return dateMention{}, 0, false
	}
	if y, ok := dateYearNum(w); ok && dateYearAt(toks, i) {
		return dateMention{first: i, kind: dateKAbs, y: y, typ: DateYear}, i + 1, true
	}
	return dateMention{}, 0, false
}

// dateRelAt reads relative dates: "yesterday", "last week", "the past 72
// hours", "earlier this month", "three days ago", "in recent days", "the
// first six months of the year", "the weekend".
func dateRelAt(toks []Token, i int) (dateMention, int, bool) {
	w := toks[i].Lower
	sent := toks[i].Sent
	at := func(k int) string {
		if k < len(toks) && toks[k].Sent == sent {
			return toks[k].Lower
		}
		return ""
	}
	if w == "the" && at(i+1) == "previous" {
		// "the previous year": the calendar unit before the reference's
		switch at(i + 2) {
		case "day":
			return dateMention{first: i, kind: dateKRelDay, n: -1, typ: DateDay}, i + 3, true
		case "week":
			return dateMention{first: i, kind: dateKWeek, n: -1, typ: DateInterval}, i + 3, true
		case "month":
			return dateMention{first: i, kind: dateKMonthRel, n: -1, typ: DateMonth}, i + 3, true
		case "year":
			return dateMention{first: i, kind: dateKYearRel, n: -1, typ: DateYear}, i + 3, true
		}
	}
	switch w {
	case "yesterday":
		return dateMention{first: i, kind: dateKRelDay, n: -1, typ: DateDay}, i + 1, true
	case "today", "tonight":
		return dateMention{first: i, kind: dateKRelDay, n: 0, typ: DateDay}, i + 1, true
	case "tomorrow":
		return dateMention{first: i, kind: dateKRelDay, n: 1, typ: DateDay, fwd: true}, i + 1, true
	case "earlier", "later":
		kind := dateKEarlier
		if w == "later" {
			kind = dateKLater
		}
		if at(i+1) == "today" {
			return dateMention{first: i, kind: dateKRelDay, typ: DateDay, fwd: w == "later"}, i + 2, true
		}
		if at(i+1) == "this" {
			if u, ok := dateUnits[at(i+2)]; ok && u != "day" && u != "hour" && at(i+2) == u {
				return dateMention{first: i, kind: kind, unit: u, typ: DateInterval, fwd: w == "later"}, i + 3, true
			}
		}
	case "last", "this", "next", "coming":
		n := map[string]int{"last": -1, "this": 0, "next": 1, "coming": 1}[w]
		nx := at(i + 1)
		if w == "last" && nx == "night" {
			return dateMention{first: i, kind: dateKRelDay, n: -1, typ: DateDay}, i + 2, true
		}
		if w == "this" {
			switch nx {
			case "morning", "afternoon", "evening":
				return dateMention{first: i, kind: dateKRelDay, n: 0, typ: DateDay}, i + 2, true
			}
		}
		if i+1 < len(toks) && toks[i+1].Cap {
			if m, next, ok := dateWeekdayAt(toks, i+1, w); ok && m.kind == dateKWeekday {
				m.fwd = w == "next" || w == "coming"
				return m, next, true
			}
			if m, next, ok := dateMonthExpr(toks, i+1, i); ok && m.d == 0 && m.y == 0 {
				m.mod = w
				return m, next, true
			}
		}
		if i+1 < len(toks) && toks[i+1].Cap && i > 0 && toks[i-1].Sent == toks[i].Sent {
			return dateMention{}, 0, false // “This Week”, a programme's name
		}
		switch nx {
		case "week":
			return dateMention{first: i, kind: dateKWeek, n: n, typ: DateInterval, fwd: n > 0}, i + 2, true
		case "weekend":
			return dateMention{first: i, kind: dateKWeekend, n: n, mod: w, typ: DateInterval, fwd: n > 0}, i + 2, true
		case "month":
			return dateMention{first: i, kind: dateKMonthRel, n: n, typ: DateMonth, fwd: n > 0}, i + 2, true
		case "year":
			return dateMention{first: i, kind: dateKYearRel, n: n, typ: DateYear, fwd: n > 0}, i + 2, true
		}
		if w == "last" {
			return datePastN(toks, i, i+1, at)
		}
	case "past", "previous":
		return datePastN(toks, i, i+1, at)
	case "recent":
		if u, ok := dateUnits[at(i+1)]; ok && u != "hour" && at(i+1) != u {
			return dateMention{first: i, kind: dateKVague, typ: DateInterval}, i + 2, true
		}
	case "the":
		switch nx := at(i + 1); nx {
		case "past", "last", "previous":
			if u, ok := dateUnits[at(i+2)]; ok && at(i+2) == u && u != "hour" {
				// "the past week": the unit up to the reference
				return dateMention{first: i, kind: dateKPast, n: 1, unit: u, typ: DateInterval}, i + 3, true
			}
			return datePastN(toks, i, i+2, at)
		case "coming", "next":
			if u, ok := dateUnits[at(i+2)]; ok && at(i+2) == u && u != "hour" {
				return dateMention{first: i, kind: dateKPast, n: -1, unit: u, typ: DateInterval, fwd: true}, i + 3, true
			}
		case "weekend":
			switch p := i - 1; {
			case p >= 0 && (toks[p].Lower == "over" || toks[p].Lower == "at" || toks[p].Lower == "during"):
				return dateMention{first: i, kind: dateKWeekend, typ: DateInterval}, i + 2, true
			}
		case "first", "second":
			return dateFirstOf(toks, i, at)
		}
	}
	// "three days ago", "a week ago"
	if nm, ok := numOne("", toks, i); ok && !nm.ordinal && !nm.vague && !nm.inToken || w == "a" {
		next, val := i+1, 1.0
		if w != "a" {
			next, val = nm.next, nm.val
		}
		if u, ok := dateUnits[at(next)]; ok && u != "hour" && at(next+1) == "ago" && val == float64(int(val)) {
			typ := map[string]string{"day": DateDay, "week": DateDay, "month": DateMonth, "year": DateYear}[u]
			return dateMention{first: i, kind: dateKAgo, n: int(val), unit: u, typ: typ}, next + 2, true
		}
	}
	return dateMention{}, 0, false
}

// datePastN reads "the past 72 hours", "last three days", "the previous 24
// hours" whose number starts at token k.
func datePastN(toks []Token, i, k int, at func(int) string) (dateMention, int, bool) {
	n, next := 0, k
	switch at(k) {
	case "few", "several", "couple":
		next = k + 1
		if at(k) == "couple" && at(next) == "of" {
			next++
		}
	default:
		nm, ok := numOne("", toks, k)
		if !ok || nm.ordinal || nm.vague || nm.isRange || nm.inToken || nm.val != float64(int(nm.val)) || nm.val <= 0 {
			return dateMention{}, 0, false
		}
		n, next = int(nm.val), nm.next
	}
	u, ok := dateUnits[at(next)]
	if !ok {
		return dateMention{}, 0, false
	}
	if u == "hour" {
		n = (n + 23) / 24
		u = "day"
	}
	return dateMention{first: i, kind: dateKPast, n: n, unit: u, typ: DateInterval}, next + 1, true
}

// dateFirstOf reads "the first six months of the year", "the first half of
// 2021", "the second half of last year".
func dateFirstOf(toks []Token, i int, at func(int) string) (dateMention, int, bool) {
	second := at(i+1) == "second"
	k := i + 2
	months := 0
	startMonth := 1
	switch {
	case at(k) == "half":
		months, k = 6, k+1
	case at(k) == "quarter":
		months, k = 3, k+1
	default:
		nm, ok := numOne("", toks, k)
		if !ok || nm.ordinal || nm.vague || nm.isRange || nm.inToken || second {
			return dateMention{}, 0, false
		}
		u := at(nm.next)
		if u != "months" && u != "month" || nm.val < 1 || nm.val > 12 || nm.val != float64(int(nm.val)) {
			return dateMention{}, 0, false
		}
		months, k = int(nm.val), nm.next+1
	}
	if second {
		startMonth = months + 1
	}
	if at(k) != "of" {
		return dateMention{}, 0, false
	}
	dm := dateMention{first: i, kind: dateKFirstOf, m: startMonth, monthN: months, typ: DateInterval}
	switch {
	case at(k+1) == "the" && at(k+2) == "year":
		return dm, k + 3, true
	case at(k+1) == "this" && at(k+2) == "year":
		return dm, k + 3, true
	case at(k+1) == "last" && at(k+2) == "year":
		dm.yrel = -1
		return dm, k + 3, true
	}
	if k+1 < len(toks) {
		if y, ok := dateYearNum(at(k + 1)); ok {
			dm.y = y
			return dm, k + 2, true
		}
	}
	return dateMention{}, 0, false
}

// datePastSay are past forms of verbs of saying without "-ed".
var datePastSay = map[string]bool{"said": true, "told": true, "wrote": true, "spoke": true, "took": true, "began": true, "made": true, "met": true}

// dateForward reports whether the words around the date in tokens [i,
// next) point to the future: "by August 31", "until Friday", "will ... on
// Friday", "is expected to ... by", "On Tuesday, Rubio will join".
// dateBackward reports a cue that a month or day without a year lies in
// the past: "since" right before it, or a past or perfect auxiliary
// earlier in the clause ("have fled their homes in April"), not right
// before the date.
func dateBackward(toks []Token, i int) bool {
	if i > 0 && toks[i-1].Lower == "since" {
		return true
	}
	// "projected in May that ...", "reported in March": a verb in the
	// past tense right before the date's preposition (a lower-case -ed
	// word, or a past form of a verb of saying), not one that plans
	// ("scheduled in May", which dateForward reads first).
	if i > 1 && dateMonthPreps[toks[i-1].Lower] && toks[i-2].Sent == toks[i].Sent {
		if w := toks[i-2]; !w.Cap && (strings.HasSuffix(w.Lower, "ed") && len(w.Lower) > 4 || datePastSay[w.Lower]) {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-8 && toks[k].Sent == toks[i].Sent; k-- {
		switch toks[k].Lower {
		case "was", "were", "had", "did", "has", "have":
			// not a copula right before the date: "The deadline was Aug. 31"
			return k < i-1
		case ",", ";", "will", "'ll", "would", "said", "says":
			return false
		}
		// "Unemployment fell to 3.9 percent in May": a past form earlier
		// in the clause, not right before the date ("expected May" is
		// dateForward's).
		if k < i-2 && datePastForms[toks[k].Lower] {
			return true
		}
	}
	return false
}

// datePastForms are irregular past forms of the verbs that report a change
// or an event ("fell", "rose", "won"), unambiguous as past tense.
var datePastForms = map[string]bool{"fell": true, "rose": true, "grew": true, "shrank": true, "sank": true, "sold": true,
	"bought": true, "won": true, "lost": true, "took": true, "came": true, "went": true, "gave": true, "saw": true,
	"left": true, "paid": true, "spent": true, "struck": true, "fled": true, "stood": true, "swelled": true}

// datePastAfterFronted reports a date that opens its sentence before a
// comma ("In April, the military removed Bashir") whose clause's verb,
// after the comma, is in the past tense (a lower-case -ed word or a past
// form of a verb of saying); not one that plans ("scheduled", "expected").
func datePastAfterFronted(toks []Token, i, next int) bool {
	k := i
	if k > 0 && dateMonthPreps[toks[k-1].Lower] {
		k--
	}
	if k > 0 && toks[k-1].Sent == toks[k].Sent {
		// Or a date at the end of an opening prepositional phrase
		// ("In a joint statement issued at their meeting in July, Tokyo
		// and Washington shared ..."): a preposition opens the sentence,
		// no comma before the date, and the phrase's comma comes after it.
		first := k
		for first > 0 && toks[first-1].Sent == toks[k].Sent {
			first--
			if toks[first].Text == "," {
				return false
			}
		}
		switch toks[first].Lower {
		case "in", "at", "on", "during", "after", "before", "since":
		default:
			return false
		}
		if next-first > 20 {
			return false
		}
	}
	if next >= len(toks) || toks[next].Text != "," {
		return false
	}
	for j := next + 1; j < len(toks) && j <= next+10 && toks[j].Sent == toks[i].Sent; j++ {
		w := toks[j]
		switch w.Lower {
		case "will", "'ll", "would", "shall", "scheduled", "expected", "planned", "due", "is", "are", "plans", "hopes":
			return false
		case "was", "were", "had", "did":
			return true
		}
		if !w.Cap && (strings.HasSuffix(w.Lower, "ed") && len(w.Lower) > 4 || datePastSay[w.Lower]) {
			return true
		}
	}
	return false
}

func dateForward(toks []Token, i, next int) bool {
	for k := next; k < len(toks) && k < next+4 && toks[k].Sent == toks[next-1].Sent; k++ {
		w := toks[k].Lower
		if w == "will" || w == "'ll" || w == "shall" {
			return true
		}
		if w == "that" || w == "said" || w == "says" || w == "." || w == ";" || w == "and" || w == "who" {
			break
		}
	}
	if i == 0 {
		return false
	}
	switch toks[i-1].Lower {
	case "by", "until", "till", "ahead":
		return true
	}
	for k := i - 1; k >= 0 && k >= i-8 && toks[k].Sent == toks[i].Sent; k-- {
		switch toks[k].Lower {
		case "will", "'ll", "shall", "scheduled", "expected", "due", "upcoming", "plans", "planned", "plan":
			return true
		case "said", "was", "were", "had", "did", "has", "have":
			return false
		}
	}
	return false
}

// dateParsePublished reads the reference day from a published date.
func dateParsePublished(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// dateInferRef returns the reference day of a text without a published
// date: the latest full date written with its (correct) weekday, as
// captions and datelines write them ("Sunday, August 8, 2021"). A bare full
// date is more often history ("on 7 October 2001") than the day of writing,
// and a year mentioned later than the candidate rules it out.
func dateInferRef(ms []dateMention) (time.Time, bool) {
	var ref time.Time
	ok := false
	maxYear := 0
	for _, m := range ms {
		if m.kind == dateKAbs && m.y > maxYear {
			maxYear = m.y
		}
		if m.kind == dateKAbs && m.y > 0 && m.d > 0 && m.hasWd {
			t := time.Date(m.y, time.Month(m.m), m.d, 0, 0, 0, 0, time.UTC)
			if t.Weekday() == m.wd && (!ok || t.After(ref)) {
				ref, ok = t, true
			}
		}
	}
	if ok && maxYear > ref.Year() {
		return time.Time{}, false
	}
	return ref, ok
}

// dateNearestWeekday returns the day with weekday wd nearest to ref (three
// days before to three days after).
func dateNearestWeekday(ref time.Time, wd time.Weekday) time.Time {
	d := (int(wd) - int(ref.Weekday()) + 7) % 7
	if d > 3 {
		d -= 7
	}
	return ref.AddDate(0, 0, d)
}

func dateDayNorm(t time.Time) string { return t.Format("2006-01-02") }

func dateIntervalNorm(a, b time.Time) string { return dateDayNorm(a) + "/" + dateDayNorm(b) }

// resolve computes the mention's Norm against the reference day ref (ok
// false: no reference).
func (m dateMention) resolve(ref time.Time, ok bool) string {
	if m.kind == dateKAbs {
		switch {
		case m.y > 0 && m.d > 0:
			return fmt.Sprintf("%04d-%02d-%02d", m.y, m.m, m.d)
		case m.y > 0 && m.m > 0:
			return fmt.Sprintf("%04d-%02d", m.y, m.m)
		case m.y > 0:
			return fmt.Sprintf("%04d", m.y)
		}
		if !ok {
			return ""
		}
		if m.ysuffix {
			y := ref.Year() + m.yrel
			if m.d > 0 {
				return fmt.Sprintf("%04d-%02d-%02d", y, m.m, m.d)
			}
			return fmt.Sprintf("%04d-%02d", y, m.m)
		}
		// A month or a month and day without a year: the nearest
		// occurrence, a future one counting double, so that the past wins
		// unless the future one is much closer ("Aug. 31" written on Aug.
		// 11 is this Aug. 31, "December 25" written in August last year's).
		best, bestCost := 0, 0
		for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
			var diff int // in days, or in months for a bare month
			if m.d > 0 {
				if m.d > dateDaysIn(y, m.m) {
					continue
				}
				diff = int(time.Date(y, time.Month(m.m), m.d, 0, 0, 0, 0, time.UTC).Sub(ref).Hours() / 24)
			} else {
				diff = (y*12 + m.m) - (ref.Year()*12 + int(ref.Month()))
			}
			cost := -diff
			if diff > 0 {
				cost = 2 * diff
			}
			switch {
			case m.mod == "last" && diff >= 0, m.mod == "next" && diff <= 0,
				m.mod == "this" && y != ref.Year(), m.fwd && m.mod == "" && diff < 0,
				m.back && m.mod == "" && diff > 0:
				continue
			case m.mod == "next" || m.fwd:
				cost = diff // the first one ahead
			}
			if best == 0 || cost < bestCost {
				best, bestCost = y, cost
			}
		}
		switch {
		case best == 0:
			return ""
		case m.d > 0:
			return fmt.Sprintf("%04d-%02d-%02d", best, m.m, m.d)
		}
		return fmt.Sprintf("%04d-%02d", best, m.m)
	}
	if !ok {
		return ""
	}
	switch m.kind {
	case dateKWeekday:
		d := (int(ref.Weekday()) - int(m.wd) + 7) % 7 // days back to the latest wd
		switch {
		case m.mod == "next":
			// "next Friday": the Friday of next calendar week (Monday to
			// Sunday), so said on a Thursday it is eight days ahead.
			mon := ref.AddDate(0, 0, 7-(int(ref.Weekday())+6)%7)
			return dateDayNorm(mon.AddDate(0, 0, (int(m.wd)+6)%7))
		case m.mod == "coming" || m.fwd:
			fd := (int(m.wd) - int(ref.Weekday()) + 7) % 7
			if fd == 0 {
				fd = 7
			}
			return dateDayNorm(ref.AddDate(0, 0, fd))
		case m.mod == "last" && d == 0:
			d = 7
		}
		return dateDayNorm(ref.AddDate(0, 0, -d))
	case dateKRelDay:
		return dateDayNorm(ref.AddDate(0, 0, m.n))
	case dateKWeek:
		mon := ref.AddDate(0, 0, -((int(ref.Weekday())+6)%7)+7*m.n)
		return dateIntervalNorm(mon, mon.AddDate(0, 0, 6))
	case dateKMonthRel:
		t := time.Date(ref.Year(), ref.Month()+time.Month(m.n), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01")
	case dateKYearRel:
		return strconv.Itoa(ref.Year() + m.n)
	case dateKPast:
		if m.n == 0 {
			return "" // "the past few days"
		}
		if m.n < 0 { // "the coming week"
			return dateIntervalNorm(ref, dateAdd(ref, m.unit, 1))
		}
		return dateIntervalNorm(dateAdd(ref, m.unit, -m.n), ref)
	case dateKAgo:
		t := dateAdd(ref, m.unit, -m.n)
		switch m.unit {
		case "month":
			return t.Format("2006-01")
		case "year":
			return strconv.Itoa(t.Year())
		}
		return dateDayNorm(t)
	case dateKEarlier, dateKLater:
		var start, end time.Time
		switch m.unit {
		case "week":
			start = ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
			end = start.AddDate(0, 0, 6)
		case "month":
			start = time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
			end = start.AddDate(0, 1, -1)
		case "year":
			start = time.Date(ref.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			end = time.Date(ref.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
		default:
			return ""
		}
		if m.kind == dateKEarlier {
			return dateIntervalNorm(start, ref)
		}
		return dateIntervalNorm(ref, end)
	case dateKFirstOf:
		y := m.y
		if y == 0 {
			y = ref.Year() + m.yrel
		}
		start := time.Date(y, time.Month(m.m), 1, 0, 0, 0, 0, time.UTC)
		return dateIntervalNorm(start, start.AddDate(0, m.monthN, -1))
	case dateKWeekend:
		// The latest Saturday-Sunday ending on or before the reference;
		// "next weekend"/"this weekend" when pointing forward.
		back := (int(ref.Weekday()) + 7) % 7 // days back to Sunday
		sun := ref.AddDate(0, 0, -back)
		if ref.Weekday() == time.Saturday {
			sun = ref.AddDate(0, 0, 1)
		}
		switch {
		case m.n > 0 || m.fwd && m.mod != "last":
			sun = ref.AddDate(0, 0, 7-back)
		case m.mod == "last" && back == 0:
			sun = sun.AddDate(0, 0, -7)
		}
		return dateIntervalNorm(sun.AddDate(0, 0, -1), sun)
	}
	return ""
}

// dateAdd moves t by n units ("day", "week", "month", "year").
func dateAdd(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "week":
		return t.AddDate(0, 0, 7*n)
	case "month":
		return t.AddDate(0, n, 0)
	case "year":
		return t.AddDate(n, 0, 0)
	}
	return t.AddDate(0, 0, n)
}
