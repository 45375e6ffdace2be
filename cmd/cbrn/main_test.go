package main

import (
	"os"
	"path/filepath"
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
// codes, messages and golden outputs. $TESTDATA is the repository's testdata folder, so that a
// script copies its fixtures from there and compares with the golden files the Go tests keep
// (cmp stdout $TESTDATA/report/golden/fixture.json) instead of holding copies of its own.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Fixed clock and no colour, so outputs are reproducible.
			env.Setenv("SOURCE_DATE_EPOCH", "1795780800")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("TESTDATA", testdata)
			return nil
		},
	})
}
