package review

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// openT opens a store or fails the test; the store is closed at cleanup.
func openT(t *testing.T, path, text string, find bool) (*Store, *Opened) {
	t.Helper()
	s, op, err := Open(path, "article.txt", text, find)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, op
}

func TestStoreRoundTrip(t *testing.T) {
	path := PathFor(t.TempDir(), testText)
	s, op := openT(t, path, testText, true)
	if len(op.Decisions) != 0 || len(op.Notices) != 0 {
		t.Fatalf("fresh store: %+v", op)
	}
	r := New(testDoc(), nil)
	mustDo(t, r, accept("Russia"))
	mustDo(t, r, split("Blinken", 1))
	if err := s.Save(r.Actions()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, op = openT(t, path, testText, true)
	r2 := New(testDoc(), op.Decisions)
	if summary(r2.Result()) != summary(r.Result()) {
		t.Errorf("reloaded review differs:\n%s\nwant\n%s", summary(r2.Result()), summary(r.Result()))
	}
	if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func TestStoreRenamesBadFilesAside(t *testing.T) {
	tests := []struct {
		name, content, tag string
	}{
		{"corrupt", `{"version":1,"text_hash":"x","actions":[{"op":`, "corrupt"},
		{"not json", "\x00\x01garbage", "corrupt"},
		{"newer", `{"version":99,"text_hash":"x","actions":[]}`, "newer"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.review.json")
		os.WriteFile(path, []byte(tt.content), 0o644)
		s, op := openT(t, path, testText, false)
		if len(op.Decisions) != 0 || len(op.Notices) != 1 || !strings.Contains(op.Notices[0], "kept as") {
			t.Errorf("%s: %+v", tt.name, op)
		}
		aside, _ := filepath.Glob(path + "." + tt.tag + "-*")
		if len(aside) != 1 {
			t.Fatalf("%s: renamed aside: %v", tt.name, aside)
		}
		if b, _ := os.ReadFile(aside[0]); string(b) != tt.content {
			t.Errorf("%s: the bad file was changed", tt.name)
		}
		if err := s.Save(nil); err != nil {
			t.Errorf("%s: save after renaming aside: %v", tt.name, err)
		}
	}
}

func TestStoreLock(t *testing.T) {
	path := PathFor(t.TempDir(), testText)
	first, _ := openT(t, path, testText, false)
	if err := first.Save(nil); err != nil {
		t.Fatal(err)
	}
	second, op := openT(t, path, testText, false)
	if !second.ReadOnly() || len(op.Notices) == 0 || !strings.Contains(op.Notices[0], "another dossier") {
		t.Skipf("no advisory lock on this system (read-only %v)", second.ReadOnly())
	}
	if err := second.Save(nil); !errors.Is(err, ErrLocked) {
		t.Errorf("second save: %v, want ErrLocked", err)
	}
	first.Close()
	third, _ := openT(t, path, testText, false)
	if third.ReadOnly() {
		t.Error("the lock outlived Close")
	}
}

func TestStoreChangedText(t *testing.T) {
	dir := t.TempDir()
	s, _ := openT(t, PathFor(dir, testText), testText, true)
	r := New(testDoc(), nil)
	mustDo(t, r, reject("Geneva"))
	mustDo(t, r, remove("Blinken", 1))
	mustDo(t, r, move("Javelin", "Javelin missiles"))
	if err := s.Save(r.Actions()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// A sentence is inserted at the top and "Javelin missiles" is reworded.
	edited := "Breaking news from the talks. " + strings.Replace(testText, "Javelin missiles", "Stinger missiles", 1)
	_, op := openT(t, PathFor(dir, edited), edited, true)
	if len(op.Notices) != 2 || !strings.Contains(op.Notices[1], "2 of 3 decisions re-anchored") {
		t.Fatalf("notices %q", op.Notices)
	}
	shift := len("Breaking news from the talks. ")
	if m := op.Decisions[1].Mention; m.Start != span("Blinken| flew").Start+shift || edited[m.Start:m.End] != "Blinken" {
		t.Errorf("remove re-anchored at %d (%q)", m.Start, edited[max(m.Start, 0):max(m.End, 0)])
	}
	if m := op.Decisions[2].Mention; m.Start != -1 {
		t.Errorf("the reworded mention was placed at %d", m.Start)
	}
}
