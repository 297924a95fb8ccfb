package weapons

import (
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// BenchmarkFind runs Find over the analysed re3d-dev and conll2003-dev texts
// and reports words (tokens) per second; analysis is done once, outside the
// timer, as it belongs to the text package.
func BenchmarkFind(b *testing.B) {
	var docs []*text.Analysis
	words := 0
	for _, f := range []string{"re3d-dev.jsonl", "conll2003-dev.jsonl"} {
		for _, d := range evaldata.Docs(b, f) {
			a := text.Analyze(d.Text)
			docs = append(docs, a)
			words += len(strings.Fields(d.Text))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, a := range docs {
			Find(a, nil)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
