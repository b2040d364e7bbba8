package store

import (
	"math"

	"github.com/newsclaims/newsclaims/extract"
)

// keyRow is one row of claim_keys: one thing a claim is about. Claims of
// different articles sharing a key are compared by the corroborations and
// contradictions views (migrations/0003_views.sql).
type keyRow struct {
	key       string
	fact      string // "", "timeless" or "dated"
	scope     string // country keys: "country" or "within"
	extra     string
	value     *float64
	qualifier string
	lo, hi    *float64
	tolerance float64
}

// Tolerances: how far apart two stated values may be and still be the same
// figure. Casualty counts are revised and rounded (27 vs "at least 25"),
// so 10%. A quantity's stated values are compared exactly: 340,000 and
// 375,000 for one town's population are a contradiction to review, even
// though "more than 340,000" allows 375,000; the view shows both
// qualifiers and whether the stated ranges overlap.
const (
	casualtyTolerance = 0.10
	quantityTolerance = 0
)

// claimKeys computes the keys of a claim from its arguments. Key text uses
// normKey forms of norms (or texts, when an argument has no norm). Kinds
// without keys (statement, role) are never compared across articles.
func claimKeys(kind string, args []storedArg) []keyRow {
	first := func(role string) *storedArg {
		for i := range args {
			if args[i].Role == role {
				return &args[i]
			}
		}
		return nil
	}
	name := func(a *storedArg) string {
		if a == nil {
			return ""
		}
		if a.Norm != "" {
			return normKey(a.Norm)
		}
		return normKey(a.Text)
	}
	var keys []keyRow
	switch kind {
	case "casualty":
		outcome := name(first("outcome"))
		if outcome == "" {
			return nil
		}
		base := keyRow{extra: name(first("victims")), tolerance: casualtyTolerance}
		if c := first("count"); c != nil {
			base.value, base.qualifier = c.Value, c.Qualifier
			base.lo, base.hi = argRange(c.Arg)
		}
		if p := first("place"); p != nil {
			k := base
			k.key, k.fact = outcome+"|place="+name(p), "dated"
			keys = append(keys, k)
			if p.entity != nil && p.entity.country != "" {
				k := base
				k.key, k.scope = outcome+"|country="+p.entity.country, "within"
				if p.entity.typ == "country" {
					k.scope = "country"
				}
				keys = append(keys, k)
			}
		}
		if s := first("source"); s != nil {
			// Two claims with places are compared by place; the source
			// key is for a claim without one ("27 children were killed,
			// UNICEF said"), else every "1 killed, police said" would
			// match every other.
			k := base
			k.key = outcome + "|source=" + name(s)
			if first("place") != nil {
				k.scope = "placed"
			}
			keys = append(keys, k)
		}
	case "quantity":
		subject, attribute := name(first("subject")), name(first("attribute"))
		v := first("value")
		if subject == "" || attribute == "" || v == nil || v.Value == nil {
			return nil
		}
		k := keyRow{key: attribute + "|subject=" + subject, fact: "timeless", tolerance: quantityTolerance,
			value: v.Value, qualifier: v.Qualifier}
		k.lo, k.hi = argRange(v.Arg)
		keys = append(keys, k)
	case "capture":
		if p := name(first("place")); p != "" {
			keys = append(keys, keyRow{key: "place=" + p, extra: name(first("actor"))})
		}
	case "attack":
		extra := name(first("actor"))
		if t := name(first("target")); t != "" {
			keys = append(keys, keyRow{key: "target=" + t, extra: extra})
		}
		if p := name(first("place")); p != "" {
			keys = append(keys, keyRow{key: "place=" + p, extra: extra})
		}
	case "surrender":
		if a := name(first("actor")); a != "" {
			keys = append(keys, keyRow{key: "actor=" + a, extra: name(first("recipient"))})
		}
	case "withdrawal":
		a, p := name(first("actor")), name(first("place"))
		switch {
		case a != "" && p != "":
			keys = append(keys, keyRow{key: "actor=" + a + "|place=" + p})
		case a != "":
			keys = append(keys, keyRow{key: "actor=" + a})
		}
	}
	return keys
}

// valueRange is the range of values a stated number allows: "more than
// 340,000" allows (340000, +inf). nil bounds are unbounded.
// argRange is valueRange of an argument: a range's stated ends ("80% to
// 90%") are its bounds, whatever the qualifier of its low end.
func argRange(a extract.Arg) (lo, hi *float64) {
	if a.Value != nil && a.Max != nil {
		l, h := *a.Value, *a.Max
		return &l, &h
	}
	return valueRange(a.Value, a.Qualifier)
}

func valueRange(v *float64, qualifier string) (lo, hi *float64) {
	if v == nil {
		return nil, nil
	}
	x := *v
	p := func(f float64) *float64 { return &f }
	switch qualifier {
	case extract.QualAtLeast:
		return p(x), nil
	case extract.QualMoreThan:
		return p(math.Nextafter(x, math.Inf(1))), nil
	case extract.QualAtMost:
		return nil, p(x)
	case extract.QualLessThan:
		return nil, p(math.Nextafter(x, math.Inf(-1)))
	case extract.QualAbout:
		a, b := x*0.9, x*1.1
		return p(min(a, b)), p(max(a, b))
	default: // exact or unstated
		return p(x), p(x)
	}
}
