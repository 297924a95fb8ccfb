package ui

import "charm.land/bubbles/v2/key"

// reviewKeyMap holds the review keys: decisions in the side panes, the
// caret and selection in the article, undo and the filter everywhere.
type reviewKeyMap struct {
	Accept    key.Binding
	Reject    key.Binding
	AcceptAll key.Binding
	Relabel   key.Binding
	Merge     key.Binding
	Rename    key.Binding
	Split     key.Binding

	WordNext  key.Binding
	WordBack  key.Binding
	WordEnd   key.Binding
	CharLeft  key.Binding
	CharRight key.Binding
	Visual    key.Binding
	Tag       key.Binding
	Remove    key.Binding
	StartLeft key.Binding
	StartRght key.Binding
	EndLeft   key.Binding
	EndRight  key.Binding

	Undo   key.Binding
	Redo   key.Binding
	Filter key.Binding

	KindPerson  key.Binding
	KindCountry key.Binding
	KindWeapon  key.Binding
	KindNone    key.Binding
	Confirm     key.Binding
	Cancel      key.Binding
}

// newReviewKeyMap returns the default review keys.
func newReviewKeyMap() reviewKeyMap {
	return reviewKeyMap{
		Accept:    bind("a", "accept", "a"),
		Reject:    bind("x", "reject", "x"),
		AcceptAll: bind("A", "accept shown", "A"),
		Relabel:   bind("r", "relabel", "r"),
		Merge:     bind("m", "merge with…", "m"),
		Rename:    bind("e", "rename", "e"),
		Split:     bind("s", "split mention", "s"),

		WordNext:  bind("w", "word →", "w"),
		WordBack:  bind("b", "← word", "b"),
		WordEnd:   bind("e", "word end", "e"),
		CharLeft:  bind("←/h", "char ←", "left", "h"),
		CharRight: bind("→/l", "char →", "right", "l"),
		Visual:    bind("v", "select", "v"),
		Tag:       bind("t", "tag as…", "t"),
		Remove:    bind("d", "remove mention", "d"),
		StartLeft: bind("<", "start ←", "<"),
		StartRght: bind(">", "start →", ">"),
		EndLeft:   bind("{", "end ←", "{", "shift+<"),
		EndRight:  bind("}", "end →", "}", "shift+>"),

		Undo:   bind("u", "undo", "u"),
		Redo:   bind("ctrl+r", "redo", "ctrl+r"),
		Filter: bind("f", "filter", "f"),

		KindPerson:  bind("p", "person", "p"),
		KindCountry: bind("c", "country", "c"),
		KindWeapon:  bind("w", "weapon", "w"),
		KindNone:    bind("n", "not an entity", "n"),
		Confirm:     bind("enter", "ok", "enter"),
		Cancel:      bind("esc", "cancel", "esc"),
	}
}

// paneHelp is the help column for the side panes' review keys.
func (k reviewKeyMap) paneHelp() []key.Binding {
	return []key.Binding{k.Accept, k.Reject, k.AcceptAll, k.Relabel, k.Merge, k.Rename, k.Split}
}

// articleHelp is the help column for the article's review keys.
func (k reviewKeyMap) articleHelp() []key.Binding {
	return []key.Binding{k.WordNext, k.WordBack, k.WordEnd, k.Visual, k.Tag, k.Remove}
}

// editHelp is the help column for edges, undo and the filter.
func (k reviewKeyMap) editHelp() []key.Binding {
	return []key.Binding{k.StartLeft, k.StartRght, k.EndLeft, k.EndRight, k.Undo, k.Redo, k.Filter}
}
