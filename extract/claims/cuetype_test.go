package claims

import (
	"math"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// TestTypedCueScore checks that the cue score read from the type cache is
// bit for bit the score of the hashed features, on every token, and that
// boundedCueScore is that score or a bound of it that marks nothing.
func TestTypedCueScore(t *testing.T) {
	n := 0
	eachCueSentence(t, func(d *doc, ts []*cueType, se text.Sentence) {
		for i := se.First; i < se.Last; i++ {
			want := d.m.cue.score(d.cueFeatures(d.inf, i, se.First, se.Last, nil))
			got := d.typedCueScore(ts, i, se.First, se.Last)
			if math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("token %q: typed score %v, hashed %v", d.toks[i].Text, got, want)
			}
			// The bounded score is the score, or a bound of it that
			// marks nothing.
			b := d.boundedCueScore(ts, i, se.First, se.Last)
			if cand, cue := d.marks(i, se.First, se.Last, b); math.Float32bits(b) != math.Float32bits(want) && (b < want || cand || cue) {
				t.Fatalf("token %q: bounded score %v, score %v", d.toks[i].Text, b, want)
			}
			n++
		}
	})
	t.Logf("%d tokens agree", n)
}

// eachCueSentence calls f with every sentence of a few hard cases and of
// the seed and polnear-dev files (when ../shared has them), with the doc
// of its text and the text's cue types.
func eachCueSentence(t *testing.T, f func(d *doc, ts []*cueType, se text.Sentence)) {
	t.Helper()
	texts := withDocs(t, []string{"“We are ready,” she said. “Now.”", "Blinken said that \"the talks\" were ''useful'' and, adding, noted"},
		"seed.jsonl", "polnear-dev.jsonl")
	for _, s := range texts {
		a := text.Analyze(s)
		d := newDoc(a)
		d.inf = d.infos()
		ts := d.m.cue.cueTypes(d.inf, nil)
		for _, se := range d.sentences(a.Sentences) {
			f(d, ts, se)
		}
	}
}

// TestCueBounds checks that markCues' sweep of a sentence gives every
// scored token, in order, the context cueCtxOf tells and the window
// cueWindow builds.
func TestCueBounds(t *testing.T) {
	n := 0
	eachCueSentence(t, func(d *doc, ts []*cueType, se text.Sentence) {
		toks, bs := d.cueLayout(ts, se.First, se.Last, nil, nil)
		for i := se.First; i < se.Last; i++ {
			if !d.cueScored(i) {
				continue
			}
			if len(bs) == 0 || int(bs[0].at) != i {
				t.Fatalf("token %d %q: not in the bounds", i, d.toks[i].Text)
			}
			if got, want := bs[0].ctx, d.cueCtxOf(i, se.First, se.Last); got != want {
				t.Fatalf("token %d %q: context %+v, want %+v", i, d.toks[i].Text, got, want)
			}
			if got, want := window(toks, i, se.First), d.cueWindow(ts, i, se.First, se.Last); *got != *want {
				t.Fatalf("token %d %q: window %+v, want %+v", i, d.toks[i].Text, *got, *want)
			}
			bs = bs[1:]
			n++
		}
		if len(bs) > 0 {
			t.Fatalf("bound of token %d %q, not scored", bs[0].at, d.toks[bs[0].at].Text)
		}
	})
	t.Logf("%d tokens agree", n)
}

