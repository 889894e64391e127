# Locale variables from /etc/sysconfig/i18n (system-wide) and ~/.i18n
# (per user, read second so it wins).

sourced=0
for langfile in /etc/sysconfig/i18n "$HOME/.i18n"; do
	if [ -f "$langfile" ]; then
		. "$langfile"
		sourced=1
	fi
done

if [ "$sourced" = 1 ]; then
	for var in LANG LANGUAGE LINGUAS LC_ALL LC_CTYPE LC_NUMERIC LC_TIME \
		LC_COLLATE LC_MONETARY LC_MESSAGES LC_PAPER LC_NAME \
		LC_ADDRESS LC_TELEPHONE LC_MEASUREMENT LC_IDENTIFICATION \
		SYSFONT SYSFONTACM; do
		eval "value=\${$var}"
		if [ -n "$value" ]; then
			export $var
		else
			unset $var
		fi
	done
	unset var value
fi
unset sourced langfile
