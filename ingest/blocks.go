package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineRule marks a whole line (or HTML block) as a non-body block when its
// pattern matches and the line is at most maxLen bytes long; the limit keeps
// a rule for short furniture ("Advertisement") off long body paragraphs.
// photo marks a photo credit, which makes its neighbours captions.
type lineRule struct {
	kind   string
	maxLen int
	photo  bool
	re     *regexp.Regexp
}

// lineRules are tried in order; the first match wins. They describe the
// furniture news sites put around the body: photo and video credits,
// "Read also" links, bylines, datelines, share buttons.
var lineRules = []lineRule{
	// (Photo : Stringer/Anadolu Agency via Getty Images); Photo by X; Image: X
	{BlockCredit, 250, true, regexp.MustCompile(`(?i)^[(\[]?\s*(?:file\s+)?(?:photo(?:graph)?s?|images?|pictures?|pics?|graphic|illustration|photo\s+credit|image\s+credit|image\s+source|credit)\s*(?::|by\b|credit\b|courtesy\b|©)`)},
	// 06:11 - Source: CNN (a video's duration and source)
	{BlockCredit, 120, false, regexp.MustCompile(`(?i)^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[-–—|]\s*)?(?:source|credit|video)\s*:`)},
	{BlockCredit, 120, false, regexp.MustCompile(`(?i)^(?:source|sources|credit|credits)\s*:\s*\S`)},
	// A credit standing alone: "Getty Images", "AP Photo/Rahmat Gul", "(Reuters)".
	{BlockCredit, 120, true, regexp.MustCompile(`(?i)^[(\[]?\s*(?:[\p{L}.'’ -]+/\s*)?(?:getty\s+images|reuters|ap\s+photo(?:/[\p{L}.'’ -]+)?|afp|epa(?:-efe)?|shutterstock|associated\s+press|xinhua|anadolu\s+agency|ap\s+images)(?:\s+via\s+getty\s+images)?\s*[)\]]?\.?$`)},
	{BlockCredit, 250, true, regexp.MustCompile(`(?i)\bvia\s+getty\s+images\s*[)\]]?\.?$`)},
	// CNN's Kara Fox contributed to this report. / Reporting by X; Editing by Y
	{BlockCredit, 300, false, regexp.MustCompile(`(?i)\bcontribut(?:ed|ing)\b.{0,40}\b(?:to\s+this|reporting|report|story|article)\b[\p{L} ]{0,30}\.?$`)},
	{BlockCredit, 300, false, regexp.MustCompile(`(?i)^(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|produced|research)\s+by\s+\p{Lu}`)},

	// Read Also: …; Related Article: …; See more: …
	{BlockRelated, 300, false, regexp.MustCompile(`(?i)^(?:read|see|watch|listen|click)(?:\s+(?:also|more|next|this|here|the\s+full\s+story|related))?\s*(?::|[|»›>]|[-–—]\s)`)},
	{BlockRelated, 300, false, regexp.MustCompile(`(?i)^(?:related|recommended|trending|popular|suggested|further\s+reading|also\s+read|also\s+see|more|you\s+(?:may|might)\s+also\s+like|more\s+from\s+[\p{L}\p{N} ]{1,30})(?:\s+(?:articles?|stories|story|content|coverage|links?|reading|news|videos?|topics?|on\s+this(?:\s+(?:story|topic))?|read))?\s*(?::|[|»›>]|[-–—]\s|$)`)},
	{BlockRelated, 300, false, regexp.MustCompile(`^(?:READ MORE|MORE|RELATED|ALSO READ|SEE ALSO|WATCH)\b`)},

	// By Jane Doe and John Roe, CNN
	{BlockByline, 150, false, regexp.MustCompile(`^(?:By|BY)[\p{Zs} ]+\p{Lu}[\p{L}.'’-]*(?:(?:[\p{Zs} ]+|,[\p{Zs} ]*|[\p{Zs} ]+and[\p{Zs} ]+|[\p{Zs} ]*&[\p{Zs} ]*)\p{Lu}[\p{L}.'’-]*){0,8}(?:[\p{Zs} ]*[,|/][\p{Zs} ]*[\p{L} ]{1,40})?$`)},
	{BlockByline, 150, false, regexp.MustCompile(`(?i)^(?:written|story|words|text|posted)\s+by\s+\p{Lu}`)},

	// CNN  —  (a dateline on a line of its own)
	{BlockDateline, 80, false, regexp.MustCompile(`^\p{Lu}[\p{L}\p{N}\p{Zs} .,'’()&/-]{0,60}?[\p{Zs} ]*(?:[—–]+|--)$`)},
	{BlockDateline, 120, false, regexp.MustCompile(`(?i)^(?:updated|published|posted|last\s+updated|first\s+published)(?:\s+on)?\s*:?\s*(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)},

	{BlockNoise, 80, false, regexp.MustCompile(`(?i)^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|skip\s+(?:advertisement|ad)|(?:story|article)\s+continues\s+below(?:\s+advertisement)?|continue\s+reading(?:\s+below|\s+the\s+main\s+story)?|scroll\s+to\s+continue(?:\s+with\s+content)?|share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+on\s+\w+)?|share(?:\s+(?:on\s+)?(?:facebook|twitter|whatsapp|email|linkedin|x))+|tweet|print|email|comments?|\d+\s+comments?|image\s+\d+\s+of\s+\d+|\d+\s+of\s+\d+|loading(?:\.{3}|…)?|play\s+video|watch\s+video|close|menu|back\s+to\s+top|toggle\s+caption|hide\s+caption|enlarge\s+this\s+image|listen(?:\s+to\s+this\s+article)?(?:\s+\d+\s+min(?:ute)?s?)?)\.?$`)},
	{BlockNoise, 160, false, regexp.MustCompile(`(?i)^(?:sign\s+up|subscribe|follow\s+us|click\s+here|download\s+(?:our|the)\s+app|get\s+the\s+latest|join\s+(?:us|our))\b`)},
	{BlockNoise, 200, false, regexp.MustCompile(`(?i)^(?:©|\(c\)\s|copyright\b)|all\s+rights\s+reserved\.?$`)},
	{BlockNoise, 300, false, regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+$`)},
}

