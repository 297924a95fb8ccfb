// Package format reads and writes dossier's annotations in the file formats
// other tools read. Offsets are bytes inside Go and Unicode code points in
// every file; this package is the one place that converts them.
package format

import "unicode/utf8"

// Offsets converts byte offsets of one text to code-point offsets and back.
type Offsets struct {
	ascii  bool
	runeAt []int32 // runeAt[b] = code points before byte b (for b on a rune boundary)
	byteAt []int32 // byteAt[r] = byte offset of code point r; byteAt[len] = len(text)
}

// NewOffsets prepares the conversion tables for text.
func NewOffsets(text string) *Offsets {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	o := &Offsets{ascii: ascii}
	if ascii {
		return o
	}
	o.runeAt = make([]int32, len(text)+1)
	o.byteAt = make([]int32, 0, len(text)+1)
	r := int32(0)
	for i := 0; i < len(text); {
		_, n := utf8.DecodeRuneInString(text[i:])
		o.byteAt = append(o.byteAt, int32(i))
		for k := 0; k < n; k++ {
			o.runeAt[i+k] = r // a byte inside a rune maps to that rune's start
		}
		i += n
		r++
	}
	o.runeAt[len(text)] = r
	o.byteAt = append(o.byteAt, int32(len(text)))
	return o
}

// Rune returns the code-point offset of byte offset b.
func (o *Offsets) Rune(b int) int {
	if o.ascii {
		return b
	}
	if b < 0 {
		return 0
	}
	if b >= len(o.runeAt) {
		return int(o.runeAt[len(o.runeAt)-1])
	}
	return int(o.runeAt[b])
}

// Byte returns the byte offset of code-point offset r; ok is false when r
// lies outside the text.
func (o *Offsets) Byte(r int) (b int, ok bool) {
	if r < 0 {
		return 0, false
	}
	if o.ascii {
		return r, true // the caller checks r against len(text)
	}
	if r >= len(o.byteAt) {
		return 0, false
	}
	return int(o.byteAt[r]), true
}
