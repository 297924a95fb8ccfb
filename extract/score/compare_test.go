package score_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/extract/score"
)

// evalDir is ../shared/eval beside the repository, or the test is skipped.
func evalDir(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found: cannot compare with score.py")
	}
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(dir, "score.py")); err != nil {
		t.Skipf("no score.py in %s: cannot compare", dir)
	}
	return dir
}

// driver runs score.py's main on many argument lists in one process
// (starting python3 is slow), printing [stdout, stderr] for each.
const driver = `
import contextlib, importlib.util, io, json, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
read, cache = m.read_jsonl, {}
def cached(path, errors=None):  # files are read once; errors replayed
    k = (path, errors is None)
    if k not in cache:
        e = None if errors is None else {}
        cache[k] = (read(path, e), e)
    docs, e = cache[k]
    for x, n in (e or {}).items():
        errors[x] = errors.get(x, 0) + n
    return docs
m.read_jsonl = cached
out = []
for argv in json.load(sys.stdin):
    sys.argv = ["score.py"] + argv
    o, e = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
        try:
            m.main()
        except BaseException as x:
            print("score.py failed:", repr(x), file=e)
    out.append([o.getvalue(), e.getvalue()])
json.dump(out, sys.stdout)
`

// comparison is a set of (gold, pred, flags) cases run by both scorers.
type comparison struct {
	dir   string
	names []string
	argvs [][]string
	got   [][2]string // Go's stdout and stderr
}

// add scores goldPath and predPath with the Go scorer, as score.py would
// with args, plain and with --json.
func (c *comparison) add(t *testing.T, name, goldPath, predPath string, args ...string) {
	t.Helper()
	gold, err := readFile(goldPath, score.ReadGold)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	pred, err := readFile(predPath, score.ReadPred)
	if err != nil {
		t.Fatal(err)
	}
	var opts score.Options
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--claims":
			opts.Claims = true
		case "--types":
			i++
			opts.Types = args[i]
		}
	}
	res := score.Score(gold, pred, opts)
	var text, js bytes.Buffer
	_ = res.WriteText(&text)
	_ = res.WriteJSON(&js)
	argv := append([]string{goldPath, predPath}, args...)
	c.names = append(c.names, name, name+" --json")
	c.argvs = append(c.argvs, argv, append(slices.Clip(argv), "--json"))
	c.got = append(c.got, [2]string{text.String(), ""}, [2]string{js.String(), res.Summary() + "\n"})
}

// check runs score.py on every case and requires byte-identical output.
func (c *comparison) check(t *testing.T) {
	t.Helper()
	in, _ := json.Marshal(c.argvs)
	cmd := exec.Command("python3", "-c", driver, filepath.Join(c.dir, "score.py"))
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want [][2]string
	if err := json.Unmarshal(out, &want); err != nil || len(want) != len(c.got) {
		t.Fatalf("python3 output: %v (%d results for %d cases)", err, len(want), len(c.got))
	}
	for i, w := range want {
		if w != c.got[i] {
			t.Errorf("%s: score.py %v differs:\nwant\n%s%s\ngot\n%s%s", c.names[i], c.argvs[i], w[0], w[1], c.got[i][0], c.got[i][1])
		}
	}
}

func readFile(path string, read func(io.Reader) ([]score.Doc, error)) ([]score.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f)
}

