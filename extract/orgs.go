package extract

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed lexicon/organizations.yaml lexicon/organizations_patterns.yaml lexicon/organizations_clubs.tsv lexicon/organizations_brands.tsv
var orgLexFiles embed.FS

// orgEntry is one organization of the lexicon.
type orgEntry struct{ norm, typ string }

// orgCand is one lexicon reading of a matched name.
type orgCand struct {
	id    int32
	exact bool // an all-capitals alias: the text must be in capitals
	upper bool // the alias starts with a capital: so must the text
	// mixed: the alias has a capital inside a word ("LeT", "CentCom"):
	// the text is written as the alias ("Let" is a verb, "LET" in a
	// headline too).
	mixed bool
	// cased: a generated name; each word of the text starts in the case
	// of the alias's word ("Five Guys", not "five guys" or "Five guys").
	cased bool
	alias string
}

// OrgLexicon finds organization names: lexicon entries, acronyms defined
// in the text, and names built on head words. It is built once by
// LoadOrganizations and never changes.
type OrgLexicon struct {
	orgs    []orgEntry
	index   map[string][]orgCand // folded tokens joined by " " -> readings
	maxToks map[string]int

	countries  *Gazetteer // countries and demonyms only
	heads      map[string]string
	inPlace    map[string]bool
	national   map[string]string // folded words ("security forces") -> type
	localHeads map[string]string
	subunits   [][]string
	stopBefore map[string]bool
	// andTitles: after "and", a person's title ends the name before it
	// ("the Department of Homeland Security and Secretary Kristi Noem").
	andTitles  map[string]bool
	notOrg     map[string]bool
	acrHeads   map[string]bool
	legalForms map[string]bool // legal_forms, in their own case

	// generated marks the entries of the generated lists (clubs,
	// brands): names read from open data, not curated one by one, so the
	// recogniser may overrule them (see recognise).
	generated map[string]bool // by norm
	// curatedFirst holds the first words of the curated lexicon's and the
	// clubs' names: the recogniser's organization-word hint (the brands'
	// first words are too often common words: "Five", "Red", "The").
	curatedFirst map[string]bool
}

type orgFile struct {
	Organizations []struct {
		Norm    string   `yaml:"norm"`
		Type    string   `yaml:"type"`
		Aliases []string `yaml:"aliases"`
	} `yaml:"organizations"`
}

type orgPatternFile struct {
	Heads          map[string]string `yaml:"heads"`
	InPlaceHeads   []string          `yaml:"in_place_heads"`
	National       map[string]string `yaml:"national"`
	LocalHeads     map[string]string `yaml:"local_heads"`
	Subunits       []string          `yaml:"subunits"`
	StopBefore     []string          `yaml:"stop_before"`
	TitlesAfterAnd []string          `yaml:"titles_after_and"`
	NotOrgHeads    []string          `yaml:"not_org_heads"`
	AcronymHeads   []string          `yaml:"acronym_heads"`
	LegalForms     []string          `yaml:"legal_forms"`
}

// Organization types.
var orgTypes = map[string]bool{
	"armed_group": true, "international": true, "government": true, "military": true,
	"media": true, "ngo": true, "party": true, "company": true, "sports": true,
}

// LoadOrganizations builds the organization matcher from the embedded
// lexicon files and the gazetteer's countries. Every problem in the
// lexicon is reported with file:line.
func LoadOrganizations() (*OrgLexicon, error) { return loadOrganizations(true, true) }

