package article

import (
	"strings"
	"unicode/utf8"
)

// Placeholder is what Sanitize puts in place of a C1 control, a bidi
// override or a stray highlight marker: the replacement character, visible
// in every terminal.
const Placeholder = '\uFFFD'

// Highlight markers (DESIGN.md §3): the screen wraps each mention in the
// Markdown source with MarkStart … MarkEnd before rendering. They are
// invisible, zero-width, and never left in an article by Sanitize, so the
// only ones the screen finds are its own.
const (
	MarkStart = '\u2062' // INVISIBLE TIMES
	MarkEnd   = '\u2063' // INVISIBLE SEPARATOR
)

const esc = 0x1b

// Sanitize makes s safe to print on a terminal. Whole escape sequences are
// removed: CSI (ESC [ … final, or U+009B …), OSC, DCS, SOS, PM and APC
// (ESC ] … up to BEL or ST, likewise ESC P, ESC X, ESC ^, ESC _ and their C1
// forms), and the short ESC sequences (ESC 7, ESC ( B, …). A string sequence
// with no terminator ends at the end of its line, so one stray ESC ] cannot
// swallow an article. Every other control is replaced with a visible
// character: C0 controls other than \n and \t and DEL by their Control
// Pictures (␛, ␇, ␍, …), C1 controls, bidi embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), the highlight markers and invalid
// UTF-8 by U+FFFD. Sanitize is idempotent.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == esc:
			i = skipEscape(s, i, &b)
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // DCS SOS OSC PM APC
			i = skipString(s, i+size)
			continue
		case r == utf8.RuneError && size == 1:
			b.WriteRune(Placeholder)
		default:
			if p, bad := placeholder(r); bad {
				b.WriteRune(p)
			} else {
				b.WriteString(s[i : i+size])
			}
		}
		i += size
	}
	return b.String()
}

// isClean reports whether s needs no change, the common case.
func isClean(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError {
			return false // invalid byte, or a real U+FFFD: let the slow path decide
		}
		if _, bad := placeholder(r); bad {
			return false
		}
	}
	return true
}

// placeholder returns the visible stand-in for a control rune r, and
// whether r is one.
func placeholder(r rune) (rune, bool) {
	switch {
	case r == '\n' || r == '\t':
		return r, false
	case r < 0x20:
		return 0x2400 + r, true // Control Pictures: ␀ … ␟
	case r == 0x7f:
		return '\u2421', true // ␡
	case r >= 0x80 && r <= 0x9f,
		r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069,
		r == MarkStart, r == MarkEnd:
		return Placeholder, true
	}
	return r, false
}

// skipEscape handles the ESC at s[i] and returns the index after what it
// consumed; an ESC that starts no sequence becomes ␛.
func skipEscape(s string, i int, b *strings.Builder) int {
	if i+1 >= len(s) {
		b.WriteRune('\u241b')
		return i + 1
	}
	c := s[i+1]
	switch {
	case c == '[':
		return skipCSI(s, i+2)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+2)
	case c >= 0x20 && c <= 0x2f: // nF: intermediates, then a final byte
		j := i + 1
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7e: // Fp, Fe, Fs: ESC 7, ESC c, ESC M, ...
		return i + 2
	}
	b.WriteRune('\u241b')
	return i + 1
}

// skipCSI skips the parameters, intermediates and final byte of a control
// sequence starting at s[i]. A malformed sequence ends at the first byte
// that cannot belong to it, which is kept.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string starting
// at s[i], through its terminator: BEL, ESC \ or the C1 ST (U+009C). With
// no terminator it stops before the end of the line.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new sequence starts: let the caller handle it
		case s[i] == '\n':
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
