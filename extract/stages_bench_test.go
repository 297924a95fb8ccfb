package extract

import (
	"testing"

	"github.com/dossier-reader/dossier/extract/countries"
	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/ner"
	"github.com/dossier-reader/dossier/extract/text"
	"github.com/dossier-reader/dossier/extract/weapons"
)

// BenchmarkStages times the stages of Tag other than the person and claim
// taggers on the text of conll2003-dev, so that a change to one of them can
// be measured without the noise of the whole pipeline.
func BenchmarkStages(b *testing.B) {
	texts, words := devTexts(b, "conll2003-dev")
	as, _ := evaldata.Analyses(b, "conll2003-dev.jsonl")
	people := make([][]ner.Person, len(as))
	spans := make([][]text.Span, len(as))
	for i, a := range as {
		people[i] = ner.Find(a)
		for _, p := range people[i] {
			spans[i] = append(spans[i], p.Mentions...)
		}
	}
	run := func(name string, f func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				for i := range as {
					f(i)
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
	run("analyze", func(i int) { text.Analyze(texts[i]) })
	run("countries", func(i int) { countries.Find(as[i], spans[i]) })
	run("weapons", func(i int) { weapons.Find(as[i], spans[i]) })
	run("build", func(i int) {
		b := builder{doc: &Doc{Text: texts[i], Title: TitleOf(texts[i])}}
		b.addPeople(people[i])
		b.addCountries(countries.Find(as[i], spans[i]))
		b.addWeapons(weapons.Find(as[i], spans[i]))
		b.finish()
		b.claimPeople(people[i])
	})
}
