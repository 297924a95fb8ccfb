// Package evaldata reads the annotated JSON Lines files of the evaluation
// data (FORMAT.md in ../shared/eval, beside the repository) for training and
// measuring the taggers, and scores predicted spans the way score.py does.
// The files count offsets in code points; Read turns them into byte offsets,
// the unit inside Go. The corpora themselves are never copied into the
// repository: Locate finds them, and Dir and Docs skip a test without them.
package evaldata

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// Entity is one gold annotation with byte offsets into Doc.Text.
type Entity struct {
	Start, End int    // byte offsets, half-open
	Type       string // "person", "location", "organization", ...
	Text       string // the "text" value: the annotated text
	Name       string // the "entity" value: the canonical name, "" when absent
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
	Text  string `json:"text"`
	Name  string `json:"entity"`
}

type rawDoc struct {
	ID       string      `json:"id"`
	Text     string      `json:"text"`
	Entities []rawEntity `json:"entities"`
}

// Read loads a JSON Lines file; blank lines are skipped.
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

// convert turns code-point offsets into byte offsets, dropping entities
// whose span is empty or outside the text.
func convert(r rawDoc) Doc {
	byteAt := ByteOffsets(r.Text)
	d := Doc{ID: r.ID, Text: r.Text}
	n := len(byteAt) - 1
	for _, e := range r.Entities {
		if e.Start < 0 || e.End > n || e.Start >= e.End {
			continue
		}
		d.Entities = append(d.Entities, Entity{byteAt[e.Start], byteAt[e.End], e.Type, e.Text, e.Name})
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

// ByteOffsets maps each code-point index of s (and the count of code points)
// to its byte offset.
func ByteOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// CodePoint returns the code-point index of byte offset b in s, the unit of
// the files' offsets.
func CodePoint(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

// CodePointSpan converts a byte span of s to code points.
func CodePointSpan(s string, sp text.Span) text.Span {
	return text.Span{Start: CodePoint(s, sp.Start), End: CodePoint(s, sp.End)}
}
