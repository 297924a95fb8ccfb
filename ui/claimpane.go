package ui

import (
	"fmt"
	"slices"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
)

// noSource is the speaker of the claims the text attributes to no one.
const noSource = "(no source)"

// claimGroup is the claims of one speaker, in text order.
type claimGroup struct {
	speaker string
	claims  []int // indexes into Doc.Claims
}

// claimSpeaker is the name claim i is grouped under: its canonical speaker,
// else its source as written, else noSource.
func claimSpeaker(doc *extract.Doc, i int) string {
	c := doc.Claims[i]
	sp := oneLine(c.Speaker)
	if sp == "" && c.Source != nil {
		sp = oneLine(doc.Slice(*c.Source))
	}
	if sp == "" {
		sp = noSource
	}
	return sp
}

// claimGroups groups doc's claims by speaker: most claims first, ties
// broken by first appearance (claims are in text order).
func claimGroups(doc *extract.Doc) []claimGroup {
	var gs []claimGroup
	at := make(map[string]int)
	for i := range doc.Claims {
		sp := claimSpeaker(doc, i)
		g, ok := at[sp]
		if !ok {
			g = len(gs)
			at[sp] = g
			gs = append(gs, claimGroup{speaker: sp})
		}
		gs[g].claims = append(gs[g].claims, i)
	}
	sort.SliceStable(gs, func(i, j int) bool { return len(gs[i].claims) > len(gs[j].claims) })
	return gs
}

// speakerClaims is the group of claim i: its speaker's claims.
func speakerClaims(doc *extract.Doc, i int) claimGroup {
	for _, g := range claimGroups(doc) {
		if slices.Contains(g.claims, i) {
			return g
		}
	}
	return claimGroup{}
}

// claimTree is the Claims pane's full two-level list: a header row per
// speaker, each followed by the rows of its claims that pass the filter
// (states nil: all pending). Speakers with no such claim are left out.
func claimTree(doc *extract.Doc, states []review.State, f filter) []row {
	var out []row
	for _, g := range claimGroups(doc) {
		h := row{name: g.speaker, kind: markClaim, target: -1, header: true}
		var cs []row
		for _, c := range g.claims {
			st := review.Pending
			if c < len(states) {
				st = states[c]
			}
			if !f.keeps(st) {
				continue
			}
			if len(cs) == 0 {
				h.state = st
			} else if h.state != st {
				h.state = review.Pending // mixed
			}
			cs = append(cs, row{name: g.speaker, kind: markClaim, target: c, state: st,
				detail: firstWords(doc.Slice(doc.Claims[c].Content), 12)})
		}
		if len(cs) == 0 {
			continue
		}
		h.info = fmt.Sprintf("%d claim%s", len(cs), plural(len(cs)))
		out = append(out, h)
		out = append(out, cs...)
	}
	return out
}

// isOpen reports whether the speaker's claims are shown.
func (l list) isOpen(speaker string) bool { return slices.Contains(l.open, speaker) }

// flatten shows the tree's headers and the claims of the open speakers,
// keeping the cursor on the same row, or on its speaker once collapsed.
func (l *list) flatten() {
	var cur row
	if l.cursor < len(l.rows) {
		cur = l.rows[l.cursor]
	}
	l.rows = l.rows[:0:0]
	for _, r := range l.tree {
		if r.header || l.isOpen(r.name) {
			l.rows = append(l.rows, r)
		}
	}
	for i, r := range l.rows {
		same := r.name == cur.name && r.header == cur.header && r.target == cur.target
		if same || (r.header && r.name == cur.name && !l.isOpen(r.name)) {
			l.cursor = i
			break
		}
	}
	l.scroll()
}

// setOpen expands (open) or collapses the speaker of the row under the
// cursor. The slice is copied: copies of the Model share no state.
func (l *list) setOpen(open bool) {
	if len(l.rows) == 0 || l.isOpen(l.rows[l.cursor].name) == open {
		return
	}
	sp := l.rows[l.cursor].name
	if open {
		l.open = append(slices.Clone(l.open), sp)
	} else {
		l.open = slices.DeleteFunc(slices.Clone(l.open), func(s string) bool { return s == sp })
	}
	l.flatten()
}

// claimKey handles the Claims pane's own keys: enter toggles a speaker,
// →/l expands and ←/h collapses. ok is false for the other keys.
func (l list) claimKey(k tea.KeyPressMsg) (list, tea.Cmd, bool) {
	if len(l.rows) == 0 {
		return l, nil, false
	}
	switch {
	case key.Matches(k, l.keys.Select):
		return l, l.activate(), true
	case key.Matches(k, l.keys.Expand):
		l.setOpen(true)
	case key.Matches(k, l.keys.Collapse):
		l.setOpen(false)
	default:
		return l, nil, false
	}
	return l, nil, true
}

// activate picks the row under the cursor: a claim jumps, a speaker
// expands or collapses.
func (l *list) activate() tea.Cmd {
	if len(l.rows) > 0 && l.rows[l.cursor].header {
		l.setOpen(!l.isOpen(l.rows[l.cursor].name))
		return nil
	}
	return l.Pick()
}

// claimCount is the number of claims in the tree (under the filter).
func (l list) claimCount() int {
	n := 0
	for _, r := range l.tree {
		if !r.header {
			n++
		}
	}
	return n
}

// showClaim puts the cursor and the selection mark on claim i's row, or
// on its speaker's row while it is collapsed.
func (l *list) showClaim(i int, speaker string) {
	at := -1
	for j, r := range l.rows {
		if !r.header && r.target == i {
			at = j
			break
		}
		if r.header && r.name == speaker {
			at = j
		}
	}
	l.active = at
	if at >= 0 {
		l.Select(at)
	}
}

// claimSelection is the walk of claim i's speaker's claims, at claim i.
func claimSelection(doc *extract.Doc, i int) selection {
	g := speakerClaims(doc, i)
	s := selection{mode: selClaim, label: g.speaker, unit: "claim", claims: g.claims}
	for j, c := range g.claims {
		s.targets = append(s.targets, doc.Claims[c].Content)
		if c == i {
			s.cur = j
		}
	}
	return s
}

// claimDecision handles a, x and A in the Claims pane: a and x decide the
// claim under the cursor, or on a speaker's row each of its claims under
// the filter; A accepts every pending claim under the filter, shown or
// collapsed.
func (m Model) claimDecision(k tea.KeyPressMsg, l *list) (Model, tea.Cmd, bool) {
	rk := m.rev.keys
	if !key.Matches(k, rk.Accept, rk.Reject, rk.AcceptAll) {
		m.rev.msg, m.rev.isErr = "claims can only be accepted or rejected", true
		return m, nil, true
	}
	r, all := l.rows[l.cursor], key.Matches(k, rk.AcceptAll)
	var refs []review.Ref
	for _, t := range l.tree {
		if !t.header && (all && t.state.Undecided() || !all && r.header && t.name == r.name || !all && t.target == r.target) {
			refs = append(refs, review.ClaimRef(m.doc, t.target))
		}
	}
	if len(refs) == 0 {
		m.rev.msg = "no pending claims here"
		return m, nil, true
	}
	op, next := review.OpAccept, -1
	if key.Matches(k, rk.Reject) {
		op = review.OpReject
	}
	if !all && !r.header {
		next = m.nextUndecided(l)
	}
	if m.do(review.Action{Op: op, Targets: refs}) {
		m.selectTarget(l, next)
	}
	return m, nil, true
}
