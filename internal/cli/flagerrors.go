package cli

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// singleDash finds a long flag written with one dash ("-output json"), which the flag parser
// would read as a shorthand with a value glued on (-o "utput") or as an unknown shorthand, and
// says what was meant. Arguments after "--" are left alone.
func singleDash(root *cobra.Command, args []string) error {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == nil {
		return nil
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(a, "=")
		if len(name) < 3 || name[0] != '-' || name[1] == '-' {
			continue
		}
		if longFlag(cmd, name[1:]) != nil {
			// The first letter unknown, or known and taking the rest as its value: the parser
			// stumbles on the first or the second.
			bad := name[1]
			if cmd.Flags().ShorthandLookup(name[1:2]) != nil || cmd.InheritedFlags().ShorthandLookup(name[1:2]) != nil {
				bad = name[2]
			}
			return usageErrorFor(cmd, "unknown shorthand flag '%c' in %s; did you mean -%s?", bad, name, name)
		}
	}
	return nil
}

// longFlag is the command's flag of that long name, its own or inherited.
func longFlag(cmd *cobra.Command, name string) *pflag.Flag {
	if f := cmd.Flags().Lookup(name); f != nil {
		return f
	}
	return cmd.InheritedFlags().Lookup(name)
}

// flagError makes the flag parser's errors usage errors; an unknown shorthand that is a long
// flag's name with one dash says what was meant.
func flagError(cmd *cobra.Command, err error) error {
	unknownShorthand := regexp.MustCompile(`^unknown shorthand flag: '(.)' in (-[^ =]+)`)
	if m := unknownShorthand.FindStringSubmatch(err.Error()); m != nil && longFlag(cmd, m[2][1:]) != nil {
		return usageErrorFor(cmd, "unknown shorthand flag '%s' in %s; did you mean -%s?", m[1], m[2], m[2])
	}
	return usageErrorFor(cmd, "%v", err)
}
