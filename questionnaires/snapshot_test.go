package questionnaires_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

const regenerate = "go generate ./questionnaires"

// Every shipped version has a snapshot, and the snapshot is its YAML loaded: that of the same
// bytes, and a questionnaire equal in every field to the parse of the YAML. After a
// questionnaire is added or changed, this fails until the snapshots are made again.
func TestSnapshotsUpToDate(t *testing.T) {
	for _, id := range questionnaires.IDs() {
		for _, v := range questionnaires.Versions(id) {
			data, name, _ := questionnaires.Version(id, v)
			want, err := questionnaire.Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := questionnaire.LoadSnapshot(questionnaires.Snapshot(id, v), want.Digest)
			if err != nil {
				t.Errorf("%s has no snapshot, or the snapshot of other bytes: run %s", name, regenerate)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the snapshot of %s differs from its parse: run %s", name, regenerate)
			}
		}
	}
	// No snapshot is left of a version that is not shipped.
	err := filepath.WalkDir("snapshots", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".snap") {
			return err
		}
		rest := strings.TrimSuffix(filepath.ToSlash(p), ".snap")
		id, v, _ := strings.Cut(strings.TrimPrefix(rest, "snapshots/"), "/")
		if _, _, ok := questionnaires.Version(id, v); !ok {
			t.Errorf("%s is the snapshot of a version that is not shipped: delete it and run %s", p, regenerate)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// A snapshot is used only for its own bytes: for any others, the YAML is parsed.
func TestStaleSnapshotIsNotUsed(t *testing.T) {
	data, name, _ := questionnaires.Version("cbrn-quick", "1.0.0")
	snap := questionnaires.Snapshot("cbrn-quick", "1.0.0")
	changed := append([]byte("# a comment\n"), data...)
	q, err := questionnaire.ParseShipped(name, changed, snap)
	if err != nil || q.Digest != questionnaire.Digest(changed) {
		t.Fatalf("the snapshot was used for other bytes than its own (%v)", err)
	}
	if questionnaires.Snapshot("cbrn-quick", "../cbrn-core/1.0.0") != nil {
		t.Fatal("a snapshot was found outside its folder")
	}
}

func TestHas(t *testing.T) {
	for _, id := range questionnaires.IDs() {
		for _, v := range questionnaires.Versions(id) {
			if !questionnaires.Has(id, v) {
				t.Errorf("Has(%s, %s) is false", id, v)
			}
		}
	}
	for _, bad := range [][2]string{{"cbrn-core", "9.9.9"}, {"cbrn-core", "../cbrn-quick/1.0.0"}, {"..", "cbrn-core"}, {"samples", "README"}, {"", "1.0.0"}, {"cbrn-core", ""}} {
		if questionnaires.Has(bad[0], bad[1]) {
			t.Errorf("Has(%q, %q) is true", bad[0], bad[1])
		}
	}
}
