package prompt

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/clipperhouse/displaywidth"
)

// Screen is the full-screen Prompter: one small bubbletea program per prompt, driven with the
// arrow keys and Enter. Every prompt is laid out to the terminal's size, so that the option
// under the cursor, the whole description of the highlighted level and the key help are always
// on screen; the question scrolls (PgUp/PgDn) when the screen is too small for all of it.
// Ctrl-C and a cancelled context (a signal) end a prompt with ErrInterrupted.
type Screen struct {
	Ctx context.Context
	In  io.Reader // the terminal
	Out io.Writer // the terminal too: stderr, so that stdout stays for results
	Msg *Messages
	// Plain drops colours (NO_COLOR).
	Plain bool
	// Intro is shown under the title of the first prompt only: where a resumed session stands.
	Intro []string

	shown int // prompts shown so far: the first one tells how to stop
}

// kind is what a prompt asks for.
type kind int

const (
	kindSelect kind = iota
	kindMulti
	kindInput
)

// run shows one prompt and waits for it to be answered.
func (s *Screen) run(m *model) error {
	m.msg = s.Msg
	m.st = newStyles(s.Out, s.Plain)
	if s.shown == 0 {
		m.body = append(append(slices.Clone(s.Intro), m.body...), s.Msg.StopHint)
	}
	s.shown++
	ctx := s.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	// Signals are the command's to handle: they cancel s.Ctx, which ends the program.
	p := tea.NewProgram(m, tea.WithInput(s.In), tea.WithOutput(s.Out), tea.WithContext(ctx),
		tea.WithoutSignalHandler())
	_, err := p.Run()
	switch {
	case ctx.Err() != nil, m.aborted, errors.Is(err, tea.ErrProgramKilled), errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	case err != nil:
		return err
	case !m.done:
		// A program that quit without an answer holds the highlighted option, not a choice.
		return ErrInterrupted
	}
	return nil
}

// split turns the heading into the title (its first line) and the lines under it.
func split(heading []string, title, context string) (string, []string) {
	if len(heading) == 0 {
		heading = []string{title}
	}
	body := slices.Clone(heading[1:])
	if context != "" {
		body = append(body, context)
	}
	return heading[0], body
}

// Select shows a list with the cursor on the default.
func (s *Screen) Select(p SelectPrompt) (string, error) {
	t, body := split(p.Heading, p.Title, p.Context)
	m := &model{kind: kindSelect, title: t, body: body, prompt: p.Title, opts: p.Options}
	if p.DefaultSet {
		m.cursor = max(0, slices.IndexFunc(p.Options, func(o Option) bool { return o.Value == p.Default }))
	}
	if err := s.run(m); err != nil {
		return "", err
	}
	return p.Options[m.cursor].Value, nil
}

// MultiSelect shows a list of check boxes, with the options that are chosen alone (don't know,
// help, previous question) below them without a box. Exclusive options must stand alone: the
// check is made when the list is submitted, and the list stays with the problem shown.
func (s *Screen) MultiSelect(p MultiPrompt) ([]string, error) {
	t, body := split(p.Heading, p.Title, "")
	m := &model{kind: kindMulti, title: t, body: body, prompt: p.Title, opts: p.Options,
		ticked: make([]bool, len(p.Options))}
	for i, o := range p.Options {
		m.ticked[i] = slices.Contains(p.Default, o.Value) && !o.Action
		if slices.Contains(p.Default, o.Value) && o.Action {
			m.cursor = i
		}
	}
	if i := slices.Index(m.ticked, true); i >= 0 {
		m.cursor = i
	}
	if err := s.run(m); err != nil {
		return nil, err
	}
	if o := p.Options[m.cursor]; o.Action {
		return []string{o.Value}, nil
	}
	var out []string
	for i, o := range p.Options {
		if m.ticked[i] {
			out = append(out, o.Value)
		}
	}
	return out, nil
}

