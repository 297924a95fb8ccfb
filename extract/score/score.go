// Package score measures a tagger's output against gold annotations. It is
// a faithful port of the project's reference scorer, ../shared/eval/score.py
// (see FORMAT.md there): per entity type, precision, recall and F1 for exact
// spans, for overlapping spans (one-to-one, greedy by largest overlap) and
// for the distinct entities of a document ("pane"), and for claims, content
// matching on word tokens with source and cue accuracy. Offsets are Unicode
// code points, as in the files.
package score

import (
	"cmp"
	"slices"
	"strings"
)

// Types are the entity types scored when Options.Types is empty.
var Types = []string{"person", "country", "demonym", "weapon"}

// Options chooses what is scored, as score.py's flags do.
type Options struct {
	// Types is the --types value: comma-separated entity types, kept in
	// order (a repeated type is counted twice, as score.py does). Empty:
	// every type of Types that a gold line annotates, and claims.
	Types string
	// Claims scores claims. With Types set, claims are scored only if Claims.
	Claims bool
}

// want returns the entity types to score and whether to score claims.
func (o Options) want() (want []string, claims bool) {
	switch {
	case o.Types != "":
		for _, x := range strings.Split(o.Types, ",") {
			if x = pyStrip(x); x != "" {
				want = append(want, x)
			}
		}
	case !o.Claims:
		want = Types
	}
	return want, o.Claims || o.Types == ""
}

type key struct{ typ, what string }

// tally is score.py's Tally: counts keyed by (type, what).
type tally map[key]int

func (t tally) add(typ, what string, n int) { t[key{typ, what}] += n }
func (t tally) get(typ, what string) int    { return t[key{typ, what}] }

// Score scores predictions against gold documents, matched by ID: a gold
// document missing from pred counts as all missed, predictions for other
// ids are ignored, and with repeated ids the last line wins (in the place of
// the first), as in score.py. Malformed predictions are counted in
// Result.Errors and skipped. Gold documents with Err set are ignored.
func Score(gold, pred []Doc, opts Options) Result {
	want, doClaims := opts.want()
	var errs Errors
	byID := map[string]*Doc{}
	for i := range pred {
		if pred[i].Err != nil {
			errs.add("bad_line")
			continue
		}
		byID[pred[i].ID] = &pred[i]
	}
	gold = dedup(gold)
	present := map[string]bool{}
	for _, g := range gold {
		for _, e := range g.Entities {
			present[e.Type] = true
		}
	}
	t := tally{}
	for _, typ := range want { // pane only where gold has canonical names
		if hasNames(gold, typ) {
			t[key{typ, "pane_gold"}] = 0
		}
	}
	scored := map[string]bool{}
	missing, claimDocs := 0, 0
	for i := range gold {
		g := &gold[i]
		p := byID[g.ID]
		if p == nil {
			missing++
		}
		rs := []rune(g.Text)
		if p != nil && p.TextSet && (!p.TextIsString || p.Text != g.Text) {
			errs.add("text_differs")
		}
		pents, pclaims := validEntities(p, rs, &errs), validClaims(p, len(rs), &errs)
		if g.HasEntities {
			types := annotatedTypes(g, want, present)
			for _, x := range types {
				scored[x] = true
			}
			scoreEntities(g, pents, types, t)
		}
		if doClaims && g.HasClaims {
			claimDocs++
			scoreClaims(g, pclaims, rs, t)
		}
	}
	return build(t, want, scored, len(gold), missing, claimDocs, errs)
}

// dedup keeps one document per id: the last one, in the first one's place.
func dedup(docs []Doc) []Doc {
	idx := map[string]int{}
	out := make([]Doc, 0, len(docs))
	for _, d := range docs {
		if d.Err != nil {
			continue
		}
		if i, ok := idx[d.ID]; ok {
			out[i] = d
			continue
		}
		idx[d.ID] = len(out)
		out = append(out, d)
	}
	return out
}

func hasNames(gold []Doc, typ string) bool {
	for _, g := range gold {
		for _, e := range g.Entities {
			if e.Type == typ && e.HasName {
				return true
			}
		}
	}
	return false
}

// annotatedTypes is `[x for x in want if x in g.get("annotated", present)]`.
func annotatedTypes(g *Doc, want []string, present map[string]bool) []string {
	var out []string
	for _, x := range want {
		if (g.HasAnnotated && slices.Contains(g.Annotated, x)) || (!g.HasAnnotated && present[x]) {
			out = append(out, x)
		}
	}
	return out
}

// pent is a well-formed predicted entity.
type pent struct {
	span      [2]int
	typ, name string
}

func validEntities(p *Doc, rs []rune, errs *Errors) []pent {
	if p == nil {
		return nil
	}
	var out []pent
	for _, x := range p.Entities {
		s := Span{Start: x.Start, End: x.End, Int: x.IntSpan}
		if x.NotObject || !s.valid(len(rs)) || !x.TypeIsString {
			errs.add("entity")
			continue
		}
		name := x.Name
		if pyStrip(name) == "" {
			name = string(rs[s.Start:s.End])
		}
		out = append(out, pent{[2]int{s.Start, s.End}, x.Type, norm(name)})
	}
	return out
}

func validClaims(p *Doc, n int, errs *Errors) []Claim {
	if p == nil {
		return nil
	}
	var out []Claim
	for _, c := range p.Claims {
		if c.NotObject || !c.Content.valid(n) {
			errs.add("claim")
			continue
		}
		if c.Source.Set && !c.Source.valid(n) {
			errs.add("claim_source")
		}
		if c.Cue.Set && !c.Cue.valid(n) {
			errs.add("claim_cue")
		}
		out = append(out, c)
	}
	return out
}

type pair struct{ score, i, j int }

// greedy is score.py's one-to-one matching: best score first, then lowest
// i, then lowest j. It returns the matched (i, j) pairs.
func greedy(pairs []pair) [][2]int {
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.i, y.i); c != 0 {
			return c
		}
		return cmp.Compare(x.j, y.j)
	})
	usedI, usedJ := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, p := range pairs {
		if !usedI[p.i] && !usedJ[p.j] {
			usedI[p.i], usedJ[p.j] = true, true
			out = append(out, [2]int{p.i, p.j})
		}
	}
	return out
}

// overlapMatches counts one-to-one matches of overlapping spans, greedy by
// overlap length; both lists are sorted as score.py sorts its sets.
func overlapMatches(pred, gold [][2]int) int {
	var pairs []pair
	for i, p := range pred {
		for j, g := range gold {
			if p[0] < g[1] && g[0] < p[1] {
				pairs = append(pairs, pair{min(p[1], g[1]) - max(p[0], g[0]), i, j})
			}
		}
	}
	return len(greedy(pairs))
}

func sortedSpans(set map[[2]int]bool) [][2]int {
	out := make([][2]int, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b [2]int) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	return out
}
