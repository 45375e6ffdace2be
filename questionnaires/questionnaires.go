// Package questionnaires embeds the questionnaires and sample assessments shipped with cbrn.
package questionnaires

import (
	"embed"
	"path"
	"sort"
	"strings"
)

//go:embed *.yaml samples
var files embed.FS

// IDs lists the shipped questionnaire ids, sorted.
func IDs() []string {
	entries, _ := files.ReadDir(".")
	var ids []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			ids = append(ids, strings.TrimSuffix(e.Name(), ".yaml"))
		}
	}
	sort.Strings(ids)
	return ids
}

// File returns the bytes of a shipped questionnaire and the name to show in messages.
func File(id string) (data []byte, name string, ok bool) {
	name = id + ".yaml"
	data, err := files.ReadFile(name)
	if err != nil || strings.ContainsAny(id, "/\\") {
		return nil, "", false
	}
	return data, "questionnaires/" + name, true
}

// Sample returns a shipped sample answers file by name (without ".answers.yaml").
func Sample(name string) (data []byte, shownAs string, ok bool) {
	file := path.Join("samples", name+".answers.yaml")
	data, err := files.ReadFile(file)
	if err != nil || strings.ContainsAny(name, "/\\") {
		return nil, "", false
	}
	return data, "questionnaires/" + file, true
}

// Samples lists the shipped sample answers files' names, sorted.
func Samples() []string {
	entries, _ := files.ReadDir("samples")
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".answers.yaml") {
			names = append(names, strings.TrimSuffix(e.Name(), ".answers.yaml"))
		}
	}
	sort.Strings(names)
	return names
}
