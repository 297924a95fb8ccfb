// Package corpus reads the annotated JSON Lines files of the evaluation data
// (FORMAT.md in ../shared/eval) for training and measuring the person tagger.
// It converts the files' code-point offsets to byte offsets and scores
// predicted person spans the way score.py does.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// Entity is one gold annotation with byte offsets into Doc.Text.
type Entity struct {
	Start, End int    // byte offsets, half-open
	Type       string // "person", "location", "organization", ...
}

// Doc is one document of a JSON Lines file.
type Doc struct {
	ID       string
	Text     string
	Entities []Entity // sorted by Start
}

type rawEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

type rawDoc struct {
	ID       string      `json:"id"`
	Text     string      `json:"text"`
	Entities []rawEntity `json:"entities"`
}

// Read loads a JSON Lines file.
func Read(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r rawDoc
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		docs = append(docs, convert(r))
	}
	return docs, sc.Err()
}

// convert turns code-point offsets into byte offsets.
func convert(r rawDoc) Doc {
	idx := make([]int, 0, len(r.Text)+1) // code point -> byte offset
	for i := range r.Text {
		idx = append(idx, i)
	}
	idx = append(idx, len(r.Text))
	d := Doc{ID: r.ID, Text: r.Text}
	n := utf8.RuneCountInString(r.Text)
	for _, e := range r.Entities {
		if e.Start < 0 || e.End > n || e.Start >= e.End {
			continue
		}
		d.Entities = append(d.Entities, Entity{idx[e.Start], idx[e.End], e.Type})
	}
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	return d
}

// Spans returns the byte spans of the entities of type typ.
func (d *Doc) Spans(typ string) []text.Span {
	var out []text.Span
	for _, e := range d.Entities {
		if e.Type == typ {
			out = append(out, text.Span{Start: e.Start, End: e.End})
		}
	}
	return out
}

// DataDir finds <repo root>/../shared/eval/data by walking up from the
// working directory to go.mod; ok is false when it is absent.
func DataDir() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "eval", "data")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d, true
			}
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
