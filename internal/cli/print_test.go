package cli

import (
	"strings"
	"testing"
)

func TestPrintMarkdownGolden(t *testing.T) {
	out, errOut, code := workshopRun(t, "", "print", "-q", "../../testdata/consensus/workshop.yaml", "-o", "markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	workshopGolden(t, "../../testdata/print/golden/workshop.md", out)
}

func TestPrintHTMLGolden(t *testing.T) {
	out, errOut, code := workshopRun(t, "", "print", "-q", "../../testdata/consensus/workshop.yaml", "-o", "html", "--lang", "fr",
		"--agency", "customs")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	workshopGolden(t, "../../testdata/print/golden/workshop-customs.fr.html", out)
}

// Text from the questionnaire can neither format the Markdown nor inject HTML.
func TestPrintEscapes(t *testing.T) {
	md, _, _ := workshopRun(t, "", "print", "-q", "../../testdata/consensus/workshop.yaml")
	if !strings.Contains(md, `the decree \<or order\> creating it; members \| agencies \& \*focal point\*.`) {
		t.Errorf("markdown help not escaped:\n%s", md)
	}
	html, _, _ := workshopRun(t, "", "print", "-q", "../../testdata/consensus/workshop.yaml", "-o", "html")
	if !strings.Contains(html, `the decree &lt;or order&gt; creating it; members | agencies &amp; *focal point*.`) || strings.Contains(html, "<or order>") {
		t.Errorf("html help not escaped")
	}
}

func TestPrintFilters(t *testing.T) {
	cases := []struct {
		args    []string
		has     []string
		hasNot  []string
		heading string
	}{
		{[]string{"--pillar", "detection"}, []string{"WS-DET-01", "WS-DET-03"}, []string{"WS-GOV-01", "WS-RSP-01"}, "3 questions"},
		{[]string{"--agency", "customs"}, []string{"WS-GOV-03", "WS-DET-02", "WS-DET-03"}, []string{"WS-GOV-01", "WS-PRP-01"}, "3 questions"},
		{[]string{"--agency", "customs,civil-protection", "--pillar", "response", "--pillar", "preparedness"},
			[]string{"WS-PRP-01", "WS-RSP-01", "WS-RSP-05"}, []string{"WS-DET-03", "WS-GOV-01"}, "6 questions"},
	}
	for _, c := range cases {
		args := append([]string{"print", "-q", "../../testdata/consensus/workshop.yaml"}, c.args...)
		out, errOut, code := workshopRun(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		for _, id := range c.has {
			if !strings.Contains(out, "### "+id) {
				t.Errorf("%v: %s missing", c.args, id)
			}
		}
		for _, id := range c.hasNot {
			if strings.Contains(out, "### "+id) {
				t.Errorf("%v: %s should be filtered out", c.args, id)
			}
		}
		if !strings.Contains(out, c.heading) {
			t.Errorf("%v: no %q in the heading", c.args, c.heading)
		}
	}
}
