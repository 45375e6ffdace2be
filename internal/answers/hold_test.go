package answers

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func smallFile(note string) *File {
	f := &File{Questionnaire: Ref{ID: "q"}, Answers: map[string]*Answer{}}
	f.Set("Q1", &Answer{Value: 3, Note: note})
	return f
}

// A second session on the same file is refused at once, whether it names the file or a link
// to it; once the first ends, the file can be taken again.
func TestHoldIsExclusive(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.answers.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("a.answers.yaml", link); err != nil {
		t.Fatal(err)
	}
	h, err := Hold(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, link} {
		_, err := Hold(p)
		var held *HeldError
		if !errors.As(err, &held) || !strings.Contains(err.Error(), p+" is open in another cbrn session") {
			t.Fatalf("second Hold(%s) = %v, want a HeldError naming it", p, err)
		}
	}
	h.Release()
	h.Release() // twice is harmless
	if _, err := os.Stat(LockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after Release: %v", err)
	}
	h2, err := Hold(link)
	if err != nil {
		t.Fatalf("Hold after Release: %v", err)
	}
	if st, err := os.Stat(LockPath(path)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("lock file %s: %v, %v; want it beside the file, 0600", LockPath(path), st, err)
	}
	h2.Release()
}

// Saves go through while nobody else writes; a change by another program (content, or the file
// removed) stops the next save: the file keeps the other program's bytes and the session's
// answers go to a new 0600 recovery file beside it.
func TestHoldRefusesToOverwriteAChange(t *testing.T) {
	for _, change := range []string{"rewrite", "remove", "create"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.answers.yaml")
		if change != "create" {
			if err := smallFile("first").Save(path); err != nil {
				t.Fatal(err)
			}
		}
		h, err := Hold(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Save(smallFile("mine 1")); err != nil {
			t.Fatalf("%s: first save: %v", change, err)
		}
		if err := h.Save(smallFile("mine 2")); err != nil {
			t.Fatalf("%s: second save: %v", change, err)
		}
		other := "schema: cbrn.answers/v1\n# edited by hand meanwhile\n"
		switch change {
		case "remove":
			os.Remove(path)
		default:
			// Same size as before is no excuse: the content is what counts.
			os.WriteFile(path, []byte(other), 0o600)
		}
		err = h.Save(smallFile("mine 3"))
		var changed *ChangedError
		if !errors.As(err, &changed) {
			t.Fatalf("%s: save after another program's change = %v, want a ChangedError", change, err)
		}
		if !strings.Contains(err.Error(), path+" was changed by another program") || !strings.Contains(err.Error(), changed.Recovery) {
			t.Errorf("%s: message %q does not name both files", change, err)
		}
		if filepath.Dir(changed.Recovery) != dir || !strings.HasPrefix(filepath.Base(changed.Recovery), "a.answers.recovered-") {
			t.Errorf("%s: recovery file %s is not beside the answers file", change, changed.Recovery)
		}
		rec, err := os.ReadFile(changed.Recovery)
		if err != nil || !strings.Contains(string(rec), "mine 3") {
			t.Errorf("%s: recovery file holds %q, %v; want the pending answers", change, rec, err)
		}
		if st, _ := os.Stat(changed.Recovery); st.Mode().Perm() != 0o600 {
			t.Errorf("%s: recovery file mode %v", change, st.Mode().Perm())
		}
		got, err := os.ReadFile(path)
		switch change {
		case "remove":
			if !errors.Is(err, os.ErrNotExist) {
				t.Errorf("remove: the file was written again: %q", got)
			}
		default:
			if string(got) != other {
				t.Errorf("%s: the other program's file was overwritten: %q", change, got)
			}
		}
		// A second conflict gets its own recovery file, never over the first.
		err = h.Save(smallFile("mine 4"))
		var again *ChangedError
		if !errors.As(err, &again) || again.Recovery == changed.Recovery {
			t.Errorf("%s: second conflict: %v", change, err)
		}
		h.Release()
	}
}

// A file touched without being changed is not a change.
func TestHoldIgnoresATouch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.answers.yaml")
	h, err := Hold(path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Release()
	if err := h.Save(smallFile("x")); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if err := h.Save(smallFile("y")); err != nil {
		t.Fatalf("save after a touch: %v", err)
	}
}
