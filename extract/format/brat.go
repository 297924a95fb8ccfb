package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// brat standoff (https://brat.nlplab.org/standoff.html), as dossier writes it:
//
//	T1	Person 127 141	Antony Blinken          a mention; types Person, Country, Demonym, Weapon
//	#1	AnnotatorNotes T1	entity: Antony Blinken | role: U.S. Secretary of State
//	A1	State T1 accepted                     the review state, when there is one
//	T9	Claim 900 1020	“I expedited ...      a claim's content (discontinuous when split)
//	A2	Kind T9 direct
//	#2	AnnotatorNotes T9	speaker: Antony Blinken
//	T10	Source 1030 1037	Blinken
//	T11	Cue 1038 1042	said
//	R1	HasSource Arg1:T9 Arg2:T10
//	R2	HasCue Arg1:T9 Arg2:T11
//
// Offsets are code points. A span that crosses a line break is written as
// fragments ("0 5;6 12"), since brat shows no annotation across lines; the
// reader joins fragments separated only by line breaks again. Notes carry
// what brat has no field for (the canonical name, other entities listed as
// "also", role, ISO codes, class) as "key: value" pairs split by " | ", with
// \, |, tab and line breaks escaped by a backslash.

// bratType maps mention kinds to brat entity types.
var bratType = [...]string{extract.Person: "Person", extract.Country: "Country", extract.Demonym: "Demonym", extract.Weapon: "Weapon"}

// bratConf is the annotation.conf written beside the files so that brat
// shows them without setup.
const bratConf = `# dossier annotations (https://brat.nlplab.org/configuration.html)
[entities]
Person
Country
Demonym
Weapon
Claim
Source
Cue

[relations]
HasSource	Arg1:Claim, Arg2:Source
HasCue	Arg1:Claim, Arg2:Cue
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind	Arg:Claim, Value:direct|indirect|mixed
`

func bratFiles(d *extract.Doc, base string) []file {
	return []file{
		{name: base + ".txt", write: func(w io.Writer) error { _, err := io.WriteString(w, d.Text); return err }},
		{name: base + ".ann", write: func(w io.Writer) error { return WriteBrat(w, d) }},
		{name: "annotation.conf", keep: true, write: func(w io.Writer) error { _, err := io.WriteString(w, bratConf); return err }},
	}
}

// bratWriter numbers annotations as it writes them.
type bratWriter struct {
	w          *bufio.Writer
	o          *Offsets
	d          *extract.Doc
	t, a, r, n int // the last T, A, R and # numbers used
}

// WriteBrat writes d's annotations as a brat .ann file; the .txt file is
// d.Text unchanged.
func WriteBrat(w io.Writer, d *extract.Doc) error {
	bw := &bratWriter{w: bufio.NewWriter(w), o: NewOffsets(d.Text), d: d}
	also := otherEntities(d)
	for i, m := range d.Mentions {
		t := bw.span(bratType[m.Kind], m.Span)
		e := d.Entities[m.Entity]
		pairs := []string{"entity", e.Name}
		for _, a := range also[i] {
			pairs = append(pairs, "also", a)
		}
		pairs = append(pairs, "role", e.Role, "class", e.Class)
		if e.Kind == extract.Country {
			pairs = append(pairs, "iso2", e.ISO2, "iso3", e.ISO3)
		}
		bw.note(t, pairs...)
		if s := stateOf(d, i); s != "" {
			bw.attr("State", t, s)
		}
	}
	for _, c := range d.Claims {
		bw.claim(c)
	}
	return bw.w.Flush()
}

func (bw *bratWriter) claim(c extract.Claim) {
	pieces := c.ContentPieces
	if len(pieces) == 0 {
		pieces = []extract.Span{c.Content}
	}
	t := bw.span("Claim", pieces...)
	bw.attr("Kind", t, c.Kind.String())
	bw.note(t, "speaker", c.Speaker)
	if c.Source != nil {
		s := bw.span("Source", *c.Source)
		bw.r++
		fmt.Fprintf(bw.w, "R%d\tHasSource Arg1:T%d Arg2:T%d\n", bw.r, t, s)
	}
	if c.Cue != nil {
		s := bw.span("Cue", *c.Cue)
		bw.r++
		fmt.Fprintf(bw.w, "R%d\tHasCue Arg1:T%d Arg2:T%d\n", bw.r, t, s)
	}
}

// span writes a T line for the given pieces, each cut at line breaks, and
// returns its number.
func (bw *bratWriter) span(typ string, pieces ...extract.Span) int {
	bw.t++
	var offs, text []string
	for _, p := range pieces {
		for _, f := range lineFragments(bw.d.Text, p) {
			offs = append(offs, fmt.Sprintf("%d %d", bw.o.Rune(f.Start), bw.o.Rune(f.End)))
			text = append(text, bw.d.Slice(f))
		}
	}
	if len(offs) == 0 { // a span of line breaks only: keep it whole
		for _, p := range pieces {
			offs = append(offs, fmt.Sprintf("%d %d", bw.o.Rune(p.Start), bw.o.Rune(p.End)))
		}
	}
	fmt.Fprintf(bw.w, "T%d\t%s %s\t%s\n", bw.t, typ, strings.Join(offs, ";"), strings.Join(text, " "))
	return bw.t
}

func (bw *bratWriter) attr(name string, t int, value string) {
	bw.a++
	fmt.Fprintf(bw.w, "A%d\t%s T%d %s\n", bw.a, name, t, value)
}

// note writes an AnnotatorNotes line of key/value pairs, leaving out empty values.
func (bw *bratWriter) note(t int, kv ...string) {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			parts = append(parts, kv[i]+": "+noteEscaper.Replace(kv[i+1]))
		}
	}
	if len(parts) == 0 {
		return
	}
	bw.n++
	fmt.Fprintf(bw.w, "#%d\tAnnotatorNotes T%d\t%s\n", bw.n, t, strings.Join(parts, " | "))
}

var noteEscaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// lineFragments cuts s into the runs of text between line breaks.
func lineFragments(text string, s extract.Span) []extract.Span {
	var out []extract.Span
	start := s.Start
	for i := s.Start; i <= s.End; i++ {
		if i == s.End || text[i] == '\n' || text[i] == '\r' {
			if i > start {
				out = append(out, extract.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}
