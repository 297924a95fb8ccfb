package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// Doc is one line of a gold or prediction file (see FORMAT.md), kept close
// to what was written so that scoring can apply score.py's checks, which
// depend on the length of the gold text.
type Doc struct {
	Line int    // 1-based line number in its file
	ID   string // Python's str() of the "id" value: documents are matched on it
	Text string // the "text" value when it is a string
	// TextSet is true when "text" is present and not null, TextIsString
	// when it is moreover a string.
	TextSet, TextIsString bool
	// Annotated lists the string items of "annotated"; HasAnnotated is true
	// when the key is present.
	Annotated    []string
	HasAnnotated bool
	// Entities are the items of "entities"; HasEntities is true when the key
	// is present.
	Entities    []Entity
	HasEntities bool
	// Claims are the items of "claims"; HasClaims is true when the key is
	// present.
	Claims    []Claim
	HasClaims bool
	// Err is set on a prediction line that is not a JSON object with an
	// "id"; such a line only counts as a bad_line error.
	Err error
}

// Entity is one item of "entities".
type Entity struct {
	Start, End int
	// IntSpan is true when start and end are both JSON integers (always so
	// in gold); out-of-range integers are clamped to ±MaxInt.
	IntSpan bool
	// Type is the "type" value; TypeIsString is false when it is not a string.
	Type         string
	TypeIsString bool
	Text         string // the "text" value when it is a string
	// Name is the "entity" value (the canonical name) when it is a string;
	// HasName is true when the key is present, even with null.
	Name    string
	HasName bool
	// NotObject marks an item that is not a JSON object (an error in a
	// prediction).
	NotObject bool
}

// Span is a [start, end] pair of code-point offsets as written. Whether it
// lies inside the text is checked when scoring, against the gold text.
type Span struct {
	Start, End int
	Set        bool // the value is present and not null
	Int        bool // the value is an array of exactly two JSON integers
}

// valid is score.py's span_of: two integers with 0 <= start < end <= n.
func (s Span) valid(n int) bool { return s.Int && 0 <= s.Start && s.Start < s.End && s.End <= n }

// Claim is one item of "claims".
type Claim struct {
	Source, Cue, Content Span
	// The *_pieces lists, nil when absent, empty or not a list.
	SourcePieces, CuePieces, ContentPieces []Span
	// Speaker is the "speaker" value when it is a string (HasSpeaker).
	Speaker    string
	HasSpeaker bool
	// NotObject marks an item that is not a JSON object.
	NotObject bool
}

// maxLine is the longest line read.
const maxLine = 256 << 20

