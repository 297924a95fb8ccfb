package weapons

import (
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// BenchmarkFind runs Find over the analysed re3d-dev and conll2003-dev texts
// and reports words (tokens) per second; analysis is done once, outside the
// timer, as it belongs to the text package.
func BenchmarkFind(b *testing.B) {
	docs, words := evaldata.Analyses(b, "re3d-dev.jsonl", "conll2003-dev.jsonl")
	b.ResetTimer()
	for b.Loop() {
		for _, a := range docs {
			Find(a, nil)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
