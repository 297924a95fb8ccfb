package score

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// This file holds the few Python string and number rules score.py relies
// on, so that the port gives the same numbers on any text: str.isspace,
// str.split/strip, str.lower (full mapping: İ and final sigma), the Unicode
// \w of Python's re, round() and the str() of a JSON scalar.

// isPySpace is Python's str.isspace for one code point: Go's White_Space
// plus the four information separators U+001C..U+001F.
func isPySpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// isWordRune is Python re's Unicode \w: letters, numbers and underscore.
func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

// pyStrip is str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

// norm is score.py's norm: whitespace runs collapsed to one space, trimmed,
// lower-cased.
func norm(s string) string { return pyLower(strings.Join(strings.FieldsFunc(s, isPySpace), " ")) }

// pyLower is Python's str.lower(): Go's simple mapping plus the one
// unconditional multi-rune mapping (U+0130) and the final-sigma rule.
func pyLower(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r == 0x130:
			b.WriteString("i\u0307")
		case r == 0x3a3 && finalSigma(rs, i):
			b.WriteRune(0x3c2)
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] ends a word, as
// CPython decides: a cased letter before it (skipping case-ignorables) and
// none after it.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && isCaseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !isCased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && isCaseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !isCased(rs[j])
}

func isCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func isCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xb7, 0x387, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// wordSpans returns the code-point spans of the \w+ tokens of rs.
func wordSpans(rs []rune) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range rs {
		switch w := isWordRune(r); {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(rs)})
	}
	return out
}

// lastWord is score.py's last_word: the last run of [\w'’.-], with dots
// trimmed, lower-cased.
func lastWord(s string) string {
	rs := []rune(s)
	end := len(rs)
	for end > 0 && !isLastWordRune(rs[end-1]) {
		end--
	}
	start := end
	for start > 0 && isLastWordRune(rs[start-1]) {
		start--
	}
	return pyLower(strings.Trim(string(rs[start:end]), "."))
}

func isLastWordRune(r rune) bool {
	return isWordRune(r) || r == '\'' || r == '’' || r == '.' || r == '-'
}

// round4 is Python's round(x, 4): correctly rounded, ties to even.
func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

// pyFloat is Python's repr of a float.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if decpt := exp + 1; decpt <= -4 || decpt > 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// pyStr is Python's str() of a decoded JSON value, for document ids. Arrays
// and objects (never sensible ids) are kept as their compact JSON text.
func pyStr(raw json.RawMessage) string {
	raw = trimJSONSpace(raw)
	switch kindOf(raw) {
	case 's':
		var s string
		_ = json.Unmarshal(raw, &s)
		return s
	case 'n':
		return "None"
	case 't':
		return "True"
	case 'f':
		return "False"
	case '0':
		if isIntLiteral(raw) {
			var z big.Int
			z.SetString(string(raw), 10)
			return z.String()
		}
		f, _ := strconv.ParseFloat(string(raw), 64) // ±Inf on overflow, as Python
		return pyFloat(f)
	}
	var b bytes.Buffer
	_ = json.Compact(&b, raw)
	return b.String()
}
