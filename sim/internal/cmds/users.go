package cmds

import (
	"io"
	"strconv"
	"strings"

	"rclab/sim/internal/kernel"
)

// Account is one line of /etc/passwd or /etc/group.
type Account struct {
	Name    string
	ID      int
	GID     int      // passwd: primary group
	Home    string   // passwd only
	Shell   string   // passwd only
	Members []string // group only
}

// Accounts is a parsed passwd or group file.
type Accounts []Account

// ReadPasswd parses the machine's /etc/passwd (empty when missing).
func ReadPasswd(k *kernel.Kernel) Accounts { return readAccounts(k, "/etc/passwd", true) }

// ReadGroup parses the machine's /etc/group (empty when missing).
func ReadGroup(k *kernel.Kernel) Accounts { return readAccounts(k, "/etc/group", false) }

func readAccounts(k *kernel.Kernel, name string, passwd bool) Accounts {
	f, err := k.FS.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil
	}
	var out Accounts
	for _, line := range strings.Split(string(data), "\n") {
		fl := strings.Split(line, ":")
		if len(fl) < 3 || fl[0] == "" {
			continue
		}
		id, err := strconv.Atoi(fl[2])
		if err != nil {
			continue
		}
		a := Account{Name: fl[0], ID: id}
		if passwd && len(fl) >= 7 {
			a.GID, _ = strconv.Atoi(fl[3])
			a.Home, a.Shell = fl[5], fl[6]
		}
		if !passwd && len(fl) >= 4 && fl[3] != "" {
			a.Members = strings.Split(fl[3], ",")
		}
		out = append(out, a)
	}
	return out
}

// Name returns the name for id, or the number itself as ls prints it.
func (as Accounts) Name(id int) string {
	for _, a := range as {
		if a.ID == id {
			return a.Name
		}
	}
	return strconv.Itoa(id)
}

// Lookup finds an account by name, or by number when name is numeric.
func (as Accounts) Lookup(name string) (Account, bool) {
	for _, a := range as {
		if a.Name == name {
			return a, true
		}
	}
	if id, err := strconv.Atoi(name); err == nil {
		return Account{Name: name, ID: id}, true
	}
	return Account{}, false
}
