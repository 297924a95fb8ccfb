package score

import "slices"

// scoreEntities adds one gold document's entity counts for types to t.
func scoreEntities(g *Doc, pents []pent, types []string, t tally) {
	for _, typ := range types {
		pred, pnames := map[[2]int]bool{}, map[string]bool{}
		for _, p := range pents {
			if p.typ == typ {
				pred[p.span], pnames[p.name] = true, true
			}
		}
		gold := map[[2]int]bool{}
		var golds []Entity
		for _, x := range g.Entities {
			if x.Type == typ {
				golds = append(golds, x)
				gold[[2]int{x.Start, x.End}] = true
			}
		}
		exact := 0
		for s := range gold {
			if pred[s] {
				exact++
			}
		}
		t.add(typ, "gold", len(gold))
		t.add(typ, "pred", len(pred))
		t.add(typ, "exact", exact)
		t.add(typ, "overlap", overlapMatches(sortedSpans(pred), sortedSpans(gold)))
		if _, ok := t[key{typ, "pane_gold"}]; ok { // gold file has canonical names for typ
			scorePane(golds, pnames, typ, t)
		}
	}
}

// scorePane counts distinct entities: a gold entity is its normalised
// canonical name (or text) with its mention texts as aliases.
func scorePane(golds []Entity, pnames map[string]bool, typ string, t tally) {
	ents := map[string]map[string]bool{}
	for _, x := range golds {
		k := x.Name
		if k == "" {
			k = x.Text
		}
		k = norm(k)
		if ents[k] == nil {
			ents[k] = map[string]bool{k: true}
		}
		ents[k][norm(x.Text)] = true
	}
	hitG, hitP := 0, 0
	for _, al := range ents {
		for p := range pnames {
			if al[p] {
				hitG++
				break
			}
		}
	}
	for p := range pnames {
		for _, al := range ents {
			if al[p] {
				hitP++
				break
			}
		}
	}
	t.add(typ, "pane_gold", len(ents))
	t.add(typ, "pane_pred", len(pnames))
	t.add(typ, "pane_hit_g", hitG)
	t.add(typ, "pane_hit_p", hitP)
}

// pieces is score.py's pieces: the *_pieces when all are valid spans, else
// the span itself when valid, else none.
func pieces(ps []Span, sp Span, n int) []Span {
	if len(ps) > 0 && !slices.ContainsFunc(ps, func(s Span) bool { return !s.valid(n) }) {
		return ps
	}
	if sp.valid(n) {
		return []Span{sp}
	}
	return nil
}

// tokSet returns the sorted indices of the tokens that overlap a span.
func tokSet(tokens [][2]int, spans []Span) []int {
	var out []int
	for _, s := range spans {
		i, _ := slices.BinarySearchFunc(tokens, s.Start, func(tok [2]int, start int) int {
			if tok[1] <= start {
				return -1
			}
			return 1
		})
		for ; i < len(tokens) && tokens[i][0] < s.End; i++ {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func intersect(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n, i, j = n+1, i+1, j+1
		}
	}
	return n
}

// scoreClaims adds one gold document's claim counts to t.
func scoreClaims(g *Doc, pclaims []Claim, rs []rune, t tally) {
	n, tokens := len(rs), wordSpans(rs)
	gold := make([][]int, len(g.Claims))
	for j, c := range g.Claims {
		gold[j] = tokSet(tokens, pieces(c.ContentPieces, c.Content, n))
	}
	pred := make([][]int, len(pclaims))
	for i, c := range pclaims {
		pred[i] = tokSet(tokens, pieces(c.ContentPieces, c.Content, n))
	}
	t.add("claims", "gold", len(gold))
	t.add("claims", "pred", len(pred))
	var pairs []pair
	for i, pt := range pred {
		for j, gt := range gold {
			// ov/len >= 0.5 in score.py's floats is exactly 2*ov >= len here.
			if ov := intersect(pt, gt); ov > 0 && 2*ov >= len(gt) && 2*ov >= len(pt) {
				pairs = append(pairs, pair{ov, i, j})
			}
		}
	}
	matched := greedy(pairs)
	t.add("claims", "matched", len(matched))
	for _, m := range matched {
		pc, gc := &pclaims[m[0]], &g.Claims[m[1]]
		scoreAttribution("source", pieces(pc.SourcePieces, pc.Source, n), pieces(gc.SourcePieces, gc.Source, n), pc, gc, rs, t)
		scoreAttribution("cue", pieces(pc.CuePieces, pc.Cue, n), pieces(gc.CuePieces, gc.Cue, n), pc, gc, rs, t)
	}
}

// scoreAttribution counts whether a matched claim's source or cue was found:
// its spans overlap the gold's, or, for a source, the predicted speaker
// names the gold source or speaker (whole, or by last word).
func scoreAttribution(what string, psp, gsp []Span, pc, gc *Claim, rs []rune, t tally) {
	if len(gsp) == 0 {
		return
	}
	ok := false
	for _, p := range psp {
		for _, g := range gsp {
			ok = ok || (p.Start < g.End && g.Start < p.End)
		}
	}
	if what == "source" && !ok && pc.HasSpeaker {
		gtext := ""
		if gc.Source.valid(len(rs)) {
			gtext = string(rs[gc.Source.Start:gc.Source.End])
		}
		cands := map[string]bool{norm(gtext): true, lastWord(gtext): true}
		if gc.HasSpeaker {
			cands[norm(gc.Speaker)], cands[lastWord(gc.Speaker)] = true, true
		}
		delete(cands, "")
		ok = cands[norm(pc.Speaker)]
	}
	t.add(what, "n", 1)
	if ok {
		t.add(what, "ok", 1)
	}
}
