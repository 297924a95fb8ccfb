package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/dossier-reader/dossier/extract/article"
)

// commandFlags returns the flag set of the subcommand name: its errors and
// usage (the text usage) go to stderr.
func commandFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

// parseArgs parses flags that may come before, between or after the
// positional arguments, which it returns; after a second -- everything is
// positional. When ok is false the command is over and exits with status: 0
// after --help, 2 after a bad flag (fs has reported it).
func parseArgs(fs *flag.FlagSet, args []string) (pos []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		if fs.NArg() == 0 {
			return pos, 0, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
		if fs.Arg(0) == "--" { // everything after -- is a file
			return append(pos[:len(pos)-1], args...), 0, true
		}
	}
}

// loadFlags are the flags that say how articles are loaded.
type loadFlags struct {
	maxSize *int64
	offline *bool
}

// addLoadFlags declares --max-size and --offline on fs.
func addLoadFlags(fs *flag.FlagSet) loadFlags {
	return loadFlags{
		maxSize: fs.Int64("max-size", 0, "size limit in bytes"),
		offline: fs.Bool("offline", false, "never fetch URLs"),
	}
}

// options are the loading options the flags set, reading "-" from stdin.
func (l loadFlags) options(stdin io.Reader) article.Options {
	return article.Options{Stdin: stdin, MaxBytes: *l.maxSize, Offline: *l.offline}
}
