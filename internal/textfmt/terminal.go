package textfmt

// Terminal is a text from a file made safe for a terminal or any laid-out text: Safe in Flat
// mode (controls and hidden characters escaped visibly, tabs and line breaks made spaces).
func Terminal(s string) string { return Safe(s, Flat) }
