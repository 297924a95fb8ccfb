package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// goldenOutput holds, per dev file, the SHA-256 of every person Find
// returns (name, role, mention spans) as the embedded model tags the file.
// Speed-ups must leave them unchanged: any change of output, even one span,
// is a change of behaviour and not an optimisation. Update them only
// together with a retrained model or a deliberate change of the tagger.
var goldenOutput = map[string]string{
	"conll2003-dev.jsonl": "c486c038417c9162a0cfb468db5d888f142eef53e643bec76354fc7370c78a45",
	"re3d-dev.jsonl":      "26a4c117ab851976aa0f43f88b2b29366821a973d627284d8b6898858acd092e",
	"seed.jsonl":          "4378ac45c4f4ac3654997b6ca30ce2874117827f7dfdd4a31f3a0912b147224f",
	"polnear-dev.jsonl":   "1c4140cd815163bf604cb4d3a218f5153cd9fd2ef549b8d1ade0b0d2c5fa4f2f",
}

// outputHash tags a dev file and hashes everything Find returns.
func outputHash(t testing.TB, name string) (sum string, people int) {
	docs := evaldata.Docs(t, name)
	h := sha256.New()
	for _, d := range docs {
		fmt.Fprintf(h, "doc %s\n", d.ID)
		for _, p := range Find(text.Analyze(d.Text)) {
			people++
			fmt.Fprintf(h, "%q %q", p.Name, p.Role)
			for _, m := range p.Mentions {
				fmt.Fprintf(h, " %d-%d", m.Start, m.End)
			}
			h.Write([]byte{'\n'})
		}
	}
	return hex.EncodeToString(h.Sum(nil)), people
}

// TestGoldenOutput checks that the tagger's output on the dev files is
// exactly what it was (goldenOutput).
func TestGoldenOutput(t *testing.T) {
	for name, want := range goldenOutput {
		got, n := outputHash(t, name)
		t.Logf("%s: %d people, output hash %s", name, n, got)
		if got != want {
			t.Errorf("%s: output hash %s, want %s: the tagger's output changed", name, got, want)
		}
	}
}
