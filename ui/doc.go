// Package ui is dossier's screen: a Bubble Tea program that shows an article
// with its people, countries, weapons and claims beside it.
//
// The lead's entry point is New; main.go runs it with
//
//	tea.NewProgram(ui.New(doc, ui.Options{Mouse: true})).Run()
//
// The root Model owns the layout, the keys and the selection; the article and
// the four side panes are values with Update/View/SetSize (DESIGN.md §2). The
// article is wrapped once per width into lines that map to byte ranges of
// Doc.Text, and only the visible window is painted each frame, so a large
// article costs nothing per frame beyond the lines on screen.
//
// ui never reads files, parses flags, prints or exits.
package ui
