package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/article"
)

func TestAnnotatedArticle(t *testing.T) {
	dir := t.TempDir()
	same := filepath.Join(dir, "same.txt")
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(same, []byte("Antony Blinken met Sergei Lavrov."), 0o644)
	os.WriteFile(other, []byte("Something else entirely."), 0o644)
	text := "Antony Blinken met Sergei Lavrov."
	tests := []struct {
		name    string
		text    string
		srcs    []string
		wantErr string
	}{
		{"the annotations' own text", text, nil, ""},
		{"the article it was made from", text, []string{same}, ""},
		{"another article", text, []string{other}, "another text"},
		{"control characters without an article", "a\x1b[2Jb", nil, "control characters"},
		{"missing article", text, []string{filepath.Join(dir, "nope.txt")}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := annotatedArticle(filepath.Join(dir, "a.json"), tt.text, tt.srcs, article.Options{})
			if tt.wantErr == "" {
				if err != nil || a.Text != tt.text {
					t.Fatalf("got %v, %v", a, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
			}
		})
	}
}

func TestAnnotationsFlagErrors(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCmd([]string{"--annotations", filepath.Join(dir, "none.json")}, ""); code != 1 || errs == "" {
		t.Errorf("missing annotations file: exit %d, %q", code, errs)
	}
	if code, _, errs := runCmd([]string{"--annotations", "x.json", "a.txt", "b.txt"}, ""); code != 2 || !strings.Contains(errs, "one article") {
		t.Errorf("two articles: exit %d, %q", code, errs)
	}
}