// Input shows a text field holding the default.
func (s *Screen) Input(p InputPrompt) (string, error) {
	t, body := split(p.Heading, p.Title, p.Context)
	m := &model{kind: kindInput, title: t, body: body, prompt: p.Title}
	if len(p.Heading) == 0 { // the title is the prompt itself
		m.prompt = ""
	}
	m.input = textinput.New()
	m.input.Prompt = "> "
	m.input.SetValue(p.Default)
	m.input.CursorEnd()
	m.input.Focus()
	m.validate = func(x string) error {
		if p.Validate == nil {
			return nil
		}
		return p.Validate(strings.TrimSpace(x))
	}
	if err := s.run(m); err != nil {
		return "", err
	}
	return strings.TrimSpace(m.input.Value()), nil
}

// styles are the few looks of the screen; all empty without colour.
type styles struct {
	title, cursor, dim, problem lipgloss.Style
}

func newStyles(w io.Writer, plain bool) styles {
	if plain {
		return styles{}
	}
	r := lipgloss.NewRenderer(w)
	return styles{
		title:   r.NewStyle().Bold(true),
		cursor:  r.NewStyle().Foreground(lipgloss.Color("212")).Bold(true),
		dim:     r.NewStyle().Faint(true),
		problem: r.NewStyle().Foreground(lipgloss.Color("9")),
	}
}

// model is one prompt on screen.
type model struct {
	kind     kind
	title    string
	body     []string // the question, the current answer, the help...
	prompt   string   // "Answer"
	opts     []Option
	cursor   int
	ticked   []bool
	input    textinput.Model
	validate func(string) error

	msg *Messages
	st  styles

	width, height int
	headOff       int // first line of the heading shown, when it does not fit
	optOff        int // first line of the option list shown
	problem       string
	done, aborted bool
}

