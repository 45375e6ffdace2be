package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/semver"
	"github.com/cbrn-tool/cbrn/questionnaires"
	"github.com/cbrn-tool/cbrn/questionnaires/compiled"
)

// DefaultQuestionnaire is the questionnaire used when none is named.
const DefaultQuestionnaire = "cbrn-core"

// questionnaireSource is where a questionnaire comes from: a shipped version, or a file. It is
// the one answer to "which questionnaire?" that every command asks, for -q and for the
// questionnaire an answers file names.
type questionnaireSource struct {
	key  string // tells questionnaires apart: "shipped:ID@VERSION" or "file:PATH"
	file string // the file it is read from; "" for a shipped one (an input --out must not overwrite)
	load func() (*questionnaire.Questionnaire, error)
}

func shippedSource(id, version string) questionnaireSource {
	return questionnaireSource{key: "shipped:" + id + "@" + version, load: func() (*questionnaire.Questionnaire, error) {
		return loadShipped(id, version)
	}}
}

// loadShipped loads a shipped version of a questionnaire, built by its generated code.
func loadShipped(id, version string) (*questionnaire.Questionnaire, error) {
	return compiled.Load(id, version)
}

func fileSource(path string) questionnaireSource {
	return questionnaireSource{key: "file:" + path, file: path, load: func() (*questionnaire.Questionnaire, error) {
		return questionnaire.Load(path)
	}}
}

// refSource resolves -q: a shipped id (its newest version), ID@VERSION (exactly that version),
// or a path to a questionnaire file; "" is the default questionnaire.
func refSource(ref string) (questionnaireSource, error) {
	if ref == "" {
		ref = DefaultQuestionnaire
	}
	if !looksLikePath(ref) {
		id, version, exact := strings.Cut(ref, "@")
		if newest, ok := questionnaires.Newest(id); ok {
			if !exact {
				return shippedSource(id, newest), nil
			}
			if questionnaires.Has(id, version) {
				return shippedSource(id, version), nil
			}
			return questionnaireSource{}, usageErrorf("questionnaire %s has no version %q; the shipped versions are %s", id, version, strings.Join(questionnaires.Versions(id), ", "))
		}
	}
	if _, err := os.Stat(ref); err == nil {
		return fileSource(ref), nil
	} else if looksLikePath(ref) {
		if errors.Is(err, fs.ErrNotExist) {
			return questionnaireSource{}, fmt.Errorf("%s: no such file", ref)
		}
		return questionnaireSource{}, err
	}
	return questionnaireSource{}, usageErrorf("unknown questionnaire %q: not a shipped id (%s) nor a file", ref, strings.Join(questionnaires.IDs(), ", "))
}

func looksLikePath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasSuffix(s, ".yaml") || strings.HasSuffix(s, ".yml")
}

// answersSource finds the questionnaire an answers file is scored against: the one -q names;
// else the shipped version the file names (the newest when it names none), so that an old
// assessment always reads the same; else the file <id>.yaml beside it, which beside finds.
// Errors do not name the answers file: callers do.
func answersSource(a *answers.File, qRef string, beside func(dir, id string) string) (questionnaireSource, error) {
	if qRef != "" {
		return refSource(qRef)
	}
	id, version := a.Questionnaire.ID, a.Questionnaire.Version
	versions := questionnaires.Versions(id)
	if len(versions) > 0 {
		if version == "" {
			return shippedSource(id, versions[len(versions)-1]), nil
		}
		if questionnaires.Has(id, version) {
			return shippedSource(id, version), nil
		}
	}
	if p := beside(filepath.Dir(a.Path), id); p != "" {
		return fileSource(p), nil
	}
	if len(versions) > 0 {
		return questionnaireSource{}, fmt.Errorf("answers %s version %s, which this cbrn does not ship (it ships %s); name its file with -q FILE", id, version, strings.Join(versions, ", "))
	}
	return questionnaireSource{}, fmt.Errorf("answers questionnaire %q, which is not shipped with cbrn; name its file with -q FILE", id)
}

// loadQuestionnaire loads the questionnaire -q names (see refSource).
func loadQuestionnaire(ref string) (*questionnaire.Questionnaire, error) {
	src, err := refSource(ref)
	if err != nil {
		return nil, err
	}
	return src.load()
}

// sourceFor is answersSource with the questionnaires shipped or beside the answers, its errors
// naming the answers file.
func sourceFor(a *answers.File, qRef string) (questionnaireSource, error) {
	src, err := answersSource(a, qRef, questionnaireBeside)
	if err != nil && qRef == "" {
		err = fmt.Errorf("%s: %w", a.Path, err)
	}
	return src, err
}

