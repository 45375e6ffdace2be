// Package compiled builds the shipped questionnaires from generated Go code instead of parsing
// and checking their YAML at every run: cbrn-core 1.1.0 is 360 KB of YAML that takes tens of
// milliseconds to load, and well under one to build. The code is generated from the YAML by
//
//	go generate ./questionnaires/compiled
//
// and is used only for the very bytes it was generated from (their size and CRC-32 are checked): a
// questionnaire changed without generating again is parsed from its YAML as before, and
// TestGeneratedUpToDate fails until the code is generated again.
package compiled

//go:generate go run gen.go

import (
	"fmt"
	"hash/crc32"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// Load returns a shipped version of a questionnaire, equal in every field to the load of its
// YAML.
func Load(id, version string) (*questionnaire.Questionnaire, error) {
	data, name, ok := questionnaires.Version(id, version)
	if !ok {
		return nil, fmt.Errorf("questionnaire %s version %s is not shipped", id, version)
	}
	return load(id, version, name, data)
}

// load builds the questionnaire of data, the file of a shipped version, from its generated code
// when that code was generated from these very bytes; else it parses data.
func load(id, version, name string, data []byte) (*questionnaire.Questionnaire, error) {
	if size, crc, build, ok := lookup(id, version); ok && size == len(data) && crc == crc32.ChecksumIEEE(data) {
		if q, err := build(); err == nil {
			return q, nil
		}
	}
	return questionnaire.Parse(name, data)
}
