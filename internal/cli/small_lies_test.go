package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A result that cannot reach stdout (a full disk) is a failure: exit 1 and a message saying so,
// for every kind of output, help included.
func TestStdoutWriteErrorsFail(t *testing.T) {
	bin := cbrnBinary(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	for _, args := range [][]string{
		{"validate"},
		{"--help"},
		{"version"},
		{"questionnaires"},
		{"report", "../../questionnaires/samples/examplia.answers.yaml"},
		{"export", "../../questionnaires/samples/examplia.answers.yaml"},
		{"print", "-q", "cbrn-quick"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = procEnv()
		cmd.Stdout = full
		var stderr strings.Builder
		cmd.Stderr = &stderr
		code := exitCode(cmd.Run())
		if code != ExitError || !strings.Contains(stderr.String(), "cbrn: cannot write to stdout: no space left on device\n") {
			t.Errorf("cbrn %s > /dev/full: exit %d, stderr %q; want exit 1 saying so", strings.Join(args, " "), code, stderr.String())
		}
	}
}

// An answers file whose root is empty, a list or a single value, or whose schema is unknown,
// is told about as an answers file, not as a questionnaire.
func TestValidateNamesTheAnswersFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"null.answers.yaml":   "null\n",
		"list.answers.yaml":   "- a\n",
		"scalar.answers.yaml": "x\n",
		"schema.yaml":         "schema: cbrn.answers/v9\nquestionnaire: {id: cbrn-core}\nanswers: {}\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := workshopRun(t, "", "validate", path)
		if code != ExitError || strings.Contains(stderr, "questionnaire must") || strings.Contains(stderr, "a questionnaire starts") ||
			!strings.Contains(stderr, "answers file") {
			t.Errorf("validate %s: exit %d\n%s", name, code, stderr)
		}
	}
}
