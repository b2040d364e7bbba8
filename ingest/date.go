package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// zonedLayouts carry a time zone, so the instant is known and is written
// in UTC ("2025-03-14T20:30:26Z").
var zonedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822Z,
}

// dateLayouts have no zone (or no time): only the calendar date is kept,
// rather than inventing a zone ("2021-08-09").
var dateLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"20060102",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Mon, Jan 2, 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
}

// normDate turns a date as found in pages and crawler records into ISO
// 8601: "2025-03-14T20:30:26Z" when the instant is known, else
// "YYYY-MM-DD". It reports false for text it cannot read as a date.
func normDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	for _, layout := range zonedLayouts {
		if t, err := time.Parse(layout, s); err == nil && plausibleYear(t) {
			return t.UTC().Format("2006-01-02T15:04:05Z"), true
		}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil && plausibleYear(t) {
			return t.Format("2006-01-02"), true
		}
	}
	// Seconds (or milliseconds) since 1970, as some crawlers store them.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 {
		t := time.Unix(n, 0)
		if len(s) >= 13 {
			t = time.UnixMilli(n)
		}
		if plausibleYear(t) {
			return t.UTC().Format("2006-01-02T15:04:05Z"), true
		}
	}
	return "", false
}

func plausibleYear(t time.Time) bool {
	return t.Year() >= 1900 && t.Year() <= 2200
}

// urlDate finds a date in a URL path: /2021/08/09/, /2021-08-09/, /20210809/.
var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_-]|\.html?|$)`)

func dateFromURL(u string) (string, bool) {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return "", false
	}
	return normDate(m[1] + "-" + m[2] + "-" + m[3])
}
