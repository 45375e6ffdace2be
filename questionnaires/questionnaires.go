// Package questionnaires embeds the questionnaires and sample assessments shipped with cbrn.
// Every released version of a questionnaire stays shipped, as ID/VERSION.yaml, so that answers
// given to it are always scored against it.
package questionnaires

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/semver"
)

//go:embed */*.yaml samples
var files embed.FS

// IDs lists the shipped questionnaire ids, sorted.
func IDs() []string {
	entries, _ := files.ReadDir(".")
	var ids []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "samples" && len(Versions(e.Name())) > 0 {
			ids = append(ids, e.Name())
		}
	}
	return ids
}

// Versions lists the shipped versions of a questionnaire, oldest first; nil when it is not shipped.
func Versions(id string) []string {
	if !valid(id) {
		return nil
	}
	entries, _ := files.ReadDir(id)
	var versions []string
	for _, e := range entries {
		if v, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			versions = append(versions, v)
		}
	}
	slices.SortFunc(versions, semver.Compare)
	return versions
}

// Newest is the newest shipped version of a questionnaire.
func Newest(id string) (version string, ok bool) {
	vs := Versions(id)
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// File returns the bytes of the newest shipped version of a questionnaire and the name to show
// in messages.
func File(id string) (data []byte, name string, ok bool) {
	v, ok := Newest(id)
	if !ok {
		return nil, "", false
	}
	return Version(id, v)
}

// Version returns the bytes of one shipped version of a questionnaire, exactly, and the name to
// show in messages.
func Version(id, version string) (data []byte, name string, ok bool) {
	if !valid(id) || !valid(version) {
		return nil, "", false
	}
	name = id + "/" + version + ".yaml"
	data, err := files.ReadFile(name)
	if err != nil {
		return nil, "", false
	}
	return data, "questionnaires/" + name, true
}

// Has reports whether a version of a questionnaire is shipped, without reading it (Version
// returns a copy of its bytes, hundreds of kilobytes: too much for a question asked for each of
// thousands of answers files).
func Has(id, version string) bool {
	if !valid(id) || !valid(version) {
		return false
	}
	st, err := fs.Stat(files, id+"/"+version+".yaml")
	return err == nil && !st.IsDir()
}

// Open opens one shipped version of a questionnaire for reading, without copying its bytes as
// Version does, and returns the name to show in messages.
func Open(id, version string) (f fs.File, name string, ok bool) {
	if !valid(id) || !valid(version) {
		return nil, "", false
	}
	f, err := files.Open(id + "/" + version + ".yaml")
	if err != nil {
		return nil, "", false
	}
	return f, "questionnaires/" + id + "/" + version + ".yaml", true
}

// valid keeps a name to one path element, so that no id or version reaches another file.
func valid(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, `/\`)
}

// Sample returns a shipped sample answers file by name (without ".answers.yaml").
func Sample(name string) (data []byte, shownAs string, ok bool) {
	if !valid(name) {
		return nil, "", false
	}
	file := path.Join("samples", name+".answers.yaml")
	data, err := files.ReadFile(file)
	if err != nil {
		return nil, "", false
	}
	return data, "questionnaires/" + file, true
}

// Samples lists the shipped sample answers files' names, sorted.
func Samples() []string {
	entries, _ := files.ReadDir("samples")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".answers.yaml"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}
