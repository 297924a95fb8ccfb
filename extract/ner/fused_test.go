package ner

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// TestTagDocMatchesReference checks the fused tagger (word cache, fused
// rows, tables, decode) against the plain one, feature by feature: the
// tokens' information, the first stage's tags, the second stage's
// emissions and its tags must be the very same. It tags a few texts and the
// dev file, when present, twice over, so that the second pass runs from a
// warm word cache.
func TestTagDocMatchesReference(t *testing.T) {
	m := defaultModel()
	texts := referenceTexts(t)
	tg := new(tagger)
	for pass := range 2 {
		for _, src := range texts {
			checkTagDoc(t, m, tg, text.Analyze(src))
		}
		if t.Failed() {
			t.Fatalf("pass %d", pass)
		}
	}
}

// TestTagDocProfileBeyondTables is TestTagDocMatchesReference with a model
// whose profile classes are too large for the tables of templates 29 and
// 30 (sentEmissions then hashes them), and apart from the common-word set.
func TestTagDocProfileBeyondTables(t *testing.T) {
	m := *defaultModel()
	m.prof = slices.Clone(m.prof)
	for i, c := range m.prof {
		if c != 0 {
			m.prof[i] = c + profRows
		}
	}
	m.fuse()
	if m.lists != nil {
		t.Fatal("the profile and the common-word set are still merged")
	}
	tg := new(tagger)
	for _, src := range referenceTexts(t) {
		checkTagDoc(t, &m, tg, text.Analyze(src))
	}
}

// referenceTexts returns a few texts and, when present, those of
// conll2003-dev.
func referenceTexts(t *testing.T) []string {
	texts := []string{
		"SOCCER - BLINKEN WINS AGAIN.\nMOSCOW 1996-08-30\nStriker Antony Blinken scored twice for Spartak on Friday.",
		"U.S. Secretary of State Antony Blinken said on Saturday the talks would go on.",
		"Sergei Lavrov met reporters in Moscow.\nLavrov said nothing new.",
		"Al Qaeda leader Osama bin Laden was killed in Pakistan in 2011, pro-Assad forces said.",
		"", "x", "Mr", "\"", "A very-long-token-that-the-word-cache-does-not-hold and Mr Smith.",
		"pro-Assad ex-Beatle 1996 ½ ǅemal Ⓐ \xff\xfe é-É Ωmega 3rd -- ...",
	}
	if dir, ok := evaldata.Locate(); ok {
		docs, err := evaldata.Read(filepath.Join(dir, "conll2003-dev.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	return texts
}

// checkTagDoc compares m.tagDoc with the plain tagger on a.
func checkTagDoc(t *testing.T, m *Model, tg *tagger, a *text.Analysis) {
	t.Helper()
	gotTags, gotInfos := m.tagDoc(a, tg)
	s := scratch{common: m.common, prof: m.prof}
	infos, affs := docInfo(a, &s)
	for i := range infos {
		w, g := infos[i], gotInfos[i]
		if w.lower != g.lower || w.shape != g.shape || w.flags != g.flags || w.length != g.length || w.prof != g.prof {
			t.Errorf("token %d %q: info %+v, want %+v", i, a.Tokens[i].Text, g, w)
			return
		}
		if hasLetter := strings.IndexFunc(a.Tokens[i].Text, unicode.IsLetter) >= 0; hasLetter != (w.flags&fLetter != 0) {
			t.Errorf("token %q: fLetter %v, want %v", a.Tokens[i].Text, !hasLetter, hasLetter)
		}
	}
	// The first stage, then the second, as Train's stages tag.
	tags := make([]uint8, len(infos))
	em2 := make([]int32, len(infos)*nTags)
	mask := uint64(m.first.buckets() - 1)
	var feats []uint64
	for stage, st := range []*stage{m.first, m.second} {
		if stage == 1 {
			stack(infos, tags, &s.words)
		}
		for _, se := range a.Sentences {
			n := se.Last - se.First
			if n <= 0 {
				continue
			}
			feats = sentFeatures(infos[se.First:se.Last], affs[se.First:se.Last], stage == 1, feats)
			nf := featCount(stage == 1)
			em := make([]int32, n*nTags)
			for k := 0; k < n; k++ {
				for _, f := range feats[k*nf : (k+1)*nf] {
					b := int(f&mask) * nTags
					for j := 0; j < nTags; j++ {
						em[k*nTags+j] += int32(st.w[b+j])
					}
				}
				if stage == 1 {
					em[k*nTags+tagBPER] -= m.perBias
					em[k*nTags+tagIPER] -= m.perBias
				}
			}
			if stage == 1 {
				copy(em2[se.First*nTags:], em)
			}
			viterbi(em, st.mtrans[:], n, make([]uint8, n*nTags), tags[se.First:se.Last])
		}
		if stage == 0 {
			for i := range infos {
				if gotInfos[i].p1 != tags[i] {
					t.Errorf("token %d %q: first-stage tag %d, want %d", i, a.Tokens[i].Text, gotInfos[i].p1, tags[i])
					return
				}
			}
		}
	}
	for _, se := range a.Sentences {
		n := se.Last - se.First
		got := make([]int32, n*nTags)
		m.secondEmissions(gotInfos[se.First:se.Last], tg.part2[se.First:se.Last], got)
		if !slices.Equal(got, em2[se.First*nTags:se.Last*nTags]) {
			t.Errorf("sentence %v: second-stage emissions differ", se)
		}
	}
	if !slices.Equal(gotTags, tags) {
		t.Errorf("tags %v, want %v", gotTags, tags)
	}
}
