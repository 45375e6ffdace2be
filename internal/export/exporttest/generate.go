// Package exporttest makes random but valid assessments for tests and benchmarks of commands
// that read many answers files.
package exporttest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

var countries = []string{"Examplia", "Samplestan", "Testland", "Mockovia", "Demoria", "Placeholdia", "Fictonia", "Specimenia"}

var confidences = append([]string{""}, answers.Confidences...)

// Assessment returns a random valid assessment of q, the same for the same seed: every
// scored question answered (70 %), "don't know" (10 %), N/A where allowed (5 %) or left out;
// number questions get a value within their bounds and text questions a short note.
func Assessment(q *questionnaire.Questionnaire, seed uint64) *answers.File {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	created := time.Date(2020+r.IntN(7), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), 0, 0, time.UTC)
	f := answers.New(q, created)
	f.Updated = created.Add(time.Duration(r.IntN(72*60)) * time.Minute)
	f.Respondent = answers.Respondent{
		Name:         fmt.Sprintf("Respondent %d", seed),
		Organisation: "National CBRN coordination office",
		Country:      countries[r.IntN(len(countries))],
		Role:         "focal point",
	}
	at := created
	for _, qq := range q.Questions {
		at = at.Add(time.Duration(1+r.IntN(5)) * time.Minute)
		roll := r.IntN(100)
		var a *answers.Answer
		switch {
		case roll < 70:
			a = &answers.Answer{Value: value(r, qq)}
		case roll < 80:
			a = &answers.Answer{Unknown: true}
		case roll < 85 && qq.NAAllowed:
			a = &answers.Answer{NA: true, Note: "not applicable here"}
		default:
			continue
		}
		a.Confidence = confidences[r.IntN(len(confidences))]
		if r.IntN(4) == 0 {
			a.Note = fmt.Sprintf("Evidence: decree %d/%d", 1+r.IntN(90), created.Year()-r.IntN(10))
		}
		a.At = at
		f.Set(qq.ID, a)
	}
	return f
}

func value(r *rand.Rand, qq *questionnaire.Question) any {
	switch qq.Type {
	case questionnaire.TypeScale:
		return qq.Scale.Levels[r.IntN(len(qq.Scale.Levels))].Level
	case questionnaire.TypeYesNo:
		return r.IntN(2) == 0
	case questionnaire.TypeChoice:
		return qq.Choices[r.IntN(len(qq.Choices))].ID
	case questionnaire.TypeMulti:
		var ids []string
		for _, c := range qq.Choices {
			if r.IntN(2) == 0 {
				ids = append(ids, c.ID)
			}
		}
		if ids == nil {
			ids = []string{}
		}
		return ids
	case questionnaire.TypeNumber:
		lo, hi := 0.0, 1000.0
		if qq.Min != nil {
			lo = *qq.Min
		}
		if qq.Max != nil {
			hi = *qq.Max
		}
		if hi < lo {
			hi = lo
		}
		return float64(int(lo + r.Float64()*(hi-lo)))
	}
	return "Arrangements are described in the national plan."
}

// Write writes n random assessments of q into dir as assessment-00001.answers.yaml and so on,
// seeded 1..n, and returns their paths.
func Write(q *questionnaire.Questionnaire, dir string, n int) ([]string, error) {
	paths := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		data, err := Assessment(q, uint64(i)).Marshal()
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, fmt.Sprintf("assessment-%05d.answers.yaml", i))
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Cached returns a folder of n random assessments of q, made once and kept in the system's
// temporary folder (named after the questionnaire's digest and n), so that benchmarks and
// measurements of the real binary read the very same files run after run.
func Cached(q *questionnaire.Questionnaire, n int) (string, error) {
	digest := q.Digest
	if len(digest) > 19 {
		digest = digest[7:19]
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("cbrn-bench-%s-%s-%d", q.ID, digest, n))
	if st, err := os.Stat(filepath.Join(dir, ".complete")); err == nil && st.Mode().IsRegular() {
		return dir, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if _, err := Write(q, dir, n); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o600)
}
