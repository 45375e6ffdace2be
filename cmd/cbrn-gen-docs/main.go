// Command cbrn-gen-docs writes cbrn's man pages and Markdown command reference, for packagers
// and documentation sites: cbrn-gen-docs DIR. It is apart from cbrn so that the man-page
// renderer is not linked into cbrn, whose every run would otherwise initialise it.
package main

import (
	"os"

	"github.com/cbrn-tool/cbrn/internal/cli"
	"github.com/cbrn-tool/cbrn/internal/gendocs"
)

func main() {
	os.Exit(gendocs.Main(cli.System(), os.Args[1:]))
}
