package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
