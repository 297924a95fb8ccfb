// Package corpus reads the PolNeAR-style evaluation files (FORMAT.md in
// shared/eval) with their code-point offsets turned into byte offsets, and
// scores predicted claims the way score.py does. It is used by the training
// command, the evaluation command and the regression test; the corpora
// themselves are never copied into the repository.
package corpus

import (
	"bufio"
	"encoding/json"
	"os"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// Span is a byte range [Start, End) of a document's text.
type Span struct{ Start, End int }

// Claim is one gold attribution with byte offsets. Source and Cue are nil
// when the annotation has none.
type Claim struct {
	Source, Cue *Span
	Content     Span
	Pieces      []Span
	Speaker     string
}

// Doc is one annotated document.
type Doc struct {
	ID     string
	Text   string
	Claims []Claim
}

type rawClaim struct {
	Source        []int   `json:"source"`
	Cue           []int   `json:"cue"`
	Content       []int   `json:"content"`
	ContentPieces [][]int `json:"content_pieces"`
	Speaker       string  `json:"speaker"`
}

type rawDoc struct {
	ID     string     `json:"id"`
	Text   string     `json:"text"`
	Claims []rawClaim `json:"claims"`
}

// Load reads a JSON Lines file of documents that annotate claims.
func Load(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r rawDoc
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		docs = append(docs, convert(r))
	}
	return docs, sc.Err()
}

// convert turns a raw document's code-point offsets into byte offsets.
func convert(r rawDoc) Doc {
	byteAt := ByteOffsets(r.Text)
	sp := func(v []int) *Span {
		if len(v) != 2 || v[0] < 0 || v[1] > len(byteAt)-1 || v[0] >= v[1] {
			return nil
		}
		return &Span{byteAt[v[0]], byteAt[v[1]]}
	}
	d := Doc{ID: r.ID, Text: r.Text}
	for _, c := range r.Claims {
		ct := sp(c.Content)
		if ct == nil {
			continue
		}
		g := Claim{Source: sp(c.Source), Cue: sp(c.Cue), Content: *ct, Speaker: c.Speaker}
		for _, p := range c.ContentPieces {
			if s := sp(p); s != nil {
				g.Pieces = append(g.Pieces, *s)
			}
		}
		d.Claims = append(d.Claims, g)
	}
	return d
}

// ByteOffsets maps each code-point index of s (and len) to its byte offset.
func ByteOffsets(s string) []int { return evaldata.ByteOffsets(s) }

// CodePoint returns the code-point index of byte offset b in s.
func CodePoint(s string, b int) int { return evaldata.CodePoint(s, b) }

// DataDir finds <repo root>/../shared/eval/data (evaldata.Locate); ok is
// false when the folder is absent.
func DataDir() (string, bool) { return evaldata.Locate() }
