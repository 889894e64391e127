# ~/.bash_logout: run when a login shell exits.
