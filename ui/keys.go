package ui

import "charm.land/bubbles/v2/key"

// keyMap declares every key of the reader once; help is generated from it.
type keyMap struct {
	NextPane  key.Binding
	PrevPane  key.Binding
	Panes     key.Binding // help only: "1-4"
	People    key.Binding
	Countries key.Binding
	Weapons   key.Binding
	Claims    key.Binding
	Back      key.Binding

	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	HalfDown key.Binding
	HalfUp   key.Binding
	PageDown key.Binding
	PageUp   key.Binding

	Select   key.Binding
	Expand   key.Binding // Claims pane only: the article's caret has ←→ h l
	Collapse key.Binding
	Next     key.Binding
	Prev     key.Binding
	Search   key.Binding
	Help     key.Binding
	Quit     key.Binding

	Review  reviewKeyMap  // review_keys.go
	Export  exportKeyMap  // export.go
	Reading readingKeyMap // readinglist.go
}

// bind makes a binding of keys, shown in help as help and desc.
func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// newKeyMap returns the default keys.
func newKeyMap() keyMap {
	return keyMap{
		NextPane:  bind("tab", "next pane", "tab"),
		PrevPane:  bind("shift+tab", "prev pane", "shift+tab"),
		Panes:     bind("1-4", "people…claims", "1", "2", "3", "4"),
		People:    bind("1", "people", "1"),
		Countries: bind("2", "countries", "2"),
		Weapons:   bind("3", "weapons", "3"),
		Claims:    bind("4", "claims", "4"),
		Back:      bind("esc", "article", "esc"),
		Up:        bind("↑/k", "up", "up", "k"),
		Down:      bind("↓/j", "down", "down", "j"),
		Top:       bind("g", "top", "g", "home"),
		Bottom:    bind("G", "bottom", "G", "end"),
		HalfDown:  bind("ctrl+d", "½ page down", "ctrl+d"),
		HalfUp:    bind("ctrl+u", "½ page up", "ctrl+u"),
		PageDown:  bind("pgdn", "page down", "pgdown", "space"),
		PageUp:    bind("pgup", "page up", "pgup"),
		Select:    bind("enter", "jump", "enter"),
		Expand:    bind("→/l", "expand speaker", "right", "l"),
		Collapse:  bind("←/h", "collapse speaker", "left", "h"),
		Next:      bind("n", "next", "n"),
		Prev:      bind("N", "prev", "N"),
		Search:    bind("/", "search", "/"),
		Help:      bind("?", "help", "?"),
		Quit:      bind("q", "quit", "q", "ctrl+c"),
		Review:    newReviewKeyMap(),
		Export:    newExportKeyMap(),
		Reading:   newReadingKeyMap(),
	}
}

// ShortHelp is the status line's hint row.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.NextPane, k.Select, k.Next, k.Search, k.Quit}
}

// paneHelp is the hint row while focus is pane f: the Claims pane adds
// expand and collapse.
func (k keyMap) paneHelp(f focus) []key.Binding {
	if f == focusClaims {
		return []key.Binding{k.Help, k.Expand, k.Collapse, k.Select, k.NextPane, k.Next, k.Quit}
	}
	return k.ShortHelp()
}

// FullHelp is the help shown by "?", in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextPane, k.PrevPane, k.Panes, k.Back},
		{k.Up, k.Down, k.Top, k.Bottom},
		{k.HalfDown, k.HalfUp, k.PageDown, k.PageUp},
		{k.Select, k.Expand, k.Collapse, k.Next, k.Prev, k.Search},
		{k.Reading.Next, k.Reading.Prev, k.Reading.List},
		{k.Help, k.Export.Open, k.Quit},
		k.Review.paneHelp(), k.Review.articleHelp(), k.Review.editHelp(),
	}
}
