//go:build ignore

// makesnapshots writes the snapshot of every shipped questionnaire version
// (snapshots/ID/VERSION.snap), run by go generate ./questionnaires. A snapshot that already
// reads back as the questionnaire is left as it is, so that regenerating changes only what
// changed.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

func main() {
	written := 0
	for _, id := range questionnaires.IDs() {
		for _, v := range questionnaires.Versions(id) {
			data, name, _ := questionnaires.Version(id, v)
			q, err := questionnaire.Parse(name, data)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			path := filepath.FromSlash(questionnaires.SnapshotPath(id, v))
			if old, err := questionnaire.LoadSnapshot(questionnaires.Snapshot(id, v), q.Digest); err == nil && reflect.DeepEqual(old, q) {
				continue
			}
			snap, err := q.MarshalSnapshot()
			if err != nil {
				fmt.Fprintln(os.Stderr, name+":", err)
				os.Exit(1)
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			if err := os.WriteFile(path, snap, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println("wrote", path)
			written++
		}
	}
	fmt.Printf("%d snapshots written\n", written)
}
