package prompt

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// longOptions are levels whose descriptions wrap on several lines, then the specials.
func longOptions() []Option {
	var opts []Option
	for i, l := range []string{"Absent", "Initiated", "Established", "Demonstrated", "Sustained and shared"} {
		k := string(rune('1' + i))
		opts = append(opts, Option{Value: k, Key: k, Label: l, Detail: strings.Repeat("a long description of this level ", 4+i)})
	}
	return append(opts, Option{Value: "!unknown", Key: "d", Label: "Don't know", Action: true},
		Option{Value: "!help", Key: "h", Label: "Help", Action: true},
		Option{Value: "!back", Key: "b", Label: "Previous question", Action: true})
}

// At every size from 60x20 the view fits the window, and at every step down the list the
// cursor's option is on screen, with its description whole and the key help.
func TestScreenKeepsTheCursorOnScreen(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {60, 12}} {
		w, h := size[0], size[1]
		for _, k := range []kind{kindSelect, kindMulti} {
			m := &model{kind: k, title: "Prevention: governance, coordination and national planning — question 1 of 119",
				body:   []string{strings.Repeat("PRV-GOV-01: To what extent does a national body exist? ", 6), "Help: " + strings.Repeat("evidence ", 40)},
				prompt: "Answer", opts: longOptions(), ticked: make([]bool, 8), msg: Catalogue("en")}
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			for i, o := range m.opts {
				if i > 0 {
					m.Update(tea.KeyMsg{Type: tea.KeyDown})
				}
				v := m.View()
				lines := strings.Split(v, "\n")
				if len(lines) > h-1 {
					t.Fatalf("%dx%d: %d lines", w, h, len(lines))
				}
				var cursor []string
				for _, l := range lines {
					if textfmt.DisplayWidth(l) > w-1 {
						t.Errorf("%dx%d: line of %d columns: %q", w, h, textfmt.DisplayWidth(l), l)
					}
					if strings.HasPrefix(l, ">") {
						cursor = append(cursor, l)
					}
				}
				if len(cursor) != 1 || !strings.Contains(cursor[0], o.Label) {
					t.Fatalf("%dx%d kind %d step %d: cursor lines %q, want %q\n%s", w, h, k, i, cursor, o.Label, v)
				}
				if o.Detail != "" && h >= 20 && !strings.Contains(strings.Join(strings.Fields(v), " "), strings.TrimSpace(o.Detail)) {
					t.Errorf("%dx%d step %d: the description is not whole on screen:\n%s", w, h, i, v)
				}
				if !strings.Contains(v, "ctrl+c") {
					t.Errorf("%dx%d: no key help:\n%s", w, h, v)
				}
			}
			// The last step stays on the last option: the list does not wrap around.
			m.Update(tea.KeyMsg{Type: tea.KeyDown})
			if m.cursor != len(m.opts)-1 {
				t.Errorf("down at the end moved the cursor to %d", m.cursor)
			}
		}
	}
}

// In a multiple choice, Don't know and the other actions cannot be ticked, and Enter on one
// chooses it alone; a choice that stands alone unticks the others and is unticked by them.
func TestScreenMultiSelectActionsAndExclusiveChoices(t *testing.T) {
	opts := []Option{{Value: "a", Key: "1", Label: "Alpha"}, {Value: "b", Key: "2", Label: "Beta"},
		{Value: "none", Key: "3", Label: "None of them", Exclusive: true},
		{Value: "!unknown", Key: "d", Label: "Don't know", Exclusive: true, Action: true}}
	m := &model{kind: kindMulti, title: "T", prompt: "Answer", opts: opts, ticked: make([]bool, 4), msg: Catalogue("en")}
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	m.key("1")
	m.key("2")
	if !m.ticked[0] || !m.ticked[1] {
		t.Errorf("two choices: ticked %v", m.ticked)
	}
	m.key("3")
	if m.ticked[0] || m.ticked[1] || !m.ticked[2] {
		t.Errorf("none of them ticked: ticked %v, want it alone", m.ticked)
	}
	m.key("1")
	if !m.ticked[0] || m.ticked[2] {
		t.Errorf("a choice after none: ticked %v, want it alone", m.ticked)
	}
	// Ticked together by an earlier answer file, they are refused with the reason.
	m.ticked = []bool{true, false, true, false}
	if m.submit() || !strings.Contains(m.problem, "None of them") {
		t.Errorf("exclusive with another accepted; problem %q", m.problem)
	}
	m.key("d")
	m.key(" ")
	if m.ticked[3] {
		t.Error("don't know was ticked")
	}
	if !strings.Contains(m.View(), "→   Don't know") || strings.Contains(m.View(), "[ ] d") {
		t.Errorf("don't know looks tickable:\n%s", m.View())
	}
	if !m.submit() || m.opts[m.cursor].Value != "!unknown" {
		t.Error("Enter on don't know did not choose it")
	}
}