// loadOrganizations builds the matcher, with the generated club list or
// without it (its generator reads the pipeline without it).
func loadOrganizations(withClubs, withBrands bool) (*OrgLexicon, error) {
	const lexName, patName = "lexicon/organizations.yaml", "lexicon/organizations_patterns.yaml"
	// Football clubs, generated from openfootball (extract/lexicon/gen/clubs).
	const clubsName = "lexicon/organizations_clubs.tsv"
	const brandsName = "lexicon/organizations_brands.tsv"
	var of orgFile
	var pf orgPatternFile
	root, err := placeDecode(orgLexFiles, lexName, &of)
	if err != nil {
		return nil, err
	}
	if _, err := placeDecode(orgLexFiles, patName, &pf); err != nil {
		return nil, err
	}
	countries, err := gazLoad(false)
	if err != nil {
		return nil, err
	}
	l := &OrgLexicon{
		index:        map[string][]orgCand{},
		maxToks:      map[string]int{},
		countries:    countries,
		heads:        map[string]string{},
		inPlace:      placeFoldSet(pf.InPlaceHeads),
		national:     map[string]string{},
		localHeads:   map[string]string{},
		subunits:     placeSeqs(pf.Subunits),
		stopBefore:   placeFoldSet(pf.StopBefore),
		andTitles:    placeFoldSet(pf.TitlesAfterAnd),
		notOrg:       placeFoldSet(pf.NotOrgHeads),
		acrHeads:     placeFoldSet(pf.AcronymHeads),
		legalForms:   map[string]bool{},
		generated:    map[string]bool{},
		curatedFirst: map[string]bool{},
	}
	for _, w := range pf.LegalForms {
		l.legalForms[w] = true
	}
	var errs RuleErrors
	lines := placeItemLines(root, "organizations")
	seen := map[string]int{}
	for k, o := range of.Organizations {
		line := placeLine(lines, k)
		if o.Norm == "" || !orgTypes[o.Type] {
			errs = append(errs, RuleError{lexName, line, fmt.Sprintf("organization %q: want a norm and a type (armed_group, international, government, military, media, ngo, party, company), got type %q", o.Norm, o.Type)})
			continue
		}
		if prev, ok := seen[o.Norm]; ok {
			errs = append(errs, RuleError{lexName, line, fmt.Sprintf("organization %q already listed at line %d", o.Norm, prev)})
			continue
		}
		seen[o.Norm] = line
		id := int32(len(l.orgs))
		l.orgs = append(l.orgs, orgEntry{o.Norm, o.Type})
		for _, a := range append([]string{o.Norm}, o.Aliases...) {
			l.addAlias(a, id, false)
		}
	}
	clubs, err := orgLexFiles.ReadFile(clubsName)
	if err != nil {
		return nil, err
	}
	if !withClubs {
		clubs = nil
	}
	for n, line := range strings.Split(string(clubs), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" {
			errs = append(errs, RuleError{clubsName, n + 1, fmt.Sprintf("want name, country, aliases separated by tabs, got %q", line)})
			continue
		}
		if _, dup := seen[f[0]]; dup {
			continue // the main lexicon's entry wins
		}
		seen[f[0]] = n + 1
		id := int32(len(l.orgs))
		l.orgs = append(l.orgs, orgEntry{f[0], "sports"})
		l.generated[f[0]] = true
		l.addAlias(f[0], id, false)
		if f[2] != "" {
			for _, a := range strings.Split(f[2], "|") {
				l.addAlias(a, id, false)
			}
		}
	}
	for w := range l.maxToks {
		l.curatedFirst[w] = true
	}
	// Companies and brands, generated from the name-suggestion-index and
	// the S&P 500 constituents
	// (extract/lexicon/gen/brands): name, type, source file.
	brands, err := orgLexFiles.ReadFile(brandsName)
	if err != nil {
		return nil, err
	}
	if !withBrands {
		brands = nil
	}
	for n, line := range strings.Split(string(brands), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || !orgTypes[f[1]] {
			errs = append(errs, RuleError{brandsName, n + 1, fmt.Sprintf("want name, type, source separated by tabs, got %q", line)})
			continue
		}
		if _, dup := seen[f[0]]; dup {
			continue
		}
		// The generator drops gazetteer names; one the gazetteer has
		// learnt since (the former state's demonym "Soviet", a clothes
		// shop) is dropped here, as regenerating would.
		if _, place := countries.index[placeKey(f[0])]; place {
			continue
		}
		seen[f[0]] = n + 1
		id := int32(len(l.orgs))
		l.orgs = append(l.orgs, orgEntry{f[0], f[1]})
		l.generated[f[0]] = true
		l.addAlias(f[0], id, true)
	}
	for _, m := range []struct {
		src map[string]string
		dst map[string]string
	}{{pf.Heads, l.heads}, {pf.National, l.national}, {pf.LocalHeads, l.localHeads}} {
		for w, typ := range m.src {
			if !orgTypes[typ] {
				errs = append(errs, RuleError{patName, 0, fmt.Sprintf("%q: unknown type %q", w, typ)})
			}
			m.dst[placeKey(w)] = typ
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

func (l *OrgLexicon) addAlias(a string, id int32, cased bool) {
	toks, _ := Tokenize(a)
	if len(toks) == 0 {
		return
	}
	r, _ := utf8.DecodeRuneInString(a)
	c := orgCand{id: id, exact: placeAllCaps(a), upper: unicode.IsUpper(r), mixed: innerCapital(a), cased: cased, alias: a}
	key := placeKey(a)
	for _, o := range l.index[key] {
		if o.id == id && o.exact == c.exact {
			return
		}
	}
	l.index[key] = append(l.index[key], c)
	if n := len(toks); n > l.maxToks[toks[0].Lower] {
		l.maxToks[toks[0].Lower] = n
	}
}

// orgSpan is a candidate organization over tokens [i, j).
type orgSpan struct {
	i, j      int
	norm, typ string
	lexicon   bool
}

// findOrganizations tags organization names in text:
//   - lexicon names and aliases, longest first ("U.S. Central Command",
//     "CentCom"); capital-only aliases (UN, AP, WHO) match capitals only;
//   - acronyms defined in the text, "the United Nations Assistance Mission
//     in Afghanistan (UNAMA)": the long form and the acronym share one norm
//     (the lexicon's when it knows either, else the long form), and every
//     bare "UNAMA" in the text gets it too;
//   - head words: "the Interior Ministry", "Ministry of Interior", "the US
//     Embassy in Kabul" (Norm "United States Embassy in Kabul": a country
//     alias or demonym is replaced by the country's name);
//   - a country's institutions: "Afghan army" -> "Afghanistan army",
//     "US forces" -> "United States forces";
//   - "the Helmand health department" (a place and a lower-case head);
//   - sub-units: "the Taliban's political bureau" -> "Taliban political
//     bureau", with the Taliban's type.
//
// Overlapping candidates resolve to the longest; spans are sorted.
func (l *OrgLexicon) findOrganizations(text string, toks []Token) []Entity {
	var cs []orgSpan
	var buf []byte
	// Lexicon.
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		mx := l.maxToks[t.Lower]
		for n := min(mx, len(toks)-i); n >= 1; n-- {
			buf = append(buf[:0], t.Lower...)
			for k := i + 1; k < i+n; k++ {
				buf = append(buf, ' ')
				buf = append(buf, toks[k].Lower...)
			}
			id := l.orgPick(text[t.Start:toks[i+n-1].End], t.Cap, l.index[string(buf)])
			if id < 0 {
				continue
			}
			o := l.orgs[id]
			cs = append(cs, orgSpan{i, i + n, o.norm, o.typ, true})
			break
		}
	}
	unassumeCountry(text, toks, cs)
	// Acronyms defined in the text, then their bare uses.
	acr, defs, _ := l.definedAcronyms(text, toks, cs)
	cs = append(cs, defs...)
	if len(acr) > 0 {
		for k, t := range toks {
			if e, ok := acr[t.Text]; ok {
				cs = append(cs, orgSpan{k, k + 1, e.norm, e.typ, true})
			}
		}
	}
	cs = l.orgHeads(text, toks, cs)
	cs = l.orgNational(text, toks, cs)
	cs = l.orgLocal(text, toks, cs)
	cs = l.orgSubunits(text, toks, cs)
	return orgResolve(text, toks, cs)
}

// unassumeCountry keeps the country a norm adds to a bare alias ("Senate"
// -> "U.S. Senate", "Congress" -> "U.S. Congress") only in an article that
// names that country: in a Nigerian story "the Senate" is Nigeria's, and
// a norm must not assume a country the article is not about. Without it
// the norm is the name as written. An alias that says the country ("US
// Senate") keeps its norm.
func unassumeCountry(text string, toks []Token, cs []orgSpan) {
	named := -1 // unknown until an alias needs it
	for k := range cs {
		c := &cs[k]
		if !c.lexicon || !strings.HasPrefix(c.norm, "U.S. ") || namesUS(toks[c.i:c.j]) {
			continue
		}
		if named < 0 {
			named = 0
			if namesUS(toks) {
				named = 1
			}
		}
		if named == 0 {
			c.norm = text[toks[c.i].Start:toks[c.j-1].End]
		}
	}
}

// namesUS reports whether the tokens name the United States: "U.S.",
// "US", "United States", "America(n)", "Washington".
func namesUS(toks []Token) bool {
	for i, t := range toks {
		switch t.Lower {
		case "u.s.", "u.s", "america", "american", "americans", "washington":
			return true
		case "us":
			if t.Text == "US" {
				return true
			}
		case "united":
			if i+1 < len(toks) && toks[i+1].Lower == "states" {
				return true
			}
		}
	}
	return false
}

// definedAcronyms reads the acronyms the text defines after a long form,
// "the United Nations Assistance Mission in Afghanistan (UNAMA)": acr maps
// each organization's acronym to its entry (the lexicon's when it knows
// the acronym or the long form, else the long form), defs are the
// candidates of the long forms and the acronyms in brackets, and terms
// holds the acronyms defined as terms, not bodies ("Information and
// Communication Technology (ICT)", "Gross National Product (GNP)": no
// lexicon entry, head word or acronym head).
func (l *OrgLexicon) definedAcronyms(text string, toks []Token, cs []orgSpan) (acr map[string]orgEntry, defs []orgSpan, terms map[string]bool) {
	acr = map[string]orgEntry{}
	for k := 2; k+1 < len(toks); k++ {
		// The acronym in brackets after the long form, or after ", or"
		// set off by commas ("the National Intelligence and Security
		// Agency, or NISA, said"); open is the token after the long form.
		open := k - 1
		switch {
		case toks[k-1].Text == "(" && toks[k+1].Text == ")":
		case k >= 3 && toks[k-1].Lower == "or" && toks[k-2].Text == "," && (toks[k+1].Text == "," || toks[k+1].Text == "."):
			open = k - 2
		default:
			continue
		}
		if !orgIsAcronym(toks[k].Text) {
			continue
		}
		start, ok := orgLongForm(toks, open, toks[k].Text)
		if !ok || l.notOrg[toks[open-1].Lower] {
			continue
		}
		if _, e, isCountry := l.orgCountryAt(text, toks, start); isCountry && e == open {
			continue // "People's Republic of China (PRC)" is a country
		}
		long := orgClean(text[toks[start].Start:toks[open-1].End])
		e := orgEntry{norm: long, typ: orgGuessType(l, toks[open-1].Lower, long)}
		if id := l.orgPick(toks[k].Text, true, l.index[toks[k].Lower]); id >= 0 {
			e = l.orgs[id]
		} else if id := l.orgLexiconSpan(cs, start, open); id >= 0 {
			e = orgEntry{cs[id].norm, cs[id].typ}
		} else if e.typ == "" && !l.hasAcronymHead(toks[start:open]) {
			if terms == nil {
				terms = map[string]bool{}
			}
			terms[toks[k].Text] = true
			continue
		}
		acr[toks[k].Text] = e
		defs = append(defs, orgSpan{start, open, e.norm, e.typ, true}, orgSpan{k, k + 1, e.norm, e.typ, true})
	}
	for a := range acr {
		delete(terms, a) // defined as a body elsewhere in the text
	}
	return acr, defs, terms
}

// termAcronyms are the acronyms text defines as terms, not bodies
// (definedAcronyms): "ICT" after "Information and Communication
// Technology (ICT)". ents are the rule entities of the text: an acronym
// they hold as an organization is none (its long form is a lexicon name,
// which definedAcronyms, given no lexicon candidates here, cannot see).
func (l *OrgLexicon) termAcronyms(text string, toks []Token, ents []Entity) map[string]bool {
	_, _, terms := l.definedAcronyms(text, toks, nil)
	for _, e := range ents {
		if e.Kind == KindOrganization && terms[e.Text] {
			delete(terms, e.Text)
		}
	}
	return terms
}

// orgPick returns the lexicon entry among cands that the text s allows,
// -1 if none.
func (l *OrgLexicon) orgPick(s string, capFirst bool, cands []orgCand) int32 {
	for _, c := range cands {
		if c.exact && !placeAllCaps(s) || c.upper && !capFirst {
			continue
		}
		if c.mixed && s != c.alias {
			continue
		}
		if c.cased && !sameWordCase(s, c.alias) {
			continue
		}
		return c.id
	}
	return -1
}

// innerCapital reports whether a has a capital letter right after a
// lower-case one ("LeT", "CentCom", "McDonald's").
func innerCapital(a string) bool {
	prevLower := false
	for _, r := range a {
		if unicode.IsUpper(r) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// sameWordCase reports whether the words of s and alias (split at
// spaces) start with letters of the same case, word for word.
func sameWordCase(s, alias string) bool {
	ws, wa := strings.Fields(s), strings.Fields(alias)
	if len(ws) != len(wa) {
		return false
	}
	for i := range ws {
		rs, _ := utf8.DecodeRuneInString(ws[i])
		ra, _ := utf8.DecodeRuneInString(wa[i])
		if unicode.IsUpper(rs) != unicode.IsUpper(ra) || unicode.IsLower(rs) != unicode.IsLower(ra) {
			return false
		}
	}
	return true
}

// hasAcronymHead reports whether a long form defined with an acronym
// holds a word that names a body (acronym_heads: "Human Rights Watch",
// "World Wildlife Fund"), beside the head words.
func (l *OrgLexicon) hasAcronymHead(toks []Token) bool {
	for _, t := range toks {
		if l.acrHeads[placeKey(t.Text)] {
			return true
		}
	}
	return false
}

// orgLexiconSpan returns the index of a lexicon candidate exactly over
// tokens [i, j), -1 if none.
func (l *OrgLexicon) orgLexiconSpan(cs []orgSpan, i, j int) int {
	for k, c := range cs {
		if c.lexicon && c.i == i && c.j == j {
			return k
		}
	}
	return -1
}

func orgGuessType(l *OrgLexicon, lastWord, long string) string {
	if strings.HasPrefix(long, "United Nations") || strings.HasPrefix(long, "UN ") || strings.HasPrefix(long, "U.N. ") {
		return "international"
	}
	if t, ok := l.heads[lastWord]; ok {
		return t
	}
	for _, w := range strings.Fields(strings.ToLower(long)) {
		if t, ok := l.heads[w]; ok {
			return t
		}
	}
	return ""
}

// orgIsAcronym reports whether s is 2 to 10 capitals (digits allowed after
// the first).
func orgIsAcronym(s string) bool {
	if len(s) < 2 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

var orgConnectors = map[string]bool{"of": true, "for": true, "in": true, "the": true, "and": true, "on": true, "'s": true, "to": true, "&": true, "-": true, "de": true}

// orgLongForm finds the long form ending at token end-1 before an acronym's
// "(" (token end), by the Schwartz-Hearst rule: the acronym's letters occur
// in order in the long form, the first at the start of its first word. The
// long form is made of capitalised words and connectors and is the
// shortest that fits.
func orgLongForm(toks []Token, end int, acr string) (int, bool) {
	maxWords := min(len(acr)+5, 2*len(acr))
	words := 0
	for start := end - 1; start >= 0 && words < maxWords; start-- {
		t := toks[start]
		if t.Sent != toks[end].Sent {
			break
		}
		if !t.Cap && !orgConnectors[t.Lower] {
			break
		}
		words++
		if !t.Cap || !strings.EqualFold(t.Text[:1], acr[:1]) {
			continue
		}
		var lf strings.Builder
		for k := start; k < end; k++ {
			if k > start {
				lf.WriteByte(' ')
			}
			lf.WriteString(toks[k].Lower)
		}
		if orgSchwartzHearst(lf.String(), strings.ToLower(acr)) {
			return start, true
		}
	}
	return 0, false
}

func orgSchwartzHearst(long, short string) bool {
	s, l := len(short)-1, len(long)-1
	for s >= 0 {
		c := short[s]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			s--
			continue
		}
		for l >= 0 && (long[l] != c || s == 0 && l > 0 && long[l-1] != ' ' && long[l-1] != '-') {
			l--
		}
		if l < 0 {
			return false
		}
		l--
		s--
	}
	return true
}

// orgClean normalises a span's text for a norm: one space between words,
// ASCII quotes and apostrophes.
func orgClean(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"").Replace(s)
}

// orgCountryAt returns the country named by tokens starting at i (a
// country name, alias or demonym) and the end of the name.
func (l *OrgLexicon) orgCountryAt(text string, toks []Token, i int) (string, int, bool) {
	g := l.countries
	t := toks[i]
	if !t.Cap {
		return "", 0, false
	}
	var buf []byte
	for n := min(g.maxToks[t.Lower], len(toks)-i); n >= 1; n-- {
		buf = append(buf[:0], t.Lower...)
		for k := i + 1; k < i+n; k++ {
			buf = append(buf, ' ')
			buf = append(buf, toks[k].Lower...)
		}
		cands := placeCaseFilter(text[t.Start:toks[i+n-1].End], g.index[string(buf)])
		if len(cands) > 0 && !g.personLike[string(buf)] {
			return g.places[cands[0].id].norm, i + n, true
		}
	}
	return "", 0, false
}

// orgNameWord reports whether t may be part of a capitalised name.
func (l *OrgLexicon) orgNameWord(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !t.Cap || !unicode.IsLetter(r) || l.stopBefore[t.Lower] || numIsNumberWord(t.Lower) {
		return false // "Five Frontier Corps personnel": the number is not a name word
	}
	// "Hague-based", "Western-backed": an adjective, not a name word.
	if h := strings.LastIndexByte(t.Text, '-'); h >= 0 && h+1 < len(t.Text) {
		r, _ := utf8.DecodeRuneInString(t.Text[h+1:])
		return !unicode.IsLower(r)
	}
	return true
}

// orgNormWords builds a norm from tokens [i, j), replacing a leading
// country name, alias or demonym by the country's name.
func (l *OrgLexicon) orgNormWords(text string, toks []Token, i, j int) string {
	if c, e, ok := l.orgCountryAt(text, toks, i); ok && e < j {
		return c + " " + orgClean(text[toks[e].Start:toks[j-1].End])
	}
	return orgClean(text[toks[i].Start:toks[j-1].End])
}

// orgHeads: "the Interior Ministry", "Ministry of Interior", "US Embassy
// in Kabul".
func (l *OrgLexicon) orgHeads(text string, toks []Token, cs []orgSpan) []orgSpan {
	for h, t := range toks {
		typ, ok := l.heads[t.Lower]
		if !ok || !t.Cap {
			continue
		}
		// The name words before the head; a stop word ("State", "The")
		// may stand inside the name but does not start it ("The Ohio State
		// University" is "Ohio State University").
		i := h
		for k := h - 1; k >= 0 && toks[k].Sent == t.Sent && (l.orgNameWord(toks[k]) || l.stopBefore[toks[k].Lower] && toks[k].Cap); k-- {
			if l.orgNameWord(toks[k]) {
				i = k
			}
		}
		j := h + 1
		// "of" + capitalised words ("Ministry of Foreign Affairs"), and
		// "for|on" after a head the name words before it make a name
		// ("Max Planck Institute for Astrophysics", "Council on Foreign
		// Relations" after "the": not "the Security Council on Tuesday"
		// nor a bare "Institute for" opening a sentence).
		ofLike := j < len(toks) && toks[j].Lower == "of"
		if j+1 < len(toks) && (toks[j].Lower == "for" || toks[j].Lower == "on") && (i < h || h > 0 && toks[h-1].Lower == "the") {
			_, wd := dateWeekdays[toks[j+1].Lower]
			_, mo := dateMonths[toks[j+1].Lower]
			ofLike = !wd && !mo
		}
		if j+1 < len(toks) && ofLike && toks[j+1].Sent == t.Sent && l.orgNameWord(toks[j+1]) {
			k := j + 1
			for k < len(toks) && toks[k].Sent == t.Sent && (l.orgNameWord(toks[k]) || (toks[k].Lower == "and" || toks[k].Lower == "for") && k+1 < len(toks) && l.orgNameWord(toks[k+1]) && !(toks[k].Lower == "and" && l.andTitles[toks[k+1].Lower])) {
				k++
			}
			j = k
		}
		if i == h && j == h+1 {
			continue // a bare head word
		}
		if l.inPlace[t.Lower] && j == h+1 && j+1 < len(toks) && toks[j].Lower == "in" && toks[j+1].Cap && toks[j+1].Sent == t.Sent {
			k := j + 1
			for k < len(toks) && toks[k].Sent == t.Sent && l.orgNameWord(toks[k]) {
				k++
			}
			j = k
		}
		norm := l.orgNormWords(text, toks, i, j)
		if typ == "ngo" || typ == "company" {
			// A demonym opens a body's own name, not its country's:
			// "American Enterprise Institute", "American University".
			norm = orgClean(text[toks[i].Start:toks[j-1].End])
		}
		cs = append(cs, orgSpan{i, j, norm, typ, false})
	}
	return cs
}

// orgNational: "Afghan army", "the Afghani government", "US forces",
// "Afghanistan's military".
func (l *OrgLexicon) orgNational(text string, toks []Token, cs []orgSpan) []orgSpan {
	for i := 0; i < len(toks); i++ {
		country, e, ok := l.orgCountryAt(text, toks, i)
		if !ok {
			continue
		}
		k := e
		if k < len(toks) && toks[k].Lower == "'s" {
			k++
		}
		for n := 2; n >= 1; n-- {
			if k+n > len(toks) || toks[k+n-1].Sent != toks[i].Sent {
				continue
			}
			words := toks[k].Lower
			if n == 2 {
				words += " " + toks[k+1].Lower
			}
			if typ, ok := l.national[words]; ok {
				cs = append(cs, orgSpan{i, k + n, country + " " + words, typ, false})
				break
			}
		}
		i = e - 1
	}
	return cs
}

// orgLocal: "the Helmand health department", "Kabul police".
func (l *OrgLexicon) orgLocal(text string, toks []Token, cs []orgSpan) []orgSpan {
	for i, t := range toks {
		if !l.orgNameWord(t) || i > 0 && toks[i-1].Cap && toks[i-1].Sent == t.Sent {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].Sent == t.Sent; k++ {
			if typ, ok := l.localHeads[toks[k].Lower]; ok && !toks[k].Cap {
				cs = append(cs, orgSpan{i, k + 1, orgClean(text[t.Start:toks[k].End]), typ, false})
				break
			}
			r, _ := utf8.DecodeRuneInString(toks[k].Text)
			if toks[k].Cap || !unicode.IsLetter(r) || orgLocalStop[toks[k].Lower] || strings.HasSuffix(toks[k].Lower, "ed") {
				break // "MSF told the council" is no "MSF council"
			}
		}
	}
	return cs
}

// orgLocalStop are words that cannot stand between a place and a local
// head ("the Helmand health department" yes, "MSF told the council" no).
var orgLocalStop = map[string]bool{
	"the": true, "a": true, "an": true, "to": true, "of": true, "in": true, "on": true, "and": true, "or": true,
	"told": true, "said": true, "says": true, "tells": true, "with": true, "for": true, "at": true, "by": true,
	"from": true, "its": true, "their": true, "his": true, "her": true, "that": true, "is": true, "was": true,
}

// orgSubunits: "<organization>'s political bureau".
func (l *OrgLexicon) orgSubunits(text string, toks []Token, cs []orgSpan) []orgSpan {
	n := len(cs)
	for _, c := range cs[:n] {
		k := c.j
		if k >= len(toks) || toks[k].Lower != "'s" {
			continue
		}
		k++
		for _, s := range l.subunits {
			if k+len(s) > len(toks) {
				continue
			}
			ok := true
			for x, w := range s {
				if toks[k+x].Lower != w {
					ok = false
					break
				}
			}
			if ok {
				cs = append(cs, orgSpan{c.i, k + len(s), c.norm + " " + strings.Join(s, " "), c.typ, false})
				break
			}
		}
	}
	return cs
}

// orgResolve keeps the longest of overlapping candidates (the lexicon's on
// a tie) and returns entities in text order.
func orgResolve(text string, toks []Token, cs []orgSpan) []Entity {
	sort.SliceStable(cs, func(a, b int) bool {
		la, lb := toks[cs[a].j-1].End-toks[cs[a].i].Start, toks[cs[b].j-1].End-toks[cs[b].i].Start
		if la != lb {
			return la > lb
		}
		if cs[a].lexicon != cs[b].lexicon {
			return cs[a].lexicon
		}
		return cs[a].i < cs[b].i
	})
	var keep []orgSpan
	for _, c := range cs {
		ok := true
		for _, k := range keep {
			if c.i < k.j && k.i < c.j {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, c)
		}
	}
	sort.Slice(keep, func(a, b int) bool { return keep[a].i < keep[b].i })
	out := make([]Entity, 0, len(keep))
	for _, c := range keep {
		s := Span{Start: toks[c.i].Start, End: toks[c.j-1].End}
		src := SourceRule
		if c.lexicon {
			src = SourceLexicon
		}
		out = append(out, Entity{Kind: KindOrganization, Span: s, Text: text[s.Start:s.End], Norm: c.norm, Type: c.typ, Source: src})
	}
	return out
}