// TestWordHashes checks wordHashes against its plain definition (three
// FNV-1a hashes, the stem's after stripping the first suffix that fits) on
// the words of the corpora and on texts of every length to 40.
func TestWordHashes(t *testing.T) {
	fnv := func(b []byte) uint32 {
		h := uint32(2166136261)
		for _, c := range b {
			h = (h ^ uint32(c)) * 16777619
		}
		return h
	}
	ref := func(w string) (full, st, suf uint32) {
		lw := []byte(w[:min(len(w), 32)])
		for i, c := range lw {
			if c >= 'A' && c <= 'Z' {
				lw[i] = c + 'a' - 'A'
			}
		}
		s := lw
		for _, x := range []string{"ing", "ed", "es", "s", "e"} {
			if len(lw) > len(x)+3 && strings.HasSuffix(string(lw), x) {
				s = lw[:len(lw)-len(x)]
				break
			}
		}
		return fnv(lw), fnv(s) ^ 0x5bd1e995, fnv(lw[max(0, len(lw)-3):]) ^ 0x27d4eb2d
	}
	words := []string{"", "a", "Said", "SAYING", "sing", "using", "noted", "ed", "bed", "shed", "goes", "does", "isés", "États"}
	for n := range 41 {
		words = append(words, strings.Repeat("Ab", n)[:n], strings.Repeat("ing", n), strings.Repeat("es", n))
	}
	for _, s := range withDocs(t, nil, "seed.jsonl", "polnear-dev.jsonl") {
		for _, tok := range text.Tokenize(s) {
			words = append(words, tok.Text)
		}
	}
	for _, w := range words {
		a, b, c := wordHashes(w)
		if x, y, z := ref(w); a != x || b != y || c != z {
			t.Fatalf("%q: %x %x %x, want %x %x %x", w, a, b, c, x, y, z)
		}
	}
}

// TestClsRows checks that clsRows packs clsRow, that clsRow orders the
// classes, and that a cue type fills whole cache lines.
func TestClsRows(t *testing.T) {
	if n := unsafe.Sizeof(cueType{}); n != 320 {
		t.Errorf("a cue type is %d bytes, not 320", n)
	}
	var seen [nCls]bool
	for c, r := range clsRow {
		if got := clsRows >> (4 * c) & 15; got != uint64(r) {
			t.Errorf("class %d: row %d in clsRows, %d in clsRow", c, got, r)
		}
		if seen[r] {
			t.Errorf("row %d twice", r)
		}
		seen[r] = true
	}
}

// TestStartScore checks that startScore is bit for bit the start ranker's
// score of startFeatures for every cue and start candidate.
func TestStartScore(t *testing.T) {
	texts := withDocs(t, []string{"Blinken said that \"the talks\" were useful, officials told VOA in an email on Friday."},
		"polnear-dev.jsonl")
	n := 0
	for _, s := range texts {
		d := newDoc(text.Analyze(s))
		d.inf = d.infos()
		st := d.m.start.st
		if st == nil {
			t.Fatal("no start tables")
		}
		for c := range len(d.toks) - 1 {
			a, b := startCandidates(c, len(d.toks))
			sk, passed := startKeysOf(d.inf, c), uint32(0)
			for j := a; j < b; j++ {
				passed = d.passedAt(c, j, passed)
				want := d.m.start.score(d.startFeatures(d.inf, sk, c, j, passed, nil))
				if got := d.startScore(st, sk, c, j, passed); math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("cue %d start %d: %v, want %v", c, j, got, want)
				}
				n++
			}
		}
	}
	t.Logf("%d start candidates agree", n)
}

// withDocs returns texts followed by the texts of the named evaluation
// files, when the data folder is present.
func withDocs(t *testing.T, texts []string, files ...string) []string {
	t.Helper()
	dir, ok := corpus.DataDir()
	if !ok {
		return texts
	}
	for _, f := range files {
		docs, err := corpus.Load(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	return texts
}

// TestEndScore checks that endScore is bit for bit the end ranker's score
// of endFeatures for every content start and end candidate.
func TestEndScore(t *testing.T) {
	texts := withDocs(t, []string{"Blinken said that “the talks” were useful, officials told VOA in an email on Friday."},
		"polnear-dev.jsonl")
	n := 0
	for _, s := range texts {
		a := text.Analyze(s)
		d := newDoc(a)
		d.inf = d.infos()
		et := d.m.end.et
		if et == nil {
			t.Fatal("no end tables")
		}
		for _, se := range a.Sentences {
			for k := se.First; k < se.Last; k++ {
				c := max(k-1, 0)
				ek := endKeysOf(d.inf, c, k)
				ew := d.m.end.endKeyWeights(ek)
				for j := k + 1; j <= se.Last; j++ {
					want := d.m.end.score(d.endFeatures(d.inf, ek, k, j, se.Last, nil))
					if got := d.endScore(et, &ew, ek, k, j, se.Last); math.Float32bits(got) != math.Float32bits(want) {
						t.Fatalf("content %d end %d: %v, want %v", k, j, got, want)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d end candidates agree", n)
}
