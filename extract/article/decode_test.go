package article

import (
	"errors"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		enc      string
		replaced int
	}{
		{"ascii", "Hello\n", "Hello\n", EncUTF8, 0},
		{"utf-8", "Café “talks”\n", "Café “talks”\n", EncUTF8, 0},
		{"utf-8 BOM", "\xef\xbb\xbfCafé", "Café", EncUTF8, 0},
		{"CRLF", "a\r\nb\r\n", "a\nb\n", EncUTF8, 0},
		{"CR", "a\rb\r", "a\nb\n", EncUTF8, 0},
		{"mixed endings", "a\r\nb\rc\nd", "a\nb\nc\nd", EncUTF8, 0},
		{"utf-16le BOM", "\xff\xfeC\x00a\x00f\x00\xe9\x00\r\x00\n\x00", "Café\n", EncUTF16LE, 0},
		{"utf-16be BOM", "\xfe\xff\x00C\x00a\x00f\x00\xe9 \x1c", "Café“", EncUTF16BE, 0},
		{"windows-1252", "\x93Caf\xe9\x94 \x96 \x80" + "5", "“Café” – €5", EncCP1252, 0},
		{"latin-1", "Caf\xe9 cr\xe8me br\xfbl\xe9e", "Café crème brûlée", EncLatin1, 0},
		{"1252 undefined byte", "a\x81b \x93c\x94", "a\uFFFDb “c”", EncCP1252, 1},
		{"mostly utf-8, one bad byte", "Café, naïve, “quoted” \xff end", "Café, naïve, “quoted” \uFFFD end", EncUTF8, 1},
		{"ESC is text, not binary", "a\x1b[2Jb", "a\x1b[2Jb", EncUTF8, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.want || d.Encoding != tt.enc || d.Replaced != tt.replaced {
				t.Errorf("Decode(%q) = %q, %s, %d; want %q, %s, %d", tt.in, d.Text, d.Encoding, d.Replaced, tt.want, tt.enc, tt.replaced)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"white space", " \n\t\r\n", ErrEmpty},
		{"BOM only", "\xef\xbb\xbf", ErrEmpty},
		{"utf-16 BOM only", "\xff\xfe", ErrEmpty},
		{"NUL", "abc\x00def", ErrBinary},
		{"utf-16 without BOM", "H\x00i\x00", ErrBinary},
		{"utf-16 with NUL chars", "\xff\xfeH\x00\x00\x00", ErrBinary},
		{"control soup", "\x01\x02\x03\x04\x05abc\x06\x07\x08", ErrBinary},
		{"PNG header", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.in))
			if !errors.Is(err, tt.want) {
				t.Errorf("Decode(%q) error = %v, want %v", tt.in, err, tt.want)
			}
		})
	}
}
