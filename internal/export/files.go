package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/answers"
)

// Input is a file to export, as found by Expand.
type Input struct {
	Path string
	// Named is true when the file was named on the command line: it is exported whatever its
	// name. Files found in a folder or by a pattern are exported only when they are answers
	// files: named *.answers.yaml, or *.yaml / *.yml with `schema: cbrn.answers/v1`.
	Named bool
}

// Problem is an argument that gave no file, or a file that could not be read.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return p.Err.Error() }

// Expand turns the command-line arguments (files, folders and glob patterns) into the files to
// read, sorted by path and without duplicates. Folders are walked recursively, skipping hidden
// folders (.git, ...). A pattern is expanded only when no file has that very name. Arguments
// that give nothing are problems; the others are still expanded.
func Expand(args []string) ([]Input, []Problem) {
	seen := map[string]int{}
	var out []Input
	var problems []Problem
	add := func(path string, named bool) {
		path = filepath.Clean(path)
		if i, ok := seen[path]; ok {
			out[i].Named = out[i].Named || named
			return
		}
		seen[path] = len(out)
		out = append(out, Input{Path: path, Named: named})
	}
	walk := func(root string) error {
		before := len(out)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{path, fmt.Errorf("%s: %w", path, unwrapPath(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if candidate(d.Name()) && (d.Type().IsRegular() || isRegular(path)) {
				add(path, false)
			}
			return nil
		})
		if err == nil && len(out) == before {
			problems = append(problems, Problem{root, fmt.Errorf("%s: no answers files (*.answers.yaml, or *.yaml with schema %s) in this folder", root, answers.Schema)})
		}
		return err
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		switch {
		case err == nil && st.IsDir():
			if werr := walk(arg); werr != nil {
				problems = append(problems, Problem{arg, werr})
			}
		case err == nil:
			add(arg, true)
		case isPattern(arg):
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				problems = append(problems, Problem{arg, fmt.Errorf("%s: bad pattern: %w", arg, gerr)})
				continue
			}
			if len(matches) == 0 {
				problems = append(problems, Problem{arg, fmt.Errorf("%s: no file matches this pattern", arg)})
				continue
			}
			for _, m := range matches {
				if mst, err := os.Stat(m); err == nil && mst.IsDir() {
					if werr := walk(m); werr != nil {
						problems = append(problems, Problem{m, werr})
					}
				} else if candidate(filepath.Base(m)) {
					add(m, false)
				}
			}
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, Problem{arg, fmt.Errorf("%s: no such file or folder", arg)})
		default:
			problems = append(problems, Problem{arg, fmt.Errorf("%s: %w", arg, unwrapPath(err))})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, problems
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func isRegular(path string) bool {
	st, err := os.Stat(path) // follows a symbolic link
	return err == nil && st.Mode().IsRegular()
}

func isPattern(s string) bool { return strings.ContainsAny(s, "*?[") }

// candidate reports whether a file found in a folder may be an answers file, by its name.
func candidate(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// byName reports whether a file's name alone makes it an answers file.
func byName(name string) bool { return strings.HasSuffix(name, ".answers.yaml") }

// Header is what the first lines of a file say, read without parsing the whole file.
type Header struct {
	Schema               string
	QuestionnaireID      string
	QuestionnaireVersion string
}

// headSize is how much of a file ScanHeader reads first; answers files start with their schema
// and questionnaire, so this is nearly always enough.
const headSize = 8 << 10

// ScanHeader reads the schema and the questionnaire a file names from its top-level keys. It
// reads only the head of the file when that is enough: a cheap first pass that lets an export
// group files by questionnaire, and pick answers files out of folders, before parsing any.
// Fields it cannot find are left empty; parsing the file in full is the judge.
func ScanHeader(path string) (Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return Header{}, err
	}
	defer f.Close()
	buf := make([]byte, headSize)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Header{}, err
	}
	h, complete := parseHeader(buf[:n], n < headSize)
	if complete || n < headSize {
		return h, nil
	}
	rest, err := io.ReadAll(io.LimitReader(f, answers.MaxFileSize))
	if err != nil {
		return h, err
	}
	h, _ = parseHeader(append(buf[:n], rest...), true)
	return h, nil
}

// parseHeader finds the top-level `schema:` and `questionnaire:` entries. complete is true when
// both were found whole (the questionnaire block was followed by another top-level key, or the
// data is the whole file).
func parseHeader(data []byte, whole bool) (h Header, complete bool) {
	var qBlock []byte
	inQ, qDone := false, false
	for len(data) > 0 {
		line := data
		next := len(data)
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, next = data[:i+1], i+1
		} else if !whole {
			break // a partial last line
		}
		data = data[next:]
		top := len(line) > 0 && line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '\n' && line[0] != '\r'
		if inQ {
			if !top {
				qBlock = append(qBlock, line...)
				continue
			}
			inQ, qDone = false, true
		}
		switch {
		case top && hasKey(line, "schema"):
			if v, ok := simpleScalar(afterKey(line)); ok {
				h.Schema = v
				break
			}
			var v struct {
				Schema string `yaml:"schema"`
			}
			if yaml.Unmarshal(line, &v) == nil {
				h.Schema = v.Schema
			}
		case top && hasKey(line, "questionnaire"):
			qBlock = append(qBlock[:0], line...)
			inQ = true
		}
		if h.Schema != "" && qDone {
			break
		}
	}
	if inQ && whole {
		qDone = true
	}
	if len(qBlock) > 0 && qDone {
		if id, version, ok := flowRef(qBlock); ok {
			h.QuestionnaireID, h.QuestionnaireVersion = id, version
			return h, h.Schema != ""
		}
		var v struct {
			Questionnaire struct {
				ID      string `yaml:"id"`
				Version string `yaml:"version"`
			} `yaml:"questionnaire"`
		}
		if yaml.Unmarshal(qBlock, &v) == nil {
			h.QuestionnaireID, h.QuestionnaireVersion = v.Questionnaire.ID, v.Questionnaire.Version
		}
	}
	return h, h.Schema != "" && qDone
}

