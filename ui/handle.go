package ui

import (
	"regexp"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
)

// selMode is what n/N walk through.
type selMode int

// The selection modes.
const (
	selNone   selMode = iota
	selEntity         // the mentions of one entity
	selClaim          // the claims, one at a time
	selSearch         // the matches of a search
)

// selection is the walkable set of targets the status line reports on.
type selection struct {
	mode    selMode
	label   string // entity name, claim speaker or the quoted query
	unit    string // "mention", "claim", "match"
	targets []extract.Span
	claims  []int // the claim of each target in selClaim mode
	cur     int
	entity  int // the entity walked in selEntity mode
}

// maxMatches bounds a search so a one-letter query in a huge article stays fast.
const maxMatches = 100000

// handleKey routes a key: to the search input while it is open, then the
// global keys, then the focused pane.
func (m Model) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.searching {
		return m.searchKey(k)
	}
	if m.export.open {
		return m.exportKey(k) // export.go
	}
	if m.reading.open {
		return m.listKey(k) // readinglist.go
	}
	if rm, cmd, ok := m.reviewKeyTagged(k); ok { // review.go, tagging.go
		return rm, cmd
	}
	if rm, cmd, ok := m.readingKey(k); ok { // after review: its prompts take every key
		return rm, cmd
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(k, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layout(m.width, m.height)
	case key.Matches(k, m.keys.NextPane):
		m.setFocus((m.focus + 1) % numFocus)
	case key.Matches(k, m.keys.PrevPane):
		m.setFocus((m.focus + numFocus - 1) % numFocus)
	case key.Matches(k, m.keys.People, m.keys.Countries, m.keys.Weapons, m.keys.Claims):
		m.setFocus(focus(k.Code - '0'))
	case key.Matches(k, m.keys.Back):
		m.setFocus(focusArticle)
		if m.sel.mode == selSearch {
			m.select_(selection{})
		}
	case key.Matches(k, m.keys.Export.Open):
		return m, m.openExport()
	case key.Matches(k, m.keys.Search):
		m.searching = true
		m.input.Reset()
		return m, m.input.Focus()
	case key.Matches(k, m.keys.Next):
		m.step(1)
	case key.Matches(k, m.keys.Prev):
		m.step(-1)
	default:
		return m.updateFocused(k)
	}
	return m, nil
}

// updateFocused hands a key to the focused pane.
func (m Model) updateFocused(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.focus == focusArticle {
		m.article, cmd = m.article.Update(k)
	} else {
		i := m.focus - focusPeople
		m.lists[i], cmd = m.lists[i].Update(k)
		// A list's only command is its jumpMsg, pure and instant. Deliver it
		// now rather than through the program's queue, or a fast "enter n"
		// (pasted, or from teatest) has n arrive before the jump.
		if cmd != nil {
			if j, ok := cmd().(jumpMsg); ok {
				m.jump(j)
				cmd = nil
				if m.narrow() { // the pane hides the article: show the jump
					m.setFocus(focusArticle)
				}
			}
		}
	}
	return m, cmd
}

// searchKey edits the query; enter runs it, esc abandons it.
func (m Model) searchKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Select):
		m.searching = false
		m.input.Blur()
		m.search(m.input.Value())
		return m, nil
	case key.Matches(k, m.keys.Back):
		m.searching = false
		m.input.Blur()
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	return m, cmd
}

// search selects the case-insensitive matches of q, starting with the first
// one at or below the top of the window.
func (m *Model) search(q string) {
	if q == "" {
		m.select_(selection{})
		return
	}
	re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(q))
	s := selection{mode: selSearch, label: "“" + oneLine(q) + "”", unit: "match"}
	for _, ix := range re.FindAllStringIndex(m.doc.Text, maxMatches) {
		s.targets = append(s.targets, extract.Span{Start: ix[0], End: ix[1]})
	}
	if len(m.article.lines) > 0 {
		top := m.article.lines[m.article.top].start
		for s.cur < len(s.targets)-1 && s.targets[s.cur].Start < top {
			s.cur++
		}
	}
	m.select_(s)
}

