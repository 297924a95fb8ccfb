package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
	"unicode"
)

// progress prints a one-line progress report (documents, words/s, ETA) on
// stderr while a batch runs, when stderr is a terminal; otherwise it is
// silent. The ETA is known only when the input is a regular file.
type progress struct {
	w       io.Writer // nil: silent
	start   time.Time
	last    time.Time
	total   int64        // input size in bytes, 0 when unknown
	read    atomic.Int64 // input bytes read so far
	docs    int
	words   int
	printed bool
}

// newProgress returns a progress reporter for a batch reading in.
func newProgress(stderr io.Writer, in io.Reader) *progress {
	p := &progress{start: time.Now()}
	if isTerminal(stderr) {
		p.w = stderr
	}
	if f, ok := in.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			p.total = fi.Size()
		}
	}
	return p
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// wrap counts the bytes read from r, for the ETA.
func (p *progress) wrap(r io.Reader) io.Reader { return countingReader{r, &p.read} }

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// done records one finished document and redraws at most every 200 ms.
func (p *progress) done(words int) {
	p.docs++
	p.words += words
	if p.w == nil || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	el := time.Since(p.start).Seconds()
	line := fmt.Sprintf("%d documents · %.0f words/s", p.docs, float64(p.words)/el)
	if read := p.read.Load(); p.total > 0 && read > 0 {
		frac := float64(read) / float64(p.total)
		if frac > 1 {
			frac = 1
		}
		eta := time.Duration(el * (1 - frac) / frac * float64(time.Second)).Round(time.Second)
		line += fmt.Sprintf(" · %3.0f%% · ETA %s", frac*100, eta)
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.printed = true
}

// clear removes the progress line so another message can be printed.
func (p *progress) clear() {
	if p.printed {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.printed = false
	}
}

// finish removes the progress line at the end of the batch.
func (p *progress) finish() { p.clear() }

// countWords counts white-space separated words, as the speed figures do.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
