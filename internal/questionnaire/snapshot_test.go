package questionnaire

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// shippedFiles are the questionnaires a snapshot is made of, and the fixtures that use every
// part of the format.
func snapshotFiles(t testing.TB) []string {
	files, _ := filepath.Glob("../../questionnaires/cbrn-*/*.yaml")
	more, _ := filepath.Glob("../../testdata/questionnaire/valid/*.yaml")
	if len(files) == 0 || len(more) == 0 {
		t.Fatal("no questionnaire found")
	}
	return append(files, more...)
}

// A snapshot reads back as the very questionnaire it was made of: every field, every index,
// every pointer between sections, questions and scales.
func TestSnapshotRoundTrip(t *testing.T) {
	for _, path := range snapshotFiles(t) {
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			q, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			data, err := q.MarshalSnapshot()
			if err != nil {
				t.Fatal(err)
			}
			got, err := LoadSnapshot(data, q.Digest)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := LoadSnapshot(data, "sha256:0"); err == nil {
				t.Fatal("a snapshot was read as that of another file")
			}
			if !reflect.DeepEqual(got, q) {
				t.Fatalf("the snapshot differs from the load:\n%s", firstDifference(reflect.ValueOf(got), reflect.ValueOf(q), "q"))
			}
			for i, x := range got.Questions {
				if x.Section.Questions[indexIn(x.Section.Questions, x)] != x || got.Questions[x.Index] != got.Questions[i] {
					t.Fatalf("question %s is not linked to its section", x.ID)
				}
				if x.Scale != nil && got.Scales[indexIn(got.Scales, x.Scale)] != x.Scale {
					t.Fatalf("question %s does not share its scale", x.ID)
				}
			}
		})
	}
}

func indexIn[T comparable](list []T, x T) int {
	for i, y := range list {
		if y == x {
			return i
		}
	}
	return -1
}

// firstDifference names the first field where a and b differ, for a readable failure.
func firstDifference(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() {
		return path + ": kinds differ"
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v, then nil %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		if path != "q" && len(path) > 400 {
			return ""
		}
		return firstDifference(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			name := a.Type().Field(i).Name
			if name == "Section" || name == "Scale" {
				continue // back-pointers: checked by the caller
			}
			if d := firstDifference(a.Field(i), b.Field(i), path+"."+name); d != "" {
				return d
			}
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d (nil %v), then len %d (nil %v)", path, a.Len(), a.IsNil(), b.Len(), b.IsNil())
		}
		for i := 0; i < a.Len(); i++ {
			if d := firstDifference(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d (nil %v), then len %d (nil %v)", path, a.Len(), a.IsNil(), b.Len(), b.IsNil())
		}
		for _, k := range a.MapKeys() {
			if d := firstDifference(a.MapIndex(k), b.MapIndex(k), fmt.Sprintf("%s[%v]", path, k)); d != "" {
				return d
			}
		}
	default:
		if fmt.Sprint(a) != fmt.Sprint(b) {
			return fmt.Sprintf("%s: %v, then %v", path, a, b)
		}
	}
	return ""
}

func BenchmarkSnapshot(b *testing.B) {
	data, err := os.ReadFile("../../questionnaires/cbrn-core/1.1.0.yaml")
	if err != nil {
		b.Skip(err)
	}
	q, err := Parse("cbrn-core.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	snap, err := q.MarshalSnapshot()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("YAML %d bytes, snapshot %d bytes", len(data), len(snap))
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := Parse("cbrn-core.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("snapshot", func(b *testing.B) {
		for b.Loop() {
			if _, err := LoadSnapshot(snap, q.Digest); err != nil {
				b.Fatal(err)
			}
		}
	})
}
