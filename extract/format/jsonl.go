package format

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Input is one document read from JSON Lines: its id and text.
type Input struct {
	Line  int             // 1-based line number in the input
	ID    string          // the "id" field (a number is kept as its text); may be empty
	RawID json.RawMessage // the "id" field as written, to echo it unchanged; nil when absent
	Text  string
}

// LineError is a line of JSON Lines input that could not be used.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// MaxLineBytes is the longest JSON Lines line read (a whole book fits).
const MaxLineBytes = 256 << 20

// ReadJSONL calls fn for each document in r, in order. A line that is not a
// JSON object with a string "text" is reported to bad and skipped; blank
// lines are skipped. It stops at the first read error or error from fn.
func ReadJSONL(r io.Reader, fn func(Input) error, bad func(*LineError)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), MaxLineBytes)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(trimSpace(line)) == 0 {
			continue
		}
		in, err := parseInput(line)
		if err != nil {
			bad(&LineError{Line: n, Err: err})
			continue
		}
		in.Line = n
		if err := fn(in); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d MB", n+1, MaxLineBytes>>20)
		}
		return err
	}
	return nil
}

func parseInput(line []byte) (Input, error) {
	var raw struct {
		ID   json.RawMessage  `json:"id"`
		Text *json.RawMessage `json:"text"`
	}
	if !utf8.Valid(line) {
		return Input{}, errors.New("not valid UTF-8")
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return Input{}, fmt.Errorf("not a JSON object: %v", err)
	}
	if raw.Text == nil {
		return Input{}, errors.New(`no "text" field`)
	}
	var in Input
	if err := json.Unmarshal(*raw.Text, &in.Text); err != nil {
		return Input{}, errors.New(`"text" is not a string`)
	}
	if len(raw.ID) > 0 && string(raw.ID) != "null" {
		in.RawID = raw.ID
		if err := json.Unmarshal(raw.ID, &in.ID); err != nil {
			in.ID = string(raw.ID) // a number or other scalar: keep its JSON text
		}
	}
	return in, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