// datelinePrefixes match a dateline that opens a body paragraph:
// "KABUL, Afghanistan (AP) — ", "(CNN) — ", "NEW YORK (Reuters) - ".
var datelinePrefixes = []*regexp.Regexp{
	regexp.MustCompile(`^\p{Lu}[\p{Lu}.'’-]+(?:[\p{Zs} ]+\p{Lu}[\p{Lu}.'’-]+)*(?:,[\p{Zs} ]+\p{Lu}[\p{L}.'’]*(?:[\p{Zs} ]\p{Lu}[\p{L}.'’]*)*){0,2}[\p{Zs} ]*(?:\([^()]{1,25}\)[\p{Zs} ]*)?[—–]+[\p{Zs} ]*`),
	regexp.MustCompile(`^\p{Lu}[\p{Lu}.'’-]+(?:[\p{Zs} ]+\p{Lu}[\p{Lu}.'’-]+)*(?:,[\p{Zs} ]+\p{Lu}[\p{L}.'’]*(?:[\p{Zs} ]\p{Lu}[\p{L}.'’]*)*){0,2}[\p{Zs} ]*\([^()]{1,25}\)[\p{Zs} ]*-[\p{Zs} ]+`),
	regexp.MustCompile(`^\((?:CNN|AP|Reuters|AFP|UPI|CNN Business)\)[\p{Zs} ]*(?:[—–]+|-)?[\p{Zs} ]*`),
}

// captionDate is the date wire-photo captions end with, joined by a comma
// and no preposition: "… in Kunduz city, northern Afghanistan, Sunday,
// August 8, 2021." Body prose says "on Sunday, August 8".
var captionDate = regexp.MustCompile(`(\pL+),[\p{Zs} ]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[\p{Zs} ]+)?(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)[\p{Zs} ]+\d{1,2},[\p{Zs} ]+\d{4}\.?$`)

// inlinePhotoCredit is a caption's own credit: "… (AP Photo/Rahmat Gul)",
// "… August 8, 2021. REUTERS/Stringer".
var inlinePhotoCredit = regexp.MustCompile(`(?:\((?:AP|AFP|EPA|Reuters|Getty Images)(?:\s+Photo)?\s*/[^()]{1,60}\)|\b(?:REUTERS|AFP|EPA(?:-EFE)?|AP Photo)\s*/\s*\p{Lu}[\p{L}.'’ -]{1,40})\.?$`)

