package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The scaffolding of the tests that run the real binary as a person would: built once, run
// with a piped stdin (to be stopped by signals or killed), or in a pseudo-terminal (for the
// full-screen prompts), with what it writes collected on a screen that can be waited on.

// builtBinary is where cbrnBinary put the binary; TestMain removes it after the tests.
type builtBinary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

var testBinary builtBinary

func TestMain(m *testing.M) {
	code := m.Run()
	if testBinary.dir != "" {
		os.RemoveAll(testBinary.dir)
	}
	os.Exit(code)
}

// cbrnBinary builds cmd/cbrn once per test run (the consensus tests use it too).
func cbrnBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH: cannot build the binary to test")
	}
	b := &testBinary
	b.once.Do(func() {
		if b.dir, b.err = os.MkdirTemp("", "cbrn-test-"); b.err != nil {
			return
		}
		b.path = filepath.Join(b.dir, "cbrn")
		if out, err := exec.Command("go", "build", "-o", b.path, "github.com/cbrn-tool/cbrn/cmd/cbrn").CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// procEnv is the test's environment with the clock fixed and no mode forced (no ACCESSIBLE,
// TERM or NO_COLOR from the caller's shell).
func procEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ACCESSIBLE=") && !strings.HasPrefix(kv, "TERM=") && !strings.HasPrefix(kv, "NO_COLOR=") {
			env = append(env, kv)
		}
	}
	return append(env, "SOURCE_DATE_EPOCH=1795780800")
}

// screen collects what a process writes and waits for texts to appear in it, in order.
type screen struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	mark int // where the next wait starts looking
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

var ansiRE = regexp.MustCompile(`\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]`)

// text is the output so far without terminal control sequences.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansiRE.ReplaceAllString(s.buf.String(), "")
}

// waitFor waits until want appears after the previous match.
func (s *screen) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		txt := s.text()
		if s.mark <= len(txt) {
			if i := strings.Index(txt[s.mark:], want); i >= 0 {
				s.mark += i + len(want)
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.mu.Lock()
	raw := s.buf.String()
	s.mu.Unlock()
	t.Fatalf("%q did not appear; output after the last match:\n%s\nraw: %q", want, tail(s.text(), s.mark), raw)
}

func tail(s string, from int) string {
	if from > len(s) {
		from = len(s)
	}
	return s[from:]
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// piped is cbrn started with a pipe for stdin and its stderr on a screen.
type piped struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	scr *screen
}

// startPiped starts cbrn with args in dir, stdin a pipe, stderr collected (env: procEnv, or
// the given one).
func startPiped(t *testing.T, dir string, env []string, args ...string) *piped {
	t.Helper()
	if env == nil {
		env = procEnv()
	}
	p := &piped{cmd: exec.Command(cbrnBinary(t), args...), scr: &screen{}}
	p.cmd.Dir, p.cmd.Env, p.cmd.Stderr = dir, env, p.scr
	in, err := p.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.in = in
	t.Cleanup(func() { in.Close() })
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			_ = p.cmd.Wait()
		}
	})
	return p
}

// write types lines on stdin.
func (p *piped) write(t *testing.T, text string) {
	t.Helper()
	if _, err := io.WriteString(p.in, text); err != nil {
		t.Fatal(err)
	}
}

// signal sends sig and returns the exit status.
func (p *piped) signal(t *testing.T, sig os.Signal) int {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	return exitCode(p.cmd.Wait())
}

// kill stops cbrn with SIGKILL, which it cannot catch.
func (p *piped) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()
}

// ptySession runs cbrn in a pseudo-terminal (stdin and stderr; stdout is kept apart).
type ptySession struct {
	scr    *screen
	ptmx   *os.File
	cmd    *exec.Cmd
	stdout *bytes.Buffer
	done   chan error
}

func startPTY(t *testing.T, dir string, args ...string) *ptySession {
	t.Helper()
	return startPTYEnv(t, dir, procEnv(), args...)
}

// startPTYEnv is startPTY with its environment given (TERM is set to xterm-256color).
func startPTYEnv(t *testing.T, dir string, env []string, args ...string) *ptySession {
	t.Helper()
	bin := cbrnBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	p := &ptySession{scr: &screen{}, ptmx: ptmx, stdout: &bytes.Buffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Dir = dir
	p.cmd.Env = append(env, "TERM=xterm-256color")
	p.cmd.Stdin, p.cmd.Stderr, p.cmd.Stdout = tty, tty, p.stdout
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	go func() { _, _ = io.Copy(p.scr, ptmx) }()
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
		}
	})
	return p
}

const keyDown, keyEnter, keyCtrlC = "\x1b[B", "\r", "\x03"

// send types keys, a little apart as fingers would.
func (p *ptySession) send(t *testing.T, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, err := p.ptmx.Write([]byte(k)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// wait returns the exit status.
func (p *ptySession) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-p.done:
		return exitCode(err)
	case <-time.After(15 * time.Second):
		t.Fatal("cbrn did not stop")
	}
	return -1
}
