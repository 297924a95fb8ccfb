// Command dossier is a terminal reader for news articles: it tags the people,
// countries, weapons and claims in an article and shows them beside the text.
//
//	dossier [flags] [FILE | -]     read an article (the bundled sample by default)
//	dossier tag [FILE | -]         print an article's annotations as JSON
//	dossier tag --jsonl            tag JSON Lines documents from stdin to stdout
//	dossier eval GOLD.jsonl        score the tagger against annotated documents
//
// main only wires things: extract tags, ui shows, and this file is the only
// place that prints to the terminal outside the screen or exits.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dossier-reader/dossier/extract"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `dossier — read news articles with their people, countries, weapons and claims

Usage:
  dossier [flags] [FILE | URL | -]...
                                 read an article: text, Markdown or HTML, a file or a
                                 web page (no FILE: the bundled sample; -: stdin);
                                 several make a reading list ([ and ] move, L lists);
                                 one that cannot be loaded is reported and skipped
  dossier tag [FILE | -]         print the article's annotations as JSON
  dossier tag --jsonl            read JSON Lines {"id","text"} on stdin, write one tagged line each
  dossier export [--format F] [-o PATH] [FILE...]
                                 write annotations as json, jsonl, brat, conll, spacy,
                                 csv, md, html or w3c
  dossier eval GOLD.jsonl        tag annotated JSON Lines and print precision, recall and F1 per type

Reader flags:
  --theme dark|light   colours for a dark or light terminal (default: ask the terminal)
  --mouse              enable the mouse (wheel, click); it breaks text selection in most terminals
  --max-size BYTES     refuse articles larger than this (default 64 MB)
  --offline            never fetch URLs
  --review-file PATH   keep review decisions in PATH (default: one file per article
                       under $XDG_DATA_HOME/dossier, named by a hash of its text)
  --annotations PATH   show these annotations (a dossier export: .json, .jsonl, brat
                       .ann or folder) instead of tagging; with no FILE their text is
                       the article
  --version            print the version and exit

Run "dossier tag --help", "dossier export --help" or "dossier eval --help" for those commands. In the reader, press ? for keys.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the exit, so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "tag" {
		return runTag(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "export" {
		return runExport(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "eval" {
		return runEval(args[1:], stdin, stdout, stderr)
	}
	fs := commandFlags("dossier", usage, stderr)
	theme := fs.String("theme", "", "dark or light")
	mouse := fs.Bool("mouse", false, "enable the mouse")
	load := addLoadFlags(fs)
	showVersion := fs.Bool("version", false, "print the version")
	reviewFile := fs.String("review-file", "", "review decisions file")
	annotations := fs.String("annotations", "", "annotations file to show instead of tagging")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "dossier", version)
		return 0
	}
	if *theme != "" && *theme != "dark" && *theme != "light" {
		fmt.Fprintf(stderr, "dossier: --theme must be dark or light, not %q\n", *theme)
		return 2
	}
	if fs.NArg() > 1 && *reviewFile != "" {
		fmt.Fprintln(stderr, "dossier: --review-file is for one article (got", fs.NArg(), "arguments)")
		return 2
	}
	if *annotations != "" {
		return readAnnotated(*annotations, fs.Args(), load.options(stdin),
			readerOptions{theme: *theme, mouse: *mouse, reviewFile: *reviewFile}, stderr)
	}
	go extract.Preload() // while the articles load
	// A reading list: every article that loads is read; one that does not
	// is reported here, before the screen opens, and in the status line, and
	// makes the exit status 1. When none loads the screen never opens.
	arts, errs := loadArticles(fs.Args(), load.options(stdin))
	var notices []string
	for _, err := range errs {
		fmt.Fprintln(stderr, "dossier:", err)
		notices = append(notices, "not opened: "+err.Error())
	}
	if len(arts) == 0 {
		return 1
	}
	if err := runReader(arts, readerOptions{theme: *theme, mouse: *mouse, reviewFile: *reviewFile}, notices); err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}
