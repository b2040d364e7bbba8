// Package report writes the analyst's morning report of a newsclaims
// database: one self-contained HTML page (no network, everything inline)
// with a timeline of events by day, a map of the places of claims,
// casualties by place and country, corroborations and contradictions,
// claims with their highlighted evidence, statements by speaker, who holds
// which office and the run's failed inputs.
//
// Build reads the database into a Report: aggregates for the timeline and
// the map (cells of day, kind, certainty and place, so that the page's
// filters can recount them), and capped row tables, whose caps the page
// states. Write renders it with html/template; the data the page's script
// needs travels as JSON in a <script type="application/json"> element,
// encoded with every '<', '>' and '&' escaped, so no text of an article
// can end the element or become markup.
package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Options choose what the report covers. With no dates and All unset it
// covers the articles stored by the last run that stored any (the runs
// table), or the whole database when there is no run.
type Options struct {
	// Since and Until bound the claim's day (YYYY-MM-DD, inclusive) and
	// make the report cover the whole database within them.
	Since, Until string
	// Place keeps claims whose place argument's name or norm equals it
	// (any case); Kind keeps one claim kind.
	Place, Kind string
	// All covers the whole database instead of the last run.
	All bool
	// RowLimit caps the claim rows (default DefaultRowLimit); the other
	// tables have caps of their own (Limits).
	RowLimit int
	// Now is the generation time shown in the page (default time.Now).
	Now func() time.Time
}

// DefaultRowLimit is how many claims the page lists by default. A claim row
// is about 600 bytes of JSON: 5,000 rows stay near 3 MB.
const DefaultRowLimit = 5000

// Caps of the other tables, stated in the page when reached.
const (
	maxSpeakers          = 200
	statementsPerSpeaker = 5
	maxRoles             = 500
	maxPairs             = 200
	maxErrors            = 500
	maxCasualtyGroups    = 1000
)

// EventKinds are the claim kinds on the timeline, in stacking order.
var EventKinds = []string{"capture", "casualty", "attack", "surrender", "withdrawal"}

// Report is everything the page shows.
type Report struct {
	Generated string // RFC 3339 UTC
	Scope     string // what the report covers, in words
	Filters   string // the command-line filters, in words ("" when none)
	Run       *Run   // the run covered, nil when not by run

	Articles   int
	ClaimCount int
	ByKind     []KindCount

	Casualties []CasualtyGroup
	Corrob     []Pair
	Contra     []Pair
	Speakers   []Speaker
	Roles      []Role
	Errors     []IngestError
	ErrorCount int

	// LeftOut says what the page does not show, one sentence each.
	LeftOut []string

	Page PageData // for the page's script, as JSON
}

// Run is the run a report covers.
type Run struct {
	ID                            int64
	StartedAt, FinishedAt         string
	Seen, Stored, Skipped, Failed int
}

// KindCount is a number of claims of one kind.
type KindCount struct {
	Kind string
	N    int
}

// CasualtyGroup is one outcome at one place: every figure stated for it,
// the range the figures allow together, and how many pairs of articles
// agree or differ on it.
type CasualtyGroup struct {
	Country, Place, Outcome string
	Figures                 []Figure
	Articles, Claims        int
	// Lo is the largest lower bound stated ("at least", "more than" or an
	// exact figure), Hi the smallest upper bound; nil when none is stated.
	Lo, Hi   *float64
	Conflict bool // Lo > Hi: the figures cannot all be true
	// FirstDay and LastDay are the claims' first and last day. Lo and Hi
	// are only set when the group has a place and spans at most
	// sameEventDays: figures of other days or places are other events.
	FirstDay, LastDay string
	Corroborations    int
	Contradictions    int
	// Total is set on the first group of each country: the country's
	// totals over all its groups.
	Total *CountryTotal
}

// CountryTotal sums a country's casualty groups. Claims are counted, not
// casualties: the figures of different reports do not add up.
type CountryTotal struct {
	Places, Claims, Articles       int
	Corroborations, Contradictions int
}

// Figure is one stated count with its qualifier and how many articles
// state it.
type Figure struct {
	Value     float64
	Qualifier string
	Articles  int
}

// Pair is a corroboration or a contradiction between two articles' claims.
type Pair struct {
	Kind, Key      string
	A, B           PairSide
	Compatible     bool // contradictions: the stated ranges overlap
	CompatibleKnow bool
}

// PairSide is one claim of a pair.
type PairSide struct {
	Value    string // the figure with its qualifier, "" when none
	Evidence string
	Title    string
	URL      string
	Date     string
}

// Speaker is one speaker's statements.
type Speaker struct {
	Name, Title string
	Statements  int
	Articles    int
	Latest      []Statement // the most recent, at most statementsPerSpeaker
}

// Statement is one statement of a speaker.
type Statement struct {
	Date, Content, Evidence, Title, URL, Certainty string
}

// Role is one person in one office.
type Role struct {
	Person, Title, Status, Organization, Place string
	Articles                                   int
	Last                                       string // latest day stated
}

// IngestError is a failed input.
type IngestError struct {
	Path, Reason, At string
}

