package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/article"
)

func TestLoadArticles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md")
	for p, s := range map[string]string{a: "First article text here.\n", b: "# Second\n\nMarkdown *text*.\n"} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		srcs       []string
		names      []string
		errs       int
		errMention string
	}{
		{nil, []string{"voa-blinken-baltic-weapons.txt"}, 0, ""},
		{[]string{a, b}, []string{"a.txt", "b.md"}, 0, ""},
		{[]string{a, missing, b}, []string{"a.txt", "b.md"}, 1, "missing.txt"},
		{[]string{missing}, nil, 1, "missing.txt"},
	}
	for _, tt := range tests {
		arts, errs := loadArticles(tt.srcs, article.Options{Offline: true})
		var names []string
		for _, a := range arts {
			names = append(names, a.Name)
		}
		if strings.Join(names, ",") != strings.Join(tt.names, ",") || len(errs) != tt.errs {
			t.Errorf("%v: loaded %v with %d errors, want %v with %d", tt.srcs, names, len(errs), tt.names, tt.errs)
		}
		if tt.errs > 0 && !strings.Contains(errs[0].Error(), tt.errMention) {
			t.Errorf("%v: error %q does not name %s", tt.srcs, errs[0], tt.errMention)
		}
	}
}

func TestReaderRefusals(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.txt")
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{missing}, 1, "nope.txt"},
		{[]string{missing, filepath.Join(dir, "nope2.txt")}, 1, "nope2.txt"},
		{[]string{"--review-file", filepath.Join(dir, "r.json"), missing, missing}, 2, "--review-file is for one article"},
	}
	for _, tt := range tests {
		var out, errb strings.Builder
		if got := run(tt.args, strings.NewReader(""), &out, &errb); got != tt.status || !strings.Contains(errb.String(), tt.stderr) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", tt.args, got, errb.String(), tt.status, tt.stderr)
		}
	}
}
