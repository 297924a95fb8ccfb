package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/review"
)

// reviewedDoc applies the article's saved review decisions (from path, or
// the default review file of its text) to doc and returns what the reviewer
// kept: rejected entities, mentions and claims left out, every other mention
// with its state. Without a review file doc is returned as it is. The file is
// only read, never locked or written, so an open reader does not block it.
func reviewedDoc(a *article.Article, doc *extract.Doc, path string, stderr io.Writer) (*extract.Doc, error) {
	if path == "" {
		dir, err := review.DataDir()
		if err != nil {
			return doc, nil
		}
		path = review.PathFor(dir, a.Text)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return doc, nil
	}
	if err != nil {
		return nil, fmt.Errorf("review file %s: %w", path, err)
	}
	f, err := review.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("review file %s: %w", path, err)
	}
	acts, changed, lost := f.Decisions(a.Text)
	res := review.New(doc, acts).Result()
	if changed || lost > 0 || len(res.Unplaced) > 0 {
		fmt.Fprintf(stderr, "dossier: %s: the article changed since its review; %d decisions could not be placed and are not exported\n",
			a.Name, lost+len(res.Unplaced))
	}
	kept := res.Kept()
	kept.ID = doc.ID
	return kept, nil
}
