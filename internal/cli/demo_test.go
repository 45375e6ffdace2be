package cli

import (
	"strings"
	"testing"
)

// The demo renders through report: its JSON is exactly that of cbrn report on the sample file.
func TestDemoRendersTheSampleThroughReport(t *testing.T) {
	for _, format := range []string{"json", "csv", "markdown", "html"} {
		demo, demoErr, code := workshopRun(t, "", "demo", "-o", format)
		if code != 0 {
			t.Fatalf("demo -o %s: exit %d: %s", format, code, demoErr)
		}
		rep, repErr, code := workshopRun(t, "", "report", "../../questionnaires/samples/examplia.answers.yaml", "-o", format)
		if code != 0 {
			t.Fatalf("report -o %s: exit %d: %s", format, code, repErr)
		}
		if format == "json" || format == "csv" {
			if demo != rep {
				t.Errorf("demo -o %s differs from report on the sample file", format)
			}
		}
		if !strings.HasPrefix(demoErr, "About this demo\n") {
			t.Errorf("demo -o %s: the note belongs on stderr, got %q", format, demoErr)
		}
	}
	table, errOut, _ := workshopRun(t, "", "demo")
	rep, _, _ := workshopRun(t, "", "report", "../../questionnaires/samples/examplia.answers.yaml")
	if !strings.HasPrefix(table, rep) || !strings.Contains(table[len(rep):], "\nAbout this demo\n") || errOut != "" {
		t.Errorf("demo (table): want the report, then the note; stderr %q", errOut)
	}
}

// The workshop commands' help teaches within 80 columns, with a description and examples.
func TestWorkshopHelpFits80Columns(t *testing.T) {
	for _, c := range []string{"demo", "print", "consensus", "plan"} {
		out, _, code := workshopRun(t, "", c, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "Exit status:") {
			t.Errorf("%s --help: exit %d, want a Long description, examples and the exit statuses", c, code)
		}
		for _, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%s --help: %d columns: %s", c, n, line)
			}
		}
	}
}
