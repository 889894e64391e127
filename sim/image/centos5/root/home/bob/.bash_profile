# .bash_profile

# Aliases and functions.
if [ -f ~/.bashrc ]; then
	. ~/.bashrc
fi

# Personal environment and start-up programs.

PATH=$PATH:$HOME/bin

export PATH
