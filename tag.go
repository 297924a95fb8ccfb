package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/samples"
)

const tagUsage = `Usage:
  dossier tag [FILE | URL | -]
                            tag one article and print its annotations as JSON
                            (no FILE: the bundled sample; -: stdin); --offline
                            refuses URLs
  dossier tag --jsonl       read JSON Lines documents {"id", "text", ...} on stdin and
                            write one line per document, in order, with "entities" and
                            "claims" added (offsets in Unicode code points, see FORMAT.md);
                            every core is used (--workers N to choose)
  dossier tag [--format F] -o DIR FILE|DIR...
                            tag several articles (a DIR stands for its .txt, .md, .html
                            files) and write one output per input into DIR, in any
                            format of "dossier export" (default json; --force overwrites)

A JSONL line that is not valid JSON or has no "text" is reported on stderr with
its line number and skipped; the run goes on and the exit status is then 1.
`

// runTag is the "dossier tag" command.
func runTag(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := commandFlags("dossier tag", tagUsage, stderr)
	jsonl := fs.Bool("jsonl", false, "JSON Lines in, JSON Lines out")
	workers := fs.Int("workers", 0, "documents tagged at once with --jsonl (default: one per core)")
	load := addLoadFlags(fs)
	formatName := fs.String("format", "json", "output format with -o (see dossier export --help)")
	out := fs.String("o", "", "output folder: one output per input")
	force := fs.Bool("force", false, "overwrite existing outputs")
	inputs, status, ok := parseArgs(fs, args)
	if !ok {
		return status
	}
	go extract.Preload()
	if *jsonl {
		if len(inputs) > 0 {
			fmt.Fprintln(stderr, "dossier tag: --jsonl reads stdin; give no FILE")
			return 2
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return tagJSONL(ctx, stdin, stdout, stderr, *workers)
	}
	if files, batch := expandInputs(inputs); batch || *out != "" {
		if *out == "" {
			fmt.Fprintln(stderr, "dossier tag: several articles need -o DIR (one output each), or use --jsonl")
			return 2
		}
		if len(files) == 0 {
			fmt.Fprintln(stderr, "dossier tag: no .txt, .md or .html articles in", strings.Join(inputs, ", "))
			return 1
		}
		f, err := format.Lookup(*formatName)
		if err != nil {
			fmt.Fprintln(stderr, "dossier tag:", err)
			return 2
		}
		o := exportOptions{format: f, out: *out, force: *force, several: true,
			load: load.options(stdin)}
		if msg := o.check(files); msg != "" {
			fmt.Fprintln(stderr, "dossier tag:", msg)
			return 2
		}
		return o.exportAll(files, stdout, stderr)
	}
	var src string
	if len(inputs) == 1 {
		src = inputs[0]
	}
	art, err := loadArticle(src, load.options(stdin))
	if err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	doc := extract.Tag(art.Text)
	doc.ID = art.Name
	w := bufio.NewWriter(stdout)
	if err := format.WriteJSON(w, doc); err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "dossier tag:", err)
		return 1
	}
	return 0
}

// articleExts are the files a folder given to "dossier tag" stands for.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// expandInputs replaces each folder by the articles in it (sorted by name)
// and reports whether this is a batch: several inputs or any folder.
func expandInputs(inputs []string) (files []string, batch bool) {
	for _, in := range inputs {
		if !isDir(in) {
			files = append(files, in)
			continue
		}
		batch = true
		entries, err := os.ReadDir(in)
		if err != nil {
			files = append(files, in) // the loader reports the error for it
			continue
		}
		for _, e := range entries {
			if !e.IsDir() && articleExts[strings.ToLower(filepath.Ext(e.Name()))] {
				files = append(files, filepath.Join(in, e.Name()))
			}
		}
	}
	return files, batch || len(inputs) > 1
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// loadArticle loads FILE or URL, stdin for "-", or the bundled sample for "".
func loadArticle(src string, opts article.Options) (*article.Article, error) {
	if src == "" {
		return article.FromText(samples.DefaultName, samples.Default), nil
	}
	opts.Version = version
	return article.Load(src, opts)
}
