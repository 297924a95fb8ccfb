package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// line is one wrapped line of the article: the byte range [start, end) of
// Doc.Text it shows. An empty line (a paragraph break) has start == end.
type line struct {
	start, end int
}

// sanitize makes article text safe for the terminal: tabs become spaces,
// carriage returns and bidi controls vanish, other control characters and
// invalid bytes become visible placeholders, so nothing in the article can
// move the cursor or change the terminal's state.
func sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\uFFFD')
		case r == '\t':
			b.WriteString("    ")
		case r == '\r', isBidi(r):
		case r < 0x20:
			b.WriteRune(0x2400 + r) // control pictures: ␛, ␇, …
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII and needs no sanitizing.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// isBidi reports whether r is a bidirectional formatting character, which
// some terminals honour and which could reorder what the user reads.
func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// cellWidth is the number of terminal cells s takes once sanitized.
func cellWidth(s string) int {
	if isPlain(s) {
		return len(s) // the common case, and the hot loop of wrap
	}
	return ansi.StringWidth(sanitize(s))
}

// isSpace reports whether the byte separates words when wrapping.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// wrap breaks text into lines at most width cells wide. Source lines are
// kept (a newline always breaks), runs of blank lines collapse to one, and a
// word wider than the line is broken at rune boundaries.
func wrap(text string, width int) []line {
	return wrapUntil(text, max(width, 1), 0, nil)
}

// wrapUntil wraps the source lines from byte offset start on, stopping
// after the one that ends at byte offset b when enough(out, b) says so (nil:
// at the end of the text), and drops the paragraph breaks at the end.
func wrapUntil(text string, width, start int, enough func(out []line, b int) bool) []line {
	var out []line
	for a := start; a <= len(text); {
		b := strings.IndexByte(text[a:], '\n')
		if b < 0 {
			b = len(text)
		} else {
			b += a
		}
		out = wrapSource(out, text, a, b, width)
		if enough != nil && enough(out, b) {
			break
		}
		a = b + 1
	}
	for len(out) > 0 && out[len(out)-1].start == out[len(out)-1].end {
		out = out[:len(out)-1]
	}
	return out
}

// wrapSource appends the wrapped lines of the source line text[a:b].
func wrapSource(out []line, text string, a, b, width int) []line {
	cur, curW := line{start: -1}, 0
	for i := a; i < b; {
		for i < b && isSpace(text[i]) {
			i++
		}
		if i == b {
			break
		}
		j := i
		for j < b && !isSpace(text[j]) {
			j++
		}
		ww := cellWidth(text[i:j])
		if cur.start >= 0 {
			if gw := cellWidth(text[cur.end:i]); curW+gw+ww <= width {
				cur.end, curW = j, curW+gw+ww
				i = j
				continue
			}
			out = append(out, cur)
		}
		cur, curW = line{i, j}, ww
		if ww > width {
			out, cur, curW = hardBreak(out, text, i, j, width)
		}
		i = j
	}
	if cur.start >= 0 {
		return append(out, cur)
	}
	// A blank source line: keep one paragraph break, never a run of them,
	// and none at the top.
	if n := len(out); n > 0 && out[n-1].start != out[n-1].end {
		out = append(out, line{a, a})
	}
	return out
}

// hardBreak splits the over-long word text[i:j] into full lines and returns
// the last, partial piece as the current line.
func hardBreak(out []line, text string, i, j, width int) ([]line, line, int) {
	start, w := i, 0
	for k := i; k < j; {
		_, n := utf8.DecodeRuneInString(text[k:j])
		rw := cellWidth(text[k : k+n])
		if w+rw > width && k > start {
			out = append(out, line{start, k})
			start, w = k, 0
		}
		w += rw
		k += n
	}
	return out, line{start, j}, w
}
