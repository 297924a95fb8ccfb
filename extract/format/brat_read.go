package format

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract"
)

// bratAnn is what a .ann file holds, by annotation id.
type bratAnn struct {
	spans map[string]*bratSpan
	order []string                       // T ids in file order
	notes map[string]map[string][]string // T id -> note key -> values
	attrs map[string]map[string]string   // T id -> attribute -> value
	rels  []bratRel
}

type bratSpan struct {
	line  int
	id    string
	typ   string
	frags []extract.Span // bytes
}

type bratRel struct {
	line            int
	id, typ, a1, a2 string
}

// ReadBrat reads a brat document, its text and its .ann standoff, and
// rebuilds the Doc: mentions of types Person, Country, Demonym and Weapon
// grouped into entities by the name in their notes (their text when there is
// none), and Claim spans with the Source and Cue their HasSource and HasCue
// relations point to. Types and lines dossier does not know (other entity
// types, events, normalizations) are skipped. An error names the line.
func ReadBrat(txt, ann io.Reader) (*extract.Doc, error) {
	b, err := io.ReadAll(txt)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, errors.New("text: not valid UTF-8")
	}
	text := string(b)
	a, err := parseAnn(text, ann)
	if err != nil {
		return nil, err
	}
	var raws []rawMention
	var claims []rawClaim
	for _, id := range a.order {
		s := a.spans[id]
		if k, ok := bratKind(s.typ); ok {
			raws = append(raws, a.mention(text, s, k))
		} else if s.typ == "Claim" {
			c, err := a.claim(text, s)
			if err != nil {
				return nil, err
			}
			claims = append(claims, c)
		}
	}
	return buildDoc(text, raws, claims)
}

func bratKind(typ string) (extract.Kind, bool) {
	for k, t := range bratType {
		if t == typ {
			return extract.Kind(k), true
		}
	}
	return 0, false
}

func parseAnn(text string, r io.Reader) (*bratAnn, error) {
	a := &bratAnn{spans: map[string]*bratSpan{}, notes: map[string]map[string][]string{}, attrs: map[string]map[string]string{}}
	o := NewOffsets(text)
	n := utf8.RuneCountInString(text)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), MaxLineBytes)
	line := 0
	seen := map[string]bool{}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		id, rest, _ := strings.Cut(l, "\t")
		if id == "" {
			return nil, fmt.Errorf("line %d: no annotation id before the tab", line)
		}
		if seen[id] {
			return nil, fmt.Errorf("line %d: %s is defined twice", line, id)
		}
		seen[id] = true
		var err error
		switch id[0] {
		case 'T':
			err = a.parseT(text, o, n, line, id, rest)
		case '#':
			err = a.parseNote(rest)
		case 'A':
			err = a.parseAttr(rest)
		case 'R':
			err = a.parseRel(line, id, rest)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", line, id, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return a, a.check()
}

func (a *bratAnn) parseT(text string, o *Offsets, n, line int, id, rest string) error {
	head, want, hasText := strings.Cut(rest, "\t")
	typ, offs, ok := strings.Cut(head, " ")
	if !ok || typ == "" {
		return errors.New(`want "TYPE START END" after the id`)
	}
	s := &bratSpan{line: line, id: id, typ: typ}
	var got []string
	for _, f := range strings.Split(offs, ";") {
		p := strings.Fields(f)
		if len(p) != 2 {
			return fmt.Errorf("bad offsets %q", f)
		}
		start, err1 := strconv.Atoi(p[0])
		end, err2 := strconv.Atoi(p[1])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad offsets %q", f)
		}
		sp, err := spanOf(o, n, start, end)
		if err != nil {
			return err
		}
		s.frags = append(s.frags, sp)
		got = append(got, text[sp.Start:sp.End])
	}
	if g := strings.Join(got, " "); hasText && g != want {
		return fmt.Errorf("text %q does not match the article's %q", want, g)
	}
	a.spans[id] = s
	a.order = append(a.order, id)
	return nil
}

func (a *bratAnn) parseNote(rest string) error {
	head, note, _ := strings.Cut(rest, "\t")
	typ, target, _ := strings.Cut(head, " ")
	if typ != "AnnotatorNotes" {
		return nil
	}
	m := a.notes[target]
	if m == nil {
		m = map[string][]string{}
		a.notes[target] = m
	}
	for _, kv := range splitNote(note) {
		k, v, ok := strings.Cut(kv, ": ")
		if ok {
			m[k] = append(m[k], v)
		}
	}
	return nil
}

func (a *bratAnn) parseAttr(rest string) error {
	f := strings.Fields(rest)
	if len(f) < 2 {
		return errors.New(`want "NAME TARGET [VALUE]"`)
	}
	m := a.attrs[f[1]]
	if m == nil {
		m = map[string]string{}
		a.attrs[f[1]] = m
	}
	m[f[0]] = strings.Join(f[2:], " ")
	return nil
}

