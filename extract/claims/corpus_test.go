package claims

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// The figures reached on polnear-dev and the seed (go run
// ./extract/claims/cmd/claimeval [-file seed.jsonl]); the regression test
// fails when a change loses more than tolerance on any of them.
const (
	devContentF1 = 0.722
	devSourceAcc = 0.906
	seedF1       = 0.909
	seedSource   = 0.971
	tolerance    = 0.01
)

var update = flag.Bool("update", false, "rewrite testdata/seed.golden")

// toPreds converts claims to the scorer's predictions.
func toPreds(cs []Claim) []corpus.Pred {
	out := make([]corpus.Pred, len(cs))
	for i, c := range cs {
		p := corpus.Pred{Content: corpus.Span{Start: c.Content.Start, End: c.Content.End}, Speaker: c.Speaker}
		if c.Source != nil {
			p.Source = &corpus.Span{Start: c.Source.Start, End: c.Source.End}
		}
		if c.Cue != nil {
			p.Cue = &corpus.Span{Start: c.Cue.Start, End: c.Cue.End}
		}
		for _, s := range c.Pieces {
			p.Pieces = append(p.Pieces, corpus.Span{Start: s.Start, End: s.End})
		}
		out[i] = p
	}
	return out
}

// score runs Find over an evaluation file of the shared data folder.
func score(t testing.TB, file string) corpus.Tally {
	dir, ok := corpus.DataDir()
	if !ok {
		t.Skip("shared/eval/data not found next to the repository; skipping corpus test")
	}
	docs, err := corpus.Load(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	var tally corpus.Tally
	for _, d := range docs {
		tally.Score(d, toPreds(Find(text.Analyze(d.Text), nil)))
	}
	return tally
}

func TestPolnearDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	got := score(t, "polnear-dev.jsonl")
	t.Logf("polnear-dev: P %.3f R %.3f F1 %.3f source %.3f cue %.3f", got.P(), got.R(), got.F1(), got.SourceAcc(), got.CueAcc())
	if got.F1() < devContentF1-tolerance || got.SourceAcc() < devSourceAcc-tolerance {
		t.Errorf("polnear-dev regressed: content F1 %.3f (was %.3f), source acc %.3f (was %.3f)",
			got.F1(), devContentF1, got.SourceAcc(), devSourceAcc)
	}
}

func TestSeedGold(t *testing.T) {
	got := score(t, "seed.jsonl")
	t.Logf("seed: gold %d pred %d matched %d F1 %.3f source %.3f cue %.3f", got.Gold, got.Pred, got.Matched, got.F1(), got.SourceAcc(), got.CueAcc())
	if got.Gold < 36 {
		t.Errorf("seed gold has %d claims, want at least 36", got.Gold)
	}
	if got.F1() < seedF1-tolerance || got.SourceAcc() < seedSource-tolerance {
		t.Errorf("seed regressed: content F1 %.3f (was %.3f), source acc %.3f (was %.3f)", got.F1(), seedF1, got.SourceAcc(), seedSource)
	}
}

// TestSeedGolden pins the claims of the sample article: content first
// words, cue, speaker and kind, one claim a line.
func TestSeedGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "samples", "voa-blinken-baltic-weapons.txt"))
	if err != nil {
		t.Skip("sample article not found:", err)
	}
	got := strings.Join(describe(string(src), Find(text.Analyze(string(src)), nil)), "\n") + "\n"
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("seed claims changed (go test -run SeedGolden -update to accept):\n%s", got)
	}
}

func BenchmarkFind(b *testing.B) {
	dir, ok := corpus.DataDir()
	if !ok {
		b.Skip("shared/eval/data not found")
	}
	docs, err := corpus.Load(filepath.Join(dir, "polnear-dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var as []*text.Analysis
	words := 0
	for _, d := range docs {
		as = append(as, text.Analyze(d.Text))
		words += len(strings.Fields(d.Text))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range as {
			Find(a, nil)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We are ready,” she said. “Now.”",
		"According to the source, the plan was relayed.",
		"\"\"''“”\n\n“, said , according to",
		"Blinken said that \"the talks\" were ''useful'' and, adding, noted",
		"“Open\n\n“still open\n\nclosed.”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := text.Analyze(s)
		for _, c := range Find(a, nil) {
			for _, sp := range append([]text.Span{c.Content}, c.Pieces...) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
					t.Fatalf("bad content span %+v in %q", sp, s)
				}
			}
			for _, sp := range []*text.Span{c.Source, c.Cue} {
				if sp != nil && (sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End) {
					t.Fatalf("bad span %+v in %q", *sp, s)
				}
			}
		}
	})
}