// classifyLine returns the kind one line has on its own, or "" for a line
// that reads as body prose. line is trimmed.
func classifyLine(line string) (kind string, photo bool) {
	for _, r := range lineRules {
		if len(line) <= r.maxLen && r.re.MatchString(line) {
			return r.kind, r.photo
		}
	}
	switch {
	case isSlug(line):
		return BlockNoise, false
	case isCaptionSentence(line):
		return BlockCaption, false
	case isHeading(line):
		return BlockHeading, false
	}
	return "", false
}

// isSlug reports a line of lowercase keywords or ids, as video players leave
// behind: "afghanistan kandahar frontline taliban threat ward dnt tsr
// vpx_00002720". Prose has capitals or at least a few function words.
func isSlug(line string) bool {
	// Every line of an article is tested: its words are read in place
	// (strings.FieldsSeq), not copied into a slice.
	if !hasFields(line, 3) {
		return false
	}
	idLike, stop, words := false, 0, 0
	for w := range strings.FieldsSeq(line) {
		words++
		hasDigit := false
		for _, r := range w {
			switch {
			case r >= '0' && r <= '9':
				hasDigit = true
			case r >= 'a' && r <= 'z', r == '_', r == '-':
			default:
				return false
			}
		}
		if hasDigit && strings.ContainsRune(w, '_') {
			idLike = true
		}
		if isStopword(w) {
			stop++
		}
	}
	// Without an id, it takes many words with no function word among them;
	// "1 tsp ground ginger" is a recipe line, not a slug.
	first, _ := utf8.DecodeRuneInString(line)
	return idLike || (stop == 0 && words >= 6 && first >= 'a' && first <= 'z')
}

// hasFields reports whether s holds at least n words separated by white
// space (strings.Fields' words), reading no further than the nth.
func hasFields(s string, n int) bool {
	for range strings.FieldsSeq(s) {
		if n--; n <= 0 {
			return true
		}
	}
	return n <= 0
}

func isStopword(w string) bool {
	switch w {
	case "a", "an", "the", "of", "to", "in", "on", "and", "or", "is", "are", "was", "were", "for",
		"with", "at", "by", "from", "that", "this", "it", "as", "be", "has", "have", "he", "she",
		"they", "we", "i", "you", "not", "but", "his", "her", "their", "its":
		return true
	}
	return false
}

// isCaptionSentence reports a one-sentence photo caption: it ends with a
// wire-photo date or carries a photo agency credit, and quotes no one.
func isCaptionSentence(line string) bool {
	if len(line) > 500 || !hasFields(line, 6) || strings.ContainsAny(line, "“”\"") || strings.Contains(line, " said") {
		return false
	}
	if m := captionDate.FindStringSubmatch(line); m != nil && !isWeekday(m[1]) {
		return true
	}
	return inlinePhotoCredit.MatchString(line)
}

func isWeekday(w string) bool {
	switch strings.ToLower(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// isHeading reports a short line that is not a sentence: a subheading
// ("Taliban Took Control of Provincial Capitals", "Five provincial capitals
// seized"), a photo's title or a video's title. A question is a heading only
// in title case ("Why It Is Important for Taliban to Capture Kunduz?").
func isHeading(line string) bool {
	if len(line) > 120 {
		return false
	}
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 14 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	// "5 Things to Know" is a heading, "1 tsp ground ginger" is not.
	if i := strings.IndexFunc(line, unicode.IsLetter); i < 0 {
		return false
	} else if r, _ := utf8.DecodeRuneInString(line[i:]); !unicode.IsUpper(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', ',', ';', ':', '!', '…', '"', '”', '’', '\'', '»', ')', ']', '-', '–', '—':
		return false
	case '?':
		return titleCase(words)
	}
	// A longer line reads as a heading only in title case; in sentence
	// case it is more likely prose that lost its full stop.
	if len(words) > 8 && !titleCase(words) {
		return false
	}
	// Two sentences are not a heading.
	for i := 0; i+2 < len(line); i++ {
		if (line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(line[i+2:])
			if unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// titleCase reports whether most words longer than three letters start
// with a capital.
func titleCase(words []string) bool {
	long, capital := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"“‘'(")
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	return long > 0 && capital*10 >= long*7
}

func isFurniture(kind string) bool {
	return kind == BlockNoise || kind == BlockCredit || kind == BlockDateline
}

// endsSentence reports whether a line ends like a finished sentence.
func endsSentence(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"”’')]"))
	return last == '.' || last == '!' || last == '?' || last == '…' || last == ':'
}

// textLine is one non-blank line, trimmed, and the blank-line-separated
// group (paragraph) it belongs to.
type textLine struct {
	start, end int
	group      int
	kind       string
	photo      bool
}

// splitLines returns the trimmed non-blank lines of text.
func splitLines(text string) []textLine {
	var lines []textLine
	group := 0
	blank := false
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		s, e := trimSpan(text, pos, end)
		if s == e {
			blank = true
		} else {
			if blank && len(lines) > 0 {
				group++
			}
			blank = false
			lines = append(lines, textLine{start: s, end: e, group: group})
		}
		pos = end + 1
	}
	return lines
}

// trimSpan narrows text[s:e] to exclude surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		e -= size
	}
	return s, e
}

