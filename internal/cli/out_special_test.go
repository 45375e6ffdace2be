package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// --out onto an existing destination that is not a regular file (a named pipe, a device, a
// /proc/self/fd/N link to a pipe) is refused, and the destination stays what it was; --out onto
// a symbolic link writes through it: the link stays and its target gets the output.
func TestOutSpecialDestinations(t *testing.T) {
	for name, args := range commandsWithOut("DIR") {
		t.Run(name, func(t *testing.T) {
			dir := outDir(t)
			copyFile(t, filepath.Join(dir, "fixture.answers.yaml"), filepath.Join(dir, "copy.answers.yaml"))
			for i, a := range args {
				args[i] = strings.Replace(a, "DIR", dir, 1)
			}
			special := t.TempDir() // apart: reading a FIFO would block
			fifo := filepath.Join(special, "pipe")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			defer w.Close()
			for _, dest := range []string{fifo, "/dev/null", "/proc/self/fd/" + strconv.Itoa(int(w.Fd()))} {
				_, stderr, code := workshopRun(t, "", append(args, "--out", dest)...)
				if code != ExitError || !strings.Contains(stderr, "cannot write "+dest+": it is a ") || !strings.Contains(stderr, "not a regular file") {
					t.Errorf("--out %s: exit %d, stderr %q; want exit 1, not a regular file", dest, code, stderr)
				}
			}
			if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the FIFO was replaced: %v", err)
			}

			vault := t.TempDir()
			target := filepath.Join(vault, "real.out")
			link := filepath.Join(dir, "link.out")
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			_, stderr, code := workshopRun(t, "", append(args, "--out", link)...)
			if code != 0 {
				t.Fatalf("--out through a link: exit %d: %s", code, stderr)
			}
			if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v", err)
			}
			if st, err := os.Stat(target); err != nil || st.Size() == 0 || st.Mode().Perm() != 0o600 {
				t.Errorf("the link's target: %v, %v; want the output, 0600", st, err)
			}
		})
	}
}
