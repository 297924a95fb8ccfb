package ner

import (
	"testing"
	"unsafe"
)

// TestWordEntrySize keeps a word-cache entry at four cache lines: a field
// added to it must make room (touchEntry loads one word a line).
func TestWordEntrySize(t *testing.T) {
	if n := unsafe.Sizeof(wordEntry{}); n != 256 {
		t.Errorf("a wordEntry is %d bytes, want 256", n)
	}
}
