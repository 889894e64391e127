package cmds

// SetEcho turns the terminal's echo of typed input off or on, as a
// program does with termios around a password prompt; it does nothing
// when standard input is not the machine's keyboard.
func (p *Proc) SetEcho(on bool) {
	if e, ok := p.Stdin.(interface{ SetEcho(bool) }); ok {
		e.SetEcho(on)
	}
}