// TestSameAsScorePy tags each dev file and scores the result with score.py
// and with this package: the outputs must be identical.
func TestSameAsScorePy(t *testing.T) {
	c := &comparison{dir: evalDir(t)}
	dir, tmp := c.dir, t.TempDir()
	for _, name := range []string{"seed", "conll2003-dev", "re3d-dev", "polnear-dev"} {
		t.Run(name, func(t *testing.T) {
			goldPath := filepath.Join(dir, "data", name+".jsonl")
			gold, err := readFile(goldPath, score.ReadGold)
			if err != nil {
				t.Skipf("%v", err)
			}
			var pred bytes.Buffer
			for _, g := range gold {
				doc := extract.Tag(g.Text)
				doc.ID = g.ID
				j := format.ToJSON(doc)
				j.Title = ""
				if err := format.EncodeLine(&pred, j); err != nil {
					t.Fatal(err)
				}
			}
			predPath := filepath.Join(tmp, name+".pred.jsonl")
			if err := os.WriteFile(predPath, pred.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			c.add(t, name, goldPath, predPath)
			if name == "seed" || name == "re3d-dev" {
				c.add(t, name, goldPath, predPath, "--types", "demonym,person,weapon", "--claims")
			}
		})
	}
	c.check(t)
}

// TestSameAsScorePyOnOddFiles compares on random small files full of what
// score.py must cope with: malformed predictions, repeated ids, missing
// documents, discontinuous claims, Unicode case and word rules.
func TestSameAsScorePyOnOddFiles(t *testing.T) {
	c := &comparison{dir: evalDir(t)}
	tmp := t.TempDir()
	optsList := [][]string{nil, {"--claims"}, {"--types", "person, country"}, {"--types", "weapon,person,person", "--claims"}, {"--types", ","}}
	for i := range 24 {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		gold, pred := oddFiles(r)
		gp, pp := filepath.Join(tmp, fmt.Sprint(i, "g")), filepath.Join(tmp, fmt.Sprint(i, "p"))
		if os.WriteFile(gp, gold, 0o644) != nil || os.WriteFile(pp, pred, 0o644) != nil {
			t.Fatal("cannot write")
		}
		c.add(t, fmt.Sprint("odd file ", i), gp, pp, optsList[i%len(optsList)]...)
	}
	c.check(t)
}

var words = []string{"Putin", "said", "ΟΔΟΣ", "İstanbul", "O’Neil-Smith", "Mr.", "x\u0301y", "the", "“talks”", "a_b",
	"\u00a0", "\x1c", "Kirby", "U.S.", "٣٤", "naïve", "—", "\n", "'s", "Σ."}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// oddSpan is a span, mostly valid for a text of n code points.
func oddSpan(r *rand.Rand, n int, odd bool) any {
	s := r.IntN(n)
	e := s + 1 + r.IntN(min(12, n-s))
	if !odd || r.IntN(4) > 0 {
		return []int{s, e}
	}
	return pick[any](r, nil, []int{e, s}, []any{float64(s), e}, []int{s, n + 3}, []int{-1, e}, []any{true, e}, "x", []int{s})
}

func oddFiles(r *rand.Rand) (gold, pred []byte) {
	var g, p bytes.Buffer
	types := []string{"person", "country", "demonym", "weapon", "location"}
	for d := range 1 + r.IntN(4) {
		var tw []string
		for range 20 + r.IntN(40) {
			tw = append(tw, pick(r, words...))
		}
		text := strings.Join(tw, pick(r, " ", " ", "  "))
		n := len([]rune(text))
		id := pick[any](r, fmt.Sprint("d", d), d, "d0")
		gd := map[string]any{"id": id, "text": text}
		if r.IntN(3) > 0 {
			gd["annotated"] = []string{pick(r, types...), pick(r, types...), "claims"}
		}
		ents, claims := []any{}, []any{}
		for range r.IntN(8) {
			sp := oddSpan(r, n, false).([]int)
			e := map[string]any{"start": sp[0], "end": sp[1], "type": pick(r, types...), "text": string([]rune(text)[sp[0]:sp[1]])}
			if r.IntN(2) == 0 {
				e["entity"] = pick[any](r, nil, "", "Putin", "ΟΔΟΣ", "i̇stanbul")
			}
			ents = append(ents, e)
		}
		for range r.IntN(4) {
			c := map[string]any{"content": oddSpan(r, n, false), "source": pick(r, nil, oddSpan(r, n, false)), "cue": oddSpan(r, n, false)}
			if r.IntN(3) == 0 {
				c["content_pieces"] = []any{oddSpan(r, n, false), oddSpan(r, n, false)}
			}
			if r.IntN(2) == 0 {
				c["speaker"] = pick(r, "Kirby", "John Kirby", "ΟΔΟΣ")
			}
			claims = append(claims, c)
		}
		if r.IntN(4) > 0 {
			gd["entities"] = ents
		}
		if r.IntN(2) > 0 {
			gd["claims"] = claims
		}
		writeLine(&g, gd, "\n")
		if r.IntN(6) > 0 {
			writeLine(&p, oddPred(r, id, text, n, types), pick(r, "\n", "\r\n", "\r"))
		}
		if r.IntN(4) == 0 {
			p.WriteString(pick(r, "not json\n", "[1]\n", "{\"x\": 1}\n", "  \n", "{\"id\": \"d1\"\n"))
		}
	}
	return g.Bytes(), p.Bytes()
}

func oddPred(r *rand.Rand, id any, text string, n int, types []string) map[string]any {
	pd := map[string]any{"id": id, "text": pick[any](r, text, text, nil, "other", 3)}
	var ents []any
	for range r.IntN(10) {
		e := map[string]any{"type": pick[any](r, types[0], types[1], types[2], types[3], 5)}
		if sp, ok := oddSpan(r, n, true).([]int); ok && len(sp) == 2 {
			e["start"], e["end"] = sp[0], sp[1]
		} else {
			e["start"], e["end"] = 0.0, true
		}
		if r.IntN(2) == 0 {
			e["entity"] = pick[any](r, " putin ", "ΟΔΟς", "İstanbul", "  ", 3, "kirby")
		}
		ents = append(ents, pick[any](r, e, e, e, "e"))
	}
	pd["entities"] = pick[any](r, ents, ents, ents, "ab", map[string]any{"a": 1}, nil, 0)
	var claims []any
	for range r.IntN(5) {
		c := map[string]any{"content": oddSpan(r, n, true), "source": pick(r, nil, oddSpan(r, n, true)), "cue": oddSpan(r, n, true)}
		if r.IntN(3) == 0 {
			c["content_pieces"] = pick[any](r, []any{oddSpan(r, n, true), oddSpan(r, n, true)}, "ab", []any{})
		}
		if r.IntN(2) == 0 {
			c["speaker"] = pick[any](r, "kirby", " JOHN  kirby ", "Σ", 4)
		}
		claims = append(claims, pick[any](r, c, c, c, 1))
	}
	pd["claims"] = claims
	return pd
}

func writeLine(b *bytes.Buffer, v any, nl string) {
	j, _ := json.Marshal(v)
	b.Write(j)
	b.WriteString(nl)
}
