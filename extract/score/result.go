package score

import (
	"fmt"
	"io"
	"strings"
)

// Result is what score.py computes; its JSON form (MarshalJSON, WriteJSON)
// is that of score.py --json and WriteText prints score.py's table.
type Result struct {
	GoldDocs      int
	MissingInPred int
	Errors        Errors
	Types         []TypeResult // in the order asked for
	Claims        *ClaimResult // nil when no gold line has "claims" or claims are not scored
}

// ErrorCount is how many malformed predictions of one kind were seen:
// bad_line, text_differs, entity, claim, claim_source or claim_cue.
type ErrorCount struct {
	Kind string
	N    int
}

// Errors are error counts in the order their kinds were first seen.
type Errors []ErrorCount

func (e *Errors) add(kind string) {
	for i := range *e {
		if (*e)[i].Kind == kind {
			(*e)[i].N++
			return
		}
	}
	*e = append(*e, ErrorCount{kind, 1})
}

// PRF is precision, recall and F1, rounded to 4 places.
type PRF struct{ P, R, F1 float64 }

// TypeResult is one entity type's scores.
type TypeResult struct {
	Type           string
	Gold, Pred     int // distinct gold and predicted spans
	Exact, Overlap PRF
	Pane           *PaneResult // nil where the gold has no canonical names
}

// PaneResult scores the distinct entities per document.
type PaneResult struct {
	PRF
	Gold, Pred int // distinct gold entities and predicted names
}

// ClaimResult scores claims: content matching, then, among matched claims,
// source and cue accuracy (nil when no matched gold claim has one).
type ClaimResult struct {
	PRF
	Gold, Pred, Matched int
	SourceAcc           *float64
	SourceN             int
	CueAcc              *float64
	CueN                int
}

// prf is score.py's prf: unrounded p and r give F1, all rounded.
func prf(tpPred, nPred, tpGold, nGold int) PRF {
	var p, r, f float64
	if nPred > 0 {
		p = float64(tpPred) / float64(nPred)
	}
	if nGold > 0 {
		r = float64(tpGold) / float64(nGold)
	}
	if p+r != 0 {
		f = round4(2 * p * r / (p + r))
	}
	return PRF{round4(p), round4(r), f}
}

func build(t tally, want []string, scored map[string]bool, goldDocs, missing, claimDocs int, errs Errors) Result {
	res := Result{GoldDocs: goldDocs, MissingInPred: missing, Errors: errs}
	done := map[string]bool{}
	for _, typ := range want {
		if !scored[typ] || done[typ] {
			continue
		}
		done[typ] = true
		g, p := t.get(typ, "gold"), t.get(typ, "pred")
		r := TypeResult{Type: typ, Gold: g, Pred: p,
			Exact:   prf(t.get(typ, "exact"), p, t.get(typ, "exact"), g),
			Overlap: prf(t.get(typ, "overlap"), p, t.get(typ, "overlap"), g)}
		if pg, ok := t[key{typ, "pane_gold"}]; ok {
			pp := t.get(typ, "pane_pred")
			r.Pane = &PaneResult{prf(t.get(typ, "pane_hit_p"), pp, t.get(typ, "pane_hit_g"), pg), pg, pp}
		}
		res.Types = append(res.Types, r)
	}
	if claimDocs > 0 {
		m, g, p := t.get("claims", "matched"), t.get("claims", "gold"), t.get("claims", "pred")
		c := &ClaimResult{PRF: prf(m, p, m, g), Gold: g, Pred: p, Matched: m,
			SourceN: t.get("source", "n"), CueN: t.get("cue", "n")}
		c.SourceAcc = acc(t.get("source", "ok"), c.SourceN)
		c.CueAcc = acc(t.get("cue", "ok"), c.CueN)
		res.Claims = c
	}
	return res
}

func acc(ok, n int) *float64 {
	if n == 0 {
		return nil
	}
	v := round4(float64(ok) / float64(n))
	return &v
}

// Summary is score.py's last line: "SUMMARY <type>_f1=..." with the exact-
// span F1s, and claims_f1 for the claim content.
func (r Result) Summary() string {
	parts := []string{"SUMMARY"}
	for _, t := range r.Types {
		parts = append(parts, fmt.Sprintf("%s_f1=%.4f", t.Type, t.Exact.F1))
	}
	if r.Claims != nil {
		parts = append(parts, fmt.Sprintf("claims_f1=%.4f", r.Claims.F1))
	}
	return strings.Join(parts, " ")
}

// WriteText prints the table score.py prints, ending with the summary line.
func (r Result) WriteText(w io.Writer) error {
	var b strings.Builder
	errs := "none"
	if len(r.Errors) > 0 {
		items := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			items[i] = fmt.Sprintf("'%s': %d", e.Kind, e.N)
		}
		errs = "{" + strings.Join(items, ", ") + "}"
	}
	fmt.Fprintf(&b, "gold docs %d, missing in prediction %d, errors %s\n", r.GoldDocs, r.MissingInPred, errs)
	if len(r.Types) > 0 {
		fmt.Fprintf(&b, "%-9s%6s%6s | %7s%7s%7s | %9s%7s%7s | %6s%7s%7s\n",
			"type", "gold", "pred", "exact P", "R", "F1", "overlap P", "R", "F1", "pane P", "R", "F1")
		for _, t := range r.Types {
			e, o := t.Exact, t.Overlap
			pane := fmt.Sprintf("%6s%7s%7s", "-", "-", "-")
			if pn := t.Pane; pn != nil {
				pane = fmt.Sprintf("%6.3f%7.3f%7.3f", pn.P, pn.R, pn.F1)
			}
			fmt.Fprintf(&b, "%-9s%6d%6d | %7.3f%7.3f%7.3f | %9.3f%7.3f%7.3f | %s\n",
				t.Type, t.Gold, t.Pred, e.P, e.R, e.F1, o.P, o.R, o.F1, pane)
		}
	}
	if c := r.Claims; c != nil {
		fmt.Fprintf(&b, "claims: gold %d pred %d matched %d | content P %.3f R %.3f F1 %.3f | "+
			"source acc %s (n=%d) | cue acc %s (n=%d)\n", c.Gold, c.Pred, c.Matched, c.P, c.R, c.F1,
			fmtAcc(c.SourceAcc), c.SourceN, fmtAcc(c.CueAcc), c.CueN)
	}
	b.WriteString(r.Summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func fmtAcc(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *v)
}
