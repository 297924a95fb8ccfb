package extract_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// goldenTagHash is the SHA-256 of the JSON of Tag over the texts of the dev
// files and the seed (see TestTagOutputHash). It guards speed work on the
// pipeline: a change that alters it changed the output. Recompute it only
// for a change meant to alter the output (a retrained model, a new rule).
const goldenTagHash = "4cece316cf36d046f1a7f7e1d344522a119d7e1c5457e7982b6144721c49cc59"

// TestTagOutputHash tags the texts of conll2003-dev, re3d-dev, polnear-dev
// and seed and compares a hash of their full JSON output with goldenTagHash.
func TestTagOutputHash(t *testing.T) {
	if _, ok := evaldata.Locate(); !ok {
		t.Skip("../shared/eval/data not found next to the repository: skipping the output hash")
	}
	h := sha256.New()
	for _, name := range []string{"conll2003-dev", "re3d-dev", "polnear-dev", "seed"} {
		for _, d := range evaldata.Docs(t, name+".jsonl") {
			b, err := json.Marshal(format.ToJSON(extract.Tag(d.Text)))
			if err != nil {
				t.Fatalf("%s %s: %v", name, d.ID, err)
			}
			h.Write(b)
			h.Write([]byte{'\n'})
		}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != goldenTagHash {
		t.Errorf("output hash = %s, want %s: Tag's output changed", got, goldenTagHash)
	}
}
