package format

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
)

// checkBIO validates CoNLL output: four columns per token line, tags O,
// B-X or I-X with a known X, and every I-X right after a B-X or I-X in the
// same sentence.
func checkBIO(t *testing.T, out []byte) (tokens, chunks int) {
	t.Helper()
	labels := map[string]bool{"PER": true, "COUNTRY": true, "DEMONYM": true, "WEAPON": true}
	prev := "O"
	sc := bufio.NewScanner(bytes.NewReader(out))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			prev = "O"
			continue
		}
		f := strings.Split(line, " ")
		if len(f) != 4 || f[0] == "" {
			t.Fatalf("line %d: %q is not TOKEN -X- _ TAG", n, line)
		}
		tag := f[3]
		if f[0] == "-DOCSTART-" {
			continue
		}
		tokens++
		switch {
		case tag == "O":
		case strings.HasPrefix(tag, "B-") && labels[tag[2:]]:
			chunks++
		case strings.HasPrefix(tag, "I-") && labels[tag[2:]]:
			if prev == "O" || prev[2:] != tag[2:] {
				t.Errorf("line %d: %s follows %s", n, tag, prev)
			}
		default:
			t.Errorf("line %d: bad tag %q", n, tag)
		}
		prev = tag
	}
	return tokens, chunks
}

// TestCoNLL checks the BIO structure of the sample's and the unicode
// article's CoNLL export, that every mention that is not inside another
// starts a chunk, and, when a conlleval script is found ($CONLLEVAL or
// conlleval on PATH), that conlleval accepts the sample and scores it 100%
// against itself.
func TestCoNLL(t *testing.T) {
	for _, d := range []*docT{{"sample", sampleDoc(t)}, {"unicode", unicodeDoc(t)}} {
		var b bytes.Buffer
		if err := WriteCoNLL(&b, d.doc); err != nil {
			t.Fatal(err)
		}
		_, chunks := checkBIO(t, b.Bytes())
		outer := 0
		for i, m := range d.doc.Mentions {
			if i == 0 || !d.doc.Mentions[i-1].Contains(m.Span) {
				outer++
			}
		}
		if chunks < outer {
			t.Errorf("%s: %d chunks for %d outer mentions", d.name, chunks, outer)
		}
	}
	script := os.Getenv("CONLLEVAL")
	if script == "" {
		script, _ = exec.LookPath("conlleval")
	}
	if script == "" {
		t.Skip("no conlleval script ($CONLLEVAL or conlleval on PATH): checked the BIO structure only")
	}
	var b bytes.Buffer
	WriteCoNLL(&b, sampleDoc(t))
	// conlleval reads gold and guess from the last two columns: repeat the tag.
	var in bytes.Buffer
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			line = strings.Join(append(f, f[len(f)-1]), " ") + "\n"
		}
		in.WriteString(line)
	}
	args := []string{script}
	if strings.HasSuffix(script, ".pl") || !isExecutable(script) {
		args = []string{"perl", script}
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin = &in
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("conlleval: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "FB1: 100.00") || !strings.Contains(string(out), "accuracy: 100.00%") {
		t.Errorf("conlleval does not score 100%%:\n%s", out)
	}
	t.Logf("conlleval:\n%s", out)
}

type docT struct {
	name string
	doc  *extract.Doc
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode()&0o111 != 0
}