func (a *bratAnn) parseRel(line int, id, rest string) error {
	f := strings.Fields(rest)
	if len(f) != 3 || !strings.HasPrefix(f[1], "Arg1:") || !strings.HasPrefix(f[2], "Arg2:") {
		return errors.New(`want "TYPE Arg1:ID Arg2:ID"`)
	}
	a.rels = append(a.rels, bratRel{line: line, id: id, typ: f[0], a1: f[1][5:], a2: f[2][5:]})
	return nil
}

// check makes sure that the relations dossier reads join a Claim to a Source
// or Cue span that exists.
func (a *bratAnn) check() error {
	for _, r := range a.rels {
		want := map[string]string{"HasSource": "Source", "HasCue": "Cue"}[r.typ]
		if want == "" {
			continue
		}
		c, s := a.spans[r.a1], a.spans[r.a2]
		switch {
		case c == nil || s == nil:
			return fmt.Errorf("line %d: %s: Arg1:%s or Arg2:%s is not a span in the file", r.line, r.id, r.a1, r.a2)
		case c.typ != "Claim" || s.typ != want:
			return fmt.Errorf("line %d: %s: %s links a %s to a %s, not a Claim to a %s", r.line, r.id, r.typ, c.typ, s.typ, want)
		}
	}
	return nil
}

// splitNote splits a note at unescaped "|" and unescapes each part.
func splitNote(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(unescapeByte(s[i]))
		case c == '|':
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, strings.TrimSpace(b.String()))
}

func unescapeByte(c byte) byte {
	switch c {
	case 't':
		return '\t'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	}
	return c
}

// note returns the first value of a note key on span id, or "".
func (a *bratAnn) note(id, key string) string {
	if v := a.notes[id][key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// hull is the span from a T line's first fragment to its last.
func hull(frags []extract.Span) extract.Span {
	h := frags[0]
	for _, f := range frags[1:] {
		h.Start, h.End = min(h.Start, f.Start), max(h.End, f.End)
	}
	return h
}

func (a *bratAnn) mention(text string, s *bratSpan, k extract.Kind) rawMention {
	sp := hull(s.frags)
	name := a.note(s.id, "entity")
	if name == "" {
		name = text[sp.Start:sp.End]
	}
	return rawMention{where: s.id, span: sp, kind: k,
		names: append([]string{name}, a.notes[s.id]["also"]...),
		role:  a.note(s.id, "role"), iso2: a.note(s.id, "iso2"), iso3: a.note(s.id, "iso3"),
		class: a.note(s.id, "class"), state: a.attrs[s.id]["State"]}
}

func (a *bratAnn) claim(text string, s *bratSpan) (rawClaim, error) {
	c := extract.Claim{Speaker: a.note(s.id, "speaker")}
	pieces := joinLineFragments(text, s.frags)
	c.Content = hull(pieces)
	if len(pieces) > 1 {
		c.ContentPieces = pieces
	}
	switch a.attrs[s.id]["Kind"] {
	case "direct":
		c.Kind = extract.Direct
	case "mixed":
		c.Kind = extract.Mixed
	case "indirect", "":
	default:
		return rawClaim{}, fmt.Errorf("line %d: %s: unknown Kind %q (direct, indirect or mixed)", s.line, s.id, a.attrs[s.id]["Kind"])
	}
	for _, r := range a.rels {
		if r.a1 != s.id || (r.typ != "HasSource" && r.typ != "HasCue") {
			continue
		}
		sp := hull(a.spans[r.a2].frags) // check made sure the span exists
		if r.typ == "HasSource" {
			c.Source = &sp
		} else {
			c.Cue = &sp
		}
	}
	if c.Speaker == "" && c.Source != nil {
		c.Speaker = text[c.Source.Start:c.Source.End]
	}
	return rawClaim{where: s.id, claim: c}, nil
}

// joinLineFragments undoes the writer's cutting at line breaks: fragments
// in text order separated by nothing but line breaks become one piece.
func joinLineFragments(text string, frags []extract.Span) []extract.Span {
	sorted := slices.Clone(frags)
	slices.SortFunc(sorted, func(x, y extract.Span) int { return cmp.Compare(x.Start, y.Start) })
	out := []extract.Span{sorted[0]}
	for _, f := range sorted[1:] {
		last := &out[len(out)-1]
		if f.Start >= last.End && strings.Trim(text[last.End:f.Start], "\r\n") == "" && f.Start > last.End {
			last.End = max(last.End, f.End)
			continue
		}
		out = append(out, f)
	}
	return out
}