// questionnaireFor loads the questionnaire an answers file is scored against (see answersSource).
func questionnaireFor(a *answers.File, qRef string) (*questionnaire.Questionnaire, error) {
	src, err := sourceFor(a, qRef)
	if err != nil {
		return nil, err
	}
	return src.load()
}

// questionnaireFile is the file questionnaireFor reads the questionnaire of a from, or "" for a
// shipped questionnaire: an input like the answers, that --out must never overwrite.
func questionnaireFile(a *answers.File, qRef string) string {
	src, _ := sourceFor(a, qRef)
	return src.file
}

// questionnaireRefFile is the file loadQuestionnaire reads for -q ref, or "" for a shipped one.
func questionnaireRefFile(ref string) string {
	src, err := refSource(ref)
	if err != nil && looksLikePath(ref) {
		return ref
	}
	return src.file
}

// questionnaireBeside is the regular file <id>.yaml (or <id>.questionnaire.yaml) in dir, or "".
func questionnaireBeside(dir, id string) string {
	// The id comes from an answers file: one that is not an id (../x, a/b) names no file, so
	// that hostile answers cannot point cbrn at a file elsewhere.
	if !questionnaire.IsSlug(id) {
		return ""
	}
	for _, name := range []string{id + ".yaml", id + ".questionnaire.yaml"} {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// completeQuestionnaire completes -q: the shipped ids, each version as ID@VERSION, and file
// names as well.
func completeQuestionnaire(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, id := range questionnaires.IDs() {
		out = append(out, id)
		for _, v := range questionnaires.Versions(id) {
			out = append(out, id+"@"+v)
		}
	}
	return out, cobra.ShellCompDirectiveDefault
}

// newerShipped is the newest shipped version of q when it is newer than q's own version, else "".
func newerShipped(q *questionnaire.Questionnaire) string {
	newest, ok := questionnaires.Newest(q.ID)
	if !ok || semver.Compare(newest, q.Version) <= 0 {
		return ""
	}
	return newest
}

// noteNewerVersion tells, on stderr, that answers were scored against an earlier release of a
// shipped questionnaire than the newest, and gives the command that moves them forward.
func noteNewerVersion(s *Streams, as *assessment, qRef string) {
	if qRef != "" || as.QFile != "" {
		return
	}
	newer := newerShipped(as.Q)
	if newer == "" {
		return
	}
	fmt.Fprintf(s.Err, "note: scored against %s %s, the version the answers name; %s\n"+
		"is newer. To move the answers to it:\n  cbrn migrate %s --out %s\n", as.Q.ID, as.Q.Version, newer,
		shellQuote(as.A.Path), shellQuote(migratedName(as.A.Path, newer)))
}

// migratedName suggests a file name for answers migrated to version: a.answers.yaml becomes
// a-1.1.0.answers.yaml, beside it.
func migratedName(path, version string) string {
	base := path
	ext := ""
	for _, suffix := range []string{".answers.yaml", ".answers.yml", ".yaml", ".yml"} {
		if b, ok := strings.CutSuffix(path, suffix); ok {
			base, ext = b, suffix
			break
		}
	}
	return base + "-" + version + ext
}

// hasQuestionnaireSchema reports whether data has the schema line of a questionnaire file, even
// a broken one; the expression is compiled when a file is looked at, not at every start.
func hasQuestionnaireSchema(data []byte) bool {
	return regexp.MustCompile(`(?m)^schema:\s*["']?cbrn\.questionnaire/`).Match(data)
}

// knownVersions finds the other versions of target, read from src: the files of the same id in
// the folder of a questionnaire file (one file per version), then the shipped ones. files are
// the questionnaire files read, which --out must never overwrite.
func knownVersions(target *questionnaire.Questionnaire, src questionnaireSource) (known func(string) *questionnaire.Questionnaire, files []string) {
	id := target.ID
	byVersion := map[string]*questionnaire.Questionnaire{target.Version: target}
	if src.file != "" {
		files = append(files, src.file)
		dir := filepath.Dir(src.file)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if e.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) || sameFile(p, src.file) {
				continue
			}
			data, err := questionnaire.ReadFileLimited(p, questionnaire.MaxFileSize)
			if err != nil || !hasQuestionnaireSchema(data) {
				continue // answers files and others, skipped without parsing them
			}
			q, err := questionnaire.Parse(p, data)
			if err != nil || q.ID != id {
				continue // other questionnaires, broken files: not versions of this one
			}
			if _, dup := byVersion[q.Version]; !dup {
				byVersion[q.Version] = q
				files = append(files, p)
			}
		}
	}
	known = func(version string) *questionnaire.Questionnaire {
		if q, ok := byVersion[version]; ok {
			return q
		}
		if !questionnaires.Has(id, version) {
			return nil
		}
		q, err := loadShipped(id, version)
		if err != nil {
			return nil
		}
		byVersion[version] = q
		return q
	}
	return known, files
}
