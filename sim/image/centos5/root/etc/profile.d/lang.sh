# Locale variables from /etc/sysconfig/i18n (system-wide) and ~/.i18n
# (per user, read second so it wins).

sourced=0
for langfile in /etc/sysconfig/i18n "$HOME/.i18n"; do
	[ -f "$langfile" ] && . "$langfile" && sourced=1
done

# Whatever the files set is exported; whatever they left empty is dropped.
if [ "$sourced" = 1 ]; then
	[ -n "$LANG" ] && export LANG || unset LANG
	[ -n "$LANGUAGE" ] && export LANGUAGE || unset LANGUAGE
	[ -n "$LINGUAS" ] && export LINGUAS || unset LINGUAS
	[ -n "$LC_ALL" ] && export LC_ALL || unset LC_ALL
	[ -n "$LC_CTYPE" ] && export LC_CTYPE || unset LC_CTYPE
	[ -n "$LC_NUMERIC" ] && export LC_NUMERIC || unset LC_NUMERIC
	[ -n "$LC_TIME" ] && export LC_TIME || unset LC_TIME
	[ -n "$LC_COLLATE" ] && export LC_COLLATE || unset LC_COLLATE
	[ -n "$LC_MONETARY" ] && export LC_MONETARY || unset LC_MONETARY
	[ -n "$LC_MESSAGES" ] && export LC_MESSAGES || unset LC_MESSAGES
	[ -n "$LC_PAPER" ] && export LC_PAPER || unset LC_PAPER
	[ -n "$LC_NAME" ] && export LC_NAME || unset LC_NAME
	[ -n "$LC_ADDRESS" ] && export LC_ADDRESS || unset LC_ADDRESS
	[ -n "$LC_TELEPHONE" ] && export LC_TELEPHONE || unset LC_TELEPHONE
	[ -n "$LC_MEASUREMENT" ] && export LC_MEASUREMENT || unset LC_MEASUREMENT
	[ -n "$LC_IDENTIFICATION" ] && export LC_IDENTIFICATION || unset LC_IDENTIFICATION
	[ -n "$SYSFONT" ] && export SYSFONT || unset SYSFONT
	[ -n "$SYSFONTACM" ] && export SYSFONTACM || unset SYSFONTACM
fi
unset sourced langfile
