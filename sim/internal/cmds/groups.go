package cmds

// groups as in GNU coreutils 5.97 (CentOS 5), where it is a shell script
// around id: "id -Gn" for the current user, and "NAME : GROUPS" from
// "id -Gn -- NAME" for each user named (id's own message when there is no
// such user).

import (
	"fmt"
	"strings"
)

func init() {
	Register(Command{
		Name:    "groups",
		Dirs:    []string{"/usr/bin"},
		Summary: "print the groups a user is in",
		Usage:   "groups [OPTION]... [USERNAME]...",
		Main:    groupsMain,
	})
}

// groupsUsage is the script's help; $0 is the path bash ran it by.
const groupsUsage = `Usage: %s [OPTION]... [USERNAME]...

  --help      display this help and exit
  --version   output version information and exit

Same as id -Gn.  If no USERNAME, use current process.

Report bugs to <bug-coreutils@gnu.org>.
`

func groupsMain(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 1 {
		switch args[0] {
		case "--help":
			p.Printf(groupsUsage, groupsScriptName(p))
			return 0
		case "--version":
			p.Printf("groups (GNU coreutils) 5.97\n")
			return 0
		}
	}
	users, groups := ReadPasswd(p.Sys), ReadGroup(p.Sys)
	names := func(user string, gid int) string {
		ids := siGroupsOf(groups, user, gid)
		out := make([]string, len(ids))
		for i, g := range ids {
			out[i] = groups.Name(g)
		}
		return strings.Join(out, " ")
	}
	if len(args) == 0 {
		uid, gid := p.Cred()
		name := users.Name(uid)
		if uid == 0 {
			if a, ok := groupsAccount(users, "root"); ok {
				gid = a.GID
			}
		}
		p.Printf("%s\n", names(name, gid))
		return 0
	}
	status := 0
	for _, name := range args {
		a, ok := groupsAccount(users, name)
		if !ok {
			// The script's "id -Gn -- NAME" speaks.
			fmt.Fprintf(p.Stderr, "id: %s: No such user\n", name)
			status = 1
			continue
		}
		p.Printf("%s : %s\n", name, names(a.Name, a.GID))
	}
	return status
}

// groupsAccount finds a user of /etc/passwd by name.
func groupsAccount(users Accounts, name string) (Account, bool) {
	for _, a := range users {
		if a.Name == name {
			return a, true
		}
	}
	return Account{}, false
}

// groupsScriptName is the script's $0: the path it was run by (bash
// passes the path it found on PATH).
func groupsScriptName(p *Proc) string {
	if strings.Contains(p.Args[0], "/") {
		return p.Args[0]
	}
	return "/usr/bin/groups"
}
