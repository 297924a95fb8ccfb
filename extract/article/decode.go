package article

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Article.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncCP1252  = "windows-1252"
	EncLatin1  = "iso-8859-1"
)

// Errors Decode returns; Load wraps them with the article's name.
var (
	ErrEmpty  = errors.New("empty: there is no text to read")
	ErrBinary = errors.New("not text: it contains NUL bytes or other binary data (UTF-16 needs a byte-order mark)")
)

// Decoded is text decoded to UTF-8 by Decode.
type Decoded struct {
	Text     string // UTF-8, BOM removed, line ends normalised to \n; not sanitized
	Encoding string // EncUTF8, EncUTF16LE, EncUTF16BE, EncCP1252 or EncLatin1
	Replaced int    // bytes that were not valid in Encoding, now U+FFFD
}

// Decode turns the bytes of a text file into UTF-8 text with \n line ends.
//
// A BOM decides: UTF-8, UTF-16LE or UTF-16BE. Without one, valid UTF-8 is
// UTF-8. Bytes that are not valid UTF-8 are read as a legacy 8-bit text
// unless the text is mostly UTF-8: when its valid multi-byte UTF-8
// sequences outnumber its invalid bytes (a UTF-8 file with a few damaged
// bytes), the bad bytes become U+FFFD and Decoded.Replaced counts them.
// Otherwise the text is Windows-1252, a superset of Latin-1 for printable
// text: the two differ only in 0x80–0x9F, which are C1 controls in Latin-1
// and never text, and punctuation (’ “ ” – €) in 1252. It is reported as
// EncLatin1 when no byte falls in that range (both then read the same).
// The five bytes 1252 leaves undefined become U+FFFD.
//
// Decode refuses empty (or all-whitespace) input with ErrEmpty and input with
// NUL bytes or many other C0 controls with ErrBinary.
func Decode(b []byte) (Decoded, error) {
	var d Decoded
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		d = decodeUTF8(b[3:])
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		d = decodeWith(b, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncUTF16LE)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		d = decodeWith(b, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncUTF16BE)
	default:
		if isBinary(b) {
			return Decoded{}, ErrBinary
		}
		d = decodeUTF8(b)
	}
	if strings.TrimSpace(d.Text) == "" {
		return Decoded{}, ErrEmpty
	}
	if isBinary([]byte(d.Text)) {
		return Decoded{}, ErrBinary
	}
	d.Text = normaliseNewlines(d.Text)
	return d, nil
}

// decodeUTF8 decodes b, which may hold invalid UTF-8, as described in Decode.
func decodeUTF8(b []byte) Decoded {
	if utf8.Valid(b) {
		return Decoded{Text: string(b), Encoding: EncUTF8}
	}
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		i += size
	}
	if multi > bad {
		return Decoded{Text: strings.ToValidUTF8(string(b), "\uFFFD"), Encoding: EncUTF8, Replaced: bad}
	}
	enc := EncLatin1
	for _, c := range b {
		if c >= 0x80 && c <= 0x9f {
			enc = EncCP1252
			break
		}
	}
	return decodeWith(b, charmap.Windows1252, enc)
}

// decodeWith decodes b with e; errors cannot happen with x/text's decoders,
// which replace what they cannot decode.
func decodeWith(b []byte, e encoding.Encoding, name string) Decoded {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		out = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	n := 0
	if name == EncCP1252 {
		for _, c := range b {
			if c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d {
				n++
			}
		}
	} else {
		n = bytes.Count(out, []byte("\uFFFD")) - bytes.Count(b, []byte("\uFFFD"))
	}
	return Decoded{Text: string(out), Encoding: name, Replaced: max(n, 0)}
}

// isBinary reports whether b looks like binary data: a NUL byte, or more
// than 1 in 10 of its first 8 KB being C0 controls other than whitespace
// and ESC (which Sanitize deals with).
func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	head := b[:min(len(b), 8<<10)]
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != esc {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// normaliseNewlines turns \r\n and lone \r into \n.
func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// describe says what Decode did, for Article.Notes; "" when nothing worth
// saying happened.
func (d Decoded) describe() string {
	var parts []string
	if d.Encoding != EncUTF8 {
		parts = append(parts, "read as "+d.Encoding)
	}
	if d.Replaced > 0 {
		parts = append(parts, fmt.Sprintf("%d invalid byte(s) replaced with U+FFFD", d.Replaced))
	}
	return strings.Join(parts, "; ")
}
