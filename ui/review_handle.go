package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
)

// reviewKey handles the review keys: an open prompt first, then undo, redo
// and the filter anywhere, then the focused pane's review keys. ok is false
// for a key it leaves to the reader.
func (m Model) reviewKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	m.rev.msg, m.rev.isErr = "", false
	if m.rev.prompt != promptNone {
		return m.promptKey(k)
	}
	rk := m.rev.keys
	switch {
	case key.Matches(k, rk.Undo):
		m.undo(true)
	case key.Matches(k, rk.Redo):
		m.undo(false)
	case key.Matches(k, rk.Filter):
		m.rev.filter = (m.rev.filter + 1) % numFilters
		m.refresh()
		m.rev.msg = "showing " + m.rev.filter.String()
	case m.focus == focusArticle:
		return m.articleKey(k)
	default:
		return m.paneKey(k)
	}
	return m, nil, true
}

// promptKey answers the open prompt.
func (m Model) promptKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	rk := m.rev.keys
	if key.Matches(k, rk.Cancel) {
		m.rev.prompt = promptNone
		m.rev.input.Blur()
		return m, nil, true
	}
	switch m.rev.prompt {
	case promptRename:
		if key.Matches(k, rk.Confirm) {
			m.rev.prompt = promptNone
			m.rev.input.Blur()
			m.do(review.Action{Op: review.OpRename, Targets: []review.Ref{review.EntityRef(m.doc, m.rev.entity)}, Name: m.rev.input.Value()})
			return m, nil, true
		}
		var cmd tea.Cmd
		m.rev.input, cmd = m.rev.input.Update(k)
		return m, cmd, true
	case promptMerge:
		if !key.Matches(k, rk.Merge, rk.Confirm) {
			return m, nil, false // moving to the second row
		}
		m.rev.prompt = promptNone
		l := m.lists[max(m.focus-focusPeople, 0)]
		if m.focus == focusArticle || l.claims || len(l.rows) == 0 {
			m.rev.msg, m.rev.isErr = "merge: pick a row of people, countries or weapons", true
			return m, nil, true
		}
		m.do(review.Action{Op: review.OpMerge, Targets: []review.Ref{
			review.EntityRef(m.doc, m.rev.entity), review.EntityRef(m.doc, l.rows[l.cursor].target)}})
		return m, nil, true
	}
	kind := ""
	switch {
	case key.Matches(k, rk.KindPerson):
		kind = "person"
	case key.Matches(k, rk.KindCountry):
		kind = "country"
	case key.Matches(k, rk.KindWeapon):
		kind = "weapon"
	case key.Matches(k, rk.KindNone) && m.rev.prompt == promptRelabel:
		kind = review.NotEntity
	default:
		return m, nil, true // the chooser waits for a kind or esc
	}
	p := m.rev.prompt
	m.rev.prompt = promptNone
	if p == promptRelabel {
		m.do(review.Action{Op: review.OpRelabel, Targets: []review.Ref{review.EntityRef(m.doc, m.rev.entity)}, Kind: kind})
		return m, nil, true
	}
	sp := review.SpanRef(m.doc.Text, m.rev.tagSpan)
	if m.do(review.Action{Op: review.OpAdd, Span: &sp, Kind: kind}) {
		m.article.caret.selecting = false
	}
	return m, nil, true
}

