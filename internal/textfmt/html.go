package textfmt

import (
	"bytes"
	"html/template"
)

// HTML renders a page of an HTML output: the template text parsed with html/template, which
// escapes every text it is given, then executed on data. Every HTML output goes through here,
// so that a template error is returned as an error, never a panic, and so that the page passes
// through Safe (lines kept) as a whole: the templates hold no control or invisible character of
// their own, so any the page holds came from a file, and is shown escaped.
//
// Every page begins with {{template "head" .}}: the doctype, the html element in the page's
// language (its data's Lang) and the head's meta elements; the page writes its own title and
// style after it.
func HTML(name, text string, data any) ([]byte, error) {
	t, err := template.New(name).Parse(pageHead)
	if err == nil {
		t, err = t.Parse(text)
	}
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	if safe := Safe(b.String(), Lines); len(safe) != b.Len() || safe != b.String() {
		return []byte(safe), nil
	}
	return b.Bytes(), nil
}

const pageHead = `{{define "head"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">{{end}}`
