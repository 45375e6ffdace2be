package answers_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
)

// Read gives the answers Load gives, without the comments noted for a save; its File cannot be
// written, so that no comment is lost by writing a file read that way.
func TestReadForReadingOnly(t *testing.T) {
	for _, p := range []string{"../../questionnaires/samples/examplia.answers.yaml", "../../questionnaires/samples/examplia-quick.answers.yaml"} {
		loaded, err := answers.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		read, err := answers.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(read, answers.WithoutLayout(loaded)) {
			t.Errorf("%s: Read and Load read different answers", p)
		}
		if _, err := loaded.Marshal(); err != nil {
			t.Errorf("%s: a loaded file cannot be written: %v", p, err)
		}
		_, err = read.Marshal()
		if err == nil || !strings.Contains(err.Error(), "answers.Load") {
			t.Errorf("%s: a file read for reading only is written (%v)", p, err)
		}
		if err := read.Save(filepath.Join(t.TempDir(), "x.answers.yaml")); err == nil {
			t.Errorf("%s: a file read for reading only is saved", p)
		}
	}
	// A file the fast path declines (a tab) is read by the YAML path, for reading only too.
	dir := t.TempDir()
	p := filepath.Join(dir, "tab.answers.yaml")
	if err := os.WriteFile(p, []byte("schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers:\n  A: {value: 1}\t# tab\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	read, err := answers.Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if read.Get("A") == nil {
		t.Error("the YAML path's answer is missing")
	}
	if _, err := read.Marshal(); err == nil {
		t.Error("a file read for reading only by the YAML path is written")
	}
	// An unreadable file is an error, as with Load.
	if _, err := answers.Read(filepath.Join(dir, "none.answers.yaml")); err == nil {
		t.Error("a missing file is read")
	}
}
