package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/format"
)

// readAnnotated opens the reader on annotations exported earlier (dossier
// FILE --annotations FILE.json) instead of tagging: with a FILE its text
// must be the annotations' text; with none, the annotations' text is the
// article.
func readAnnotated(path string, srcs []string, load article.Options, o readerOptions, stderr io.Writer) int {
	if len(srcs) > 1 {
		fmt.Fprintln(stderr, "dossier: --annotations is for one article (got", len(srcs), "arguments)")
		return 2
	}
	doc, err := format.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	art, err := annotatedArticle(path, doc.Text, srcs, load)
	if err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	o.annotated = doc
	if err := runReader([]*article.Article{art}, o, nil); err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	return 0
}

// annotatedArticle is the article the annotations at path (whose text is
// text) belong to: the one loaded from srcs[0], which must have that very
// text, or the text itself.
func annotatedArticle(path, text string, srcs []string, load article.Options) (*article.Article, error) {
	if len(srcs) == 0 {
		if article.Sanitize(text) != text {
			return nil, fmt.Errorf("%s: the annotated text has control characters; open the article with it: dossier FILE --annotations %s", path, path)
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		return &article.Article{Name: name, Path: path, Text: text}, nil
	}
	art, err := loadArticle(srcs[0], load)
	if err != nil {
		return nil, err
	}
	if art.Text != text {
		return nil, fmt.Errorf("%s: these annotations are for another text than %s (re-export them, or open %s alone)", path, art.Name, path)
	}
	return art, nil
}
