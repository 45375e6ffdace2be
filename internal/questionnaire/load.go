package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// Limits on hostile or runaway files.
const (
	MaxFileSize       = 4 << 20 // bytes
	MaxQuestions      = 5000
	MaxConditionDepth = 32
	MaxTextLength     = 10000 // characters
)

// Load reads and validates the questionnaire file at path. Problems come back as a
// *diag.Error listing every one with its line and column.
func Load(path string) (*Questionnaire, error) {
	data, err := ReadFileLimited(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// ReadFileLimited reads a file, refusing it when it is larger than limit bytes.
func ReadFileLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read into a buffer of the file's size (and one byte more, to see the end): growing one
	// from 512 bytes was a good part of reading each of thousands of answers files.
	size := 512
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a file", path)
		}
		if n := st.Size(); n > 0 && n <= limit {
			size = int(n) + 1
		}
	}
	data := make([]byte, 0, size)
	r := io.LimitReader(f, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			err = nil
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: the file is larger than %d MiB; this is not a questionnaire or answers file the tool accepts", path, limit>>20)
	}
	return data, nil
}

// Digest is the "sha256:<hex>" digest of a file's bytes, as stored in answers files.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}
