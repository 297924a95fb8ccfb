package main

import (
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/ui"
)

// readerOptions are the reader's command-line settings.
type readerOptions struct {
	theme string
	mouse bool
}

// runReader tags the article and runs the reader until the user quits.
func runReader(a *article.Article, o readerOptions) error {
	doc := extract.Tag(a.Text)
	doc.ID = a.Name
	_, noColor := os.LookupEnv("NO_COLOR")
	m := ui.New(doc, ui.Options{Theme: o.theme, Mouse: o.mouse, NoColor: noColor})
	_, err := tea.NewProgram(m).Run()
	return err
}
