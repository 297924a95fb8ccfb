package format

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// The csv format is a folder of two RFC 4180 files (encoding/csv with CRLF
// line ends, UTF-8 without a byte-order mark), offsets in code points:
//
//	entities.csv  one row per mention: entity, type, start, end, text, iso2,
//	              iso3, role, class, also (other entities, "; "-separated), state
//	claims.csv    one row per claim: speaker, kind, source, cue, content, the
//	              start and end of each (empty when there is no source or cue),
//	              and content_pieces ("start-end;start-end" for a split quote)
//
// A text cell that begins with = + - @ or a tab gets a leading apostrophe, so
// that a spreadsheet shows it as text instead of running it as a formula
// (CSV injection); numbers are written as they are.

var (
	csvEntityHeader = []string{"entity", "type", "start", "end", "text", "iso2", "iso3", "role", "class", "also", "state"}
	csvClaimHeader  = []string{"speaker", "kind", "source", "cue", "content", "source_start", "source_end",
		"cue_start", "cue_end", "content_start", "content_end", "content_pieces"}
)

func csvFiles(d *extract.Doc, _ string) []file {
	return []file{
		{name: "entities.csv", write: func(w io.Writer) error { return WriteEntitiesCSV(w, d) }},
		{name: "claims.csv", write: func(w io.Writer) error { return WriteClaimsCSV(w, d) }},
	}
}

// WriteEntitiesCSV writes entities.csv: a header and one row per mention.
func WriteEntitiesCSV(w io.Writer, d *extract.Doc) error {
	o := NewOffsets(d.Text)
	also := otherEntities(d)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvEntityHeader)
	for i, m := range d.Mentions {
		e := d.Entities[m.Entity]
		iso2, iso3 := "", ""
		if e.Kind == extract.Country {
			iso2, iso3 = e.ISO2, e.ISO3
		}
		cw.Write([]string{cell(e.Name), m.Kind.String(), num(o.Rune(m.Start)), num(o.Rune(m.End)), cell(d.Slice(m.Span)),
			iso2, iso3, cell(e.Role), cell(e.Class), cell(strings.Join(also[i], "; ")), cell(stateOf(d, i))})
	}
	cw.Flush()
	return cw.Error()
}

// WriteClaimsCSV writes claims.csv: a header and one row per claim.
func WriteClaimsCSV(w io.Writer, d *extract.Doc) error {
	o := NewOffsets(d.Text)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvClaimHeader)
	opt := func(s *extract.Span) (text, start, end string) {
		if s == nil {
			return "", "", ""
		}
		return cell(d.Slice(*s)), num(o.Rune(s.Start)), num(o.Rune(s.End))
	}
	for _, c := range d.Claims {
		src, ss, se := opt(c.Source)
		cue, cs, ce := opt(c.Cue)
		var pieces []string
		for _, p := range c.ContentPieces {
			pieces = append(pieces, fmt.Sprintf("%d-%d", o.Rune(p.Start), o.Rune(p.End)))
		}
		cw.Write([]string{cell(c.Speaker), c.Kind.String(), src, cue, cell(d.Slice(c.Content)), ss, se, cs, ce,
			num(o.Rune(c.Content.Start)), num(o.Rune(c.Content.End)), strings.Join(pieces, ";")})
	}
	cw.Flush()
	return cw.Error()
}

func num(n int) string { return strconv.Itoa(n) }

// cell guards a text cell against being read as a spreadsheet formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
