// Package hugemem allocates large lookup tables so that the operating
// system may back them with huge pages.
//
// The taggers' weight tables (9 MB for ner, 2 MB for claims) are read at
// random, a few dozen rows a token. On 4 KB pages nearly every read also
// misses the TLB, and the page walks, not the cache misses, set the pace.
// On Linux with transparent huge pages in "madvise" mode (a common
// default) memory is only backed by 2 MB pages when asked for.
package hugemem

import "unsafe"

// hugePage is the size and alignment of a huge page where the advice is
// supported.
const hugePage = 2 << 20

// Slice returns a zeroed slice of n elements of T, placed so that its
// whole 2 MB pages can be huge pages, with the system asked to make them so
// (where supported; elsewhere and for small n it is make([]T, n)). T must
// hold no pointers, as the slice may lie in a larger byte array.
func Slice[T any](n int) []T {
	var z T
	size := int(unsafe.Sizeof(z)) * n
	if size < hugePage || !supported {
		return make([]T, n)
	}
	// The last page is whole too: at most 2 MB more, to spare its reads
	// the small pages' TLB misses.
	whole := (size + hugePage - 1) / hugePage * hugePage
	buf := make([]byte, whole+hugePage)
	off := 0
	if r := uintptr(unsafe.Pointer(&buf[0])) % hugePage; r != 0 {
		off = int(hugePage - r)
	}
	buf = buf[off : off+whole]
	advise(buf)
	return unsafe.Slice((*T)(unsafe.Pointer(&buf[0])), n)
}
