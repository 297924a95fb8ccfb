// Package ui is dossier's screen: a Bubble Tea program that shows an article
// with its people, countries, weapons and claims beside it.
//
// The entry points are New for one article and NewList for a reading list;
// main.go runs them with
//
//	tea.NewProgram(ui.NewList(items)).Run()
//
// where each ui.Item is an untagged doc (its text and title) with options
// that carry the tagger, the loaded article (for Markdown), the review's
// decisions and saver, and the exporter.
//
// The root Model owns the layout, the keys and the selection; the article and
// the four side panes are values with Update/View/SetSize (DESIGN.md §2). The
// article is wrapped (or, for Markdown, rendered by glamour) once per width
// into lines that map to byte ranges of Doc.Text, and only the visible window
// is painted each frame, so a large article costs nothing per frame beyond
// the lines on screen. Slow work — tagging, wrapping or rendering a large
// article — runs in commands whose results carry a generation; stale ones
// are dropped.
//
// ui never reads files, parses flags, prints or exits.
package ui
