// Command floor prints a line after the initialisation of the libraries cbrn requires (huh,
// tablewriter, cobra, YAML v3) and of the standard ones it cannot do without: what any
// program built on them pays before it does anything.
package main

import (
	"fmt"

	_ "github.com/charmbracelet/huh"
	_ "github.com/olekukonko/tablewriter"
	_ "github.com/spf13/cobra"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/text/message"
	_ "html/template"
)

func main() { fmt.Println("hello") }
