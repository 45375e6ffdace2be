package compiled

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
	"github.com/cbrn-tool/cbrn/questionnaires/compiled/gocode"
)

const regenerate = "go generate ./questionnaires/compiled"

// The generated code is that of the shipped questionnaires as they are now: after a version is
// added or changed, this fails until the code is generated again, and no code is left of a
// version that is no longer shipped.
func TestGeneratedUpToDate(t *testing.T) {
	want, err := gocode.Everything(".")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range want {
		if cur, err := os.ReadFile(name); err != nil || !bytes.Equal(cur, src) {
			t.Errorf("%s is missing or not current: run %s", name, regenerate)
		}
	}
	have, _ := filepath.Glob("*_gen*.go")
	for _, name := range have {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not generated any more: run %s, which removes it", name, regenerate)
		}
	}
	if len(want) < 7 { // 4 shipped versions, the index, the helpers, the fixtures
		t.Fatalf("only %d generated files", len(want))
	}
}

// The code of every shipped version builds the very questionnaire its YAML loads as: every
// field, every index, every pointer between sections, questions and scales.
func TestBuildEqualsParse(t *testing.T) {
	n := 0
	for _, id := range questionnaires.IDs() {
		for _, v := range questionnaires.Versions(id) {
			data, name, _ := questionnaires.Version(id, v)
			want, err := questionnaire.Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			_, _, build, ok := lookup(id, v)
			if !ok {
				t.Errorf("%s has no generated code: run %s", name, regenerate)
				continue
			}
			got, err := build()
			if err != nil {
				t.Fatal(err)
			}
			same(t, name, got, want)
			if viaLoad, err := Load(id, v); err != nil || !reflect.DeepEqual(viaLoad, want) {
				t.Errorf("Load(%s, %s) is not the parse of its YAML (%v)", id, v, err)
			}
			n++
		}
	}
	if n < 4 { // cbrn-core and cbrn-quick, 1.0.0 and 1.1.0
		t.Fatalf("only %d shipped versions", n)
	}
}

// The fixtures use every part of the format (conditions, bounds, migrations, partners, level
// texts…): their generated code builds them as their YAML loads.
func TestFixturesBuildEqualsLoad(t *testing.T) {
	builds := map[string]func() (*questionnaire.Questionnaire, error){
		"defaults": build_fixture_defaults, "example": build_fixture_example, "minimal": build_fixture_minimal,
	}
	paths, _ := filepath.Glob("../../testdata/questionnaire/valid/*.yaml")
	if len(paths) != len(builds) {
		t.Fatalf("%d fixtures, %d builders: run %s and name the new builder here", len(paths), len(builds), regenerate)
	}
	for _, p := range paths {
		want, err := questionnaire.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		build := builds[filepath.Base(p[:len(p)-len(".yaml")])]
		if build == nil {
			t.Fatalf("no builder for %s", p)
		}
		got, err := build()
		if err != nil {
			t.Fatal(err)
		}
		same(t, p, got, want)
	}
}

func same(t *testing.T, name string, got, want *questionnaire.Questionnaire) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the generated code differs from the load:\n%s", name, firstDifference(reflect.ValueOf(got), reflect.ValueOf(want), "q"))
		return
	}
	for i, x := range got.Questions {
		if !slices.Contains(x.Section.Questions, x) || got.Questions[x.Index] != got.Questions[i] {
			t.Fatalf("%s: question %s is not linked to its section", name, x.ID)
		}
		if x.Scale != nil && !slices.Contains(got.Scales, x.Scale) {
			t.Fatalf("%s: question %s does not share its scale", name, x.ID)
		}
		if y, ok := got.Question(x.ID); !ok || y != x {
			t.Fatalf("%s: question %s is not found by its id", name, x.ID)
		}
	}
}

// Generated code is used only for its own bytes: not for a file changed by one byte, nor by
// one added at its end.
func TestStaleCodeIsNotUsed(t *testing.T) {
	data, _, _ := questionnaires.Version("cbrn-quick", "1.0.0")
	if _, ok := built("cbrn-quick", "1.0.0", len(data), crc32.ChecksumIEEE(data)); !ok {
		t.Fatal("the code was not used for its own bytes")
	}
	changed := slices.Clone(data)
	changed[len(changed)/2] ^= 1
	longer := append(slices.Clone(data), '\n')
	for _, other := range [][]byte{changed, longer} {
		if _, ok := built("cbrn-quick", "1.0.0", len(other), crc32.ChecksumIEEE(other)); ok {
			t.Fatal("the generated code was used for other bytes than its own")
		}
	}
	if _, err := Load("cbrn-quick", "../cbrn-core/1.0.0"); err == nil {
		t.Fatal("a version outside its folder was loaded")
	}
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

// BenchmarkLoad loads cbrn-core 1.1.0 from its generated code, and (for comparison) by parsing
// its YAML.
func BenchmarkLoad(b *testing.B) {
	data, name, _ := questionnaires.Version("cbrn-core", "1.1.0")
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load("cbrn-core", "1.1.0"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := questionnaire.Parse(name, data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
