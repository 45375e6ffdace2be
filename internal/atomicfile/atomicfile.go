// Package atomicfile writes files so that a crash or kill at any moment leaves either the old
// file or the new one, complete, and never a torn one. Files are readable by their owner only.
package atomicfile

import (
	"fmt"
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
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	f.beforeRename = beforeRename
	return f.Commit()
}

// File is an output being written: it streams into a temporary file beside its destination,
// which appears, complete and with mode 0600, only on Commit. Outputs larger than memory
// should hold (exports) stream through it; WriteFile is its one-shot form.
type File struct {
	f            *os.File
	path         string
	beforeRename func() error
}

// Create starts writing path. The folder must exist; path must not be a folder.
func Create(path string) (*File, error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("cannot write %s: folder %s does not exist", path, dir)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("cannot write %s: it is a folder", path)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Chmod(Mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &File{f: f, path: path}, nil
}

// Write writes to the temporary file.
func (a *File) Write(p []byte) (int, error) { return a.f.Write(p) }

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
	if err := os.Rename(a.f.Name(), a.path); err != nil {
		return fail(err)
	}
	if d, err := os.Open(filepath.Dir(a.path)); err == nil {
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