// jump starts walking an entity's mentions or a speaker's claims.
func (m *Model) jump(j jumpMsg) {
	switch {
	case j.entity >= 0 && j.entity < len(m.doc.Entities):
		e := m.doc.Entities[j.entity]
		s := selection{mode: selEntity, label: oneLine(e.Name), unit: "mention", entity: j.entity}
		for _, mn := range m.doc.EntityMentions(j.entity) {
			s.targets = append(s.targets, mn.Span)
		}
		m.select_(s)
	case j.claim >= 0 && j.claim < len(m.doc.Claims):
		m.select_(claimSelection(m.doc, j.claim))
	}
}

// step moves to the next (d=1) or previous (d=-1) target, wrapping.
func (m *Model) step(d int) {
	n := len(m.sel.targets)
	if n == 0 {
		return
	}
	s := m.sel
	s.cur = ((s.cur+d)%n + n) % n
	m.select_(s)
}

// select_ makes s the selection: marks the article and scrolls to the
// current target. (select is a keyword.)
func (m *Model) select_(s selection) {
	m.sel = s
	for i := range m.lists {
		m.lists[i].SetActive(-1)
	}
	m.article.SetMarks(nil)
	m.article.SetCurrent(extract.Span{}, false)
	if len(s.targets) == 0 {
		return
	}
	t := s.targets[s.cur]
	switch s.mode {
	case selEntity:
		m.article.SetCurrent(t, true)
		for i := range m.lists[:focusClaims-focusPeople] {
			m.lists[i].SetActive(s.entity)
		}
	case selSearch:
		ms := make([]mark, len(s.targets))
		for i, sp := range s.targets {
			ms[i] = mark{sp, markMatch}
		}
		m.article.SetMarks(ms)
		m.article.SetCurrent(t, true)
	case selClaim:
		t = m.markClaim(s.claims[s.cur])
	}
	m.article.Reveal(t.Start)
	m.placeCaret(t)
}

// markClaim marks claim i's content, source and cue, names its speaker in
// the status line, and returns the span to scroll to.
func (m *Model) markClaim(i int) extract.Span {
	c := m.doc.Claims[i]
	var ms []mark
	for _, p := range claimPieces(c) {
		ms = append(ms, mark{p, markClaimSel})
	}
	at := c.Content
	if c.Source != nil {
		ms = append(ms, mark{*c.Source, markSource})
		at.Start = min(at.Start, c.Source.Start)
	}
	if c.Cue != nil {
		ms = append(ms, mark{*c.Cue, markCue})
	}
	m.article.SetMarks(ms)
	m.lists[focusClaims-focusPeople].showClaim(i, m.sel.label)
	return at
}

// setFocus moves the keyboard focus and redraws pane borders.
func (m *Model) setFocus(f focus) {
	m.focus = f
	for i := range m.lists {
		m.lists[i].focused = focus(i)+focusPeople == f
	}
	m.layout(m.width, m.height)
}

// handleMouse scrolls with the wheel and picks rows with a click.
func (m *Model) handleMouse(msg tea.MouseMsg) {
	mo := msg.Mouse()
	f, row := m.hit(mo.X, mo.Y)
	switch msg.(type) {
	case tea.MouseWheelMsg:
		d := 3
		if mo.Button == tea.MouseWheelUp {
			d = -3
		}
		if f == focusArticle {
			m.article.ScrollBy(d)
		} else if f > focusArticle {
			l := &m.lists[f-focusPeople]
			l.Select(l.cursor + d)
		}
	case tea.MouseClickMsg:
		if f < 0 {
			return
		}
		m.setFocus(f)
		if f > focusArticle && row >= 0 {
			l := &m.lists[f-focusPeople]
			if row < len(l.rows) {
				l.Select(row)
				if cmd := l.activate(); cmd != nil {
					m.jump(cmd().(jumpMsg))
				}
			}
		}
	}
}
