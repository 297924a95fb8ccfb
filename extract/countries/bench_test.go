package countries

import (
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// BenchmarkFind measures Find alone (the text analysed beforehand, as the
// pipeline shares it) on the conll2003-dev texts and reports words/s.
func BenchmarkFind(b *testing.B) {
	as, words := evaldata.Analyses(b, "conll2003-dev.jsonl")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range as {
			Find(a, nil)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
