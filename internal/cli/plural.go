package cli

// plural is one or many as n calls for, in the English of the command line's own messages.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
