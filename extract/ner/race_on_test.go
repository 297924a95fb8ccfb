//go:build race

package ner

// raceEnabled tells timed tests that the race detector slows the code
// under test about tenfold, so that their time limits do not apply.
const raceEnabled = true
