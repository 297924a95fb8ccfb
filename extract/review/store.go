package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Store keeps one article's review file: it loads it on Open and writes it
// atomically (temporary file, fsync, rename, fsync of the directory) on
// every Save, so a kill at any moment leaves the last saved file whole. A
// lock file beside it (an advisory flock on Linux and the BSDs) keeps two
// dossier processes from writing the same review: the second one opens it
// read-only and says so.
type Store struct {
	path     string
	source   string
	text     string
	unlock   func()
	readOnly bool
}

// ErrLocked is returned by Save when another dossier holds the review.
var ErrLocked = errors.New("another dossier is reviewing this article: decisions here are not saved")

// Opened is what Open found: the decisions to replay and what to tell the
// user about them.
type Opened struct {
	Decisions []Action
	Notices   []string // one line each: a file renamed aside, a changed article, a lock held elsewhere
}

// DataDir is where review files live by default: $XDG_DATA_HOME/dossier,
// or ~/.local/share/dossier.
func DataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dossier"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no data directory for reviews: %w", err)
	}
	return filepath.Join(home, ".local", "share", "dossier"), nil
}

// PathFor is the default review file of an article in dir, named by the
// hash of its text.
func PathFor(dir, text string) string {
	return filepath.Join(dir, TextHash(text)+".review.json")
}

// Open opens the review file at path for the article text (its source, a
// file name or URL, is recorded to find the review again if the text is
// edited). With find set and no file at path, it looks in path's directory
// for the newest review of the same source and carries its decisions over,
// re-anchored; that older file is left as it is.
func Open(path, source, text string, find bool) (*Store, *Opened, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, err
	}
	s := &Store{path: path, source: source, text: text}
	op := &Opened{}
	unlock, err := lockFile(path + ".lock")
	switch {
	case errors.Is(err, errBusy):
		s.readOnly = true
		op.Notices = append(op.Notices, "another dossier has this review open: read-only here, decisions will not be saved")
	case err != nil:
		return nil, nil, err
	default:
		s.unlock = unlock
	}
	f, err := s.load(op)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	if f == nil && find && source != "" {
		f = s.findBySource(op)
	}
	if f != nil {
		acts, changed, lost := f.Decisions(text)
		op.Decisions = acts
		if changed {
			op.Notices = append(op.Notices, fmt.Sprintf("the article changed since it was reviewed: %d of %d decisions re-anchored by their text", len(acts)-lost, len(acts)))
		}
	}
	return s, op, nil
}

// load reads the file; a corrupt or newer one is renamed aside (unless
// read-only) and reported, and a nil File returned.
func (s *Store) load(op *Opened) (*File, error) {
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := Decode(b)
	if err == nil {
		return f, nil
	}
	if s.readOnly {
		op.Notices = append(op.Notices, fmt.Sprintf("review file %s: %v", s.path, err))
		return nil, nil
	}
	aside := fmt.Sprintf("%s.%s-%s", s.path, asideTag(err), time.Now().Format("20060102T150405"))
	if rerr := os.Rename(s.path, aside); rerr != nil {
		return nil, fmt.Errorf("review file %s: %v, and renaming it aside failed: %w", s.path, err, rerr)
	}
	op.Notices = append(op.Notices, fmt.Sprintf("review file %v; kept as %s, starting afresh", err, aside))
	return nil, nil
}

// asideTag names a renamed-aside file by what was wrong with it.
func asideTag(err error) string {
	if errors.Is(err, ErrNewer) {
		return "newer"
	}
	return "corrupt"
}

// findBySource returns the newest readable review of s.source in the
// store's directory, or nil.
func (s *Store) findBySource(op *Opened) *File {
	paths, _ := filepath.Glob(filepath.Join(filepath.Dir(s.path), "*.review.json"))
	var best *File
	var bestTime time.Time
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || p == s.path || (best != nil && !fi.ModTime().After(bestTime)) {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if f, err := Decode(b); err == nil && f.Source == s.source {
			best, bestTime = f, fi.ModTime()
		}
	}
	if best != nil {
		op.Notices = append(op.Notices, "carried over the review of an earlier version of "+filepath.Base(s.source))
	}
	return best
}

// Path is the review file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether another process holds the review.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Save writes the decisions: to a temporary file in the same directory,
// synced, then renamed over the review file, and the directory synced, so
// the file on disk is always either the old one or the new one.
func (s *Store) Save(acts []Action) error {
	if s.readOnly {
		return ErrLocked
	}
	b, err := Encode(File{Source: s.source, TextHash: TextHash(s.text), TextLen: len(s.text), Actions: acts})
	if err != nil {
		return err
	}
	return writeAtomic(s.path, b)
}

// writeAtomic replaces path with b durably.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not every system can sync a directory; the rename is done either way
		d.Close()
	}
	return nil
}

// Close releases the lock.
func (s *Store) Close() error {
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
	return nil
}

// IsReviewFile reports whether name looks like a review file of this
// package (for tools that list them).
func IsReviewFile(name string) bool { return strings.HasSuffix(name, ".review.json") }
