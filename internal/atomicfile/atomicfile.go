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
func write(path string, data []byte, beforeRename func() error) (err error) {
	dir := filepath.Dir(path)
	if st, statErr := os.Stat(dir); statErr != nil {
		return fmt.Errorf("cannot write %s: folder %s does not exist", path, dir)
	} else if !st.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	if st, statErr := os.Stat(path); statErr == nil && st.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err = tmp.Chmod(Mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if beforeRename != nil {
		if err = beforeRename(); err != nil {
			return err
		}
	}
	if err = os.Rename(tmpName, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	// The rename is durable only once the folder itself is on disk.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
