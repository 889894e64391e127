# .bashrc

# Ask before overwriting or removing files.
alias rm='rm -i'
alias cp='cp -i'
alias mv='mv -i'

# The system-wide aliases and functions.
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi
