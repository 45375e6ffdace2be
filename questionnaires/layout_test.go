package questionnaires_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// Released versions never change: answers files carry the sha256 of the bytes they were given
// against, and old reports must read the same forever. These are the digests of 1.0.0 as
// released; a new release is a new file.
var released = map[string]string{
	"cbrn-core/1.0.0":  "46d93fc9a20cd7f6e8788cc757f75861022553480b34c70ab7b9823a64ace6f0",
	"cbrn-quick/1.0.0": "06c4941394079967df2fc77a5a7957f1d2be4dc4c6835e28ff8270fcb957784b",
	"cbrn-core/1.1.0":  "94fd6c73c5e71ab0b29e6d173a83a699aaaec259790ca87e398e2aba0c33eba9",
	"cbrn-quick/1.1.0": "7209c7d3dc9eeb8dcbf9df34b108c11658d46852e5eb17b5154df134b80c6b27",
}

func TestReleasedVersionsNeverChange(t *testing.T) {
	for key, want := range released {
		id, version, _ := bytes.Cut([]byte(key), []byte("/"))
		data, name, ok := questionnaires.Version(string(id), string(version))
		if !ok {
			t.Errorf("%s is no longer shipped", key)
			continue
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s changed (sha256 %s, released as %s): ship a new version instead", name, got, want)
		}
	}
}

func TestVersionsLayout(t *testing.T) {
	for _, id := range questionnaires.IDs() {
		versions := questionnaires.Versions(id)
		if len(versions) == 0 || !slices.Contains(versions, "1.0.0") {
			t.Errorf("%s: versions %v, want 1.0.0 among them", id, versions)
		}
		// Each file declares the id and version its path says.
		for _, v := range versions {
			data, name, ok := questionnaires.Version(id, v)
			if !ok {
				t.Fatalf("Version(%s, %s) not found though Versions lists it", id, v)
			}
			q, err := questionnaire.Parse(name, data)
			if err != nil {
				t.Errorf("%s:\n%v", name, err)
				continue
			}
			if q.ID != id || q.Version != v {
				t.Errorf("%s declares %s %s", name, q.ID, q.Version)
			}
		}
		newest, ok := questionnaires.Newest(id)
		if !ok || newest != versions[len(versions)-1] {
			t.Errorf("%s: newest %q, versions %v", id, newest, versions)
		}
		data, name, _ := questionnaires.File(id)
		exact, exactName, _ := questionnaires.Version(id, newest)
		if !bytes.Equal(data, exact) || name != exactName || name != "questionnaires/"+id+"/"+newest+".yaml" {
			t.Errorf("File(%s) = %s, want the newest version %s", id, name, exactName)
		}
	}
	for _, bad := range [][2]string{{"cbrn-core", "9.9.9"}, {"cbrn-core", "../cbrn-quick/1.0.0"}, {"..", "cbrn-core"}, {"samples", "README"}, {"", "1.0.0"}} {
		if _, _, ok := questionnaires.Version(bad[0], bad[1]); ok {
			t.Errorf("Version(%q, %q) found a file", bad[0], bad[1])
		}
	}
	if v := questionnaires.Versions("nope"); v != nil {
		t.Errorf("Versions(nope) = %v", v)
	}
	if slices.Contains(questionnaires.IDs(), "samples") {
		t.Error("the samples folder is listed as a questionnaire")
	}
}

// The samples of each released version stay shipped under a versioned name, answer exactly that
// version, and validate against it.
func TestVersionedSamples(t *testing.T) {
	for sample, want := range map[string]string{"examplia-1.0.0": "cbrn-core", "examplia-quick-1.0.0": "cbrn-quick"} {
		data, shownAs, ok := questionnaires.Sample(sample)
		if !ok {
			t.Fatalf("sample %s is not shipped", sample)
		}
		f, err := answers.Parse(shownAs, data)
		if err != nil {
			t.Fatal(err)
		}
		if f.Questionnaire.ID != want || f.Questionnaire.Version != "1.0.0" {
			t.Errorf("%s answers %s %s, want %s 1.0.0", sample, f.Questionnaire.ID, f.Questionnaire.Version, want)
		}
		qData, qName, _ := questionnaires.Version(want, "1.0.0")
		q, err := questionnaire.Parse(qName, qData)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Check(q); err != nil {
			t.Errorf("%s does not validate against %s 1.0.0:\n%v", sample, want, err)
		}
	}
}
