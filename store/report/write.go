package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
)

var (
	//go:embed page.html
	pageHTML string
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string
	// The basemap, made by basemap/gen (make basemap) from Natural
	// Earth; see basemap/README.md.
	//go:embed basemap/world.svg
	worldSVG string
)

// page is what the template reads: the report, the page's own CSS and
// script, the basemap's paths and the JSON for the script.
type page struct {
	*Report
	CSS     template.CSS
	JS      template.JS
	Basemap template.HTML
	Data    template.JS
}

// Write renders r as one HTML page.
func Write(w io.Writer, r *Report) error {
	t, err := template.New("page").Funcs(template.FuncMap{
		"num":      func(n int) string { return FormatNumber(float64(n)) },
		"fig":      func(f Figure) string { return rangeSigns[f.Qualifier] + FormatNumber(f.Value) },
		"together": together,
		"plural": func(n int, word string) string {
			if n == 1 {
				return "1 " + word
			}
			return FormatNumber(float64(n)) + " " + word + "s"
		},
	}).Parse(pageHTML)
	if err != nil {
		return fmt.Errorf("report template: %w", err)
	}
	// encoding/json writes '<', '>' and '&' as \u003c, \u003e, \u0026 (and
	// U+2028, U+2029 escaped), so no string of the data can close the
	// script element or open a comment in it: the JSON goes in verbatim.
	// Empty tables as [], not null: the script iterates them.
	pd := r.Page
	pd.Kinds, pd.EventKinds, pd.Certainties, pd.Days = orEmpty(pd.Kinds), orEmpty(pd.EventKinds), orEmpty(pd.Certainties), orEmpty(pd.Days)
	if pd.Places == nil {
		pd.Places = [][]any{}
	}
	if pd.Cells == nil {
		pd.Cells = [][5]int{}
	}
	if pd.Rows == nil {
		pd.Rows = []Row{}
	}
	if pd.Articles == nil {
		pd.Articles = [][4]string{}
	}
	var data bytes.Buffer
	enc := json.NewEncoder(&data)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(pd); err != nil {
		return fmt.Errorf("report data: %w", err)
	}
	p := page{Report: r, CSS: template.CSS(pageCSS), JS: template.JS(pageJS),
		Basemap: template.HTML(basemapPaths()), Data: template.JS(bytes.TrimSpace(data.Bytes()))}
	return t.Execute(w, p)
}

func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// basemapPaths is the inside of the basemap SVG: its <path> elements.
func basemapPaths() string {
	s := worldSVG
	if i := strings.Index(s, ">"); i >= 0 && strings.HasPrefix(s, "<svg") {
		s = s[i+1:]
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "</svg>"))
}

// rangeSigns write a qualifier as the range it states: "at least 27" is
// "≥27".
var rangeSigns = map[string]string{"at_least": "≥", "more_than": ">", "about": "~", "at_most": "≤", "less_than": "<"}

// together writes the range all of a group's figures allow.
func together(g CasualtyGroup) string {
	switch {
	case g.Lo == nil && g.Hi == nil && g.Place == "":
		return "— (no place: other events)"
	case g.Lo == nil && g.Hi == nil && g.FirstDay != g.LastDay:
		return "— (several days)"
	case g.Lo == nil && g.Hi == nil:
		return "—"
	case g.Conflict:
		return fmt.Sprintf("conflicting: at least %s, at most %s", FormatNumber(*g.Lo), FormatNumber(*g.Hi))
	case g.Lo != nil && g.Hi != nil && *g.Lo == *g.Hi:
		return FormatNumber(*g.Lo)
	case g.Lo != nil && g.Hi != nil:
		return fmt.Sprintf("%s to %s", FormatNumber(*g.Lo), FormatNumber(*g.Hi))
	case g.Lo != nil:
		return "at least " + FormatNumber(*g.Lo)
	}
	return "at most " + FormatNumber(*g.Hi)
}