// ReadGold reads a gold JSON Lines file. As in score.py, a gold line that
// cannot be used is an error; blank lines are skipped.
func ReadGold(r io.Reader) ([]Doc, error) {
	var docs []Doc
	err := eachLine(r, func(n int, line []byte) error {
		d, err := ParseGold(line)
		if err != nil {
			return fmt.Errorf("gold line %d: %w", n, err)
		}
		d.Line = n
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ReadPred reads a prediction JSON Lines file. A line that is not a JSON
// object with an "id" comes back with Err set; the error returned is a read
// error only.
func ReadPred(r io.Reader) ([]Doc, error) {
	var docs []Doc
	err := eachLine(r, func(n int, line []byte) error {
		d := ParsePred(line)
		d.Line = n
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// eachLine calls fn on each non-blank line, split as Python's text mode
// does (\n, \r\n or \r).
func eachLine(r io.Reader, fn func(n int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), maxLine)
	sc.Split(scanPyLines)
	n := 0
	for sc.Scan() {
		n++
		if pyStrip(string(sc.Bytes())) == "" {
			continue
		}
		if err := fn(n, sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

func scanPyLines(data []byte, atEOF bool) (int, []byte, error) {
	for i, c := range data {
		switch {
		case c == '\n':
			return i + 1, data[:i], nil
		case c != '\r':
		case i+1 < len(data) && data[i+1] == '\n':
			return i + 2, data[:i], nil
		case i+1 < len(data) || atEOF:
			return i + 1, data[:i], nil
		default:
			return 0, nil, nil // a \n may follow
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// parseObject decodes a line that must be a JSON object with an "id".
func parseObject(line []byte) (map[string]json.RawMessage, error) {
	if !utf8.Valid(line) {
		return nil, errors.New("not valid UTF-8")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil || m == nil {
		return nil, errors.New("not a JSON object")
	}
	if _, ok := m["id"]; !ok {
		return nil, errors.New(`no "id"`)
	}
	return m, nil
}

// ParsePred parses one prediction line. It never fails: what score.py
// would count as an error is kept for Score to count.
func ParsePred(line []byte) Doc {
	m, err := parseObject(line)
	if err != nil {
		return Doc{Err: err}
	}
	d := Doc{ID: pyStr(m["id"])}
	d.setText(m)
	raw, ok := m["entities"]
	d.HasEntities = ok
	items, bad := iterItems(raw)
	for range bad {
		d.Entities = append(d.Entities, Entity{NotObject: true})
	}
	for _, it := range items {
		e, _ := parseEntity(it) // what is malformed is counted when scoring
		d.Entities = append(d.Entities, e)
	}
	raw, ok = m["claims"]
	d.HasClaims = ok
	items, bad = iterItems(raw)
	for range bad {
		d.Claims = append(d.Claims, Claim{NotObject: true})
	}
	for _, it := range items {
		d.Claims = append(d.Claims, parseClaim(it))
	}
	return d
}

func (d *Doc) setText(m map[string]json.RawMessage) {
	raw, ok := m["text"]
	if !ok || kindOf(raw) == 'n' {
		return
	}
	d.TextSet = true
	d.TextIsString = json.Unmarshal(raw, &d.Text) == nil
}

// ParseGold parses one gold line: an object with an "id", a string "text",
// and, when present, a list "annotated", a list "entities" of objects with
// integer start and end and a string type, and a list "claims" of objects.
func ParseGold(line []byte) (Doc, error) {
	m, err := parseObject(line)
	if err != nil {
		return Doc{}, err
	}
	d := Doc{ID: pyStr(m["id"])}
	if d.setText(m); !d.TextIsString {
		return d, errors.New(`"text" is missing or not a string`)
	}
	if raw, ok := m["annotated"]; ok {
		d.HasAnnotated = true
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil || items == nil {
			return d, errors.New(`"annotated" is not a list`)
		}
		for _, it := range items {
			var s string
			if json.Unmarshal(it, &s) == nil {
				d.Annotated = append(d.Annotated, s)
			}
		}
	}
	if d.Entities, d.HasEntities, err = goldList(m, "entities", parseEntity); err != nil {
		return d, err
	}
	d.Claims, d.HasClaims, err = goldList(m, "claims", func(raw json.RawMessage) (Claim, error) {
		c := parseClaim(raw)
		if c.NotObject {
			return c, errors.New("not an object")
		}
		return c, nil
	})
	return d, err
}

func goldList[T any](m map[string]json.RawMessage, key string, parse func(json.RawMessage) (T, error)) ([]T, bool, error) {
	raw, ok := m[key]
	if !ok {
		return nil, false, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return nil, true, fmt.Errorf("%q is not a list", key)
	}
	out := make([]T, 0, len(items))
	for i, it := range items {
		x, err := parse(it)
		if err != nil {
			return nil, true, fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		out = append(out, x)
	}
	return out, true, nil
}

// parseEntity parses an entity object. Its error (for gold) says what is
// malformed; the Entity is still filled for predictions.
func parseEntity(raw json.RawMessage) (Entity, error) {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m == nil {
		return Entity{NotObject: true}, errors.New("not an object")
	}
	var e Entity
	var ok1, ok2 bool
	e.Start, ok1 = jsonInt(m["start"])
	e.End, ok2 = jsonInt(m["end"])
	e.IntSpan = ok1 && ok2
	e.TypeIsString = json.Unmarshal(m["type"], &e.Type) == nil && kindOf(m["type"]) == 's'
	textOK := m["text"] == nil || json.Unmarshal(m["text"], &e.Text) == nil
	var name json.RawMessage
	name, e.HasName = m["entity"]
	nameOK := !e.HasName || kindOf(name) == 'n' || json.Unmarshal(name, &e.Name) == nil
	switch {
	case !e.IntSpan:
		return e, errors.New("start and end are not integers")
	case !e.TypeIsString:
		return e, errors.New(`"type" is not a string`)
	case !textOK || !nameOK:
		return e, errors.New(`"text" or "entity" is not a string`)
	}
	return e, nil
}

func parseClaim(raw json.RawMessage) Claim {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m == nil {
		return Claim{NotObject: true}
	}
	c := Claim{Source: spanOf(m["source"]), Cue: spanOf(m["cue"]), Content: spanOf(m["content"]),
		SourcePieces: piecesOf(m["source_pieces"]), CuePieces: piecesOf(m["cue_pieces"]),
		ContentPieces: piecesOf(m["content_pieces"])}
	c.HasSpeaker = kindOf(m["speaker"]) == 's' && json.Unmarshal(m["speaker"], &c.Speaker) == nil
	return c
}

func spanOf(raw json.RawMessage) Span {
	s := Span{Set: raw != nil && kindOf(raw) != 'n'}
	var pair []json.RawMessage
	if kindOf(raw) != '[' || json.Unmarshal(raw, &pair) != nil || len(pair) != 2 {
		return s
	}
	var ok1, ok2 bool
	s.Start, ok1 = jsonInt(pair[0])
	s.End, ok2 = jsonInt(pair[1])
	s.Int = ok1 && ok2
	return s
}

// piecesOf is score.py's `c.get(key) or []`: a non-empty list of spans, or
// nil (other values never give valid pieces, so score.py falls back too).
func piecesOf(raw json.RawMessage) []Span {
	var items []json.RawMessage
	if kindOf(raw) != '[' || json.Unmarshal(raw, &items) != nil || len(items) == 0 {
		return nil
	}
	out := make([]Span, len(items))
	for i, it := range items {
		out[i] = spanOf(it)
	}
	return out
}

// iterItems is score.py's `for x in v or []`: the items of a list, or, for a
// truthy string, object, number or true, how many malformed items Python
// would see (one per code point or key; one for a number, where Python
// stops with an error).
func iterItems(raw json.RawMessage) (items []json.RawMessage, bad int) {
	raw = trimJSONSpace(raw)
	switch kindOf(raw) {
	case '[':
		_ = json.Unmarshal(raw, &items)
	case 's':
		var s string
		_ = json.Unmarshal(raw, &s)
		bad = utf8.RuneCountInString(s)
	case '{':
		var m map[string]json.RawMessage
		_ = json.Unmarshal(raw, &m)
		bad = len(m)
	case 't':
		bad = 1
	case '0':
		if f, _ := strconv.ParseFloat(string(raw), 64); f != 0 {
			bad = 1
		}
	}
	return items, bad
}

// jsonInt is a JSON integer (Python int, not bool or float), clamped to
// ±MaxInt; ok is false for anything else.
func jsonInt(raw json.RawMessage) (int, bool) {
	raw = trimJSONSpace(raw)
	if kindOf(raw) != '0' || !isIntLiteral(raw) {
		return 0, false
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil { // out of range: any span using it is invalid anyway
		if raw[0] == '-' {
			return math.MinInt, true
		}
		return math.MaxInt, true
	}
	return v, true
}

func isIntLiteral(raw []byte) bool { return !bytes.ContainsAny(raw, ".eE") }

// kindOf classifies a JSON value by its first byte: 's'tring, 'n'ull,
// 't'rue, 'f'alse, '0' number, '[' or '{'; 0 when absent.
func kindOf(raw []byte) byte {
	raw = trimJSONSpace(raw)
	if len(raw) == 0 {
		return 0
	}
	switch c := raw[0]; c {
	case '"':
		return 's'
	case 'n', 't', 'f', '[', '{':
		return c
	}
	return '0'
}

func trimJSONSpace(b []byte) []byte { return bytes.Trim(b, " \t\r\n") }