func (m *model) Init() tea.Cmd {
	if m.kind == kindInput {
		return textinput.Blink
	}
	return nil
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.follow()
		return m, nil
	case tea.KeyMsg:
		switch msg.String() {
		case "ctrl+c":
			m.aborted = true
			return m, tea.Quit
		case "pgup":
			m.headOff = max(0, m.headOff-max(1, m.layout().headRows-1))
			return m, nil
		case "pgdown":
			m.headOff += max(1, m.layout().headRows-1)
			m.follow()
			return m, nil
		case "enter":
			if m.submit() {
				return m, tea.Quit
			}
			m.follow()
			return m, nil
		}
		if m.kind == kindInput {
			m.problem = ""
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
		m.key(msg.String())
		m.follow()
		return m, nil
	}
	if m.kind == kindInput {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// key moves the cursor or ticks a box.
func (m *model) key(k string) {
	n := len(m.opts)
	switch k {
	case "up", "k", "shift+tab":
		m.cursor = max(0, m.cursor-1)
	case "down", "j", "tab":
		m.cursor = min(n-1, m.cursor+1)
	case "home":
		m.cursor = 0
	case "end":
		m.cursor = n - 1
	case " ", "x":
		m.toggle()
	default:
		// An option's own key (its number, "d" for don't know) moves the cursor to it, and ticks
		// a box in a multiple choice.
		for i, o := range m.opts {
			if o.Key != "" && strings.EqualFold(o.Key, k) {
				m.cursor = i
				if m.kind == kindMulti && !o.Action {
					m.toggle()
				}
				return
			}
		}
	}
}

func (m *model) toggle() {
	if m.kind != kindMulti || m.opts[m.cursor].Action {
		return
	}
	m.ticked[m.cursor] = !m.ticked[m.cursor]
	m.problem = ""
	if !m.ticked[m.cursor] {
		return
	}
	// A choice that stands alone unticks the others, and another choice unticks it.
	for i, o := range m.opts {
		if i != m.cursor && (o.Exclusive || m.opts[m.cursor].Exclusive) {
			m.ticked[i] = false
		}
	}
}

// submit accepts the prompt as it stands, or says what is wrong with it.
func (m *model) submit() bool {
	switch m.kind {
	case kindInput:
		if err := m.validate(m.input.Value()); err != nil {
			m.problem = err.Error()
			return false
		}
	case kindMulti:
		if m.opts[m.cursor].Action {
			break
		}
		if !slices.Contains(m.ticked, true) {
			// Enter on a choice with nothing ticked chooses that one, as in a list.
			m.ticked[m.cursor] = true
		}
		count := 0
		for _, t := range m.ticked {
			if t {
				count++
			}
		}
		for i, o := range m.opts {
			if o.Exclusive && m.ticked[i] && count > 1 {
				m.problem = strings.ReplaceAll(m.msg.ExclusiveAlone, "%s", o.Label)
				return false
			}
		}
	}
	m.done = true
	return true
}

// optionText is how an option reads in the list: short, its description shown apart.
func optionText(o Option) string {
	s := o.Label
	if o.Key != "" && strings.IndexFunc(o.Key, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		s = o.Key + " · " + s
	}
	return s
}

// layout is where each part of the prompt goes on a screen of the model's size.
type layout struct {
	width     int
	head      []string // every line of the heading, wrapped
	headRows  int      // how many of them are shown
	optLines  [][]string
	optRows   int // rows of the option list shown
	detail    []string
	detRows   int
	help      []string
	problem   []string
	promptRow bool
}

func (m *model) size() (int, int) {
	w, h := m.width, m.height
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	return w, h
}

func (m *model) layout() layout {
	w, h := m.size()
	l := layout{width: max(10, w-1)}
	tw := l.width
	l.head = Wrap(m.title, tw)
	for _, b := range m.body {
		for _, line := range strings.Split(b, "\n") { // an indented line keeps its indent
			lead := line[:len(line)-len(strings.TrimLeft(line, " "))]
			l.head = append(l.head, WrapIndent(line, tw, lead, lead)...)
		}
	}
	if m.problem != "" {
		l.problem = WrapIndent(m.problem, tw, "* ", "  ")
	}
	l.promptRow = m.prompt != ""

	detMax := 0
	for i, o := range m.opts {
		first, rest := "  ", "    "
		if m.kind == kindMulti {
			first, rest = "  [ ] ", "      "
			if o.Action {
				first = "  →   "
			}
		}
		l.optLines = append(l.optLines, WrapIndent(optionText(o), tw, first, rest))
		if o.Detail != "" {
			d := Wrap(optionText(o)+" — "+o.Detail, tw)
			detMax = max(detMax, len(d))
			if i == m.cursor {
				l.detail = d
			}
		}
	}
	optN := 0
	for _, ls := range l.optLines {
		optN += len(ls)
	}
	if m.kind == kindInput {
		optN = 1 + len(l.problem) // the field and its problem
	}

	// The key help names PgUp/PgDn only when the heading does not fit.
	for _, scroll := range []bool{false, true} {
		l.help = Wrap(m.helpLine(scroll), tw)
		// One row is left free: the terminal's last line, where writing would scroll the screen.
		avail := h - 1 - len(l.help) - btoi(l.promptRow)
		if m.kind != kindInput {
			avail -= len(l.problem)
		}
		// The question keeps a third of the screen; the list scrolls in what is left.
		headMin := min(len(l.head), max(3, avail/3))
		l.optRows = min(optN, max(min(optN, 3), avail-headMin-detMax))
		l.detRows = max(0, min(detMax, avail-headMin-l.optRows))
		l.headRows = max(0, min(len(l.head), avail-l.optRows-l.detRows))
		l.detRows = max(0, min(detMax, avail-l.optRows-l.headRows))
		if l.headRows == len(l.head) {
			break
		}
	}
	// The rows of the list and the description stay the same whatever the option (nothing
	// above or below them moves), but an option with a shorter description, or none, leaves
	// its rows to the list.
	region := l.optRows + l.detRows
	l.optRows = min(optN, region-min(len(l.detail), l.detRows))
	l.detRows = region - l.optRows
	return l
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// follow keeps the scroll offsets in range and the cursor's option on screen.
func (m *model) follow() {
	l := m.layout()
	m.headOff = max(0, min(m.headOff, len(l.head)-l.headRows))
	if m.kind == kindInput {
		m.input.Width = max(1, l.width-3)
		return
	}
	start := 0
	for i := 0; i < m.cursor; i++ {
		start += len(l.optLines[i])
	}
	end := start + len(l.optLines[m.cursor])
	if start < m.optOff {
		m.optOff = start
	}
	if end > m.optOff+l.optRows {
		m.optOff = end - l.optRows
	}
	m.optOff = max(0, m.optOff)
}

func (m *model) helpLine(scroll bool) string {
	g := m.msg
	var keys []string
	switch m.kind {
	case kindSelect:
		keys = []string{"↑/↓ " + g.KeyMove, "enter " + g.KeyChoose}
	case kindMulti:
		keys = []string{"↑/↓ " + g.KeyMove, "x " + g.KeyToggle, "enter " + g.KeyChoose}
	default:
		keys = []string{"enter " + g.KeyChoose}
	}
	if scroll {
		keys = append(keys, "pgup/pgdn "+g.KeyScroll)
	}
	keys = append(keys, "ctrl+c "+g.KeyStop)
	return strings.Join(keys, " • ")
}

func (m *model) View() string {
	if m.done || m.aborted {
		return ""
	}
	l := m.layout()
	var b strings.Builder
	line := func(s string, st lipgloss.Style) {
		b.WriteString(st.Render(s))
		b.WriteByte('\n')
	}
	// The heading, scrolled when it does not fit; its last row then says there is more.
	head := l.head
	off := min(m.headOff, max(0, len(head)-l.headRows))
	shown := head[off:min(len(head), off+l.headRows)]
	for i, s := range shown {
		switch {
		case i == len(shown)-1 && off+len(shown) < len(head):
			line(m.more(s, l.width), m.st.dim)
		case i == 0 && off > 0:
			line("↑ …", m.st.dim)
		case off+i == 0:
			line(s, m.st.title)
		default:
			line(s, lipgloss.Style{})
		}
	}
	if l.promptRow {
		line(m.prompt+m.msg.Colon, m.st.title)
	}
	if m.kind == kindInput {
		b.WriteString(m.input.View())
		b.WriteByte('\n')
	} else {
		row := 0
		for i, ls := range l.optLines {
			for j, s := range ls {
				if row >= m.optOff && row < m.optOff+l.optRows {
					st := lipgloss.Style{}
					if i == m.cursor {
						st = m.st.cursor
						if j == 0 {
							s = ">" + s[1:]
						}
					}
					if m.kind == kindMulti && j == 0 && !m.opts[i].Action && m.ticked[i] {
						s = strings.Replace(s, "[ ]", "[x]", 1)
					}
					line(s, st)
				}
				row++
			}
		}
		// The description area keeps its height whatever the option, so that nothing moves.
		for i := range l.detRows {
			s := ""
			if i < len(l.detail) {
				s = l.detail[i]
			}
			if i == l.detRows-1 && len(l.detail) > l.detRows {
				s = m.more(s, l.width)
			}
			line(s, m.st.dim)
		}
	}
	for _, s := range l.problem {
		line(s, m.st.problem)
	}
	for _, s := range l.help {
		line(s, m.st.dim)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// more ends a line cut short with an ellipsis.
func (m *model) more(s string, width int) string {
	if displaywidth.String(s)+2 > width {
		cut := displaywidth.TruncateString(s, width-2, "")
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i] // between words
		}
		s = cut
	}
	return s + " …"
}
