package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestTagJSONLInterrupt: Ctrl+C while the input is still open (a terminal or
// a slow pipe) stops at once with every written line whole and status 130.
func TestTagJSONLInterrupt(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() { done <- tagJSONL(ctx, pr, &out, &errb, 2) }()
	for i := 0; i < 3; i++ {
		if _, err := io.WriteString(pw, `{"id": "d", "text": "Antony Blinken met Sergei Lavrov in Geneva."}`+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(200 * time.Millisecond) // let the three documents be tagged; the pipe stays open
	cancel()
	select {
	case code := <-done:
		if code != 130 {
			t.Errorf("exit status %d, want 130", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("tagJSONL did not stop after the interrupt")
	}
	for i, line := range strings.SplitAfter(out.String(), "\n") {
		if line != "" && (!strings.HasPrefix(line, `{"id":"d"`) || !strings.HasSuffix(line, "}\n")) {
			t.Errorf("line %d is not whole: %q", i+1, line)
		}
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr %q does not say it was interrupted", errb.String())
	}
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{"": 0, "one": 1, " two  words\n": 2, "a\tb\nc": 3} {
		if got := countWords(in); got != want {
			t.Errorf("countWords(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestProgressSilentWhenNotATerminal(t *testing.T) {
	var errb bytes.Buffer
	p := newProgress(&errb, strings.NewReader(""))
	p.done(10)
	p.finish()
	if errb.Len() != 0 {
		t.Errorf("progress wrote %q to a non-terminal", errb.String())
	}
}

// TestTagFolder: "dossier tag -o OUT DIR" writes one output per article in
// DIR, in the chosen format, and skips files that are not articles.
func TestTagFolder(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	for name, text := range map[string]string{
		"a.txt":     "Antony Blinken met Sergei Lavrov in Geneva.",
		"b.md":      "# Talks\n\nRussian troops massed near Ukraine.",
		"notes.bin": "not an article",
	} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errs := runCmd([]string{"tag", "--format", "spacy", "-o", out, in}, "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got, _ := filepath.Glob(filepath.Join(out, "*"))
	for i := range got {
		got[i] = filepath.Base(got[i])
	}
	if strings.Join(got, ",") != "a.spacy.jsonl,b.spacy.jsonl" {
		t.Errorf("outputs %v, want a.spacy.jsonl and b.spacy.jsonl", got)
	}
	if code, _, errs := runCmd([]string{"tag", in}, ""); code != 2 || !strings.Contains(errs, "-o DIR") {
		t.Errorf("a folder without -o: exit %d, %q", code, errs)
	}
}