// afterKey is what follows the colon of a `key: value` line.
func afterKey(line []byte) string {
	_, v, _ := strings.Cut(string(line), ":")
	return v
}

// simpleScalar reads the common forms of a YAML scalar without a YAML parser: plain, or quoted
// without escapes, with an optional comment. ok is false for anything else, which is then
// left to the parser.
func simpleScalar(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", false
		}
		v, rest := s[1:1+end], strings.TrimSpace(s[2+end:])
		if q == '"' && strings.ContainsRune(v, '\\') || rest != "" && rest[0] != '#' {
			return "", false
		}
		return v, true
	}
	if strings.ContainsAny(s[:1], "{[]}&*!|>%@`#,") {
		return "", false
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if s == "null" || s == "~" || strings.ContainsAny(s, "{}[]") || strings.Contains(s, ": ") {
		return "", false
	}
	return s, true
}

// flowRef reads `questionnaire: {id: X, version: Y, ...}` on one line, as answers files are
// written, without a YAML parser. ok is false for any other form.
func flowRef(block []byte) (id, version string, ok bool) {
	s := strings.TrimSpace(afterKey(block))
	if i := strings.LastIndexByte(s, '}'); i >= 0 {
		if rest := strings.TrimSpace(s[i+1:]); rest != "" && rest[0] != '#' {
			return "", "", false
		}
		s = s[:i+1]
	}
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' || strings.ContainsAny(s[1:len(s)-1], "{}\n") {
		return "", "", false
	}
	for _, part := range strings.Split(s[1:len(s)-1], ",") {
		key, value, found := strings.Cut(part, ":")
		if !found {
			return "", "", false
		}
		v, good := simpleScalar(value)
		if !good {
			return "", "", false
		}
		switch strings.TrimSpace(key) {
		case "id":
			id = v
		case "version":
			version = v
		}
	}
	return id, version, id != ""
}

func hasKey(line []byte, key string) bool {
	rest, ok := bytes.CutPrefix(line, []byte(key))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t")
	return len(rest) > 0 && rest[0] == ':'
}

// Wanted reports whether a file found by Expand is to be exported, given its header: files named
// on the command line and *.answers.yaml always; other YAML files only with the answers schema.
func (in Input) Wanted(h Header) bool {
	return in.Named || byName(filepath.Base(in.Path)) || h.Schema == answers.Schema
}
