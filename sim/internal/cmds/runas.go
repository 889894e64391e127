package cmds

import (
	"context"
	"io"
	"syscall"

	"rclab/sim/internal/proc"
)

// This file is how a program starts a child as another user, as a
// privileged program does between fork and execve (setgid, initgroups,
// setuid): su and runuser. The kernel lets only root change its user;
// su is set-user-ID root on CentOS (-rwsr-xr-x), so it holds root's
// rights from its start (setUserRoot) and hands them on only after a
// password check. Supplementary groups follow
// from the user: the permission checks and id read them from /etc/group
// (see idsOf).

// Child says who a child started with RunAs runs as.
type Child struct {
	UID, GID int
	// Arg0 is the child's argv[0] when it differs from the name looked
	// up on PATH: "-bash" for a login shell, "bash" for su's shell.
	// "" keeps the name.
	Arg0 string
}

type childKey struct{}

// ChildOf returns the Child a RunAs call asks for through ctx (a
// program's Ctx while RunAs starts its child); ok is false for an
// ordinary Run, whose child inherits the program's user.
func ChildOf(ctx context.Context) (c Child, ok bool) {
	if ctx == nil {
		return Child{}, false
	}
	c, ok = ctx.Value(childKey{}).(Child)
	return c, ok
}

// RunAs runs argv as Run does, as the user and group of c: the child's
// process belongs to c.UID and c.GID. Only a program that runs as root may
// start a child as another user; for any other the result is EPERM, as
// setuid(2) gives, and nothing runs.
func (p *Proc) RunAs(c Child, argv []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	if uid, gid := p.Cred(); uid != 0 && (uid != c.UID || gid != c.GID) {
		return 0, syscall.EPERM
	}
	ctx := p.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	p.Ctx = context.WithValue(ctx, childKey{}, c)
	defer func() { p.Ctx = ctx }()
	return p.Run(argv, stdin, stdout, stderr), nil
}

// setUserRoot gives the program root's rights, as executing a
// set-user-ID-root file (su) does: its process belongs to root from now
// on (ps shows root), and it returns the user and group it ran as.
func (p *Proc) setUserRoot() (ruid, rgid int) {
	ruid, rgid = p.Cred()
	if ruid != 0 && p.PID != 0 && p.Sys != nil && p.Sys.Procs != nil {
		p.Sys.Procs.Update(p.PID, func(x *proc.Process) { x.UID = 0 })
	}
	return ruid, rgid
}

// waiting marks the program's process as sleeping while it waits for a
// child (su while its shell runs).
func (p *Proc) waiting() {
	if p.PID != 0 && p.Sys != nil && p.Sys.Procs != nil {
		p.Sys.Procs.Update(p.PID, func(x *proc.Process) { x.State = 'S' })
	}
}
