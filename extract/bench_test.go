package extract

import (
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// devTexts reads the texts of a dev file from ../shared next to the repo, or
// skips the benchmark.
func devTexts(b *testing.B, name string) (texts []string, words int) {
	b.Helper()
	for _, d := range evaldata.Docs(b, name+".jsonl") {
		texts = append(texts, d.Text)
		words += len(strings.Fields(d.Text))
	}
	return texts, words
}

// BenchmarkTag is the whole tagger on the text of conll2003-dev.jsonl, one
// goroutine. Compare its words/s with BenchmarkBaselineFields, run in the
// same command, rather than across machines.
func BenchmarkTag(b *testing.B) {
	texts, words := devTexts(b, "conll2003-dev")
	Tag("warm up the models")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Tag(t)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkBaselineFields is the baseline for BenchmarkTag: splitting the
// same text on white space and lower-casing every word, the least any
// tagger must do.
func BenchmarkBaselineFields(b *testing.B) {
	texts, words := devTexts(b, "conll2003-dev")
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			for _, w := range strings.Fields(t) {
				n += len(strings.ToLower(w))
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	_ = n
}
