package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEval(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	pred := filepath.Join(dir, "pred.jsonl")
	write := func(path, s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(gold, `{"id":"a","annotated":["person","country"],"text":"Joe Biden visited Ukraine.",`+
		`"entities":[{"start":0,"end":9,"type":"person","text":"Joe Biden","entity":"Joe Biden"},{"start":18,"end":25,"type":"country","text":"Ukraine"}]}`+"\n")
	write(pred, `{"id":"a","entities":[{"start":4,"end":9,"type":"person","entity":"Biden"}]}`+"\nbad\n")
	for _, tt := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"tag and score", []string{"eval", gold, "--workers", "2"}, 0, []string{"gold docs 1, missing in prediction 0, errors none", "SUMMARY person_f1="}},
		{"prediction file", []string{"eval", "--pred", pred, gold, "--types", "person"}, 0,
			[]string{"errors {'bad_line': 1}", "person        1     1 |   0.000  0.000  0.000 |     1.000  1.000  1.000", "SUMMARY person_f1=0.0000\n"}},
		{"json", []string{"eval", gold, "--pred", pred, "--json", "--types", "country"}, 0, []string{`"country": {`, `"f1": 0.0`}},
		{"help", []string{"eval", "--help"}, 0, nil},
		{"no gold", []string{"eval"}, 2, nil},
		{"missing file", []string{"eval", filepath.Join(dir, "none.jsonl")}, 1, nil},
		{"bad gold", []string{"eval", pred}, 1, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(tt.args, "")
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(tt.name, "json") && (!json.Valid([]byte(out)) || !strings.HasPrefix(errs, "SUMMARY")) {
				t.Errorf("not JSON with the summary on stderr: %q %q", out, errs)
			}
		})
	}
}
