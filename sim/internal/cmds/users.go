package cmds

import (
	"slices"
	"strconv"
	"strings"
	"sync"

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
func ReadPasswd(k *kernel.Kernel) Accounts { return slices.Clone(sharedAccounts(k, true)) }

// ReadGroup parses the machine's /etc/group (empty when missing).
func ReadGroup(k *kernel.Kernel) Accounts { return slices.Clone(sharedAccounts(k, false)) }

// SharedPasswd is ReadPasswd without the copy: the accounts are shared
// with every other caller, so nobody may change them. It is for
// programs that only look names up (ps, ls, netstat).
func SharedPasswd(k *kernel.Kernel) Accounts { return sharedAccounts(k, true) }

// sharedGroup is ReadGroup without the copy, for look-ups only.
func sharedGroup(k *kernel.Kernel) Accounts { return sharedAccounts(k, false) }

// sharedAccounts reads /etc/passwd (passwd) or /etc/group through a
// recycled buffer and returns its parse from the cache, nil when the
// file is missing or has no accounts.
func sharedAccounts(k *kernel.Kernel, passwd bool) Accounts {
	name := "/etc/group"
	if passwd {
		name = "/etc/passwd"
	}
	f, err := k.FS.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	bp := getIOBuf()
	defer putIOBuf(bp)
	buf, err := readAllInto(*bp, f)
	if err != nil {
		return nil
	}
	return parsedAccounts(buf, passwd)
}

// accountCache keeps the last parse of each kind of file, keyed by its
// content: the files rarely change, and programs read them often.
var accountCache struct {
	sync.Mutex
	text [2]string
	accs [2]Accounts
}

// parsedAccounts parses data as passwd or group lines, from the cache
// when the content is the last one parsed. The accounts are shared:
// callers copy them before changing them.
func parsedAccounts(data []byte, passwd bool) Accounts {
	i := 0
	if passwd {
		i = 1
	}
	c := &accountCache
	c.Lock()
	defer c.Unlock()
	if c.accs[i] == nil || c.text[i] != string(data) {
		c.text[i] = string(data)
		c.accs[i] = parseAccounts(c.text[i], passwd)
		if c.accs[i] == nil {
			c.accs[i] = Accounts{}
		}
	}
	if len(c.accs[i]) == 0 {
		return nil
	}
	return c.accs[i]
}

// parseAccounts parses the lines of a passwd or group file.
func parseAccounts(text string, passwd bool) Accounts {
	var out Accounts
	for line := range strings.SplitSeq(text, "\n") {
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
