// Command rclab is a sandboxed simulator for teaching Linux SysV-init
// runlevels on a Red Hat-style machine that lives in memory.
//
// Usage:
//
//	rclab                  open the app on the default machine
//	rclab exec [FILE|-]    run command lines headless and print the terminal
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
