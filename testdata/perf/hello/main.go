// Command hello is the bare Go process cbrn's start-up is measured against: it prints a line.
package main

import "fmt"

func main() { fmt.Println("hello") }
