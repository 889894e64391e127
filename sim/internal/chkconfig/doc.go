// Package chkconfig is the engine of Red Hat's chkconfig 1.3.30.2 (CentOS 5):
// it reads the "# chkconfig:" headers of the scripts in /etc/rc.d/init.d,
// the [SK]NN links of /etc/rc.d/rcN.d and the files of /etc/xinetd.d, and
// changes them exactly as the real program does. The chkconfig command, ntsysv
// and the lessons' checks all go through it, so they agree on what "on" means.
//
// # Where things are
//
// Scripts live in /etc/rc.d/init.d, links in /etc/rc.d/rc0.d … rc6.d (the
// /etc/init.d and /etc/rcN.d names of the image are symbolic links to them),
// xinetd services in /etc/xinetd.d. A link is named %c%02d%s (S or K, the
// priority in two digits, the service name) and points at ../init.d/NAME.
//
// # What counts
//
//   - A script is managed only when ParseHeader accepts it: a valid
//     "# chkconfig: LEVELS START STOP" line and a "# description:" line
//     (both mandatory on EL5; a script with LSB fields only is rejected).
//   - A service is on in level N iff the first rcN.d entry matching
//     [SK][0-9][0-9]NAME (directory order) starts with S. Hand-made links
//     with one or three digits (S5x, S100x) are invisible.
//   - An xinetd service is on unless a line of its file whose first word
//     starts with "disable" has a value starting with "yes" (the last such
//     line wins).
//
// # Errors
//
// Lookup and the operations report the conditions chkconfig prints as
// typed errors whose Error text is chkconfig's own message: [*ServiceError]
// ("service NAME does not support chkconfig", …), [*GlobError] ("failed to
// glob pattern …") and [*SymlinkError] ("failed to make symlink …").
// Operations that meet several report them joined (errors.Join), in the
// order chkconfig prints them.
//
// The package works only through the FS it is given: no host files, no
// clock (the vfs stamps times itself), no randomness.
package chkconfig