// paneKey handles the decisions on a side pane's selected row.
func (m Model) paneKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	rk := m.rev.keys
	if !key.Matches(k, rk.Accept, rk.Reject, rk.AcceptAll, rk.Relabel, rk.Merge, rk.Rename, rk.Split) {
		return m, nil, false
	}
	l := &m.lists[m.focus-focusPeople]
	if len(l.rows) == 0 {
		m.rev.msg = "nothing to decide here"
		return m, nil, true
	}
	if l.claims {
		return m.claimDecision(k, l)
	}
	r := l.rows[l.cursor]
	switch {
	case key.Matches(k, rk.Accept, rk.Reject):
		op := review.OpAccept
		if key.Matches(k, rk.Reject) {
			op = review.OpReject
		}
		next := m.nextUndecided(l)
		if m.do(review.Action{Op: op, Targets: []review.Ref{m.rowRef(l, r)}}) {
			m.selectTarget(l, next)
		}
	case key.Matches(k, rk.AcceptAll):
		var refs []review.Ref
		for _, r := range l.rows {
			if r.state.Undecided() {
				refs = append(refs, m.rowRef(l, r))
			}
		}
		if len(refs) == 0 {
			m.rev.msg = "no pending rows here"
			break
		}
		m.do(review.Action{Op: review.OpAccept, Targets: refs})
	case key.Matches(k, rk.Relabel):
		m.rev.prompt, m.rev.entity = promptRelabel, r.target
	case key.Matches(k, rk.Merge):
		m.rev.prompt, m.rev.entity = promptMerge, r.target
	case key.Matches(k, rk.Rename):
		m.rev.prompt, m.rev.entity = promptRename, r.target
		m.rev.input.SetValue(m.doc.Entities[r.target].Name)
		m.rev.input.CursorEnd()
		return m, m.rev.input.Focus(), true
	case key.Matches(k, rk.Split):
		m.split(r.target)
	}
	return m, nil, true
}

// rowRef anchors a row's entity or claim.
func (m Model) rowRef(l *list, r row) review.Ref {
	if l.claims {
		return review.ClaimRef(m.doc, r.target)
	}
	return review.EntityRef(m.doc, r.target)
}

// nextUndecided is the target of the first undecided row after the cursor
// (wrapping), -1 when there is none.
func (m Model) nextUndecided(l *list) int {
	for d := 1; d < len(l.rows); d++ {
		if r := l.rows[(l.cursor+d)%len(l.rows)]; r.state.Undecided() && !r.header {
			return r.target
		}
	}
	return -1
}

// selectTarget moves a list's cursor to the row of target t, if shown.
func (m *Model) selectTarget(l *list, t int) {
	for i, r := range l.rows {
		if r.target == t && t >= 0 {
			l.Select(i)
			return
		}
	}
}

// split splits the mention being walked (enter, n) off entity e.
func (m *Model) split(e int) {
	mi := -1
	if m.sel.mode == selEntity && m.sel.entity == e && len(m.sel.targets) > 0 {
		mi = m.mentionAt(m.sel.targets[m.sel.cur], e)
	}
	if mi < 0 {
		m.rev.msg, m.rev.isErr = "split: walk to the mention first (enter, then n)", true
		return
	}
	ref := review.MentionRef(m.doc, mi)
	m.do(review.Action{Op: review.OpSplit, Mention: &ref})
}

// mentionAt is the index of the mention of entity e (any entity when e<0)
// with span s, or -1.
func (m Model) mentionAt(s extract.Span, e int) int {
	for i, mn := range m.doc.Mentions {
		if mn.Span == s && (e < 0 || mn.Entity == e) {
			return i
		}
	}
	return -1
}

// do applies a decision, shows it, and saves before the next key; it
// reports whether the decision applied.
func (m *Model) do(a review.Action) bool {
	if err := m.rev.r.Do(a); err != nil {
		m.rev.msg, m.rev.isErr = err.Error(), true
		return false
	}
	m.refresh()
	m.rev.msg = a.Describe()
	m.save()
	return true
}

// undo takes back (or, with back false, redoes) one decision and saves.
func (m *Model) undo(back bool) {
	step, verb, none := m.rev.r.Undo, "undid ", "nothing to undo"
	if !back {
		step, verb, none = m.rev.r.Redo, "redid ", "nothing to redo"
	}
	a, ok := step()
	if !ok {
		m.rev.msg = none
		return
	}
	m.refresh()
	m.rev.msg = verb + a.Describe()
	m.save()
}

// save hands the decisions to the saver, showing a failure.
func (m *Model) save() {
	if m.rev.saver == nil {
		return
	}
	if err := m.rev.saver.Save(m.rev.r.Actions()); err != nil {
		m.rev.msg, m.rev.isErr = "not saved: "+err.Error(), true
	}
}
