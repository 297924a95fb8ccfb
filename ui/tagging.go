package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
)

// asyncTagBytes is the article size above which tagging leaves the UI
// goroutine: the tagger reads about half a million words a second, so a
// 100 KB article takes some 30 ms and a 1 MB one a third of a second.
const asyncTagBytes = 100 << 10

// tagging is the state of the doc's tagging.
type tagging struct {
	busy bool // the tagger is running; the panes say "tagging…"
	gen  int  // bumped whenever the model shows another doc
}

// docMsg is sent by the background tagger when the doc of generation gen
// has been tagged; a result for a doc no longer shown is dropped.
type docMsg struct {
	gen int
	doc *extract.Doc
}

// ptr returns a pointer to a copy of v: the Model and its panes share one
// Styles and one keyMap (each some kilobytes) instead of copying them on
// every message.
func ptr[T any](v T) *T { return &v }

// tagNow tags doc with opts.Tagger when it is small enough to do it before
// the first frame. busy reports that it is left for tagCmd.
func tagNow(doc *extract.Doc, opts Options) (out *extract.Doc, busy bool) {
	if opts.Tagger == nil {
		return doc, false
	}
	if len(doc.Text) > asyncTagBytes {
		return doc, true
	}
	return keepIdentity(opts.Tagger(doc.Text), doc), false
}

// keepIdentity gives a freshly tagged doc the id and title its untagged
// original had, when the tagger did not set them.
func keepIdentity(tagged, orig *extract.Doc) *extract.Doc {
	if tagged == nil {
		return orig
	}
	if tagged.ID == "" {
		tagged.ID = orig.ID
	}
	if orig.Title != "" {
		tagged.Title = orig.Title
	}
	return tagged
}

// tagCmd is the command that tags the doc in the background, nil when
// there is nothing to tag.
func (m Model) tagCmd() tea.Cmd {
	if !m.tag.busy || m.opts.Tagger == nil {
		return nil
	}
	orig, gen, tagger := m.doc, m.tag.gen, m.opts.Tagger
	return func() tea.Msg { return docMsg{gen: gen, doc: keepIdentity(tagger(orig.Text), orig)} }
}

// setDoc shows the tagged doc that msg brings, if it is for the doc on
// screen: the review starts on it (replaying Options.Decisions), the panes
// fill, the article gets its highlights; the scroll position stays.
func (m *Model) setDoc(msg docMsg) {
	if !m.tag.busy || msg.gen != m.tag.gen || msg.doc == nil || msg.doc.Text != m.doc.Text {
		return
	}
	m.doc, m.tag.busy = msg.doc, false
	m.article.setMarkdownDoc(msg.doc)
	ls := newLists(msg.doc, m.keys, false)
	for i := range m.lists {
		m.lists[i].empty = ls[i].empty
	}
	o := m.opts
	o.Notices, o.Review = nil, review.New(msg.doc, o.Decisions)
	m.initReview(o) // rebuilds rows, highlights and the selection
	m.setFocus(m.focus)
}

// reviewOptions are the options initReview starts the review from: the
// review of the doc New was given, with Options.Decisions replayed on it
// once it is tagged. While it is being tagged the review is of the bare
// text and takes no decisions (reviewKeyTagged), so none can be saved over
// the ones on disk.
func reviewOptions(doc *extract.Doc, opts Options, busy bool) Options {
	if opts.Review == nil && !busy && len(opts.Decisions) > 0 {
		opts.Review = review.New(doc, opts.Decisions)
	}
	return opts
}

// reviewKeyTagged is reviewKey once the doc is tagged; while tagging, review
// keys do nothing (ok is false and the key goes on to the reader).
func (m Model) reviewKeyTagged(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if m.tag.busy {
		return m, nil, false
	}
	return m.reviewKey(k)
}

// newLists builds the four side panes for doc; while busy tagging they are
// empty and say so.
func newLists(doc *extract.Doc, keys *keyMap, busy bool) [4]list {
	ls := [4]list{
		{title: "People", kind: markPerson, empty: "no people found", rows: entityRows(doc, extract.Person)},
		{title: "Countries", kind: markCountry, empty: "no countries found", rows: entityRows(doc, extract.Country)},
		{title: "Weapons", kind: markWeapon, empty: "no weapons found", rows: entityRows(doc, extract.Weapon)},
		{title: "Claims", kind: markClaim, empty: "no claims found", tree: claimTree(doc, nil, filterAll), claims: true},
	}
	ls[3].flatten()
	for i := range ls {
		ls[i].keys, ls[i].active, ls[i].cache = keys, -1, &paneCache{}
		if busy {
			ls[i].empty = "tagging…"
		}
	}
	return ls
}