// PageData is what the page's script reads: the timeline and map cells,
// the claim rows and the articles they come from. Arrays of arrays keep
// the JSON small at 100,000 articles.
type PageData struct {
	Kinds       []string `json:"kinds"`       // claim kinds; cells and rows index it
	EventKinds  []string `json:"eventKinds"`  // the timeline's kinds, in stacking order
	Certainties []string `json:"certainties"` // certainty values; "" is unknown
	Days        []string `json:"days"`        // sorted YYYY-MM-DD; "" is no date
	// Places are [name, country, lat, lon]; lat and lon are null when the
	// gazetteer has no coordinates.
	Places [][]any `json:"places"`
	// Cells are [day, kind, certainty, place, claims]: indexes into Days,
	// Kinds, Certainties and Places (-1: no place).
	Cells [][5]int `json:"cells"`
	// Rows are the listed claims (see Row).
	Rows []Row `json:"rows"`
	// Articles are [title, publisher, published_at, url] by index.
	Articles  [][4]string `json:"articles"`
	RowsTotal int         `json:"rowsTotal"` // claims in scope; more than len(Rows) when capped
}

// Row is one claim in the page: [day, kind, certainty, place, article,
// corroborating articles, contradicting articles] and its evidence as
// segments [text] or [text, role] (an argument, highlighted).
type Row struct {
	ID  int64      `json:"id"`
	F   [7]int     `json:"f"`
	Ev  [][]string `json:"ev"`
	Arg string     `json:"arg,omitempty"` // the arguments in words, for search and the narrow layout
}

// scope is the SQL condition on claims c joined to articles a.
type scope struct {
	where []string
	args  []any
}

func (s scope) sql() string {
	if len(s.where) == 0 {
		return "1"
	}
	return strings.Join(s.where, " AND ")
}

func (s scope) and(cond string, args ...any) scope {
	return scope{where: append(append([]string(nil), s.where...), cond), args: append(append([]any(nil), s.args...), args...)}
}

// dayExpr is a claim's day, UTC: its event_date, which is the date of its
// time argument or else the publication date as written; when it is the
// publication date and that has a time with an offset, the UTC date of that
// time.
const dayExpr = `coalesce(CASE WHEN c.event_date = substr(a.published_at, 1, 10) AND length(a.published_at) > 10
	THEN date(a.published_at) END, c.event_date, date(a.published_at), '')`

// placeJoin joins a claim's first place argument and its entity.
const placeJoin = `LEFT JOIN claim_args p ON p.claim_id = c.id AND p.role = 'place' AND p.ord = 0
	LEFT JOIN entities e ON e.id = p.entity_id`

// placeKey names a place across articles: its norm (else text), any case,
// and country.
const placeKey = `lower(coalesce(p.norm, p.text)) || '|' || coalesce(p.country, e.country, '')`

// ErrDate is returned for a date option that is not YYYY-MM-DD.
var ErrDate = errors.New("want a date YYYY-MM-DD")

// Build reads the report from db.
func Build(ctx context.Context, db *sql.DB, o Options) (*Report, error) {
	if o.RowLimit <= 0 {
		o.RowLimit = DefaultRowLimit
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	r := &Report{Generated: now().UTC().Format(time.RFC3339)}
	// One connection: the claims in scope go once into a temporary table
	// (with their day and place), which every section then reads, instead
	// of each section joining claims, articles, arguments and entities
	// again.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer conn.Close()
	sc, err := r.scope(ctx, conn, o)
	if err != nil {
		return nil, err
	}
	b := builder{ctx: ctx, db: conn, sc: sc, r: r, o: o}
	if err := b.materialize(); err != nil {
		return nil, fmt.Errorf("report: claims in scope: %w", err)
	}
	defer func() {
		// The connection goes back to the pool: leave it as it was.
		for _, q := range []string{"DROP TABLE IF EXISTS temp.rc", "PRAGMA mmap_size = 0", "PRAGMA cache_size = -2000"} {
			conn.ExecContext(context.WithoutCancel(ctx), q)
		}
	}()
	for _, step := range []func() error{b.counts, b.cells, b.rows, b.casualties, b.pairs, b.roles, b.speakers, b.errors} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	return r, nil
}

// materialize writes the claims in scope into temp.rc: id, article,
// kind, certainty, day (dayExpr) and first place (key, name, lowercased
// name, country, coordinates).
func (b *builder) materialize() error {
	for _, q := range []string{
		// A one-off reader of much of the file: a large cache and the
		// file mapped into memory save a read call per page.
		"PRAGMA cache_size = -262144",
		"PRAGMA mmap_size = 4294967296",
		"PRAGMA temp_store = MEMORY",
		"DROP TABLE IF EXISTS temp.rc",
		`CREATE TEMP TABLE rc (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, kind TEXT NOT NULL, certainty TEXT NOT NULL,
			day TEXT NOT NULL, pkey TEXT NOT NULL, pname TEXT NOT NULL, plow TEXT NOT NULL, pcountry TEXT NOT NULL, lat REAL, lon REAL)`,
	} {
		if _, err := b.db.ExecContext(b.ctx, q); err != nil {
			return err
		}
	}
	_, err := b.db.ExecContext(b.ctx, `INSERT INTO temp.rc SELECT c.id, c.article_id, c.kind, coalesce(c.certainty, ''), `+dayExpr+`,
			coalesce(`+placeKey+`, ''), coalesce(p.norm, p.text, ''), lower(coalesce(p.norm, p.text, '')),
			coalesce(p.country, e.country, ''), e.lat, e.lon
		FROM claims c JOIN articles a ON a.id = c.article_id `+placeJoin+`
		WHERE `+b.sc.sql(), b.sc.args...)
	if err != nil {
		return err
	}
	return nil
}

type builder struct {
	ctx context.Context
	db  *sql.Conn
	sc  scope
	r   *Report
	o   Options
	// article ids in the order of Page.Articles
	artIndex map[int64]int
	// place keys in the order of Page.Places
	placeIndex map[string]int
	// titles are each person's most frequent title in a role claim, by
	// lowercased name (roles sets it for speakers)
	titles map[string]string
}

// scope turns the options into the SQL condition and the words for it.
func (r *Report) scope(ctx context.Context, db *sql.Conn, o Options) (scope, error) {
	var sc scope
	var words []string
	for _, d := range []struct{ name, v, op string }{{"since", o.Since, ">="}, {"until", o.Until, "<="}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return sc, fmt.Errorf("report: --%s %q: %w", d.name, d.v, ErrDate)
		}
		sc = sc.and(dayExpr+" "+d.op+" ?", d.v)
		words = append(words, d.name+" "+d.v)
	}
	if o.Kind != "" {
		sc = sc.and("c.kind = ?", o.Kind)
		words = append(words, "kind "+o.Kind)
	}
	if o.Place != "" {
		sc = sc.and(`EXISTS (SELECT 1 FROM claim_args pf WHERE pf.claim_id = c.id AND pf.role = 'place'
			AND (pf.norm = ? OR pf.text = ? COLLATE NOCASE))`, o.Place, o.Place)
		words = append(words, "place "+o.Place)
	}
	r.Filters = strings.Join(words, ", ")
	if o.All || o.Since != "" || o.Until != "" {
		r.Scope = "the whole database"
		return sc, nil
	}
	// The last run that stored articles; its articles are the id range
	// ingested between its start and finish (runs never overlap: ingest
	// holds a lock).
	var run Run
	var fin sql.NullString
	err := db.QueryRowContext(ctx, `SELECT id, started_at, finished_at, seen, stored, skipped, failed FROM runs
		WHERE stored > 0 ORDER BY id DESC LIMIT 1`).Scan(&run.ID, &run.StartedAt, &fin, &run.Seen, &run.Stored, &run.Skipped, &run.Failed)
	if errors.Is(err, sql.ErrNoRows) {
		r.Scope = "the whole database (no run has stored articles)"
		return sc, nil
	}
	if err != nil {
		return sc, fmt.Errorf("report: last run: %w", err)
	}
	run.FinishedAt = fin.String
	lo, hi, err := runArticles(ctx, db, run.StartedAt)
	if err != nil {
		return sc, fmt.Errorf("report: articles of run %d: %w", run.ID, err)
	}
	r.Run = &run
	var last int64
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM runs").Scan(&last); err != nil {
		return sc, fmt.Errorf("report: runs: %w", err)
	}
	r.Scope = fmt.Sprintf("the articles stored by run %d", run.ID)
	if last != run.ID {
		r.Scope += fmt.Sprintf(" (the last run that stored any; run %d stored none)", last)
	}
	return sc.and("c.article_id BETWEEN ? AND ?", lo, hi), nil
}

