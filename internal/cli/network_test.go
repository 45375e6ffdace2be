package cli

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tool never opens a network connection: assessment data describes a country's
// vulnerabilities. Two proofs: no package of this module imports the network, and the real
// binary, traced by strace through every command, makes no network system call at all.

// networkImports are the standard packages that reach the network or start other programs
// (which could): this module's own code imports none of them.
var networkImports = regexp.MustCompile(`^(net|net/.*|crypto/tls|os/exec|plugin|syscall/js)$`)

func TestNoPackageImportsTheNetwork(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if networkImports.MatchString(p) {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s imports %s", rel, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 30 {
		t.Fatalf("read %d Go files under %s; the walk missed the module", files, root)
	}
}

// TestNoSocketUnderStrace runs the binary under `strace -f` through every command, on the
// sample and hostile files, and finds no network system call (socket, connect, bind, send…).
// strace is installed by .ci/run; without it, or where tracing is not permitted, the test says so
// and is skipped.
func TestNoSocketUnderStrace(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (apt-get install strace): cannot trace the binary's system calls")
	}
	bin := cbrnBinary(t)
	probe := exec.Command(strace, "-f", "-qq", "-o", os.DevNull, "-e", "trace=openat", "true")
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here (ptrace not permitted?): %v\n%s", err, out)
	}
	dir := hostileDir(t)
	for _, name := range []string{"fixture.yaml", "fixture.answers.yaml"} {
		copyFile(t, filepath.Join("../../testdata/report", name), filepath.Join(dir, name))
	}
	if err := os.Mkdir(filepath.Join(dir, "docs"), 0o700); err != nil {
		t.Fatal(err)
	}
	runs := []struct {
		args    []string
		stdin   string
		program string // another program of cmd/ than cbrn
	}{
		{args: []string{"version"}},
		{args: []string{"questionnaires"}},
		{args: []string{"validate"}},
		{args: []string{"validate", "hostile.yaml", "hostile.answers.yaml", "fixture.answers.yaml"}},
		{args: []string{"demo"}},
		{args: []string{"demo", "-o", "html", "--out", "demo.html", "--save-sample", "examplia.answers.yaml"}},
		{args: []string{"report", "examplia.answers.yaml", "-o", "html", "--out", "report.html"}},
		{args: []string{"report", "hostile.answers.yaml", "-o", "csv"}},
		{args: []string{"report", "fixture.answers.yaml", "-o", "markdown"}},
		{args: []string{"plan", "examplia.answers.yaml", "-o", "html"}},
		{args: []string{"print", "-o", "html"}},
		{args: []string{"consensus", "hostile.answers.yaml", "eve.answers.yaml", "--out", "merged.yaml"}},
		{args: []string{"consensus", "hostile.answers.yaml", "eve.answers.yaml", "--out", "resolved.yaml", "--resolve", "--accessible"},
			stdin: "1\nagreed\n"},
		{args: []string{"compare", "hostile.answers.yaml", "eve.answers.yaml"}},
		{args: []string{"export", "hostile.answers.yaml", "eve.answers.yaml", "-o", "csv"}},
		{args: []string{"export", "hostile.answers.yaml", "eve.answers.yaml", "-o", "xlsx", "--out", "all.xlsx"}},
		{args: []string{"assess", "-q", "cbrn-quick", "--accessible", "new.answers.yaml"}, stdin: "\n\n\n\n2\n\n"},
		{args: []string{"docs"}, program: "cbrn-gen-docs"},
		{args: []string{"completion", "bash"}},
	}
	for _, r := range runs {
		t.Run(strings.Join(r.args, " "), func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "strace.log")
			// %network is every network system call; openat proves the trace records calls at all.
			prog := bin
			if r.program != "" {
				prog = programBinary(t, r.program)
			}
			cmd := exec.Command(strace, append([]string{"-f", "-qq", "-o", log, "-e", "trace=%network,openat", prog}, r.args...)...)
			cmd.Dir = dir
			cmd.Env = procEnv()
			cmd.Stdin = strings.NewReader(r.stdin)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil && exitCode(err) != ExitCancelled {
				t.Fatalf("%v\n%s", err, stderr.String())
			}
			trace, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(trace, []byte("openat(")) {
				t.Fatalf("the trace records no openat call: strace did not trace the binary\n%s", trace)
			}
			for _, line := range strings.Split(string(trace), "\n") {
				if networkCallRE.MatchString(line) {
					t.Errorf("network system call: %s", line)
				}
			}
		})
	}
}

// networkCallRE matches a traced network system call (strace lines are "PID call(args) = result").
var networkCallRE = regexp.MustCompile(`^(\d+ +)?(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|sendmmsg|recvfrom|recvmsg|recvmmsg|getsockname|getpeername|setsockopt|getsockopt|shutdown)\(`)

// programBinary builds the program cmd/NAME into the test's temporary folder.
func programBinary(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("go", "build", "-o", path, "github.com/cbrn-tool/cbrn/cmd/"+name).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return path
}
