package evaldata

import (
	"fmt"
	"sort"

	"github.com/dossier-reader/dossier/extract/text"
)

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	P, R, F1            float64
	TPPred, Pred        int
	TPGold, Gold, Exact int
}

// String formats the figures like score.py's table row.
func (s PRF) String() string {
	return fmt.Sprintf("P=%.4f R=%.4f F1=%.4f (pred %d, gold %d)", s.P, s.R, s.F1, s.Pred, s.Gold)
}

func prf(tpPred, nPred, tpGold, nGold int) PRF {
	s := PRF{TPPred: tpPred, Pred: nPred, TPGold: tpGold, Gold: nGold}
	if nPred > 0 {
		s.P = float64(tpPred) / float64(nPred)
	}
	if nGold > 0 {
		s.R = float64(tpGold) / float64(nGold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Scorer accumulates exact and overlap matches of predicted against gold
// spans over many documents, as score.py does (spans are sets per document;
// overlap is one-to-one, greedy by largest overlap). Both lists of a
// document are in one unit: byte offsets give the same exact matches as
// code points, and the same overlap matches but where two overlaps tie in
// code points and not in bytes; pass code-point spans (CodePointSpan) to
// follow score.py to the letter.
type Scorer struct {
	pred, gold, exact, overlap int
}

// Add scores one document.
func (s *Scorer) Add(pred, gold []text.Span) {
	ps, gs := dedup(pred), dedup(gold)
	s.pred += len(ps)
	s.gold += len(gs)
	in := map[text.Span]bool{}
	for _, g := range gs {
		in[g] = true
	}
	for _, p := range ps {
		if in[p] {
			s.exact++
		}
	}
	s.overlap += overlapMatches(ps, gs)
}

// Exact returns exact-span figures.
func (s *Scorer) Exact() PRF { return prf(s.exact, s.pred, s.exact, s.gold) }

// Overlap returns overlapping-span figures.
func (s *Scorer) Overlap() PRF { return prf(s.overlap, s.pred, s.overlap, s.gold) }

func dedup(sp []text.Span) []text.Span {
	seen := map[text.Span]bool{}
	var out []text.Span
	for _, x := range sp {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End < out[j].End
	})
	return out
}

func overlapMatches(pred, gold []text.Span) int {
	type pair struct{ score, i, j int }
	var pairs []pair
	for i, p := range pred {
		for j, g := range gold {
			if p.Start < g.End && g.Start < p.End {
				pairs = append(pairs, pair{min(p.End, g.End) - max(p.Start, g.Start), i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.score != y.score {
			return x.score > y.score
		}
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})
	usedI, usedJ, n := map[int]bool{}, map[int]bool{}, 0
	for _, p := range pairs {
		if !usedI[p.i] && !usedJ[p.j] {
			usedI[p.i], usedJ[p.j] = true, true
			n++
		}
	}
	return n
}
