package main

import (
	"errors"

	"github.com/dossier-reader/dossier/extract/article"
)

// readerOptions are the reader's command-line settings.
type readerOptions struct {
	theme string
	mouse bool
}

// SCAFFOLD until ui lands.
func runReader(a *article.Article, o readerOptions) error { return errors.New("reader not built yet") }
