package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Targets from issue 7.
const (
	targetRatio   = 10  // newsclaims at least 10x prose's pipeline (aim 20x)
	targetRSSMB   = 300 // peak RSS for any batch size
	targetQueryMS = 50  // each analyst query
)

func printReport(w io.Writer, r report) {
	fmt.Fprintf(w, "\nnewsclaims benchmark: %d CPUs, %s %s/%s\n", r.CPUs, r.GoVersion, r.GOOS, r.GOARCH)
	fmt.Fprintf(w, "corpus: %d articles (%d stories, varied copies), %.2f MB of text, %d JSONL files; from %v\n",
		r.Corpus.Articles, r.Stories, float64(r.Corpus.TextBytes)/1e6, r.Corpus.Files, r.Sources)
	fmt.Fprintf(w, "prose v2.0.0 baseline: NewDocument with one shared model (UsingModel), %d articles, 1 core, model load %.2fs not timed\n\n",
		r.Prose.Articles, r.Prose.LoadSecs)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	row := func(cells ...string) {
		for _, c := range cells {
			fmt.Fprint(tw, c, "\t")
		}
		fmt.Fprintln(tw)
	}
	f1 := func(v float64) string { return fmt.Sprintf("%.1f", v) }
	f0 := func(v float64) string { return fmt.Sprintf("%.0f", v) }
	x := func(v float64) string {
		if v < 1 {
			return fmt.Sprintf("%.2fx", v) // a latency far under its target
		}
		return fmt.Sprintf("%.1fx", v)
	}
	p := r.Prose
	row("figure", "newsclaims", "baseline", "baseline value", "ratio", "target")
	row(fmt.Sprintf("end-to-end ingest, %d CPUs, articles/s", r.CPUs), f1(r.Ingest.ArticlesPS), "prose, 1 core", f1(p.ArticlesPS), x(r.Ratios.IngestAllCores), "")
	row(fmt.Sprintf("end-to-end ingest, %d CPUs, MB/s", r.CPUs), fmt.Sprintf("%.3f", r.Ingest.MBPS), "prose, 1 core", fmt.Sprintf("%.3f", p.MBPS), x(r.Ratios.IngestAllCores), "")
	row("end-to-end ingest, 1 core in-process, articles/s", f1(r.Stages.ArticlesPS), "prose, 1 core", f1(p.ArticlesPS), x(r.Ratios.Pipeline1Core), fmt.Sprintf(">=%dx", targetRatio))
	row("extract only, 1 core, MB/s", fmt.Sprintf("%.3f", r.Stages.ExtractMBPS), "prose, 1 core", fmt.Sprintf("%.3f", p.MBPS), x(r.Ratios.Extract1Core), fmt.Sprintf(">=%dx", targetRatio))
	row("extract only, 1 core, tokens/s (own tokens)", f0(r.Stages.ExtractTokensPS), "prose tokens/s", f0(p.TokensPS), x(r.Ratios.ExtractTokens), fmt.Sprintf(">=%dx", targetRatio))
	row(fmt.Sprintf("peak RSS, %d articles, MB", r.Ingest.Articles), f0(r.Ingest.PeakRSSMB), "target", fmt.Sprint(targetRSSMB), x(r.Ingest.PeakRSSMB/targetRSSMB), fmt.Sprintf("<=%d MB", targetRSSMB))
	if r.Big != nil {
		row(fmt.Sprintf("peak RSS, %d articles, MB", r.Big.Articles), f0(r.Big.PeakRSSMB), fmt.Sprintf("RSS at %d", r.Ingest.Articles), f0(r.Ingest.PeakRSSMB), x(r.Big.PeakRSSMB/r.Ingest.PeakRSSMB), fmt.Sprintf("<=%d MB", targetRSSMB))
		row(fmt.Sprintf("end-to-end ingest, %d articles, articles/s", r.Big.Articles), f1(r.Big.ArticlesPS), fmt.Sprintf("at %d", r.Ingest.Articles), f1(r.Ingest.ArticlesPS), x(r.Big.ArticlesPS/r.Ingest.ArticlesPS), "")
	}
	row("database bytes per article", f0(r.Ingest.DBPerArt), "text bytes per article", f0(float64(r.Corpus.TextBytes)/float64(r.Corpus.Articles)), x(r.Ingest.DBPerArt*float64(r.Corpus.Articles)/float64(r.Corpus.TextBytes)), "")
	for _, q := range r.Queries {
		row(fmt.Sprintf("query (%d articles): %s, ms", r.QueryArts, q.Name), fmt.Sprintf("%.2f", q.MS), "target", fmt.Sprint(targetQueryMS), x(q.MS/targetQueryMS), fmt.Sprintf("<=%d ms", targetQueryMS))
	}
	tw.Flush()

	s := r.Stages
	fmt.Fprintf(w, "\nstages, 1 core, in-process, %d articles, %d tokens, %d entities, %d claims, %.1fs:\n",
		s.Articles, s.Tokens, s.Entities, s.Claims, s.Seconds)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	row("stage", "seconds", "share", "ms/article")
	for _, st := range s.Stages {
		row(st.Name, fmt.Sprintf("%.2f", st.Seconds), fmt.Sprintf("%.1f%%", 100*st.Share), fmt.Sprintf("%.2f", 1000*st.Seconds/float64(s.Articles)))
	}
	row("total", fmt.Sprintf("%.2f", s.Seconds), "100%", fmt.Sprintf("%.2f", 1000*s.Seconds/float64(s.Articles)))
	tw.Flush()
	fmt.Fprintln(w, "\nratios are newsclaims over prose on the same texts (MB of text per second); tokens/s counts each tool's own tokens.")
	fmt.Fprintln(w, "entities + claims is Extract's time less a separate Tokenize call: extract has no hook between its passes.")
}
