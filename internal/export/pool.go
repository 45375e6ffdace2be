package export

import (
	"context"
	"sync"
)

// Ordered runs work(i) for i in [0, n) on the given number of workers and hands the results to
// emit in input order, so that the output does not depend on scheduling. At most window
// results are in flight (being worked on or waiting for their turn), so memory stays flat
// however large n is. The first error from emit stops the work and is returned.
func Ordered[T any](ctx context.Context, n, workers, window int, work func(i int) T, emit func(i int, v T) error) error {
	if workers < 1 {
		workers = 1
	}
	if window < workers {
		window = workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		i   int
		out chan T
	}
	jobs := make(chan job)
	// pending holds the result slots in input order; its capacity bounds what is in flight.
	pending := make(chan chan T, window)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- work(j.i)
			}
		}()
	}
	go func() {
		defer close(pending)
		defer close(jobs)
		for i := range n {
			out := make(chan T, 1)
			select {
			case pending <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, out}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var err error
	i := 0
	for out := range pending {
		if err == nil {
			select {
			case v := <-out:
				err = emit(i, v)
			case <-ctx.Done():
				err = ctx.Err()
			}
			if err != nil {
				cancel()
			}
		}
		i++
	}
	// Workers finish the jobs they hold; their results go to buffered slots nobody reads.
	wg.Wait()
	return err
}
