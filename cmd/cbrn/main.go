// Command cbrn is the offline national CBRN readiness self-assessment tool.
package main

import (
	"os"

	"github.com/cbrn-tool/cbrn/internal/cli"
)

func main() {
	os.Exit(cli.Main(cli.System(), os.Args[1:]))
}
