package answers

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/atomicfile"
)

// Holder is the one writer of an answers file for a whole session (cbrn assess, cbrn consensus
// --resolve). It holds an advisory lock on a lock file beside the answers file (the answers file
// itself is replaced by every save, so it cannot carry the lock), and remembers what the file
// held when the session last read or wrote it: a save over a file that another program changed
// meanwhile is refused, and the session's answers go to a recovery file instead.
type Holder struct {
	path   string // as given, for messages
	target string // path with its symbolic links followed
	lock   *os.File
	seen   fileState
}

// fileState is what a file held: whether it existed, its size and the digest of its bytes. The
// time is left out: a program that touches the file without changing it loses nothing.
type fileState struct {
	exists bool
	size   int64
	sum    [sha256.Size]byte
}

// HeldError says that another session holds the file.
type HeldError struct{ Path string }

func (e *HeldError) Error() string {
	return fmt.Sprintf("%s is open in another cbrn session (assess or consensus): finish or stop that one first; one session at a time writes an answers file", e.Path)
}

// ChangedError says that another program changed the file since the session read or wrote it:
// the session's answers were not saved over it but into Recovery.
type ChangedError struct {
	Path, Recovery string
	Err            error // why the recovery file could not be written, when it could not
}

func (e *ChangedError) Error() string {
	if e.Recovery == "" {
		return fmt.Sprintf("%s was changed by another program since this session read it: not saving over it, and the answers of this session could not be kept either: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s was changed by another program since this session read it: not saving over it; the answers of this session, the last one included, are in %s. Compare the two files and keep what is right.", e.Path, e.Recovery)
}

// LockPath is the lock file of an answers file: beside the file its links lead to, hidden.
func LockPath(target string) string {
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".lock")
}

// Hold takes an answers file for a session: it fails at once with a *HeldError when another
// session holds it, and records what the file holds now (or that it does not exist yet). The
// caller reads the file after Hold, and calls Release when the session ends (the lock also ends
// with the process).
func Hold(path string) (*Holder, error) {
	target, err := atomicfile.Resolve(path)
	if err != nil {
		return nil, err
	}
	if err := atomicfile.CheckRegular(path); err != nil {
		return nil, err
	}
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("cannot write %s: folder %s does not exist", path, dir)
	}
	lock, err := takeLock(LockPath(target))
	if errors.Is(err, errLocked) {
		return nil, &HeldError{Path: path}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: cannot lock it: %w", path, err)
	}
	h := &Holder{path: path, target: target, lock: lock}
	if h.seen, err = current(target); err != nil {
		h.Release()
		return nil, err
	}
	return h, nil
}

// Release ends the session's hold and removes the lock file. It is safe on a nil Holder and
// more than once.
func (h *Holder) Release() {
	if h == nil || h.lock == nil {
		return
	}
	// Removed while still locked: a session that opened it meanwhile finds, once it has the
	// lock, that the file is no longer the one at the lock's path, and starts again.
	os.Remove(h.lock.Name())
	unlockFile(h.lock)
	h.lock.Close()
	h.lock = nil
}

// takeLock opens (or creates) the lock file and locks it without waiting. A lock file that was
// removed between its opening and its locking (by a session ending) is opened again, so that
// two sessions never hold two different lock files of one path.
func takeLock(path string) (*os.File, error) {
	for range 100 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, atomicfile.Mode)
		if err != nil {
			return nil, err
		}
		if err := lockFile(f); err != nil {
			f.Close()
			return nil, err
		}
		held, err1 := f.Stat()
		atPath, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, atPath) {
			return f, nil
		}
		unlockFile(f)
		f.Close()
	}
	return nil, errors.New("its lock file keeps changing")
}

// Save writes f over the held file, unless another program changed the file since the session
// last read or wrote it: then f goes to a recovery file beside it and Save returns a
// *ChangedError naming both.
func (h *Holder) Save(f *File) error {
	data, err := f.Marshal()
	if err != nil {
		return err
	}
	now, err := current(h.target)
	if err != nil {
		return err
	}
	if now != h.seen {
		rec, werr := h.recover(data)
		return &ChangedError{Path: h.path, Recovery: rec, Err: werr}
	}
	if err := atomicfile.WriteFile(h.path, data); err != nil {
		return err
	}
	h.seen = fileState{exists: true, size: int64(len(data)), sum: sha256.Sum256(data)}
	return nil
}

// recover writes data to a new file beside the answers file, never over an existing one.
func (h *Holder) recover(data []byte) (string, error) {
	base := strings.TrimSuffix(h.target, filepath.Ext(h.target))
	ext := filepath.Ext(h.target)
	stampText := time.Now().UTC().Format("20060102T150405Z")
	for i := 0; i < 100; i++ {
		p := fmt.Sprintf("%s.recovered-%s%s", base, stampText, ext)
		if i > 0 {
			p = fmt.Sprintf("%s.recovered-%s-%d%s", base, stampText, i, ext)
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, atomicfile.Mode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if serr := f.Sync(); err == nil {
			err = serr
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(p)
			return "", err
		}
		return p, nil
	}
	return "", errors.New("too many recovery files already")
}

// current is what the file holds now.
func current(path string) (fileState, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileState{}, nil
	}
	if err != nil {
		return fileState{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return fileState{exists: true, size: int64(len(data)), sum: sha256.Sum256(data)}, nil
}