// textBlocks classifies the lines of a plain-text article. Each line is
// classified on its own, then by its neighbours in the same paragraph: the
// line before a photo credit is the photo's title or caption, the line after
// it describes the photo. Adjacent prose lines of one paragraph become one
// paragraph block, so hard-wrapped text reads as paragraphs.
func textBlocks(text string) []Block {
	lines := splitLines(text)
	for i := range lines {
		l := &lines[i]
		l.kind, l.photo = classifyLine(text[l.start:l.end])
		// A short line continuing an unfinished prose line is prose.
		if l.kind == BlockHeading && i > 0 && lines[i-1].group == l.group &&
			lines[i-1].kind == "" && !endsSentence(text[lines[i-1].start:lines[i-1].end]) {
			l.kind = ""
		}
		// A short line continued in lowercase on the next line is the
		// start of a wrapped sentence.
		if i > 0 && lines[i-1].kind == BlockHeading && lines[i-1].group == l.group && l.kind == "" {
			if r, _ := utf8.DecodeRuneInString(text[l.start:l.end]); unicode.IsLower(r) {
				lines[i-1].kind = ""
			}
		}
	}
	// An unfinished line among furniture (a video's slug, credit and
	// dateline) is the video's or photo's title, not prose.
	for i := range lines {
		l := &lines[i]
		if l.kind != "" || endsSentence(text[l.start:l.end]) || hasFields(text[l.start:l.end], 15) {
			continue
		}
		if i > 0 && lines[i-1].group == l.group && isFurniture(lines[i-1].kind) ||
			i+1 < len(lines) && lines[i+1].group == l.group && isFurniture(lines[i+1].kind) {
			l.kind = BlockHeading
		}
	}
	for i := range lines {
		if !lines[i].photo {
			continue
		}
		if j := i - 1; j >= 0 && lines[j].group == lines[i].group && (lines[j].kind == "" || lines[j].kind == BlockHeading) {
			lines[j].kind = BlockCaption
		}
		if j := i + 1; j < len(lines) && lines[j].group == lines[i].group && (lines[j].kind == "" || lines[j].kind == BlockHeading) {
			lines[j].kind = BlockCaption
		}
	}
	// A first line that stands alone and reads as a heading is the title.
	if len(lines) > 0 && lines[0].kind == BlockHeading && (len(lines) == 1 || lines[1].group != lines[0].group) {
		lines[0].kind = BlockTitle
	}
	var blocks []Block
	for i, l := range lines {
		if l.kind == "" {
			if i > 0 && lines[i-1].kind == "" && lines[i-1].group == l.group {
				blocks[len(blocks)-1].End = l.end
				continue
			}
			blocks = append(blocks, proseBlocks(text, l.start, l.end)...)
			continue
		}
		blocks = append(blocks, Block{Kind: l.kind, Start: l.start, End: l.end})
	}
	return blocks
}

// proseBlocks returns the blocks of a body paragraph: a dateline opening
// it ("KABUL, Afghanistan (AP) — ") becomes its own block.
func proseBlocks(text string, s, e int) []Block {
	para := text[s:e]
	for _, re := range datelinePrefixes {
		loc := re.FindStringIndex(para)
		if loc == nil || loc[1] >= len(para) {
			continue
		}
		ds, de := trimSpan(text, s, s+loc[1])
		ps, pe := trimSpan(text, s+loc[1], e)
		if ds == de || ps == pe {
			continue
		}
		return []Block{{Kind: BlockDateline, Start: ds, End: de}, {Kind: BlockParagraph, Start: ps, End: pe}}
	}
	return []Block{{Kind: BlockParagraph, Start: s, End: e}}
}
