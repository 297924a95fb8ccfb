package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
)

// dumpDoc writes every unmatched gold claim and every unmatched prediction
// of one document, each with a cause bucket, its sentence, the gold spans
// and the nearest claim on the other side; counts adds up the buckets.
func dumpDoc(w io.Writer, d corpus.Doc, preds []corpus.Pred, ms []corpus.Match, counts map[string]int) {
	words := corpus.WordSpans(d.Text)
	gset := make([]map[int]bool, len(d.Claims))
	for j, g := range d.Claims {
		gset[j] = corpus.TokSet(words, contentOf(g.Content, g.Pieces))
	}
	pset := make([]map[int]bool, len(preds))
	for i, p := range preds {
		pset[i] = corpus.TokSet(words, contentOf(p.Content, p.Pieces))
	}
	mp, mg := map[int]bool{}, map[int]bool{}
	for _, m := range ms {
		mp[m.Pred], mg[m.Gold] = true, true
	}
	for j, g := range d.Claims {
		if mg[j] {
			continue
		}
		near, ov := nearest(gset[j], pset)
		b := goldBucket(d, g, j, gset, preds, near, ov, pset)
		counts["FN "+b]++
		fmt.Fprintf(w, "FN [%s] %s\n  sent: %s\n  gold: src=%q cue=%q content=%q\n", b, d.ID,
			clip(sentenceAround(d.Text, g.Content.Start), 300), txt(d, g.Source), txt(d, g.Cue), clip(d.Text[g.Content.Start:g.Content.End], 300))
		if near >= 0 {
			p := preds[near]
			fmt.Fprintf(w, "  near: ov=%d/%d/%d src=%q cue=%q content=%q\n", ov, len(gset[j]), len(pset[near]),
				txt(d, p.Source), txt(d, p.Cue), clip(d.Text[p.Content.Start:p.Content.End], 300))
		}
	}
	for i, p := range preds {
		if mp[i] {
			continue
		}
		near, ov := nearest(pset[i], gset)
		b := "spurious"
		switch {
		case near >= 0 && mg[near]:
			b = "overlaps matched gold (dup/nested)"
		case near >= 0:
			b = "overlaps unmatched gold (boundary)"
		}
		counts["FP "+b]++
		fmt.Fprintf(w, "FP [%s] %s\n  sent: %s\n  pred: src=%q cue=%q content=%q\n", b, d.ID,
			clip(sentenceAround(d.Text, p.Content.Start), 300), txt(d, p.Source), txt(d, p.Cue), clip(d.Text[p.Content.Start:p.Content.End], 300))
		if near >= 0 {
			g := d.Claims[near]
			fmt.Fprintf(w, "  gold: ov=%d src=%q cue=%q content=%q\n", ov, txt(d, g.Source), txt(d, g.Cue), clip(d.Text[g.Content.Start:g.Content.End], 300))
		}
	}
}

// goldBucket names why gold claim j was missed.
func goldBucket(d corpus.Doc, g corpus.Claim, j int, gset []map[int]bool, preds []corpus.Pred, near, ov int, pset []map[int]bool) string {
	cueHit := -1
	for i, p := range preds {
		if g.Cue != nil && p.Cue != nil && p.Cue.Start < g.Cue.End && g.Cue.Start < p.Cue.End {
			cueHit = i
		}
	}
	nested := false
	for k, o := range d.Claims {
		if k != j && o.Content.Start <= g.Content.Start && g.Content.End <= o.Content.End && o.Content != g.Content {
			nested = true
		}
	}
	multi := strings.Count(strings.TrimRight(d.Text[g.Content.Start:g.Content.End], ".”\" "), ". ") > 0
	var tags []string
	switch {
	case g.Cue == nil:
		tags = append(tags, "no gold cue")
	case cueHit < 0:
		tags = append(tags, "cue not found")
	default:
		tags = append(tags, "cue found: "+side(gset[j], pset[cueHit]))
	}
	if g.Cue != nil && g.Content.End <= g.Cue.Start {
		tags = append(tags, "content before cue")
	}
	if nested {
		tags = append(tags, "nested")
	}
	if multi {
		tags = append(tags, "multi-sentence")
	}
	if len(g.Pieces) > 1 {
		tags = append(tags, "pieces")
	}
	return strings.Join(tags, ", ")
}

// side tells how a prediction's content differs from the gold's.
func side(g, p map[int]bool) string {
	if len(p) == 0 || len(g) == 0 {
		return "empty"
	}
	gmin, gmax := minmax(g)
	pmin, pmax := minmax(p)
	var s []string
	switch {
	case pmin < gmin:
		s = append(s, fmt.Sprintf("starts early %s", by(gmin-pmin)))
	case pmin > gmin:
		s = append(s, fmt.Sprintf("starts late %s", by(pmin-gmin)))
	}
	switch {
	case pmax > gmax:
		s = append(s, fmt.Sprintf("ends late %s", by(pmax-gmax)))
	case pmax < gmax:
		s = append(s, fmt.Sprintf("ends early %s", by(gmax-pmax)))
	}
	if pmax < gmin || pmin > gmax {
		return "disjoint"
	}
	return strings.Join(s, " ")
}

func by(n int) string {
	switch {
	case n <= 3:
		return "1-3"
	case n <= 10:
		return "4-10"
	}
	return ">10"
}

func minmax(s map[int]bool) (int, int) {
	a, b := -1, -1
	for k := range s {
		if a < 0 || k < a {
			a = k
		}
		if k > b {
			b = k
		}
	}
	return a, b
}

// nearest is the claim of others sharing most words with s.
func nearest(s map[int]bool, others []map[int]bool) (int, int) {
	best, bestOv := -1, 0
	for i, o := range others {
		ov := 0
		for k := range s {
			if o[k] {
				ov++
			}
		}
		if ov > bestOv {
			best, bestOv = i, ov
		}
	}
	return best, bestOv
}

func contentOf(c corpus.Span, ps []corpus.Span) []corpus.Span {
	if len(ps) > 0 {
		return ps
	}
	return []corpus.Span{c}
}

func txt(d corpus.Doc, s *corpus.Span) string {
	if s == nil {
		return ""
	}
	return d.Text[s.Start:s.End]
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// sentenceAround is the paragraph holding byte offset at.
func sentenceAround(t string, at int) string {
	a := strings.LastIndex(t[:at], "\n")
	b := strings.Index(t[at:], "\n")
	if b < 0 {
		b = len(t) - at
	}
	return t[a+1 : at+b]
}

// printCounts writes the bucket counts, largest first.
func printCounts(w io.Writer, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
	for _, k := range keys {
		fmt.Fprintf(w, "%5d %s\n", counts[k], k)
	}
}
