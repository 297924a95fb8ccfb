package main

import (
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/review"
	"github.com/dossier-reader/dossier/ui"
)

// readerOptions are the reader's command-line settings.
type readerOptions struct {
	theme      string
	mouse      bool
	reviewFile string // --review-file; "" for the data directory
}

// runReader reopens the article's review and runs the reader until the
// user quits. The reader tags the article itself (in the background when it
// is large, so its text is on screen at once) and replays the review's
// decisions on it. Each decision is saved by the store before the reader
// handles the next key.
func runReader(a *article.Article, o readerOptions) error {
	_, noColor := os.LookupEnv("NO_COLOR")
	opts := ui.Options{Theme: o.theme, Mouse: o.mouse, NoColor: noColor, Tagger: extract.Tag}
	store, err := openReview(a, o.reviewFile, &opts)
	if err != nil {
		return err
	}
	if store != nil {
		defer store.Close()
	}
	_, err = tea.NewProgram(ui.New(untagged(a), opts)).Run()
	return err
}

// untagged is the article as a doc for the reader to tag: its text, name
// and title (the loader's, or the first line of four words or more).
func untagged(a *article.Article) *extract.Doc {
	title := a.Meta.Title
	if title == "" {
		title = extract.TitleOf(a.Text)
	}
	return &extract.Doc{ID: a.Name, Title: title, Text: a.Text}
}

// openReview opens the article's review file and puts its decisions, the
// store and the notices into opts. Without a data directory the review
// runs in memory, and says so; an explicit --review-file must open.
func openReview(a *article.Article, path string, opts *ui.Options) (*review.Store, error) {
	find := path == ""
	if find {
		dir, err := review.DataDir()
		if err != nil {
			opts.Notices = append(opts.Notices, err.Error()+": decisions are not saved")
			return nil, nil
		}
		path = review.PathFor(dir, a.Text)
	}
	source := a.Name
	if a.Path != "" && a.Path != "-" {
		if abs, err := filepath.Abs(a.Path); err == nil {
			source = abs
		}
	}
	store, op, err := review.Open(path, source, a.Text, find)
	if err != nil {
		if !find {
			return nil, err
		}
		opts.Notices = append(opts.Notices, "review file: "+err.Error()+": decisions are not saved")
		return nil, nil
	}
	opts.Decisions = op.Decisions
	opts.Saver = store
	opts.Notices = append(opts.Notices, op.Notices...)
	return store, nil
}
