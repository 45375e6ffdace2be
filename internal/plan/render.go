package plan

import (
	"fmt"
	"strings"
)

// Formats lists the formats Render knows, the default first.
func Formats() []string { return []string{"markdown", "html", "json", "xlsx"} }

// Render renders a draft national action plan. The xlsx workbook is binary.
func Render(format string, p *Plan) ([]byte, error) {
	if p == nil || p.Result == nil || p.Answers == nil {
		return nil, fmt.Errorf("plan: no plan to render")
	}
	switch format {
	case "markdown":
		return renderMarkdown(newView(p)), nil
	case "html":
		return renderHTML(newView(p))
	case "json":
		return renderJSON(p)
	case "xlsx":
		return renderXLSX(newView(p))
	}
	return nil, fmt.Errorf("plan: unknown format %q (one of %s)", format, strings.Join(Formats(), ", "))
}
