package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsclaims/newsclaims/extract"
)

var entityKinds = map[string]bool{
	extract.KindPlace: true, extract.KindPerson: true, extract.KindOrganization: true,
	extract.KindNumber: true, extract.KindDate: true,
}

var qualifiers = map[string]bool{
	"": true, extract.QualExact: true, extract.QualAtLeast: true, extract.QualMoreThan: true,
	extract.QualAbout: true, extract.QualAtMost: true, extract.QualLessThan: true,
}

// entityRef is what a claim argument borrows from the entity it names.
type entityRef struct {
	id      int64
	kind    string
	typ     string
	country string
}

// entityIndex finds the entity a claim argument refers to: first by the
// exact byte span, then by norm among places, persons and organizations.
type entityIndex struct {
	bySpan map[extract.Span][]entityRef
	byNorm map[string]entityRef
}

// roleKinds says which entity kind an argument role prefers when several
// entities share its span.
var roleKinds = map[string]string{
	"place": extract.KindPlace, "speaker": extract.KindPerson, "person": extract.KindPerson,
	"organization": extract.KindOrganization, "count": extract.KindNumber, "value": extract.KindNumber,
	"time": extract.KindDate, "deadline": extract.KindDate,
}

func (ix entityIndex) lookup(a extract.Arg) (entityRef, bool) {
	refs := ix.bySpan[a.Span]
	if want := roleKinds[a.Role]; want != "" {
		for _, r := range refs {
			if r.kind == want {
				return r, true
			}
		}
	}
	if len(refs) > 0 {
		return refs[0], true
	}
	if a.Norm != "" {
		r, ok := ix.byNorm[normKey(a.Norm)]
		if ok && (roleKinds[a.Role] == "" || roleKinds[a.Role] == r.kind) {
			return r, true
		}
	}
	return entityRef{}, false
}

// Insert statements, prepared once per DB and bound to each transaction
// with tx.StmtContext (database/sql reuses the prepared statement on the
// same connection).
const (
	insertEntitySQL = `INSERT INTO entities (article_id, kind, text, norm, value, value_max,
		qualifier, type, country, division, lat, lon, block, source, span_start, span_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertClaimSQL = `INSERT INTO claims (article_id, kind, text, rule, certainty,
		event_date, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertArgSQL = `INSERT INTO claim_args (claim_id, role, ord, text, norm, value,
		value_max, qualifier, entity_id, type, country, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertKeySQL = `INSERT OR IGNORE INTO claim_keys (claim_id, article_id, kind, key, fact,
		scope, extra, value, qualifier, lo, hi, tolerance, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertBlockSQL = "INSERT INTO blocks (article_id, seq, kind, span_start, span_end) VALUES (?, ?, ?, ?, ?)"
)

type statements struct {
	entity, claim, arg, key, block *sql.Stmt
	corroborations, contradictions *sql.Stmt
}

func (db *DB) prepare(ctx context.Context) error {
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&db.stmts.entity, insertEntitySQL}, {&db.stmts.claim, insertClaimSQL}, {&db.stmts.arg, insertArgSQL},
		{&db.stmts.key, insertKeySQL}, {&db.stmts.block, insertBlockSQL},
		{&db.stmts.corroborations, insertCorroborationsSQL}, {&db.stmts.contradictions, insertContradictionsSQL},
	} {
		st, err := db.db.PrepareContext(ctx, p.sql)
		if err != nil {
			return err
		}
		*p.dst = st
	}
	return nil
}

func (db *DB) closeStatements() {
	for _, st := range []*sql.Stmt{db.stmts.entity, db.stmts.claim, db.stmts.arg, db.stmts.key, db.stmts.block,
		db.stmts.corroborations, db.stmts.contradictions} {
		if st != nil {
			st.Close()
		}
	}
}

// insertExtraction stores r's entities and claims (with their arguments
// and keys) for one article, inside tx, and pairs them with earlier
// articles' claims; with later, also with later articles' (an article
// reprocessed, see repairPairs). o holds the article text.
func (db *DB) insertExtraction(ctx context.Context, stop func() error, tx *sql.Tx, articleID int64, o offsets, published string, r extract.Result, later bool) error {
	ix := entityIndex{bySpan: make(map[extract.Span][]entityRef, len(r.Entities)), byNorm: make(map[string]entityRef, len(r.Entities))}
	// A span's first entity is a one-element window of refs: one
	// allocation for the article, not one per entity (a second entity
	// of the same span copies out by append).
	refs := make([]entityRef, len(r.Entities))
	if len(r.Entities) > 0 {
		stmt := tx.StmtContext(ctx, db.stmts.entity)
		defer stmt.Close()
		for i, e := range r.Entities {
			if err := stop(); err != nil {
				return err
			}
			if !entityKinds[e.Kind] {
				return fmt.Errorf("entity %d %q: %w: kind %q", i, e.Text, ErrInvalid, e.Kind)
			}
			if !qualifiers[e.Qualifier] {
				return fmt.Errorf("entity %d %q: %w: qualifier %q", i, e.Text, ErrInvalid, e.Qualifier)
			}
			s, end, err := o.span(e.Start, e.End, e.Text)
			if err != nil {
				return fmt.Errorf("entity %d (%s): %w", i, e.Kind, err)
			}
			res, err := stmt.ExecContext(ctx, articleID, e.Kind, e.Text, nullString(e.Norm), nullFloat(e.Value),
				nullFloat(e.Max), nullString(e.Qualifier), nullString(e.Type), nullString(e.Country),
				nullString(e.Division), nullFloat(e.Lat), nullFloat(e.Lon), nullString(e.Block), nullString(e.Source), s, end)
			if err != nil {
				return fmt.Errorf("entity %d %q: %w", i, e.Text, err)
			}
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			ref := entityRef{id: id, kind: e.Kind, typ: e.Type, country: e.Country}
			refs[i] = ref
			if prev, ok := ix.bySpan[e.Span]; ok {
				ix.bySpan[e.Span] = append(prev, ref)
			} else {
				ix.bySpan[e.Span] = refs[i : i+1 : i+1]
			}
			if e.Norm != "" && (e.Kind == extract.KindPlace || e.Kind == extract.KindPerson || e.Kind == extract.KindOrganization) {
				if k := normKey(e.Norm); !hasKey(ix.byNorm, k) {
					ix.byNorm[k] = ref
				}
			}
		}
	}
	if len(r.Claims) == 0 {
		return nil
	}
	keys, err := db.insertClaims(ctx, stop, tx, articleID, o, published, r.Claims, ix)
	if err != nil || keys == 0 {
		return err // an article without claim keys pairs with nothing
	}
	if err := stop(); err != nil {
		return err
	}
	if later {
		return repairPairs(ctx, tx, articleID, db.stmts.corroborations, db.stmts.contradictions)
	}
	return insertPairs(ctx, tx, articleID, db.stmts.corroborations, db.stmts.contradictions)
}

