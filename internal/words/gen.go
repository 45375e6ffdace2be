//go:build ignore

// gen writes catalog_gen.go, the catalogues as Go code, run by go generate ./internal/words
// after a catalogue file is edited.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/cbrn-tool/cbrn/internal/words/catgen"
)

func main() {
	src, err := catgen.Generate("catalog")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if cur, err := os.ReadFile("catalog_gen.go"); err == nil && bytes.Equal(cur, src) {
		return
	}
	if err := os.WriteFile("catalog_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("wrote catalog_gen.go")
}
