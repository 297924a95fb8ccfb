package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name string
		src  string
		opts Options
		want string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, "nope.txt: no such file"},
		{"directory", dir, Options{}, "is a directory, not an article"},
		{"empty", writeFile(t, "e.txt", ""), Options{}, "e.txt: empty: there is no text to read"},
		{"binary", writeFile(t, "b.bin", "\x7fELF\x02\x01\x01\x00\x00\x00"), Options{}, "not text: it contains NUL bytes"},
		{"200 MB sparse file", big, Options{}, "big.txt: 200 MB is larger than the 64 MB limit (raise it with --max-size)"},
		{"MaxBytes", writeFile(t, "m.txt", strings.Repeat("word ", 400)), Options{MaxBytes: 1000}, "m.txt: 1 KB is larger than the 1000 bytes limit"},
		{"stdin MaxBytes", "-", Options{MaxBytes: 10, Stdin: strings.NewReader(strings.Repeat("x", 11))}, "stdin: larger than the 10 bytes limit"},
		{"stdin empty", "-", Options{Stdin: strings.NewReader("")}, "stdin: empty"},
		{"html with no article", writeFile(t, "n.html", "<!doctype html><html><body><nav><a href=/>Home</a></nav></body></html>"), Options{}, "n.html: no article found in this page"},
		{"offline URL", "https://news.example/a", Options{Offline: true}, "https://news.example/a: --offline: not fetching URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Load(tt.src, tt.opts)
			if err == nil {
				t.Fatalf("Load(%q) = %q, want an error", tt.src, a.Text)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%q) error = %q, want it to contain %q", tt.src, err, tt.want)
			}
		})
	}
}

func TestLoadFormats(t *testing.T) {
	tests := []struct {
		name, file, content string
		stdin               bool
		format              Format
		text, markdown      string
		title               string
	}{
		{"text", "a.txt", "Hello *world*\r\n", false, FormatText, "Hello *world*\n", "", ""},
		{"unknown extension is text", "a.log", "# not markdown", false, FormatText, "# not markdown", "", ""},
		{"markdown", "a.md", "# Title\n\nBody *text*.\n", false, FormatMarkdown, "Title\n\nBody text.", "# Title\n\nBody *text*.\n", "Title"},
		{"markdown ext", "a.markdown", "Body\n", false, FormatMarkdown, "Body", "Body\n", ""},
		{"html by extension", "a.htm", "<p>Short page text.</p>", false, FormatHTML, "Short page text.", "Short page text.\n", ""},
		{"html sniffed on stdin", "", "\ufeff  <!DOCTYPE html><title>T</title><p>Sniffed text here.</p>", true, FormatHTML, "Sniffed text here.", "Sniffed text here.\n", "T"},
		{"text on stdin", "", "just text", true, FormatText, "just text", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a *Article
			var err error
			if tt.stdin {
				a, err = Load("-", Options{Stdin: strings.NewReader(tt.content)})
			} else {
				a, err = Load(writeFile(t, tt.file, tt.content), Options{})
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Format != tt.format || a.Text != tt.text || a.Markdown != tt.markdown || a.Meta.Title != tt.title {
				t.Errorf("got %v %q %q title %q; want %v %q %q title %q", a.Format, a.Text, a.Markdown, a.Meta.Title, tt.format, tt.text, tt.markdown, tt.title)
			}
		})
	}
}

// TestLoadHostile: no escape sequence survives Load, whatever the format.
func TestLoadHostile(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"text OSC 52", "h.txt", "Read this\x1b]52;c;cm0gLXJmIH4=\x07 now\x1b[2J.", "Read this now."},
		{"text C1 and bidi", "h.txt", "a\u009b2Jb \u202Egnp.exe", "ab \uFFFDgnp.exe"},
		{"latin-1 C1 byte", "h.txt", "caf\xe9 \x9b2J ok", "café ›2J ok"}, // 1252: 0x9b is ›,
		{"markdown raw ESC", "h.md", "Title\x1b[2J here\n", "Title here"},
		{"markdown entity ESC", "h.md", "esc &#27;[2J here\n", "esc ␛[2J here"},
		{"html raw ESC", "h.html", "<p>Hello\x1b]52;c;eA==\x07 there</p>", "Hello there"},
		{"html entity ESC", "h.html", "<p>Hello &#x1b;[2J there &#155;2J</p>", "Hello [2J there ›2J"}, // the HTML parser drops the ESC; &#155; is › (1252),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Load(writeFile(t, tt.file, tt.content), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for what, s := range map[string]string{"Text": a.Text, "Markdown": a.Markdown, "Title": a.Meta.Title} {
				if strings.ContainsAny(s, "\x1b\u009b\u009d\x07") {
					t.Errorf("%s has a control: %q", what, s)
				}
			}
			if a.Text != tt.want {
				t.Errorf("Text = %q, want %q", a.Text, tt.want)
			}
		})
	}
}

func TestFromText(t *testing.T) {
	a := FromText("sample", "Line one\r\nLine \x1b[31mtwo\x1b[0m")
	if a.Name != "sample" || a.Text != "Line one\nLine two" || a.Format != FormatText || a.Path != "" {
		t.Errorf("FromText = %+v", a)
	}
}
