package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	loader "github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/review"
)

// Options configure the reader.
type Options struct {
	// Theme is "dark" or "light" to force a palette; "" asks the terminal
	// for its background colour and follows it.
	Theme string
	// Mouse turns on mouse support: wheel scrolling and clicking rows.
	Mouse bool
	// NoColor draws without colour; kinds stay apart by bold, underline,
	// italic and reverse.
	NoColor bool
	// Review is the review to continue (decisions loaded from disk); nil
	// starts a fresh one of the doc.
	Review *review.Review
	// Saver keeps the decisions after each one; nil keeps them in memory.
	Saver Saver
	// Notices are shown in the status line on open: a review file renamed
	// aside, a lock held by another dossier, an article that changed.
	Notices []string
	// Tagger, when set, tags the doc given to New, which then needs only
	// its Text (and Title): a small article before the first frame, a large
	// one in the background while its text is already on screen.
	Tagger func(text string) *extract.Doc
	// Decisions are the review decisions to replay on the tagged doc when
	// Review is nil (the doc is tagged by Tagger, so the review cannot be
	// built before New).
	Decisions []review.Action
	// Article is the loaded article: with Markdown (a Markdown or HTML
	// source) the reader shows it rendered, under a header of its title,
	// byline, site and date; nil shows Doc.Text as plain text.
	Article *loader.Article
	// Exporter writes exports for the export form (E); nil turns it off.
	Exporter Exporter
	// ExportBase is what export paths are named after: the input's path
	// (exports go beside it) or a bare name (they go in the current
	// directory); "" uses the doc's ID.
	ExportBase string
}

// focus is the pane that receives movement keys.
type focus int

// The focusable panes, in tab order. The side panes index Model.lists
// (focusPeople is lists[0]).
const (
	focusArticle focus = iota
	focusPeople
	focusCountries
	focusWeapons
	focusClaims
	numFocus
)

// Model is the root model of the reader; it implements tea.Model. Create it
// with New.
type Model struct {
	doc  *extract.Doc
	opts Options
	keys *keyMap // shared with the panes, never changed in place
	st   *Styles // shared with the panes; setStyles replaces it
	help help.Model

	width, height int
	focus         focus
	article       article
	lists         [4]list
	input         textinput.Model
	searching     bool // the search input has the keyboard
	sel           selection
	rev           reviewer // decisions, filter and prompt (review.go)
	tag           tagging  // background tagging (tagging.go)
	export        exportForm
	reading       reading // the reading list (readinglist.go)
}

// New returns the root model for reading doc. A nil doc reads as empty.
func New(doc *extract.Doc, opts Options) Model {
	if doc == nil {
		doc = &extract.Doc{}
	}
	doc, busy := tagNow(doc, opts)
	m := Model{doc: doc, opts: opts, keys: ptr(newKeyMap()), help: help.New(), tag: tagging{busy: busy}}
	m.st = ptr(newStyles(opts.Theme != "light", opts.NoColor))
	m.article = newArticle(doc, m.st, m.keys)
	m.article.setSource(opts.Article, doc)
	m.lists = newLists(doc, m.keys, busy)
	m.input = textinput.New()
	m.input.Prompt = "/"
	m.input.Placeholder = "search the article"
	m.initReview(reviewOptions(doc, opts, busy))
	m.setStyles(m.st)
	return m // sized (and the article wrapped) by the first tea.WindowSizeMsg
}

// Init asks the terminal for its background colour unless a theme is set,
// and starts tagging a large article.
func (m Model) Init() tea.Cmd {
	if m.opts.Theme == "" && !m.opts.NoColor {
		return tea.Batch(tea.RequestBackgroundColor, m.tagCmd())
	}
	return m.tagCmd()
}

// Update handles, in order: messages for everyone (size, colour, jumps),
// global keys, then keys for the focused pane.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if rm, ok := m.routeToPage(msg); ok { // for an article not on screen
		return rm, nil
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.layout(msg.Width, msg.Height)
		return m, m.article.wrapCmd()
	case wrappedMsg:
		m.article.setWrapped(msg)
		return m, nil
	case docMsg:
		m.setDoc(msg)
		return m, m.article.wrapCmd()
	case exportedMsg:
		m.exported(msg)
		return m, nil
	case tea.BackgroundColorMsg:
		if m.opts.Theme == "" {
			m.setStyles(ptr(newStyles(msg.IsDark(), m.opts.NoColor)))
		}
		return m, m.article.wrapCmd()
	case jumpMsg:
		m.jump(msg)
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		if m.opts.Mouse {
			m.handleMouse(msg)
		}
		return m, nil
	}
	var cmd tea.Cmd
	switch {
	case m.searching:
		m.input, cmd = m.input.Update(msg)
	case m.export.open:
		m.export.path, cmd = m.export.path.Update(msg)
	}
	return m, cmd
}

// View draws the screen; only the root sets the alternate screen and mouse.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "dossier — " + oneLine(m.doc.Title)
	if m.opts.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// setStyles switches the theme for every pane.
func (m *Model) setStyles(st *Styles) {
	m.st = st
	m.article.SetStyles(st)
	for i := range m.lists {
		m.lists[i].st = st
	}
	m.help.Styles = st.Help
	is := textinput.DefaultStyles(true)
	is.Focused.Prompt, is.Blurred.Prompt = st.Prompt, st.Prompt
	is.Focused.Placeholder, is.Blurred.Placeholder = st.Dim, st.Dim
	m.input.SetStyles(is)
}
