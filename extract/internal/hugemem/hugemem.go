// Package hugemem allocates large lookup tables so that the operating
// system may back them with huge pages.
//
// The taggers' weight tables are read at random, a few dozen rows a token.
// On 4 KB pages nearly every read also misses the TLB, and the page walks,
// not the cache misses, set the pace. On Linux with transparent huge pages
// in "madvise" mode (a common default) memory is only backed by 2 MB pages
// when asked for. Only tables of at least 4 MB hold a whole huge page
// wherever they lie; the 2 MB claims tables get no advice (and ner's table,
// once 9 MB, now keeps only its 1.5 MB of non-zero rows: ner/sparse.go).
package hugemem

import "unsafe"

// hugePage is the size and alignment of a huge page where the advice is
// supported.
const hugePage = 2 << 20

// Slice returns a zeroed slice of n elements of T and asks the system
// (where supported) to back the whole 2 MB pages inside it with huge pages.
// It allocates no more than make([]T, n): padding a table to align it
// costs up to 4 MB a table, which the peak heap of tagging a large article
// cannot spare, while a table of several huge pages has most of them
// inside it wherever it lies. Small slices get no advice.
func Slice[T any](n int) []T {
	s := make([]T, n)
	var z T
	size := int(unsafe.Sizeof(z)) * n
	if size < 2*hugePage || !supported {
		return s
	}
	buf := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), size)
	if off, end := interior(uintptr(unsafe.Pointer(&buf[0])), size); end > off {
		advise(buf[off:end])
	}
	return s
}

// interior returns the byte range [off, end) of the whole huge pages inside
// size bytes at addr; off == end when there is none.
func interior(addr uintptr, size int) (off, end int) {
	if r := addr % hugePage; r != 0 {
		off = int(hugePage - r)
	}
	if size-off < hugePage {
		return 0, 0
	}
	return off, off + (size-off)/hugePage*hugePage
}
