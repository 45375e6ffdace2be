//go:build ignore

// gen writes the Go code that builds every shipped questionnaire version (and the valid test
// fixtures), run by go generate ./questionnaires/compiled. Files whose content is current are
// left as they are, and generated files of versions no longer shipped are removed.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cbrn-tool/cbrn/questionnaires/compiled/gocode"
)

func main() {
	files, err := gocode.Everything(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	old, _ := filepath.Glob("*_gen.go")
	for _, name := range old {
		if _, ok := files[name]; !ok {
			if err := os.Remove(name); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println("removed", name)
		}
	}
	written := 0
	for name, src := range files {
		if cur, err := os.ReadFile(name); err == nil && bytes.Equal(cur, src) {
			continue
		}
		if err := os.WriteFile(name, src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("wrote", name)
		written++
	}
	fmt.Printf("%d files written\n", written)
}
