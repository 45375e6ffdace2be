package textfmt

import (
	"bytes"
	"encoding/json"
)

// JSON encodes v as every JSON document of cbrn is written: indented by two spaces, ending in
// a newline, and with <, > and & kept as they are (the documents are read as data, never
// inserted into a page, so encoding/json's \u003c escapes would only hinder a reader).
func JSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
