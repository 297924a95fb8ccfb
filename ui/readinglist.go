package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
)

// Item is one article of a reading list: its doc (tagged, or untagged with
// Options.Tagger) and the options that belong to it (Article, Decisions,
// Saver, Notices, Exporter, ExportBase). The reader-wide options (Theme,
// Mouse, NoColor, Tagger) are the first item's.
type Item struct {
	Doc  *extract.Doc
	Opts Options
}

// NewList returns the reader for a reading list: the first item is shown,
// [ and ] move between the items and L lists them. Each article keeps its
// own panes, scroll, selection and review; an article is tagged (and its
// review started) when it is first shown.
func NewList(items []Item) Model {
	if len(items) == 0 {
		return New(nil, Options{})
	}
	m := New(items[0].Doc, items[0].Opts)
	m.reading = reading{items: items, pages: make([]*page, len(items))}
	return m
}

// reading is the reading list: the articles, the state of each one already
// shown (the current one's lives in the Model), and the L overlay.
type reading struct {
	items  []Item
	pages  []*page // nil until first shown; the current one is stale
	cur    int
	open   bool // the L overlay is shown
	cursor int  // its selected row
}

// page is the state that belongs to one article of the list.
type page struct {
	opts    Options
	doc     *extract.Doc
	article article
	lists   [4]list
	sel     selection
	rev     reviewer
	tag     tagging
	focus   focus
}

// readingKeyMap holds the reading-list keys.
type readingKeyMap struct {
	Next key.Binding
	Prev key.Binding
	List key.Binding
}

// newReadingKeyMap returns the default reading-list keys.
func newReadingKeyMap() readingKeyMap {
	return readingKeyMap{
		Next: bind("]", "next article", "]"),
		Prev: bind("[", "prev article", "["),
		List: bind("L", "reading list", "L"),
	}
}

// stash takes the current article's state out of the model.
func (m *Model) stash() *page {
	return &page{opts: m.opts, doc: m.doc, article: m.article, lists: m.lists,
		sel: m.sel, rev: m.rev, tag: m.tag, focus: m.focus}
}

// unstash puts an article's state into the model as it was.
func (m *Model) unstash(p *page) {
	m.opts, m.doc, m.article, m.lists = p.opts, p.doc, p.article, p.lists
	m.sel, m.rev, m.tag, m.focus = p.sel, p.rev, p.tag, p.focus
}

// readingKey handles [, ] and L; ok is false for other keys.
func (m Model) readingKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	rk, n := m.keys.Reading, len(m.reading.items)
	switch {
	case key.Matches(k, rk.Next, rk.Prev) && n < 2:
		m.rev.msg, m.rev.isErr = "one article: give several to dossier for a reading list", false
		return m, nil, true
	case key.Matches(k, rk.Next):
		cmd := m.show((m.reading.cur + 1) % n)
		return m, cmd, true
	case key.Matches(k, rk.Prev):
		cmd := m.show((m.reading.cur + n - 1) % n)
		return m, cmd, true
	case key.Matches(k, rk.List):
		m.reading.open, m.reading.cursor = n > 0, m.reading.cur
		return m, nil, true
	}
	return m, nil, false
}

// listKey handles a key while the L overlay is open.
func (m Model) listKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	r, n := &m.reading, len(m.reading.items)
	switch {
	case key.Matches(k, m.keys.Back, m.keys.Reading.List, m.keys.Quit):
		r.open = false
	case key.Matches(k, m.keys.Up):
		r.cursor = (r.cursor + n - 1) % n
	case key.Matches(k, m.keys.Down):
		r.cursor = (r.cursor + 1) % n
	case key.Matches(k, m.keys.Top):
		r.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		r.cursor = n - 1
	case key.Matches(k, m.keys.Select):
		r.open = false
		return m, m.show(r.cursor)
	}
	return m, nil
}

// show switches to article i: the current one is kept as it is, article i
// comes back as it was left (or is opened, and tagged, the first time),
// laid out for the screen as it is now.
func (m *Model) show(i int) tea.Cmd {
	r := &m.reading
	if i == r.cur || i < 0 || i >= len(r.items) {
		return nil
	}
	r.pages[r.cur] = m.stash()
	var cmd tea.Cmd
	if r.pages[i] == nil {
		r.pages[i], cmd = openPage(r.items[i], i)
	}
	m.unstash(r.pages[i])
	r.cur = i
	m.searching, m.export.open = false, false
	m.setStyles(m.st)
	m.setFocus(m.focus) // lays out, rewrapping if the width changed
	return tea.Batch(cmd, m.article.wrapCmd())
}

// openPage opens item i of the list: its model is built as New builds it,
// with the item's index as the generation of its background work, so a
// result that comes back while another article is shown finds its page.
func openPage(it Item, i int) (*page, tea.Cmd) {
	n := New(it.Doc, it.Opts)
	n.tag.gen, n.article.gen = i, i
	return n.stash(), n.tagCmd()
}

// pageOf tells which article a background result is for.
func pageOf(msg tea.Msg) (int, bool) {
	switch msg := msg.(type) {
	case docMsg:
		return msg.gen, true
	case wrappedMsg:
		return msg.key.gen, true
	}
	return 0, false
}

// routeToPage delivers a background result for an article not on screen
// to that article's page; ok is false for anything else. The work it asks
// for next (a wrap after tagging) waits until the article is shown.
func (m Model) routeToPage(msg tea.Msg) (Model, bool) {
	i, ok := pageOf(msg)
	r := &m.reading
	if !ok || i == r.cur || i < 0 || i >= len(r.pages) || r.pages[i] == nil {
		return m, false
	}
	cur := m.stash()
	m.unstash(r.pages[i])
	switch msg := msg.(type) {
	case docMsg:
		m.setDoc(msg)
	case wrappedMsg:
		m.article.setWrapped(msg)
	}
	r.pages[i] = m.stash()
	m.unstash(cur)
	return m, true
}
