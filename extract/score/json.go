package score

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// field is one key of an ordered JSON object.
type field struct {
	k string
	v any // int, float64, *float64, string, nil, obj
}

type obj []field

// tree is the result as score.py builds its dict, keys in the same order.
func (r Result) tree() obj {
	errs := obj{}
	for _, e := range r.Errors {
		errs = append(errs, field{e.Kind, e.N})
	}
	types := obj{}
	for _, t := range r.Types {
		var pane any
		if t.Pane != nil {
			pane = append(prfObj(t.Pane.PRF), field{"gold", t.Pane.Gold}, field{"pred", t.Pane.Pred})
		}
		types = append(types, field{t.Type, obj{{"gold", t.Gold}, {"pred", t.Pred},
			{"exact", prfObj(t.Exact)}, {"overlap", prfObj(t.Overlap)}, {"pane", pane}}})
	}
	out := obj{{"gold_docs", r.GoldDocs}, {"missing_in_pred", r.MissingInPred}, {"errors", errs}, {"types", types}}
	if c := r.Claims; c != nil {
		out = append(out, field{"claims", append(prfObj(c.PRF), field{"gold", c.Gold}, field{"pred", c.Pred},
			field{"matched", c.Matched}, field{"source_acc", c.SourceAcc}, field{"source_n", c.SourceN},
			field{"cue_acc", c.CueAcc}, field{"cue_n", c.CueN})})
	}
	return out
}

func prfObj(p PRF) obj { return obj{{"p", p.P}, {"r", p.R}, {"f1", p.F1}} }

// WriteJSON writes the result exactly as score.py --json prints it
// (json.dumps with indent=1), followed by a newline.
func (r Result) WriteJSON(w io.Writer) error {
	var b strings.Builder
	writeValue(&b, r.tree(), 1, 0)
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// MarshalJSON gives the same object as score.py --json.
func (r Result) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	writeValue(&b, r.tree(), -1, 0)
	return []byte(b.String()), nil
}

// writeValue writes v as Python's json.dumps does; indent < 0 is compact.
func writeValue(b *strings.Builder, v any, indent, level int) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case int:
		b.WriteString(strconv.Itoa(v))
	case float64:
		b.WriteString(pyFloat(v))
	case *float64:
		if v == nil {
			b.WriteString("null")
		} else {
			b.WriteString(pyFloat(*v))
		}
	case string:
		writeString(b, v)
	case obj:
		writeObj(b, v, indent, level)
	default:
		panic(fmt.Sprintf("score: cannot write %T", v))
	}
}

func writeObj(b *strings.Builder, o obj, indent, level int) {
	if len(o) == 0 {
		b.WriteString("{}")
		return
	}
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if indent >= 0 {
			b.WriteString("\n" + strings.Repeat(" ", indent*(level+1)))
		}
		writeString(b, f.k)
		b.WriteString(": ")
		writeValue(b, f.v, indent, level+1)
	}
	if indent >= 0 {
		b.WriteString("\n" + strings.Repeat(" ", indent*level))
	}
	b.WriteByte('}')
}

// writeString is json.dumps' string with ensure_ascii: printable ASCII as
// is, the rest escaped, astral code points as surrogate pairs.
func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
}
