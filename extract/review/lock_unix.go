//go:build unix

package review

import (
	"errors"
	"os"
	"syscall"
)

// errBusy says another process holds the lock.
var errBusy = errors.New("locked by another process")

// lockFile takes an exclusive advisory lock on path (created if need be)
// without waiting. The kernel drops it when the process dies, even by
// SIGKILL, so a crash never leaves a stale lock.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errBusy
		}
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
