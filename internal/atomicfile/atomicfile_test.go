package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileIsOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	if err := WriteFile(path, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode = %v, want 0600", st.Mode().Perm())
	}
	// A file that existed with wider permissions is replaced by an owner-only one.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two\n")); err != nil {
		t.Fatal(err)
	}
	st, _ = os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode after overwrite = %v, want 0600", st.Mode().Perm())
	}
	got, _ := os.ReadFile(path)
	if string(got) != "two\n" {
		t.Fatalf("content = %q", got)
	}
}

func TestInterruptedWriteLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := WriteFile(path, []byte("old complete file\n")); err != nil {
		t.Fatal(err)
	}
	crash := errors.New("killed before rename")
	err := write(path, []byte("new file that never lands\n"), func() error { return crash })
	if !errors.Is(err, crash) {
		t.Fatalf("err = %v, want the interruption", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old complete file\n" {
		t.Fatalf("content after interrupted write = %q, want the old file", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want only the file (temporary removed)", len(entries))
	}
}

func TestMissingFolderIsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-folder", "a.yaml")
	err := WriteFile(path, []byte("x"))
	if err == nil || err.Error() != "cannot write "+path+": folder "+filepath.Dir(path)+" does not exist" {
		t.Fatalf("err = %v", err)
	}
}

func TestStreamingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("before Commit the file holds %q", b)
	}
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("after Commit: %q, mode %v", b, st.Mode().Perm())
	}

	b, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	b.Write([]byte("discarded"))
	b.Abort()
	entries, _ := os.ReadDir(dir)
	if data, _ := os.ReadFile(path); string(data) != "new" || len(entries) != 1 {
		t.Errorf("after Abort: %q and %d files", data, len(entries))
	}

	if _, err := Create(filepath.Join(dir, "no", "such", "out.csv")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("a missing folder: %v", err)
	}
	if _, err := Create(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a folder: %v", err)
	}
}

// An output that is a symbolic link is written through: the link stays a link and its target,
// in another folder (an encrypted volume, say), gets the new content, owner-only.
func TestWriteFileThroughSymlink(t *testing.T) {
	for _, exists := range []bool{true, false} {
		vault, here := t.TempDir(), t.TempDir()
		target := filepath.Join(vault, "real.yaml")
		if exists {
			if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// Two hops, the first relative: here/a.yaml -> b.yaml -> vault/real.yaml.
		if err := os.Symlink(target, filepath.Join(here, "b.yaml")); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(here, "a.yaml")
		if err := os.Symlink("b.yaml", link); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(link, []byte("new\n")); err != nil {
			t.Fatalf("exists=%v: %v", exists, err)
		}
		for _, l := range []string{link, filepath.Join(here, "b.yaml")} {
			if st, err := os.Lstat(l); err != nil || st.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("exists=%v: %s is no longer a link (%v, %v)", exists, l, st, err)
			}
		}
		got, err := os.ReadFile(target)
		if err != nil || string(got) != "new\n" {
			t.Fatalf("exists=%v: target holds %q, %v; want the new content", exists, got, err)
		}
		if st, _ := os.Stat(target); st.Mode().Perm() != Mode {
			t.Errorf("exists=%v: target mode %v, want 0600", exists, st.Mode().Perm())
		}
		for _, dir := range []string{vault, here} {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("exists=%v: temporary file %s left in %s", exists, e.Name(), dir)
				}
			}
		}
	}
}

// A destination that is not a regular file is refused, and left as it was: renaming over a
// named pipe, a device or /proc/self/fd/N would replace it instead of writing into it.
func TestCreateRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	pipeLink := "/proc/self/fd/" + strconv.Itoa(int(w.Fd()))
	linkToFifo := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, linkToFifo); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        "is a named pipe (FIFO), not a regular file",
		linkToFifo:  "is a named pipe (FIFO), not a regular file",
		"/dev/null": "is a device, not a regular file",
		pipeLink:    "is a named pipe (FIFO), not a regular file",
		dir:         "is a folder",
	} {
		err := WriteFile(path, []byte("x\n"))
		if err == nil || !strings.Contains(err.Error(), "cannot write "+path+": it "+want) {
			t.Errorf("WriteFile(%s) = %v, want %q", path, err, want)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want the FIFO and the link", len(entries))
	}
}

// A write that fails (a full disk) names the destination, not the temporary file.
func TestWriteErrorNamesTheDestination(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.f.Close() // any write fails now
	_, err = f.Write([]byte("x"))
	if err == nil || !strings.HasPrefix(err.Error(), "cannot write "+path+": ") || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("Write error %v, want it to start with cannot write %s:", err, path)
	}
	f.Abort()
}
