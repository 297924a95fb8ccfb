package review

import (
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// Reanchor places decisions made on another version of the article in
// text: every reference is looked up by its text, and among the places
// that text occurs the one whose surroundings best match the recorded
// context wins (ties go to the nearest to the old offset). A reference that
// cannot be placed gets offsets -1, so it resolves to nothing (an entity
// still resolves by name) and the decision is parked, listed as unplaced,
// and kept. lost counts the decisions with a reference left unplaced.
func Reanchor(text string, acts []Action) (out []Action, lost int) {
	out = make([]Action, len(acts))
	for i, a := range acts {
		ok := true
		a.Targets = append([]Ref(nil), a.Targets...)
		for j := range a.Targets {
			ok = a.Targets[j].reanchor(text) && ok
		}
		for _, p := range []**Ref{&a.Mention, &a.Span} {
			if *p != nil {
				r := **p
				ok = r.reanchor(text) && ok
				*p = &r
			}
		}
		if !ok {
			lost++
		}
		out[i] = a
	}
	return out, lost
}

// reanchor moves r to where its text now is; it reports false when the
// text is nowhere to be found.
func (r *Ref) reanchor(text string) bool {
	if r.Text == "" {
		return r.Start < 0 // an entity without mentions: found by name
	}
	best, bestScore := -1, -1
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], r.Text)
		if i < 0 {
			break
		}
		i += from
		score := commonSuffix(text[:i], r.Before) + commonPrefix(text[i+len(r.Text):], r.After)
		if score > bestScore || (score == bestScore && abs(i-r.Start) < abs(best-r.Start)) {
			best, bestScore = i, score
		}
		from = i + 1
	}
	if best < 0 {
		r.Start, r.End = -1, -1
		return false
	}
	*r = withSpan(*r, text, best)
	return true
}

// withSpan returns r moved to start at offset at of text, its context
// refreshed.
func withSpan(r Ref, text string, at int) Ref {
	n := SpanRef(text, extract.Span{Start: at, End: at + len(r.Text)})
	n.Claim, n.Name, n.Kind = r.Claim, r.Name, r.Kind
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
