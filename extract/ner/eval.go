package ner

import (
	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// Evaluate tags the documents with m and scores the person mentions against
// their gold "person" spans, as score.py does: exact spans and one-to-one
// overlapping spans.
func Evaluate(m *Model, docs []evaldata.Doc) (exact, overlap evaldata.PRF) {
	var s evaldata.Scorer
	for i := range docs {
		a := text.Analyze(docs[i].Text)
		s.Add(m.Spans(a), docs[i].Spans("person"))
	}
	return s.Exact(), s.Overlap()
}
