package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/extract/review"
	"github.com/dossier-reader/dossier/samples"
	"github.com/dossier-reader/dossier/ui"
)

// readerOptions are the reader's command-line settings.
type readerOptions struct {
	theme      string
	mouse      bool
	reviewFile string       // --review-file; "" for the data directory
	annotated  *extract.Doc // --annotations: shown instead of tagging
}

// runReader reopens each article's review and runs the reader on the
// articles (a reading list when there are several) until the user quits.
// The reader tags each article itself when first shown (in the background
// when it is large, so its text is on screen at once) and replays its
// review's decisions on it. Each decision is saved by its article's store
// before the reader handles the next key. notices (articles that could not
// be loaded) are shown in the status line on open.
func runReader(arts []*article.Article, o readerOptions, notices []string) error {
	_, noColor := os.LookupEnv("NO_COLOR")
	items := make([]ui.Item, 0, len(arts))
	for _, a := range arts {
		tagger := extract.Tag
		if o.annotated != nil {
			tagger = func(string) *extract.Doc { return o.annotated }
		}
		opts := ui.Options{Theme: o.theme, Mouse: o.mouse, NoColor: noColor, Tagger: tagger,
			Exporter: exporter(a), ExportBase: exportBase(a.Path), Article: a}
		store, err := openReview(a, o.reviewFile, &opts)
		if err != nil {
			return err
		}
		if store != nil {
			defer store.Close()
		}
		items = append(items, ui.Item{Doc: untagged(a), Opts: opts})
	}
	items[0].Opts.Notices = append(notices, items[0].Opts.Notices...)
	_, err := tea.NewProgram(ui.NewList(items)).Run()
	return err
}

// loadArticles loads every source (the bundled sample for none). An
// article that cannot be loaded is reported in errs and left out; the
// others are read.
func loadArticles(srcs []string, opts article.Options) (arts []*article.Article, errs []error) {
	if len(srcs) == 0 {
		srcs = []string{""}
	}
	for _, src := range srcs {
		a, err := loadArticle(src, opts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// exporter is the reader's export: format.Export, refusing to write over
// the article itself.
func exporter(a *article.Article) ui.Exporter {
	return func(doc *extract.Doc, name, path string, force bool) ([]string, error) {
		if a.Path != "" && a.Path != "-" && sameFile(path, a.Path) {
			return nil, fmt.Errorf("%s: the output would overwrite the article", path)
		}
		return format.Export(doc, name, path, force)
	}
}

// exportBase is what the reader names exports after, as dossier export
// does: the input's path, or for the sample, stdin and web pages a name in
// the current directory.
func exportBase(in string) string {
	switch {
	case in == "":
		return samples.DefaultName
	case in == "-":
		return "stdin"
	case strings.Contains(in, "://"):
		return urlName(in)
	}
	return in
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