// insertClaims stores claims with their arguments and keys, and returns
// how many keys it stored.
func (db *DB) insertClaims(ctx context.Context, stop func() error, tx *sql.Tx, articleID int64, o offsets, published string, claims []extract.Claim, ix entityIndex) (keys int, err error) {
	claimStmt := tx.StmtContext(ctx, db.stmts.claim)
	defer claimStmt.Close()
	argStmt := tx.StmtContext(ctx, db.stmts.arg)
	defer argStmt.Close()
	keyStmt := tx.StmtContext(ctx, db.stmts.key)
	defer keyStmt.Close()

	pubDate, pubDay, pubOK := day(published)
	var argBuf []storedArg // one claim's arguments at a time
	for i, c := range claims {
		if err := stop(); err != nil {
			return 0, err
		}
		if c.Kind == "" || c.Rule == "" {
			return 0, fmt.Errorf("claim %d %q: %w: empty kind or rule", i, c.Text, ErrInvalid)
		}
		s, e, err := o.span(c.Start, c.End, c.Text)
		if err != nil {
			return 0, fmt.Errorf("claim %d (%s, rule %s): %w", i, c.Kind, c.Rule, err)
		}
		// Check and convert all arguments before inserting anything of
		// the claim, and link them to entities.
		args := argBuf[:0]
		for j, a := range c.Args {
			if a.Role == "" {
				return 0, fmt.Errorf("claim %d (rule %s) arg %d %q: %w: empty role", i, c.Rule, j, a.Text, ErrInvalid)
			}
			if !qualifiers[a.Qualifier] {
				return 0, fmt.Errorf("claim %d (rule %s) arg %s %q: %w: qualifier %q", i, c.Rule, a.Role, a.Text, ErrInvalid, a.Qualifier)
			}
			as, ae, err := o.span(a.Start, a.End, a.Text)
			if err != nil {
				return 0, fmt.Errorf("claim %d (rule %s) arg %s: %w", i, c.Rule, a.Role, err)
			}
			// ord counts the earlier arguments of the role (a claim has
			// a handful: no map per claim).
			sa := storedArg{Arg: a, start: as, end: ae}
			for _, b := range c.Args[:j] {
				if b.Role == a.Role {
					sa.ord++
				}
			}
			if ref, ok := ix.lookup(a); ok {
				sa.entity = &ref
			}
			args = append(args, sa)
		}
		argBuf = args
		evDate, evDay, evOK := pubDate, pubDay, pubOK
		for _, a := range args {
			if a.Role == "time" && a.ord == 0 {
				if d, n, ok := day(a.Norm); ok {
					evDate, evDay, evOK = d, n, true
				}
			}
		}
		res, err := claimStmt.ExecContext(ctx, articleID, c.Kind, c.Text, c.Rule, nullString(c.Certainty),
			nullString(evDate), s, e)
		if err != nil {
			return 0, fmt.Errorf("claim %d (rule %s): %w", i, c.Rule, err)
		}
		claimID, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		for _, a := range args {
			var entityID, typ, country any
			if a.entity != nil {
				entityID, typ, country = a.entity.id, nullString(a.entity.typ), nullString(a.entity.country)
			}
			if _, err := argStmt.ExecContext(ctx, claimID, a.Role, a.ord, a.Text, nullString(a.Norm),
				nullFloat(a.Value), nullFloat(a.Max), nullString(a.Qualifier), entityID, typ, country, a.start, a.end); err != nil {
				return 0, fmt.Errorf("claim %d (rule %s) arg %s: %w", i, c.Rule, a.Role, err)
			}
		}
		var dayArg any
		if evOK {
			dayArg = evDay
		}
		for _, k := range claimKeys(c.Kind, args) {
			if _, err := keyStmt.ExecContext(ctx, claimID, articleID, c.Kind, k.key, nullString(k.fact),
				nullString(k.scope), nullString(k.extra), nullFloat(k.value), nullString(k.qualifier),
				nullFloat(k.lo), nullFloat(k.hi), k.tolerance, dayArg); err != nil {
				return 0, fmt.Errorf("claim %d (rule %s) key %s: %w", i, c.Rule, k.key, err)
			}
			keys++
		}
	}
	return keys, nil
}

// storedArg is an argument with its span in code points and the entity it
// names.
type storedArg struct {
	extract.Arg
	start, end int
	ord        int
	entity     *entityRef
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// normKey is the form norms and texts are compared in: lower case, single
// spaces.
func normKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
