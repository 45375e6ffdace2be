package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/atomicfile"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/export"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/semver"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

var exportFormats = []string{"csv", "xlsx", "json"}

// ExportOptions are the inputs of `cbrn export`.
type ExportOptions struct {
	Inputs []string
	docFlags
	Level    string
	LevelSet bool // --level was given
	Workers  int  // 0: one per CPU
}

func newExportCmd(s *Streams, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export ANSWERS|DIR|GLOB...",
		Short: "Export scores of many assessments as tidy tables",
		Long: `Export the scores of many assessments - countries, years, agencies - as tidy
(long) tables for Excel, R or pandas: one row per assessment and item, with
columns describing the assessment (file, questionnaire, respondent, dates), the
item, and every figure of the scoring (score, conservative score, target, gap,
completeness, counts; per question its status, answer, priority and activities).

Arguments are answers files, folders (searched recursively for *.answers.yaml
and for *.yaml files with the answers schema) and patterns ('data/*/2026*').
Files are read on all cores and written in the order of their paths.

--level chooses the table of CSV and JSON output:
  overview   one row per assessment: overall figures, pillar and hazard scores
  pillar     one row per assessment and pillar (default)
  hazard     one row per assessment and hazard (C, B, R, N)
  section    one row per assessment and section
  question   one row per assessment and question
  activity   one row per assessment and activity type: its rank and priority
-o xlsx writes one workbook with a sheet per level and a README sheet that
explains every column and formula.

Each file is scored against the version of the questionnaire it names.
Assessments of different questionnaires, or of different versions of one, can
be exported together only at the levels that line up across them: overview,
pillar and hazard (for a workbook, give --level pillar to get those sheets
only); cbrn migrate moves files to one version first.

A file that cannot be read or scored does not stop the export: it is listed on
stderr with its error, the others are exported, and the exit status is 1.

Exit status: 0 when every file was exported, 1 when one was not, 2 on bad usage.`,
		Example: `  cbrn export assessments/ -o xlsx --out cbrn-2026.xlsx
  cbrn export assessments/ --level question -o csv --out questions.csv
  cbrn export 'assessments/*/2026-*.answers.yaml' --level hazard -o json
  cbrn export a.answers.yaml b.answers.yaml --target next --lang fr`,
		Args: rangeArgs(1, -1, "one or more answers files, folders or patterns"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			opts.LevelSet = cmd.Flags().Changed("level")
			if err := opts.check(); err != nil {
				return err
			}
			return run(s, opts, runF, func(s *Streams, opts *ExportOptions) error {
				// Ctrl-C stops the export cleanly: no partial --out file, no temporary files left.
				ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
				defer stop()
				return runExport(ctx, s, opts)
			})
		},
	}
	opts.add(cmd, exportFormats, docUsage{
		Questionnaire: "score every file with this: shipped id or file",
		Out:           outUsage,
		Lang:          "language of titles (default: questionnaire's)",
		Target:        true,
	})
	cmd.Flags().StringVar(&opts.Level, "level", string(export.Pillar), "CSV/JSON table (see above)")
	_ = cmd.RegisterFlagCompletionFunc("level", cobra.FixedCompletions(
		[]string{"overview", "pillar", "hazard", "section", "question", "activity"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runExport(ctx context.Context, s *Streams, opts *ExportOptions) error {
	level, err := export.ParseLevel(opts.Level)
	if err != nil {
		return usageErrorf("%v", err)
	}
	target, err := parseTarget(opts.Target)
	if err != nil {
		return err
	}
	if opts.Output == "xlsx" && opts.Out == "" && s.OutTTY {
		return usageErrorf("an Excel workbook is binary: write it to a file with --out FILE.xlsx, or redirect stdout")
	}
	// An export's live memory is small (a window of files in flight, and the list of paths),
	// while it allocates for every file: at the default 100 % growth the collector ran many
	// times a second for a few megabytes. 200 % saves a sixth of the work and keeps the peak
	// nearly flat (36 MB for 1,000 files, 43 MB for 10,000); a GOGC the user set is kept.
	if s.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var qFixed *questionnaire.Questionnaire
	if opts.Questionnaire != "" {
		if qFixed, err = loadQuestionnaire(opts.Questionnaire); err != nil {
			return err
		}
	}

	ex := &exporter{s: s, opts: opts, progress: newProgress(s)}
	inputs, problems := export.Expand(opts.Inputs)
	for _, p := range problems {
		ex.fail(p.Err)
	}
	paths, ids, versions := ex.scan(ctx, inputs, workers, qFixed == nil)
	if ctx.Err() != nil {
		return exportCancelled(s, 0, len(inputs), "nothing written")
	}
	if len(paths) == 0 {
		if ex.bad > 0 {
			fmt.Fprintln(s.Err, "cbrn: no answers file to export")
			return silentFailure(ExitError)
		}
		return errors.New("no answers file to export")
	}

	levels := []export.Level{level}
	if opts.Output == "xlsx" {
		levels = export.Levels()
	}
	if len(ids) > 1 || len(versions) > 1 {
		check := mixedLevels(ids, level, opts)
		if len(ids) == 1 {
			check = mixedVersions(versions, level, opts)
		}
		if check != nil {
			return check
		}
		if opts.Output == "xlsx" {
			levels = []export.Level{export.Overview, export.Pillar, export.Hazard}
		}
	}
	ex.comparableOnly = len(levels) > 0 && !slices.ContainsFunc(levels, func(l export.Level) bool { return !l.Comparable() })

	var out io.Writer = s.Out
	var file *atomicfile.File
	if opts.Out != "" {
		if err := refuseInput(opts.Out, append(slices.Clone(paths), questionnaireRefFile(opts.Questionnaire))); err != nil {
			return err
		}
		if file, err = atomicfile.Create(opts.Out); err != nil {
			return err
		}
		defer func() {
			if file != nil {
				file.Abort()
			}
		}()
		out = file
	}
	tmpDir := ""
	if opts.Out != "" {
		tmpDir = filepath.Dir(opts.Out)
	}
	sink, err := newSink(out, opts.Output, levels, tmpDir)
	if err != nil {
		return err
	}

	cache := newQuestionnaireCache(qFixed)
	job := export.Job{Paths: paths, Resolve: cache.resolve, Score: score.Options{Target: target},
		Levels: levels, Lang: opts.Lang, Workers: workers, Encode: sink.encoder()}
	ex.progress.start(len(paths))
	err = export.Run(ctx, job, func(i int, it *export.Item) error {
		ex.progress.step()
		return ex.emit(it, levels, sink)
	})
	ex.progress.stop()
	if ctx.Err() != nil {
		sink.abort()
		what := "nothing written"
		if opts.Out == "" {
			what = "the output is incomplete"
		}
		return exportCancelled(s, int(ex.progress.done.Load()), len(paths), what)
	}
	if err != nil {
		sink.abort()
		return err
	}
	if err := sink.close(); err != nil {
		return err
	}
	ex.summary()
	if file != nil {
		if ex.exported == 0 {
			fmt.Fprintf(s.Err, "nothing exported: %s not written\n", opts.Out)
			return silentFailure(ExitError)
		}
		// The questionnaires found beside the answers are inputs too; the output replaces its
		// destination only now, so none of them is overwritten.
		if err := refuseInput(opts.Out, cache.files()); err != nil {
			return err
		}
		err := file.Commit()
		file = nil
		if err != nil {
			return err
		}
		fmt.Fprintf(s.Err, "wrote %s: %d %s\n", opts.Out, ex.exported, diag.Plural(ex.exported, "assessment", "assessments"))
	}
	if ex.bad > 0 {
		return silentFailure(ExitError)
	}
	return nil
}

func exportCancelled(s *Streams, done, total int, what string) error {
	fmt.Fprintf(s.Err, "export cancelled after %d of %d files; %s\n", done, total, what)
	return ErrCancelled
}

// mixedLevels refuses tables that do not line up across questionnaires.
func mixedLevels(ids map[string]int, level export.Level, opts *ExportOptions) error {
	names := make([]string, 0, len(ids))
	for id := range ids {
		names = append(names, id)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, id := range names {
		parts[i] = fmt.Sprintf("%s (%d %s)", id, ids[id], diag.Plural(ids[id], "file", "files"))
	}
	found := strings.Join(parts, ", ")
	switch {
	case opts.Output == "xlsx" && !opts.LevelSet:
		return usageErrorf("these files answer %d questionnaires: %s; a workbook of them can hold only the sheets that line up across questionnaires (Overview, Pillars, Hazards): add --level pillar, or export each questionnaire apart", len(ids), found)
	case !level.Comparable():
		return usageErrorf("these files answer %d questionnaires: %s; their %s do not line up: use --level pillar, hazard or overview, or export each questionnaire apart", len(ids), found, strings.ToLower(level.Sheet()))
	}
	return nil
}

// mixedVersions refuses the tables whose rows do not line up across versions of one
// questionnaire (each file is scored against the version it names), with the way out: migrate.
func mixedVersions(versions map[string]int, level export.Level, opts *ExportOptions) error {
	keys := make([]string, 0, len(versions))
	for k := range versions {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		_, va, _ := strings.Cut(a, "@")
		_, vb, _ := strings.Cut(b, "@")
		return semver.Compare(va, vb)
	})
	id, _, _ := strings.Cut(keys[0], "@")
	parts := make([]string, len(keys))
	for i, k := range keys {
		_, v, _ := strings.Cut(k, "@")
		parts[i] = fmt.Sprintf("%s (%d %s)", v, versions[k], diag.Plural(versions[k], "file", "files"))
	}
	found := strings.Join(parts, ", ")
	_, newest, _ := strings.Cut(keys[len(keys)-1], "@")
	hint := fmt.Sprintf("or first move the files to one version with cbrn migrate FILE --out NEW (to %s, the newest)", newest)
	switch {
	case opts.Output == "xlsx" && !opts.LevelSet:
		return usageErrorf("these files answer %d versions of %s: %s; each is scored against its own version, so a workbook of them can hold only the sheets that line up (Overview, Pillars, Hazards): add --level pillar, %s", len(keys), id, found, hint)
	case !level.Comparable():
		return usageErrorf("these files answer %d versions of %s: %s; each is scored against its own version, so their %s do not line up: use --level pillar, hazard or overview, %s", len(keys), id, found, strings.ToLower(level.Sheet()), hint)
	}
	return nil
}

// exporter holds the state of one export: what was written, what failed, what to report.
type exporter struct {
	s              *Streams
	opts           *ExportOptions
	progress       *progress
	bad            int
	exported       int
	firstID        string
	comparableOnly bool
	seenQ          map[*questionnaire.Questionnaire]bool
	sharedSeen     map[*sharedError]int // shared failures already printed, and how often since
	sharedOrder    []*sharedError
}

// fail lists a file that could not be exported.
func (ex *exporter) fail(err error) {
	ex.bad++
	ex.progress.println(errorText(err))
}

// errorText is an error as shown to people: the problems of a file one per line.
func errorText(err error) string {
	var de *diag.Error
	if errors.As(err, &de) {
		return de.Error()
	}
	return err.Error()
}

// sharedText is how a questionnaire's failure is shown for the first file it hits.
func sharedText(path string, se *sharedError) string {
	var de *diag.Error
	if errors.As(se.err, &de) {
		return fmt.Sprintf("%s: cannot be scored: its questionnaire has problems:\n%s", path, de.Error())
	}
	return fmt.Sprintf("%s: %v", path, se.err)
}

// scan reads the head of every file found: to keep answers files only among the YAML files of
// folders, and to know up front which questionnaires the files answer. It returns the paths to
// export, the number of files per questionnaire id, and per shipped version ("id@version").
func (ex *exporter) scan(ctx context.Context, inputs []export.Input, workers int, needIDs bool) ([]string, map[string]int, map[string]int) {
	type scanned struct {
		h   export.Header
		err error
	}
	ids, versions := map[string]int{}, map[string]int{}
	paths := make([]string, 0, len(inputs))
	_ = export.Ordered(ctx, len(inputs), workers, 64*workers, func(i int) scanned {
		in := inputs[i]
		if !needIDs && in.Wanted(export.Header{}) {
			return scanned{}
		}
		h, err := export.ScanHeader(in.Path)
		return scanned{h, err}
	}, func(i int, r scanned) error {
		in := inputs[i]
		if r.err != nil {
			ex.fail(fmt.Errorf("%s: %w", in.Path, unwrapPathError(r.err)))
			return nil
		}
		if !in.Wanted(r.h) {
			return nil
		}
		paths = append(paths, in.Path)
		if r.h.QuestionnaireID != "" {
			ids[r.h.QuestionnaireID]++
			// Files are scored against the shipped version they name; other questionnaires
			// are found beside the files, one version for all.
			if questionnaires.Has(r.h.QuestionnaireID, r.h.QuestionnaireVersion) {
				versions[r.h.QuestionnaireID+"@"+r.h.QuestionnaireVersion]++
			}
		}
		return nil
	})
	return paths, ids, versions
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (ex *exporter) emit(it *export.Item, levels []export.Level, sink *sink) error {
	if it.Err != nil {
		var se *sharedError
		if errors.As(it.Err, &se) {
			if _, ok := ex.sharedSeen[se]; ok {
				ex.sharedSeen[se]++
				ex.bad++
				return nil
			}
			if ex.sharedSeen == nil {
				ex.sharedSeen = map[*sharedError]int{}
			}
			ex.sharedSeen[se] = 0
			ex.sharedOrder = append(ex.sharedOrder, se)
			ex.bad++
			ex.progress.println(sharedText(it.Path, se))
			return nil
		}
		ex.fail(it.Err)
		return nil
	}
	x := it.Assessment
	if ex.firstID == "" {
		ex.firstID = x.Q.ID
	} else if x.Q.ID != ex.firstID && !ex.comparableOnly {
		ex.fail(fmt.Errorf("%s: answers questionnaire %s while the files before it answer %s; sections, questions and activities of different questionnaires do not line up (use --level pillar, or export them apart)", it.Path, x.Q.ID, ex.firstID))
		return nil
	}
	for _, w := range it.Warnings {
		ex.progress.println("warning: " + w.String())
	}
	if ex.opts.Lang != "" && !ex.seenQ[x.Q] {
		if ex.seenQ == nil {
			ex.seenQ = map[*questionnaire.Questionnaire]bool{}
		}
		ex.seenQ[x.Q] = true
		if !x.Q.HasLanguage(ex.opts.Lang) {
			ex.progress.println(fmt.Sprintf("warning: questionnaire %s has no %q text (it has %s); its titles are exported in %s",
				x.Q.ID, ex.opts.Lang, strings.Join(x.Q.Languages, ", "), x.Q.DefaultLanguage()))
		}
	}
	if err := sink.write(it, levels); err != nil {
		return err
	}
	ex.exported++
	return nil
}

func (ex *exporter) summary() {
	for _, se := range ex.sharedOrder {
		if n := ex.sharedSeen[se]; n > 0 {
			fmt.Fprintf(ex.s.Err, "... and %d more %s of the same questionnaire could not be scored for the same reason\n", n, diag.Plural(n, "file", "files"))
		}
	}
	if ex.bad > 0 {
		fmt.Fprintf(ex.s.Err, "%d %s could not be exported (listed above); %d exported\n",
			ex.bad, diag.Plural(ex.bad, "file", "files"), ex.exported)
	}
}

// sink is where rows go: one table (CSV, JSON), whose blocks are encoded on the workers, or a
// workbook of several, written block by block.
type sink struct {
	table    export.TableWriter
	workbook *export.XLSXWriter
}

func newSink(w io.Writer, format string, levels []export.Level, tmpDir string) (*sink, error) {
	var err error
	s := &sink{}
	switch format {
	case "xlsx":
		s.workbook, err = export.NewXLSX(w, levels, export.XLSXOptions{TmpDir: tmpDir})
	case "json":
		s.table, err = export.NewJSON(w, levels[0], export.Columns(levels[0]))
	default:
		s.table, err = export.NewCSV(w, export.Columns(levels[0]))
	}
	return s, err
}

// encoder is the function the workers encode blocks with, or nil for a workbook.
func (s *sink) encoder() func([]byte, export.Block) []byte {
	if s.table == nil {
		return nil
	}
	return s.table.Encode
}

func (s *sink) write(it *export.Item, levels []export.Level) error {
	if s.table != nil {
		for _, chunk := range it.Encoded {
			if err := s.table.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	}
	for k, b := range it.Blocks {
		if err := s.workbook.Write(levels[k], b); err != nil {
			return err
		}
	}
	return nil
}

func (s *sink) close() error {
	if s.table != nil {
		return s.table.Close()
	}
	return s.workbook.Close()
}

func (s *sink) abort() {
	if s.workbook != nil {
		s.workbook.Abort()
	}
}

// sharedError is a failure shared by many files (their questionnaire cannot be loaded): it is
// printed once, with a count of the other files it hit.
type sharedError struct{ err error }

func (e *sharedError) Error() string { return e.err.Error() }
func (e *sharedError) Unwrap() error { return e.err }

// questionnaireCache loads each questionnaire once, however many files answer it; the workers
// of an export share it.
type questionnaireCache struct {
	fixed   *questionnaire.Questionnaire // -q
	mu      sync.Mutex
	loaded  map[string]*cachedQuestionnaire // by questionnaireSource.key, or "error:" + why not
	located map[string]string               // folder + "\x00" + id → the file beside, or ""
}

type cachedQuestionnaire struct {
	once sync.Once
	load func() (*questionnaire.Questionnaire, error)
	q    *questionnaire.Questionnaire
	err  error
}

func newQuestionnaireCache(fixed *questionnaire.Questionnaire) *questionnaireCache {
	return &questionnaireCache{fixed: fixed, loaded: map[string]*cachedQuestionnaire{}, located: map[string]string{}}
}

// resolve finds the questionnaire of an answers file as loadAssessment does: -q, else the
// shipped version it names, else <id>.yaml or <id>.questionnaire.yaml beside the file.
func (c *questionnaireCache) resolve(a *answers.File) (*questionnaire.Questionnaire, error) {
	if c.fixed != nil {
		return c.fixed, nil
	}
	c.mu.Lock()
	var entry *cachedQuestionnaire
	if src, err := answersSource(a, "", c.beside); err != nil {
		// Files that cannot be scored for the same reason share one entry, shown once.
		entry = c.entry("error:"+err.Error(), func() (*questionnaire.Questionnaire, error) { return nil, err })
	} else {
		entry = c.entry(src.key, src.load)
	}
	c.mu.Unlock()
	entry.once.Do(func() {
		entry.q, entry.err = entry.load()
		if entry.err != nil {
			entry.err = &sharedError{entry.err}
		}
	})
	return entry.q, entry.err
}

// beside finds <id>.yaml or <id>.questionnaire.yaml in a folder, once per folder and id; c.mu
// is held.
func (c *questionnaireCache) beside(dir, id string) string {
	key := dir + "\x00" + id
	path, ok := c.located[key]
	if !ok {
		path = questionnaireBeside(dir, id)
		c.located[key] = path
	}
	return path
}

// files are the questionnaire files found beside answers files.
func (c *questionnaireCache) files() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for key := range c.loaded {
		if path, isFile := strings.CutPrefix(key, "file:"); isFile {
			out = append(out, path)
		}
	}
	return out
}

func (c *questionnaireCache) entry(key string, load func() (*questionnaire.Questionnaire, error)) *cachedQuestionnaire {
	e, ok := c.loaded[key]
	if !ok {
		e = &cachedQuestionnaire{load: load}
		c.loaded[key] = e
	}
	return e
}

// progress shows "exporting 120/10000 files" on a terminal's stderr once an export has run for
// a second, and keeps it below the messages printed meanwhile.
type progress struct {
	s     *Streams
	after time.Duration // how long an export runs before the line is shown
	every time.Duration // how often it is redrawn
	total int
	done  atomic.Int64
	mu    sync.Mutex
	shown bool
	quit  chan struct{}
	wg    sync.WaitGroup
}

func newProgress(s *Streams) *progress {
	return &progress{s: s, after: time.Second, every: 200 * time.Millisecond}
}

// start shows the progress of total files from now on, on a terminal.
func (p *progress) start(total int) {
	p.total, p.quit = total, make(chan struct{})
	if !p.s.ErrTTY {
		return
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		start := time.Now()
		tick := time.NewTicker(p.every)
		defer tick.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-tick.C:
				if time.Since(start) >= p.after {
					p.mu.Lock()
					p.draw()
					p.mu.Unlock()
				}
			}
		}
	}()
}

func (p *progress) draw() {
	fmt.Fprintf(p.s.Err, "\rexporting %d/%d files\x1b[K", p.done.Load(), p.total)
	p.shown = true
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.s.Err, "\r\x1b[K")
	}
}

func (p *progress) step() { p.done.Add(1) }

// println prints a message on stderr, above the progress line when there is one. Text from
// files is made safe for a terminal.
func (p *progress) println(msg string) {
	msg = diag.Printable(msg, true) // file names found in folders, too, may hold escape sequences
	if p.s.ErrTTY {
		lines := strings.Split(msg, "\n")
		for i, l := range lines {
			lines[i] = textfmt.Terminal(l)
		}
		msg = strings.Join(lines, "\n")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintln(p.s.Err, msg)
	if p.shown {
		p.draw()
	}
}

func (p *progress) stop() {
	if p.quit == nil {
		return
	}
	close(p.quit)
	p.wg.Wait()
	p.mu.Lock()
	p.clear()
	p.shown = false
	p.mu.Unlock()
}
