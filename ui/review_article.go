package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
)

// articleKey handles the caret, the selection and the mention edits in the
// article.
func (m Model) articleKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	rk, text := m.rev.keys, m.doc.Text
	c := &m.article.caret
	switch {
	case len(text) == 0:
		return m, nil, false
	case key.Matches(k, rk.WordNext):
		m.moveCaret(func(i int) int { return wordNext(text, i) })
	case key.Matches(k, rk.WordBack):
		m.moveCaret(func(i int) int { return wordBack(text, i) })
	case key.Matches(k, rk.WordEnd):
		m.moveCaret(func(i int) int { return wordEnd(text, i) })
	case key.Matches(k, rk.CharLeft):
		m.moveCaret(func(i int) int { return charStep(text, i, -1) })
	case key.Matches(k, rk.CharRight):
		m.moveCaret(func(i int) int { return charStep(text, i, 1) })
	case key.Matches(k, rk.Visual):
		if !c.on || !m.article.visible(c.at) {
			m.moveCaret(func(i int) int { return i })
		}
		c.selecting, c.anchor = !c.selecting, c.at
	case key.Matches(k, rk.Cancel) && c.selecting:
		c.selecting = false
	case key.Matches(k, rk.Tag):
		m.startTag()
	case key.Matches(k, rk.Remove):
		if mi := m.targetMention(); mi >= 0 {
			ref := review.MentionRef(m.doc, mi)
			m.do(review.Action{Op: review.OpRemove, Mention: &ref})
		} else {
			m.rev.msg, m.rev.isErr = "no mention under the cursor", true
		}
	case key.Matches(k, rk.StartLeft):
		m.moveMention(startLeft)
	case key.Matches(k, rk.StartRght):
		m.moveMention(startRight)
	case key.Matches(k, rk.EndLeft):
		m.moveMention(endLeft)
	case key.Matches(k, rk.EndRight):
		m.moveMention(endRight)
	default:
		return m, nil, false
	}
	return m, nil, true
}

// moveCaret moves the caret with f, first placing it on the top line when
// it is not on screen, and keeps it in view.
func (m *Model) moveCaret(f func(int) int) {
	a := &m.article
	if !a.caret.on || !a.visible(a.caret.at) {
		at := 0
		if len(a.lines) > 0 {
			at = a.lines[a.top].start
		}
		a.caret.at, a.caret.on = skipSpace(a.text, at), true
		if a.caret.at >= len(a.text) {
			a.caret.at = prev(a.text, len(a.text))
		}
		return
	}
	a.caret.at = f(a.caret.at)
	if !a.visible(a.caret.at) {
		a.top = lineAt(a.lines, a.caret.at) - max(a.height-2, 0)
		if a.caret.at < a.lines[a.top].start {
			a.top = lineAt(a.lines, a.caret.at)
		}
		a.clamp()
	}
}

// startTag opens the kind chooser for the selection, or the word under the
// caret.
func (m *Model) startTag() {
	c, text := m.article.caret, m.doc.Text
	if !c.on {
		m.rev.msg, m.rev.isErr = "move the cursor (w, b, e, arrows) to what to tag, v to select", true
		return
	}
	s := wordAt(text, c.at)
	if c.selecting {
		s = c.span(text)
	}
	for s.Start < s.End && classAt(text, s.Start) == 0 {
		s.Start = next(text, s.Start)
	}
	for s.End > s.Start && classAt(text, prev(text, s.End)) == 0 {
		s.End = prev(text, s.End)
	}
	if s.Start >= s.End {
		m.rev.msg, m.rev.isErr = "nothing to tag: select some words", true
		return
	}
	m.rev.prompt, m.rev.tagSpan = promptTag, s
}

// targetMention is the mention an edit applies to: the innermost shown
// mention under the caret, else the mention being walked; -1 when none.
func (m Model) targetMention() int {
	res := m.rev.r.Result()
	best := -1
	if c := m.article.caret; c.on {
		for i, mn := range m.doc.Mentions {
			if res.Mentions[i] != review.Rejected && mn.Start <= c.at && c.at < mn.End &&
				(best < 0 || mn.Len() < m.doc.Mentions[best].Len()) {
				best = i
			}
		}
	}
	if best < 0 && m.sel.mode == selEntity && len(m.sel.targets) > 0 {
		best = m.mentionAt(m.sel.targets[m.sel.cur], m.sel.entity)
	}
	return best
}

// moveMention moves one edge of the target mention by a word.
func (m *Model) moveMention(e edgeMove) {
	mi := m.targetMention()
	if mi < 0 {
		m.rev.msg, m.rev.isErr = "no mention under the cursor", true
		return
	}
	old := m.doc.Mentions[mi].Span
	s, ok := moveEdge(m.doc.Text, old, e)
	if !ok {
		m.rev.msg, m.rev.isErr = "the mention cannot shrink or grow further that way", true
		return
	}
	ref, to := review.MentionRef(m.doc, mi), review.SpanRef(m.doc.Text, s)
	if m.do(review.Action{Op: review.OpMove, Mention: &ref, Span: &to}) {
		m.followMove(old, s)
	}
}

// followMove keeps the walk and the caret on a mention whose span changed.
func (m *Model) followMove(old, s extract.Span) {
	c := &m.article.caret
	if c.on && !(s.Start <= c.at && c.at < s.End) {
		c.at = s.Start
	}
}
