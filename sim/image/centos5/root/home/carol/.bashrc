# .bashrc

# The system-wide aliases and functions.
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi

# Personal aliases and functions go below.
