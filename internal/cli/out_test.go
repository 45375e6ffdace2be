package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outDir is a fresh folder holding the report fixture: fixture.yaml and fixture.answers.yaml,
// which names the questionnaire "fixture", found beside it.
func outDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"fixture.yaml", "fixture.answers.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/report", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot is every file of a folder with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil && !e.IsDir() {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// commandsWithOut runs every command that writes --out, with the fixture as input.
func commandsWithOut(dir string) map[string][]string {
	answers := filepath.Join(dir, "fixture.answers.yaml")
	q := filepath.Join(dir, "fixture.yaml")
	return map[string][]string{
		"report":    {"report", answers},
		"report -q": {"report", answers, "-q", q},
		"plan":      {"plan", answers},
		"print":     {"print", "-q", q},
		"consensus": {"consensus", answers, filepath.Join(dir, "copy.answers.yaml")},
		"compare":   {"compare", answers, filepath.Join(dir, "copy.answers.yaml")},
		"export":    {"export", answers, filepath.Join(dir, "copy.answers.yaml")},
	}
}

// --out never overwrites one of the command's inputs: the answers, the questionnaire named with
// -q or found beside the answers, by their own name, another spelling of it, or a link to them.
func TestOutRefusesItsOwnInputs(t *testing.T) {
	for name, args := range commandsWithOut("DIR") {
		t.Run(name, func(t *testing.T) {
			dir := outDir(t)
			copyFile(t, filepath.Join(dir, "fixture.answers.yaml"), filepath.Join(dir, "copy.answers.yaml"))
			if err := os.Link(filepath.Join(dir, "fixture.answers.yaml"), filepath.Join(dir, "hard.yaml")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("fixture.yaml", filepath.Join(dir, "soft.yaml")); err != nil {
				t.Fatal(err)
			}
			for i, a := range args {
				args[i] = strings.Replace(a, "DIR", dir, 1)
			}
			targets := []string{
				filepath.Join(dir, "fixture.yaml"),                   // the questionnaire
				filepath.Join(dir, ".", "sub", "..", "fixture.yaml"), // spelt another way
				filepath.Join(dir, "soft.yaml"),                      // a symbolic link to it
			}
			if name != "print" {
				targets = append(targets,
					filepath.Join(dir, "fixture.answers.yaml"),
					filepath.Join(dir, "hard.yaml")) // a hard link to the answers
			}
			if name == "consensus" || name == "compare" || name == "export" {
				targets = append(targets, filepath.Join(dir, "copy.answers.yaml"))
			}
			before := snapshot(t, dir)
			for _, target := range targets {
				_, stderr, code := workshopRun(t, "", append(args, "--out", target)...)
				want := "cbrn: --out " + target + " is one of the input files; choose another file name\n"
				if code != ExitUsage || !strings.HasPrefix(stderr, want) {
					t.Errorf("--out %s: exit %d, stderr %q; want exit 2 and %q", target, code, stderr, want)
				}
			}
			if after := snapshot(t, dir); !sameSnapshot(before, after) {
				t.Errorf("the folder changed: %d files before, %d after", len(before), len(after))
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// --out into a folder that does not exist is a clear error, and creates nothing.
func TestOutIntoAMissingFolder(t *testing.T) {
	for name, args := range commandsWithOut("DIR") {
		t.Run(name, func(t *testing.T) {
			dir := outDir(t)
			copyFile(t, filepath.Join(dir, "fixture.answers.yaml"), filepath.Join(dir, "copy.answers.yaml"))
			for i, a := range args {
				args[i] = strings.Replace(a, "DIR", dir, 1)
			}
			before := snapshot(t, dir)
			missing := filepath.Join(dir, "no-such-folder")
			out := filepath.Join(missing, "out.txt")
			_, stderr, code := workshopRun(t, "", append(args, "--out", out)...)
			want := "cbrn: cannot write " + out + ": folder " + missing + " does not exist\n"
			if code != ExitError || stderr != want {
				t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
			}
			if after := snapshot(t, dir); !sameSnapshot(before, after) {
				t.Error("the folder changed")
			}
		})
	}
}

// Every file --out writes is the owner's only (0600), even over an older file readable by all,
// and nothing else is left in the folder: no temporary file.
func TestOutWritesOwnerOnlyAndNothingElse(t *testing.T) {
	for name, args := range commandsWithOut("DIR") {
		t.Run(name, func(t *testing.T) {
			var err error
			dir := outDir(t)
			copyFile(t, filepath.Join(dir, "fixture.answers.yaml"), filepath.Join(dir, "copy.answers.yaml"))
			for i, a := range args {
				args[i] = strings.Replace(a, "DIR", dir, 1)
			}
			out := filepath.Join(dir, "out.txt")
			older := []byte("an older output")
			if name == "consensus" {
				// An earlier merged file: consensus refuses to write over one it cannot read.
				if older, err = os.ReadFile(filepath.Join(dir, "fixture.answers.yaml")); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(out, older, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(out, 0o644); err != nil { // whatever the umask
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			_, stderr, code := workshopRun(t, "", append(args, "--out", out)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stderr, "wrote "+out) {
				t.Errorf("stderr does not say what was written: %q", stderr)
			}
			st, err := os.Stat(out)
			if err != nil || st.Mode().Perm() != 0o600 {
				t.Fatalf("mode %v, %v; want 0600", st.Mode().Perm(), err)
			}
			after := snapshot(t, dir)
			if after["out.txt"] == before["out.txt"] || after["out.txt"] == "" {
				t.Error("the output was not written")
			}
			delete(before, "out.txt")
			delete(after, "out.txt")
			if !sameSnapshot(before, after) {
				t.Errorf("files other than the output changed or appeared: %v", keys(after))
			}
		})
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// demo writes two files: --out and --save-sample may not name the same one, however spelt.
func TestDemoRefusesOneFileForBothOutputs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "x.yaml")
	b := filepath.Join(dir, ".", "x.yaml")
	_, stderr, code := workshopRun(t, "", "demo", "--out", a, "--save-sample", b)
	if code != ExitUsage || !strings.Contains(stderr, "--out and --save-sample name the same file") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(a); err == nil {
		t.Error("a file was written")
	}
}

// The questionnaire beside an answers file is <id>.yaml for an id of the questionnaire id form
// only: hostile answers naming "../x" cannot make cbrn read a file outside their folder.
func TestQuestionnaireIDNamesNoOtherFolder(t *testing.T) {
	dir := outDir(t)
	sub := filepath.Join(dir, "received")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "fixture.answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "{id: fixture,", "{id: ../fixture,", 1))
	path := filepath.Join(sub, "evil.answers.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := workshopRun(t, "", "report", path)
	want := "cbrn: " + path + `: answers questionnaire "../fixture", which is not shipped with cbrn; name its file with -q FILE` + "\n"
	if code != ExitError || stderr != want {
		t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
	_, stderr, code = workshopRun(t, "", "export", path)
	want = path + `: answers questionnaire "../fixture", which is not shipped with cbrn; name its file with -q FILE` + "\n"
	if code != ExitError || !strings.HasPrefix(stderr, want) {
		t.Errorf("export: exit %d, stderr %q; want exit 1 and %q first", code, stderr, want)
	}
}
