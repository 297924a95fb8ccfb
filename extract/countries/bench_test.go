package countries

import (
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// BenchmarkFind measures Find alone (the text analysed beforehand, as the
// pipeline shares it) on the conll2003-dev texts and reports words/s.
func BenchmarkFind(b *testing.B) {
	docs := evaldata.Docs(b, "conll2003-dev.jsonl")
	var as []*text.Analysis
	words := 0
	for _, d := range docs {
		as = append(as, text.Analyze(d.Text))
		words += len(strings.Fields(d.Text))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range as {
			Find(a, nil)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
