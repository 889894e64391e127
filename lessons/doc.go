// Package lessons holds rclab's lessons: their YAML format, the 16
// built-in bilingual lessons, and a headless player that the terminal UI
// and the line console drive.
//
// # Lesson files
//
// One lesson per YAML file. Every text has an English and a Korean
// version ({en: …, ko: …}); unknown keys, missing translations, malformed
// checks and markup mistakes are errors naming the file, line and column.
//
//	id: L03-init-scripts              # L, two digits, a dash, words
//	title: {en: …, ko: …}
//	image: centos5                    # optional
//	intro: {en: …, ko: …}             # optional, shown before step 1
//	setup:                            # applied before the lesson starts
//	  boot_args: [single]             # kernel arguments of the first boot
//	  files:                          # written first (directories made)
//	    - {path: /etc/x, mode: "0755", content: "…"}
//	  commands:                       # then typed; output not shown
//	    - chkconfig telnet on
//	    - reboot
//	steps:
//	  - text: {en: …, ko: …}          # `code`, **bold**, "- " lists, 4-space lines
//	    command: ps aux               # optional suggestion
//	    hints:                        # from the idea to the command to the answer
//	      - {en: …, ko: …}
//	    check: {process: {name: spinner, count: 0}}   # see package check
//	    solution:                     # lines that complete the step from its start
//	      - kill -TERM $(pidof spinner)
//	      - {poweron: single}         # also {wait: 16m} and {ctrlaltdel: true}
//
// Load and LoadAll read lessons from any fs.FS: Content for the built-in
// ones, os.DirFS for a teacher's directory. Validate checks files without
// running them.
//
// # Playing
//
// NewPlayer builds the lesson's machine and starts at step 1. Apply (or
// Type) performs an action, then checks the step and moves on as long as
// checks pass; Check explains the current step's check; Hint gives the
// next rung of the hint ladder; Solution shows the reference solution and
// marks the lesson assisted; Undo, Redo and Reset restore copies of the
// machine; Summary reports how it went.
package lessons
