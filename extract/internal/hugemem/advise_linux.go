package hugemem

import "syscall"

const supported = true

// advise asks for b (2 MB aligned, whole pages) to be backed by huge
// pages. It is only advice: an error changes nothing but speed.
func advise(b []byte) {
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
}
