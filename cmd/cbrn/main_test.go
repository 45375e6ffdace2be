package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cbrn-tool/cbrn/internal/cli"
	"github.com/cbrn-tool/cbrn/internal/gendocs"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cbrn":          func() { os.Exit(cli.Main(cli.System(), os.Args[1:])) },
		"cbrn-gen-docs": func() { os.Exit(gendocs.Main(cli.System(), os.Args[1:])) },
	})
}

// TestScripts runs the end-to-end tests in testdata/script: the real binary, its flags, exit
// codes, messages and golden outputs.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Fixed clock and no colour, so outputs are reproducible.
			env.Setenv("SOURCE_DATE_EPOCH", "1795780800")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
