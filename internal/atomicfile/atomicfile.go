// Package atomicfile writes files so that a crash or kill at any moment leaves either the old
// file or the new one, complete, and never a torn one. Files are readable by their owner only.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Mode is the permission of every file the tool writes: assessment data is sensitive.
const Mode = 0o600

// WriteFile replaces path with data: a temporary file in the same folder is written, synced
// and renamed over path, then the folder is synced.
func WriteFile(path string, data []byte) error {
	return write(path, data, nil)
}

// write is WriteFile with a hook run just before the rename, for tests that interrupt it.
func write(path string, data []byte, beforeRename func() error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	f.beforeRename = beforeRename
	return f.Commit()
}

// File is an output being written: it streams into a temporary file beside its destination,
// which appears, complete and with mode 0600, only on Commit. Outputs larger than memory
// should hold (exports) stream through it; WriteFile is its one-shot form.
type File struct {
	f            *os.File
	path         string // as given, for messages
	target       string // path with its links followed: the file renamed over
	beforeRename func() error
}

// Create starts writing path. The folder must exist; path must not be a folder, nor any other
// file that is not a regular one (a named pipe, a device, a socket, or a link to one such as
// /proc/self/fd/1): renaming over it would replace it rather than write into it. A path that is
// a symbolic link is written through: the link stays, and its target is replaced, atomically,
// in the target's own folder.
func Create(path string) (*File, error) {
	target, err := Resolve(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("cannot write %s: folder %s does not exist", path, dir)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	if err := CheckRegular(path); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Chmod(Mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &File{f: f, path: path, target: target}, nil
}

// CheckRegular refuses a path that exists (through its links) and is not a regular file,
// saying what it is; a path that does not exist yet is fine.
func CheckRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	m := st.Mode()
	if m.IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch {
	case m.IsDir():
		return fmt.Errorf("cannot write %s: it is a folder", path)
	case m&os.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO), not a regular file"
	case m&os.ModeCharDevice != 0, m&os.ModeDevice != 0:
		kind = "a device, not a regular file"
	case m&os.ModeSocket != 0:
		kind = "a socket, not a regular file"
	}
	return fmt.Errorf("cannot write %s: it is %s; name a new or regular file, or leave the option out to write to stdout", path, kind)
}

// Resolve follows path's symbolic links, even to a target that does not exist yet, and returns
// the file they lead to: the one to replace. A path that is not a link is itself.
func Resolve(path string) (string, error) {
	p := path
	for range 40 {
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("cannot write %s: too many symbolic links", path)
}

// Write writes to the temporary file. An error (a full disk) names the destination, not the
// temporary file: "cannot write out.csv: no space left on device".
func (a *File) Write(p []byte) (int, error) {
	n, err := a.f.Write(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		err = fmt.Errorf("cannot write %s: %w", a.path, err)
	}
	return n, err
}

// Commit syncs the temporary file and renames it over the destination, then syncs the folder:
// the rename is durable only once the folder itself is on disk.
func (a *File) Commit() error {
	fail := func(err error) error {
		a.Abort()
		return fmt.Errorf("cannot write %s: %w", a.path, err)
	}
	if err := a.f.Sync(); err != nil {
		return fail(err)
	}
	if err := a.f.Close(); err != nil {
		return fail(err)
	}
	if a.beforeRename != nil {
		if err := a.beforeRename(); err != nil {
			os.Remove(a.f.Name())
			return err
		}
	}
	if err := os.Rename(a.f.Name(), a.target); err != nil {
		return fail(err)
	}
	if d, err := os.Open(filepath.Dir(a.target)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Abort removes the temporary file; the destination is left as it was.
func (a *File) Abort() {
	a.f.Close()
	os.Remove(a.f.Name())
}
