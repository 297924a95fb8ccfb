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
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return reviewKeyMap{
		Accept:    b("a", "accept", "a"),
		Reject:    b("x", "reject", "x"),
		AcceptAll: b("A", "accept shown", "A"),
		Relabel:   b("r", "relabel", "r"),
		Merge:     b("m", "merge with…", "m"),
		Rename:    b("e", "rename", "e"),
		Split:     b("s", "split mention", "s"),

		WordNext:  b("w", "word →", "w"),
		WordBack:  b("b", "← word", "b"),
		WordEnd:   b("e", "word end", "e"),
		CharLeft:  b("←/h", "char ←", "left", "h"),
		CharRight: b("→/l", "char →", "right", "l"),
		Visual:    b("v", "select", "v"),
		Tag:       b("t", "tag as…", "t"),
		Remove:    b("d", "remove mention", "d"),
		StartLeft: b("<", "start ←", "<"),
		StartRght: b(">", "start →", ">"),
		EndLeft:   b("{", "end ←", "{", "shift+<"),
		EndRight:  b("}", "end →", "}", "shift+>"),

		Undo:   b("u", "undo", "u"),
		Redo:   b("ctrl+r", "redo", "ctrl+r"),
		Filter: b("f", "filter", "f"),

		KindPerson:  b("p", "person", "p"),
		KindCountry: b("c", "country", "c"),
		KindWeapon:  b("w", "weapon", "w"),
		KindNone:    b("n", "not an entity", "n"),
		Confirm:     b("enter", "ok", "enter"),
		Cancel:      b("esc", "cancel", "esc"),
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
