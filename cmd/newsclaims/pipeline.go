package main

import (
	"context"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/ingest"
)

// process runs extraction on one ingested article. It is the only place
// that turns ingest's blocks into extract's regions, so neither package
// imports the other.
func process(x *extract.Extractor, a ingest.Article) extract.Result {
	return processDoc(x, a, false)
}

// processDoc is process with the claims' explanations when explain is set
// (extract --explain).
func processDoc(x *extract.Extractor, a ingest.Article, explain bool) extract.Result {
	r, _ := processContext(context.Background(), x, a, explain) // never cancelled
	return r
}

// processContext is processDoc that stops when ctx is done (a signal, the
// article's deadline) and returns ctx's error.
func processContext(ctx context.Context, x *extract.Extractor, a ingest.Article, explain bool) (extract.Result, error) {
	regions := make([]extract.Region, len(a.Blocks))
	for i, b := range a.Blocks {
		regions[i] = extract.Region{Kind: b.Kind, Span: extract.Span{Start: b.Start, End: b.End}}
	}
	return x.ExtractContext(ctx, extract.Doc{Text: a.Text, Published: a.PublishedAt, Regions: regions, Explain: explain})
}
