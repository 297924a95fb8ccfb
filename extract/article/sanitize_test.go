package article

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean", "Plain text,\ttabs and\nnewlines: ok. Ünïcödé “quotes”", "Plain text,\ttabs and\nnewlines: ok. Ünïcödé “quotes”"},
		{"CSI clear screen", "before\x1b[2Jafter", "beforeafter"},
		{"CSI colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"CSI private mode", "a\x1b[?1049hb", "ab"},
		{"OSC 52 clipboard BEL", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"OSC 52 clipboard ST", "x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"},
		{"OSC 8 hyperlink", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC unterminated stops at line end", "a\x1b]0;title\nnext line", "a\nnext line"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"short ESC sequences", "a\x1bcb\x1b7c\x1b(Bd", "abcd"},
		{"lone ESC", "a\x1b", "a␛"},
		{"ESC then newline", "a\x1b\nb", "a␛\nb"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"C1 OSC", "a\u009d52;c;eA==\u009cb", "ab"},
		{"other C1", "a\u0085b\u0080c", "a\uFFFDb\uFFFDc"},
		{"C0 controls", "bell\x07 cr\r bs\x08 nul\x00", "bell␇ cr␍ bs␈ nul␀"},
		{"DEL", "a\x7fb", "a␡b"},
		{"bidi override", "abc\u202Efed\u202C", "abc\uFFFDfed\uFFFD"},
		{"bidi isolates", "\u2066x\u2069", "\uFFFDx\uFFFD"},
		{"marks kept", "\u200Fשלום\u200E", "\u200Fשלום\u200E"},
		{"highlight markers", "a\u2062b\u2063c", "a\uFFFDb\uFFFDc"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"real U+FFFD kept", "a\uFFFDb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Sanitize(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
			if strings.ContainsRune(got, esc) {
				t.Errorf("ESC left in %q", got)
			}
		})
	}
}

func BenchmarkSanitizeClean(b *testing.B) {
	s := strings.Repeat("A clean line of article text, with “quotes”.\n", 2000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sanitize(s)
	}
}