// runArticles returns the id range of the articles stored since started,
// the start of the last run that stored any: every later run stored none,
// so they are the articles from the first one ingested at or after
// started to the last. Ids grow with ingested_at (one writer at a time,
// in order), so the first is found by bisecting on ids, each step one
// rowid lookup: no scan of the articles, whose rows hold the whole text.
// lo > hi when there are none.
func runArticles(ctx context.Context, db *sql.Conn, started string) (lo, hi int64, err error) {
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM articles").Scan(&hi); err != nil {
		return 0, 0, err
	}
	// The first id whose ingested_at is at or after started, in (a, b].
	a, b := int64(0), hi+1
	for b-a > 1 {
		m := a + (b-a)/2
		var at string
		var id int64
		err := db.QueryRowContext(ctx, "SELECT id, ingested_at FROM articles WHERE id >= ? ORDER BY id LIMIT 1", m).Scan(&id, &at)
		if errors.Is(err, sql.ErrNoRows) {
			b = m
			continue
		}
		if err != nil {
			return 0, 0, err
		}
		if at >= started {
			b = m
		} else {
			a = id
		}
	}
	return b, hi, nil
}

func (b *builder) query(q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := b.db.QueryContext(b.ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (b *builder) counts() error {
	r := b.r
	err := b.query(`SELECT kind, count(*) FROM temp.rc GROUP BY kind ORDER BY count(*) DESC, kind`, nil, func(rows *sql.Rows) error {
		var k KindCount
		if err := rows.Scan(&k.Kind, &k.N); err != nil {
			return err
		}
		r.ByKind = append(r.ByKind, k)
		r.ClaimCount += k.N
		return nil
	})
	if err != nil {
		return fmt.Errorf("claim counts: %w", err)
	}
	// Articles: those in scope with or without claims when the scope is
	// a run; with claims otherwise.
	q := `SELECT count(DISTINCT article_id) FROM temp.rc`
	if r.Run != nil && r.Filters == "" {
		q = `SELECT count(*) FROM articles WHERE id BETWEEN ? AND ?`
		n := len(b.sc.args)
		return b.db.QueryRowContext(b.ctx, q, b.sc.args[n-2], b.sc.args[n-1]).Scan(&r.Articles)
	}
	if r.Run == nil && r.Filters == "" {
		q = `SELECT count(*) FROM articles`
		return b.db.QueryRowContext(b.ctx, q).Scan(&r.Articles)
	}
	return b.db.QueryRowContext(b.ctx, q).Scan(&r.Articles)
}

// cells counts claims by day, kind, certainty and place: the page draws
// the timeline and the map from them, and recounts them under its filters.
func (b *builder) cells() error {
	p := &b.r.Page
	p.EventKinds = EventKinds
	kinds := map[string]int{}
	for _, k := range EventKinds {
		kinds[k] = len(p.Kinds)
		p.Kinds = append(p.Kinds, k)
	}
	certs := map[string]int{}
	days := map[string]int{}
	b.placeIndex = map[string]int{}
	type raw struct {
		day, kind, cert, place string
		n                      int
	}
	var cells []raw
	// One scan: grouped here, a map lookup per claim, rather than by
	// SQLite's sorter; each row comes as one text (fewer values to
	// convert than eight columns), and only a new key allocates.
	seen := make(map[string]int, 1<<15) // row text -> index in cells
	var key sql.RawBytes
	err := b.query(`SELECT day || char(31) || kind || char(31) || certainty || char(31) || pkey || char(31) || pname
			|| char(31) || pcountry || char(31) || coalesce(lat, '') || char(31) || coalesce(lon, '') FROM temp.rc`, nil,
		func(rows *sql.Rows) error {
			if err := rows.Scan(&key); err != nil {
				return err
			}
			if i, ok := seen[string(key)]; ok {
				cells[i].n++
				return nil
			}
			f := strings.Split(string(key), "\x1f")
			if len(f) != 8 {
				return fmt.Errorf("cell key %q", key)
			}
			x := raw{f[0], f[1], f[2], f[3], 1}
			seen[string(key)] = len(cells)
			cells = append(cells, x)
			if _, ok := kinds[x.kind]; !ok {
				kinds[x.kind] = -1
			}
			certs[x.cert] = 0
			days[x.day] = 0
			if x.place == "" {
				return nil
			}
			i, ok := b.placeIndex[x.place]
			if !ok {
				i = len(p.Places)
				b.placeIndex[x.place] = i
				p.Places = append(p.Places, []any{f[4], f[5], nil, nil})
			}
			lat, err1 := strconv.ParseFloat(f[6], 64)
			lon, err2 := strconv.ParseFloat(f[7], 64)
			if err1 == nil && err2 == nil && p.Places[i][2] == nil {
				p.Places[i][2], p.Places[i][3] = round4(lat), round4(lon)
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("cells: %w", err)
	}
	// Other kinds after the event kinds, by name; certainties and days
	// sorted, so the page is the same for the same database.
	var others []string
	for k, i := range kinds {
		if i < 0 {
			others = append(others, k)
		}
	}
	sort.Strings(others)
	for _, k := range others {
		kinds[k] = len(p.Kinds)
		p.Kinds = append(p.Kinds, k)
	}
	p.Certainties = sortedIndex(certs)
	p.Days = sortedIndex(days)
	// Rows with and without coordinates for one place are one cell.
	merged := make(map[[4]int]int, len(cells))
	for _, x := range cells {
		pl := -1
		if x.place != "" {
			pl = b.placeIndex[x.place]
		}
		merged[[4]int{days[x.day], kinds[x.kind], certs[x.cert], pl}] += x.n
	}
	p.Cells = make([][5]int, 0, len(merged))
	for k, n := range merged {
		p.Cells = append(p.Cells, [5]int{k[0], k[1], k[2], k[3], n})
	}
	sort.Slice(p.Cells, func(i, j int) bool {
		a, c := p.Cells[i], p.Cells[j]
		for k := range 4 {
			if a[k] != c[k] {
				return a[k] < c[k]
			}
		}
		return false
	})
	return nil
}

// sortedIndex sorts the keys of m and sets each one's value to its index.
func sortedIndex(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		m[k] = i
	}
	return keys
}

func round4(f float64) float64 {
	return float64(int64(f*1e4+copySign(0.5, f))) / 1e4
}

func copySign(v, sign float64) float64 {
	if sign < 0 {
		return -v
	}
	return v
}

// rows lists the claims, latest day first, at most RowLimit, with their
// evidence split into plain and argument segments.
func (b *builder) rows() error {
	p := &b.r.Page
	p.RowsTotal = b.r.ClaimCount
	kinds := indexOf(p.Kinds)
	certs := indexOf(p.Certainties)
	days := indexOf(p.Days)
	b.artIndex = map[int64]int{}
	type claim struct {
		row        Row
		start, end int
		text       string
		art        int64
	}
	var cs []claim
	byID := map[int64]int{}
	var artIDs []int64
	err := b.query(`SELECT rc.id, rc.day, rc.kind, rc.certainty, rc.pkey, rc.article_id, c.text, c.span_start, c.span_end
		FROM (SELECT * FROM temp.rc ORDER BY day DESC, article_id DESC, id LIMIT ?) rc JOIN claims c ON c.id = rc.id
		ORDER BY rc.day DESC, rc.article_id DESC, c.span_start, rc.id`, []any{b.o.RowLimit}, func(rows *sql.Rows) error {
		var c claim
		var day, kind, cert, place string
		if err := rows.Scan(&c.row.ID, &day, &kind, &cert, &place, &c.art, &c.text, &c.start, &c.end); err != nil {
			return err
		}
		pl := -1
		if place != "" {
			pl = b.placeIndex[place]
		}
		ai, ok := b.artIndex[c.art]
		if !ok {
			ai = len(artIDs)
			b.artIndex[c.art] = ai
			artIDs = append(artIDs, c.art)
		}
		c.row.F = [7]int{days[day], kinds[kind], certs[cert], pl, ai, 0, 0}
		byID[c.row.ID] = len(cs)
		cs = append(cs, c)
		return nil
	})
	if err != nil {
		return fmt.Errorf("claim rows: %w", err)
	}
	ids := make([]any, len(cs))
	for i, c := range cs {
		ids[i] = c.row.ID
	}
	type arg struct {
		role, text string
		start, end int
	}
	args := make([][]arg, len(cs))
	err = chunked(ids, func(ph string, chunk []any) error {
		return b.query(`SELECT claim_id, role, text, coalesce(norm, ''), value, coalesce(qualifier, ''), span_start, span_end
			FROM claim_args WHERE claim_id IN (`+ph+`) ORDER BY claim_id, span_start, id`, chunk, func(rows *sql.Rows) error {
			var id int64
			var a arg
			var norm, qual string
			var v sql.NullFloat64
			if err := rows.Scan(&id, &a.role, &a.text, &norm, &v, &qual, &a.start, &a.end); err != nil {
				return err
			}
			i := byID[id]
			args[i] = append(args[i], a)
			w := clip(a.text, 80) // the evidence above shows it whole
			if norm != "" && !strings.EqualFold(norm, a.text) {
				w += " (" + clip(norm, 80) + ")"
			}
			if cs[i].row.Arg != "" {
				cs[i].row.Arg += "; "
			}
			cs[i].row.Arg += a.role + ": " + w
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("claim arguments: %w", err)
	}
	// Support: how many other articles corroborate or contradict each row.
	err = chunked(ids, func(ph string, chunk []any) error {
		q := `SELECT claim_id, relation, count(DISTINCT other) FROM (
			SELECT claim_a AS claim_id, article_b AS other, relation FROM claim_pairs WHERE claim_a IN (` + ph + `)
			UNION ALL SELECT claim_b, article_a, relation FROM claim_pairs WHERE claim_b IN (` + ph + `))
			GROUP BY claim_id, relation`
		return b.query(q, append(append([]any(nil), chunk...), chunk...), func(rows *sql.Rows) error {
			var id int64
			var rel string
			var n int
			if err := rows.Scan(&id, &rel, &n); err != nil {
				return err
			}
			f := &cs[byID[id]].row.F
			if rel == "corroborates" {
				f[5] = n
			} else {
				f[6] = n
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("claim support: %w", err)
	}
	for i := range cs {
		segs := make([]span, 0, len(args[i]))
		for _, a := range args[i] {
			segs = append(segs, span{a.start - cs[i].start, a.end - cs[i].start, a.role})
		}
		cs[i].row.Ev = segments(cs[i].text, segs)
		p.Rows = append(p.Rows, cs[i].row)
	}
	// The rows' articles.
	p.Articles = make([][4]string, len(artIDs))
	aids := make([]any, len(artIDs))
	for i, id := range artIDs {
		aids[i] = id
	}
	err = chunked(aids, func(ph string, chunk []any) error {
		return b.query(`SELECT id, coalesce(title, ''), coalesce(publisher, ''), coalesce(published_at, ''), coalesce(url, '')
			FROM articles WHERE id IN (`+ph+`)`, chunk, func(rows *sql.Rows) error {
			var id int64
			var a [4]string
			if err := rows.Scan(&id, &a[0], &a[1], &a[2], &a[3]); err != nil {
				return err
			}
			a[3] = safeURL(a[3])
			p.Articles[b.artIndex[id]] = a
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	if p.RowsTotal > len(p.Rows) {
		b.r.LeftOut = append(b.r.LeftOut, fmt.Sprintf("Claims: the page lists the latest %d of %d claims; its filters and "+
			"search look at those only (the timeline and map count all %d). Narrow the report with --since, --until, "+
			"--place or --kind to list others.", len(p.Rows), p.RowsTotal, p.RowsTotal))
	}
	return nil
}

// clip shortens s to n code points, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func indexOf(xs []string) map[string]int {
	m := make(map[string]int, len(xs))
	for i, x := range xs {
		m[x] = i
	}
	return m
}

// chunked calls f with the ids in chunks of at most 400 and their
// placeholders.
func chunked(ids []any, f func(ph string, chunk []any) error) error {
	const n = 400
	for i := 0; i < len(ids); i += n {
		chunk := ids[i:min(i+n, len(ids))]
		if err := f(strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ","), chunk); err != nil {
			return err
		}
	}
	return nil
}

// span is an argument's place in the evidence, in code points from its
// start.
type span struct {
	start, end int
	role       string
}

// segments splits text into plain segments [text] and argument segments
// [text, role]. Spans count code points; one outside the text, or
// overlapping an earlier one, is left unhighlighted.
func segments(text string, spans []span) [][]string {
	runes := []rune(text)
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	out := [][]string{}
	at := 0
	for _, s := range spans {
		if s.start < at || s.end > len(runes) || s.end <= s.start {
			continue
		}
		if s.start > at {
			out = append(out, []string{string(runes[at:s.start])})
		}
		out = append(out, []string{string(runes[s.start:s.end]), s.role})
		at = s.end
	}
	if at < len(runes) {
		out = append(out, []string{string(runes[at:])})
	}
	return out
}

// safeURL keeps http and https URLs only: an article's URL becomes a link,
// and a javascript: URL must not.
func safeURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return strings.TrimSpace(u)
	}
	return ""
}

// casualties groups casualty claims by country, place and outcome.
func (b *builder) casualties() error {
	type key struct{ country, place, outcome string }
	type fig struct {
		v    float64
		qual string
	}
	type acc struct {
		g        *CasualtyGroup
		articles map[int64]bool
		figures  map[fig]map[int64]bool
	}
	groups := map[key]*acc{}
	var order []key
	byClaim := map[int64]*acc{}
	// One pass over the casualty claims, grouped here (a map per group is
	// cheaper than three grouped queries joining the arguments again).
	err := b.query(`SELECT c.id, c.article_id, c.pcountry, c.pname, c.plow, c.day,
			coalesce(o.norm, o.text, ''), n.value, coalesce(n.qualifier, 'exact')
		FROM temp.rc c
		LEFT JOIN claim_args o ON o.claim_id = c.id AND o.role = 'outcome' AND o.ord = 0
		LEFT JOIN claim_args n ON n.claim_id = c.id AND n.role = 'count' AND n.ord = 0
		WHERE c.kind = 'casualty'`, nil, func(rows *sql.Rows) error {
		var id, art int64
		var country, place, placeLow, day, outcome, qual string
		var v sql.NullFloat64
		if err := rows.Scan(&id, &art, &country, &place, &placeLow, &day, &outcome, &v, &qual); err != nil {
			return err
		}
		k := key{country, placeLow, strings.ToLower(outcome)}
		x := groups[k]
		if x == nil {
			x = &acc{g: &CasualtyGroup{Country: country, Place: place, Outcome: outcome}, articles: map[int64]bool{}, figures: map[fig]map[int64]bool{}}
			groups[k] = x
			order = append(order, k)
		}
		byClaim[id] = x
		g := x.g
		g.Claims++
		x.articles[art] = true
		if day != "" && (g.FirstDay == "" || day < g.FirstDay) {
			g.FirstDay = day
		}
		if day > g.LastDay {
			g.LastDay = day
		}
		if v.Valid {
			f := fig{v.Float64, qual}
			if x.figures[f] == nil {
				x.figures[f] = map[int64]bool{}
			}
			x.figures[f][art] = true
			lo, hi := bounds(v.Float64, qual)
			if lo != nil && (g.Lo == nil || *lo > *g.Lo) {
				g.Lo = lo
			}
			if hi != nil && (g.Hi == nil || *hi < *g.Hi) {
				g.Hi = hi
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("casualties: %w", err)
	}
	// Pairs count for the group of their newer claim (claim_b; the two
	// share the key they matched on).
	err = b.query(`SELECT cp.claim_b, cp.relation FROM temp.rc c JOIN claim_pairs cp ON cp.claim_b = c.id
		WHERE c.kind = 'casualty'`, nil, func(rows *sql.Rows) error {
		var id int64
		var rel string
		if err := rows.Scan(&id, &rel); err != nil {
			return err
		}
		if x := byClaim[id]; x != nil {
			if rel == "corroborates" {
				x.g.Corroborations++
			} else {
				x.g.Contradictions++
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("casualty pairs: %w", err)
	}
	totals := map[string]*CountryTotal{}
	countryArticles := map[string]map[int64]bool{}
	countryPlaces := map[string]map[string]bool{}
	for _, k := range order {
		x := groups[k]
		x.g.Articles = len(x.articles)
		t := totals[k.country]
		if t == nil {
			t = &CountryTotal{}
			totals[k.country] = t
			countryArticles[k.country] = map[int64]bool{}
			countryPlaces[k.country] = map[string]bool{}
		}
		t.Claims += x.g.Claims
		t.Corroborations += x.g.Corroborations
		t.Contradictions += x.g.Contradictions
		for a := range x.articles {
			countryArticles[k.country][a] = true
		}
		if k.place != "" {
			countryPlaces[k.country][k.place] = true
		}
		for f, arts := range x.figures {
			x.g.Figures = append(x.g.Figures, Figure{Value: f.v, Qualifier: f.qual, Articles: len(arts)})
		}
	}
	for _, k := range order {
		g := groups[k].g
		if g.Place == "" || !withinDays(g.FirstDay, g.LastDay, sameEventDays) {
			g.Lo, g.Hi = nil, nil
		}
		if g.Lo != nil && g.Hi != nil && *g.Lo > *g.Hi {
			g.Conflict = true
		}
		sort.Slice(g.Figures, func(i, j int) bool {
			if g.Figures[i].Value != g.Figures[j].Value {
				return g.Figures[i].Value < g.Figures[j].Value
			}
			return g.Figures[i].Qualifier < g.Figures[j].Qualifier
		})
		b.r.Casualties = append(b.r.Casualties, *g)
	}
	cs := b.r.Casualties
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Country != cs[j].Country { // no country last
			return cs[j].Country == "" || cs[i].Country != "" && cs[i].Country < cs[j].Country
		}
		if (cs[i].Place == "") != (cs[j].Place == "") {
			return cs[j].Place == ""
		}
		if cs[i].Claims != cs[j].Claims {
			return cs[i].Claims > cs[j].Claims
		}
		return strings.ToLower(cs[i].Place+"|"+cs[i].Outcome) < strings.ToLower(cs[j].Place+"|"+cs[j].Outcome)
	})
	for i := range cs {
		if i == 0 || cs[i].Country != cs[i-1].Country {
			t := totals[cs[i].Country]
			t.Articles, t.Places = len(countryArticles[cs[i].Country]), len(countryPlaces[cs[i].Country])
			cs[i].Total = t
		}
	}
	if len(cs) > maxCasualtyGroups {
		b.r.LeftOut = append(b.r.LeftOut, fmt.Sprintf("Casualties: %d places and outcomes, the first %d by country shown.", len(cs), maxCasualtyGroups))
		b.r.Casualties = cs[:maxCasualtyGroups]
	}
	return nil
}

// sameEventDays is how far apart, in days, casualty figures at one place
// may be and still be taken for one event (as for contradictions: the
// same or the next day).
const sameEventDays = 1

// withinDays says whether two YYYY-MM-DD days are known and at most n
// days apart.
func withinDays(a, b string, n int) bool {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	return err1 == nil && err2 == nil && tb.Sub(ta) <= time.Duration(n)*24*time.Hour
}

// bounds are the lower and upper bound a qualified figure states: "at
// least 27" is a lower bound, "at most 30" an upper one, "27" both, "about
// 30" neither.
func bounds(v float64, qual string) (lo, hi *float64) {
	switch qual {
	case "exact", "":
		return &v, &v
	case "at_least", "more_than":
		return &v, nil
	case "at_most", "less_than":
		return nil, &v
	}
	return nil, nil
}

// pairs lists corroborations and contradictions whose newer claim is in
// scope, latest first.
func (b *builder) pairs() error {
	for _, rel := range []string{"corroborates", "contradicts"} {
		var total int
		if err := b.db.QueryRowContext(b.ctx, `SELECT count(*) FROM temp.rc JOIN claim_pairs cp ON cp.claim_b = rc.id
			WHERE cp.relation = ?`, rel).Scan(&total); err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		var out []Pair
		err := b.query(`SELECT cp.kind, cp.key, cp.value_a, coalesce(cp.qualifier_a, ''), cp.value_b, coalesce(cp.qualifier_b, ''),
				cp.compatible, ca.text, coalesce(aa.title, ''), coalesce(aa.url, ''), coalesce(date(cp.day_a * 86400, 'unixepoch'), ''),
				c.text, coalesce(a.title, ''), coalesce(a.url, ''), coalesce(date(cp.day_b * 86400, 'unixepoch'), '')
			FROM (SELECT cp.* FROM temp.rc JOIN claim_pairs cp ON cp.claim_b = rc.id WHERE cp.relation = ?
				ORDER BY cp.article_b DESC, cp.claim_b, cp.claim_a LIMIT ?) cp
			JOIN claims c ON c.id = cp.claim_b JOIN articles a ON a.id = c.article_id
			JOIN claims ca ON ca.id = cp.claim_a JOIN articles aa ON aa.id = ca.article_id
			ORDER BY cp.article_b DESC, cp.claim_b, cp.claim_a`, []any{rel, maxPairs}, func(rows *sql.Rows) error {
			var p Pair
			var va, vb sql.NullFloat64
			var qa, qb string
			var compat sql.NullBool
			if err := rows.Scan(&p.Kind, &p.Key, &va, &qa, &vb, &qb, &compat, &p.A.Evidence, &p.A.Title, &p.A.URL, &p.A.Date,
				&p.B.Evidence, &p.B.Title, &p.B.URL, &p.B.Date); err != nil {
				return err
			}
			p.A.Value, p.B.Value = figure(va, qa), figure(vb, qb)
			p.A.URL, p.B.URL = safeURL(p.A.URL), safeURL(p.B.URL)
			p.Compatible, p.CompatibleKnow = compat.Bool, compat.Valid
			out = append(out, p)
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		name := "Corroborations"
		if rel == "contradicts" {
			name = "Contradictions"
			b.r.Contra = out
		} else {
			b.r.Corrob = out
		}
		if total > len(out) {
			b.r.LeftOut = append(b.r.LeftOut, fmt.Sprintf("%s: the latest %d of %d pairs shown.", name, len(out), total))
		}
	}
	return nil
}

// figure writes a value with its qualifier: "at least 27".
func figure(v sql.NullFloat64, qual string) string {
	if !v.Valid {
		return ""
	}
	s := FormatNumber(v.Float64)
	if w := QualifierWords[qual]; w != "" {
		s = w + " " + s
	}
	return s
}

// QualifierWords are the qualifiers as the page writes them.
var QualifierWords = map[string]string{"at_least": "at least", "more_than": "more than", "about": "about",
	"at_most": "at most", "less_than": "less than"}

// FormatNumber writes 1234567 as "1,234,567" and 2.5 as "2.5".
func FormatNumber(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// speakers groups statements by speaker, most statements first, with each
// speaker's latest statements and title (from roles, which runs first).
func (b *builder) speakers() error {
	type stmt struct {
		id       int64
		day      string
		cert     string
		position int
	}
	type acc struct {
		key      string
		s        Speaker
		articles map[int64]bool
		latest   []stmt // newest first, at most statementsPerSpeaker
	}
	byKey := map[string]*acc{}
	err := b.query(`SELECT c.id, c.article_id, c.day, c.certainty, coalesce(sp.norm, sp.text)
		FROM temp.rc c JOIN claim_args sp ON sp.claim_id = c.id AND sp.role = 'speaker' AND sp.ord = 0
		WHERE c.kind = 'statement'`, nil, func(rows *sql.Rows) error {
		var st stmt
		var art int64
		var name string
		if err := rows.Scan(&st.id, &art, &st.day, &st.cert, &name); err != nil {
			return err
		}
		k := strings.ToLower(name)
		x := byKey[k]
		if x == nil {
			x = &acc{key: k, s: Speaker{Name: name}, articles: map[int64]bool{}}
			byKey[k] = x
		}
		x.s.Statements++
		x.articles[art] = true
		newer := func(a, b stmt) bool { return a.day > b.day || a.day == b.day && a.id > b.id }
		i := len(x.latest)
		for i > 0 && newer(st, x.latest[i-1]) {
			i--
		}
		if i < statementsPerSpeaker {
			x.latest = append(x.latest[:i], append([]stmt{st}, x.latest[i:]...)...)
			if len(x.latest) > statementsPerSpeaker {
				x.latest = x.latest[:statementsPerSpeaker]
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("speakers: %w", err)
	}
	all := make([]*acc, 0, len(byKey))
	for _, x := range byKey {
		all = append(all, x)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s.Statements != all[j].s.Statements {
			return all[i].s.Statements > all[j].s.Statements
		}
		return all[i].key < all[j].key
	})
	if len(all) > maxSpeakers {
		b.r.LeftOut = append(b.r.LeftOut, fmt.Sprintf("Statements: the %d speakers with most statements of %d shown.", maxSpeakers, len(all)))
		all = all[:maxSpeakers]
	}
	// The chosen statements' text, content and article.
	type where struct{ speaker, n int }
	at := map[int64]where{}
	var ids []any
	for i, x := range all {
		x.s.Articles = len(x.articles)
		x.s.Title = b.titles[x.key]
		x.s.Latest = make([]Statement, len(x.latest))
		for j, st := range x.latest {
			x.s.Latest[j] = Statement{Date: st.day, Certainty: st.cert}
			at[st.id] = where{i, j}
			ids = append(ids, st.id)
		}
	}
	err = chunked(ids, func(ph string, chunk []any) error {
		return b.query(`SELECT cl.id, coalesce(co.text, ''), cl.text, coalesce(a.title, ''), coalesce(a.url, '')
			FROM claims cl JOIN articles a ON a.id = cl.article_id
			LEFT JOIN claim_args co ON co.claim_id = cl.id AND co.role = 'content' AND co.ord = 0
			WHERE cl.id IN (`+ph+`)`, chunk, func(rows *sql.Rows) error {
			var id int64
			var content, text, title, url string
			if err := rows.Scan(&id, &content, &text, &title, &url); err != nil {
				return err
			}
			w := at[id]
			s := &all[w.speaker].s.Latest[w.n]
			s.Content, s.Evidence, s.Title, s.URL = content, text, title, safeURL(url)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("statements: %w", err)
	}
	for _, x := range all {
		b.r.Speakers = append(b.r.Speakers, x.s)
	}
	return nil
}

// roles lists who holds which office, most articles first, and notes each
// person's most frequent title for the speakers.
func (b *builder) roles() error {
	type acc struct {
		r        Role
		key      string
		articles map[int64]bool
	}
	groups := map[string]*acc{}
	titleCounts := map[string]map[string]int{}
	var cur struct {
		id, art  int64
		day      string
		vals     [5]string // person, title, status, organization, place
		seenArgs bool
	}
	slot := map[string]int{"person": 0, "title": 1, "status": 2, "organization": 3, "place": 4}
	flush := func() {
		if !cur.seenArgs {
			return
		}
		v := cur.vals
		k := strings.ToLower(strings.Join(v[:], "\x00"))
		x := groups[k]
		if x == nil {
			x = &acc{r: Role{Person: v[0], Title: v[1], Status: v[2], Organization: v[3], Place: v[4]}, key: k, articles: map[int64]bool{}}
			groups[k] = x
		}
		x.articles[cur.art] = true
		if cur.day > x.r.Last {
			x.r.Last = cur.day
		}
		if v[0] != "" && v[1] != "" {
			p := strings.ToLower(v[0])
			if titleCounts[p] == nil {
				titleCounts[p] = map[string]int{}
			}
			titleCounts[p][v[1]]++
		}
	}
	// One pass over the role claims' arguments, in claim order.
	err := b.query(`SELECT c.id, c.article_id, c.day, g.role, coalesce(g.norm, g.text, '')
		FROM temp.rc c JOIN claim_args g ON g.claim_id = c.id
		WHERE c.kind = 'role' AND g.ord = 0 AND g.role IN ('person', 'title', 'status', 'organization', 'place')
		ORDER BY c.id`, nil, func(rows *sql.Rows) error {
		var id, art int64
		var day, role, val string
		if err := rows.Scan(&id, &art, &day, &role, &val); err != nil {
			return err
		}
		if id != cur.id {
			flush()
			cur.id, cur.art, cur.day, cur.vals, cur.seenArgs = id, art, day, [5]string{}, true
		}
		cur.vals[slot[role]] = val
		return nil
	})
	if err != nil {
		return fmt.Errorf("roles: %w", err)
	}
	flush()
	b.titles = map[string]string{}
	for p, ts := range titleCounts {
		best, n := "", 0
		for t, c := range ts {
			if c > n || c == n && t < best {
				best, n = t, c
			}
		}
		b.titles[p] = best
	}
	all := make([]*acc, 0, len(groups))
	for _, x := range groups {
		x.r.Articles = len(x.articles)
		all = append(all, x)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].r.Articles != all[j].r.Articles {
			return all[i].r.Articles > all[j].r.Articles
		}
		return all[i].key < all[j].key
	})
	if len(all) > maxRoles {
		b.r.LeftOut = append(b.r.LeftOut, fmt.Sprintf("Offices: the %d of %d person-office pairs stated in most articles shown.", maxRoles, len(all)))
		all = all[:maxRoles]
	}
	for _, x := range all {
		b.r.Roles = append(b.r.Roles, x.r)
	}
	return nil
}

// errors lists the failed inputs of the run (of every run when the report
// is not about one run).
func (b *builder) errors() error {
	q, args := `SELECT path, reason, at, count(*) OVER () FROM ingest_errors ORDER BY id DESC LIMIT ?`, []any{maxErrors}
	if b.r.Run != nil {
		q, args = `SELECT path, reason, at, count(*) OVER () FROM ingest_errors WHERE run_id = ? ORDER BY id DESC LIMIT ?`,
			[]any{b.r.Run.ID, maxErrors}
	}
	err := b.query(q, args, func(rows *sql.Rows) error {
		var e IngestError
		if err := rows.Scan(&e.Path, &e.Reason, &e.At, &b.r.ErrorCount); err != nil {
			return err
		}
		if !utf8.ValidString(e.Path) {
			e.Path = strings.ToValidUTF8(e.Path, "\uFFFD")
		}
		b.r.Errors = append(b.r.Errors, e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("ingest errors: %w", err)
	}
	if b.r.ErrorCount > len(b.r.Errors) {
		b.r.LeftOut = append(b.r.LeftOut, fmt.Sprintf("Failed inputs: the latest %d of %d shown.", len(b.r.Errors), b.r.ErrorCount))
	}
	return nil
}
