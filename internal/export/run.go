package export

import (
	"context"
	"sync"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// Job is an export of many answers files.
type Job struct {
	Paths []string
	// Resolve finds the questionnaire an answers file is scored against. It is called from
	// several goroutines at once and should load each questionnaire once.
	Resolve func(a *answers.File) (*questionnaire.Questionnaire, error)
	Score   score.Options
	Levels  []Level // the tables to build rows for
	Lang    string  // language of titles; "" for each questionnaire's default
	Workers int
	// Encode, when set, encodes each block on the workers (Item.Encoded) instead of handing
	// the blocks over (Item.Blocks). The encoded bytes are valid only until emit returns: their
	// buffers are then reused for later files.
	Encode func(dst []byte, b Block) []byte
}

// Item is one file of a job, read, scored and turned into rows, or the reason it could not be.
type Item struct {
	Path       string
	Assessment *Assessment
	Blocks     []Block  // per level of the job, in the job's order
	Encoded    [][]byte // the same, encoded, when the job encodes
	Warnings   []diag.Problem
	Err        error
}

// window is how many files may be in flight per worker: enough to keep every worker busy while
// the writer catches up, few enough that memory does not depend on the number of files.
const window = 8

// Run reads, checks and scores every file on the job's workers, builds its rows there too, and
// hands the items to emit one at a time in the order of the paths.
func Run(ctx context.Context, job Job, emit func(i int, it *Item) error) error {
	// An encoded question table is tens of kilobytes per file and its cells about twice that:
	// allocated afresh for each of thousands of files, they kept the collector and the zeroing
	// of large objects busy. The cells are done with once encoded, the bytes once emitted.
	var cells, buffers sync.Pool
	return Ordered(ctx, len(job.Paths), job.Workers, window*max(job.Workers, 1),
		func(i int) *Item { return job.item(job.Paths[i], &cells, &buffers) },
		func(i int, it *Item) error {
			err := emit(i, it)
			for _, e := range it.Encoded {
				buffers.Put(e[:0])
			}
			it.Encoded = nil
			return err
		})
}

func (job Job) item(path string, cells, buffers *sync.Pool) *Item {
	it := &Item{Path: path}
	a, err := answers.Read(path)
	if err != nil {
		it.Err = err
		return it
	}
	q, err := job.Resolve(a)
	if err != nil {
		it.Err = err
		return it
	}
	it.Warnings, err = a.Check(q)
	if err != nil {
		it.Err = err
		return it
	}
	x := &Assessment{Path: path, Q: q, A: a, Result: score.Compute(q, a, job.Score)}
	it.Assessment = x
	for _, l := range job.Levels {
		if job.Encode == nil {
			it.Blocks = append(it.Blocks, Build(l, x, job.Lang))
			continue
		}
		scratch, _ := cells.Get().([]Value)
		b, used := build(l, x, job.Lang, scratch)
		dst, _ := buffers.Get().([]byte)
		it.Encoded = append(it.Encoded, job.Encode(dst, b))
		if used == nil {
			used = scratch
		}
		if used != nil {
			cells.Put(used[:0])
		}
	}
	return it
}
