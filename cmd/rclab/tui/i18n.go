package tui

import (
	"fmt"
	"strings"
)

// Lang is a language of the UI. The zero value is English.
type Lang int

// The UI's languages.
const (
	English Lang = iota
	Korean
	numLangs
)

// String is the language's code: "en" or "ko".
func (l Lang) String() string {
	if l == Korean {
		return "ko"
	}
	return "en"
}

// ParseLang reads a language code or name ("en", "english", "ko",
// "korean", "한국어", or a locale such as "ko_KR.UTF-8"); ok is false when
// s names neither language.
func ParseLang(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ko" || s == "korean" || s == "한국어" || strings.HasPrefix(s, "ko_") || strings.HasPrefix(s, "ko."):
		return Korean, true
	case s == "en" || s == "english" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en.") || s == "c" || s == "posix":
		return English, true
	}
	return English, false
}

// LangFromEnv picks the language from the locale variables as setlocale
// would (LC_ALL, then LC_MESSAGES, then LANG): Korean when the first set one
// starts with "ko", else English. getenv is os.Getenv in a program.
func LangFromEnv(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "ko") {
				return Korean
			}
			return English
		}
	}
	return English
}

// msgID names a string of the catalog.
type msgID string

// tr is the text of id in language l (English when l lacks it, the id
// itself when the catalog does).
func (l Lang) tr(id msgID) string {
	e, ok := catalog[id]
	if !ok {
		return string(id)
	}
	if l >= 0 && l < numLangs && e[l] != "" {
		return e[l]
	}
	return e[English]
}

// trf formats the text of id with args.
func (l Lang) trf(id msgID, args ...any) string { return fmt.Sprintf(l.tr(id), args...) }

// The catalog's message ids.
const (
	msgAppSubtitle      msgID = "app.subtitle"
	msgHomeSandbox      msgID = "home.sandbox"
	msgHomeSandboxDesc  msgID = "home.sandbox.desc"
	msgHomeLessons      msgID = "home.lessons"
	msgHomeLessonsDesc  msgID = "home.lessons.desc"
	msgHomeExams        msgID = "home.exams"
	msgHomeExamsDesc    msgID = "home.exams.desc"
	msgHomeLanguage     msgID = "home.language"
	msgHomeLanguageDesc msgID = "home.language.desc"
	msgHomeQuit         msgID = "home.quit"
	msgHomeQuitDesc     msgID = "home.quit.desc"
	msgNoLessons        msgID = "notice.lessons"
	msgNoExams          msgID = "notice.exams"
	msgNoticeBack       msgID = "notice.back"

	msgStatusHome     msgID = "status.home"
	msgStatusBooting  msgID = "status.booting"
	msgStatusRunning  msgID = "status.running"
	msgStatusRunlevel msgID = "status.runlevel"
	msgStatusDown     msgID = "status.down"
	msgStatusScroll   msgID = "status.scroll"

	msgPanelProcs     msgID = "panel.procs"
	msgPanelRunlevels msgID = "panel.runlevels"
	msgPanelEvents    msgID = "panel.events"
	msgSortPID        msgID = "sort.pid"
	msgSortRSS        msgID = "sort.rss"
	msgSortStart      msgID = "sort.start"
	msgSortCommand    msgID = "sort.command"
	msgPsSorted       msgID = "ps.sorted"
	msgPsLegend       msgID = "ps.legend"
	msgPsKernelHidden msgID = "ps.kernel.hidden"
	msgMxService      msgID = "matrix.service"
	msgMxXinetd       msgID = "matrix.xinetd"
	msgMxLegend       msgID = "matrix.legend"
	msgMxEmpty        msgID = "matrix.empty"
	msgEvScript       msgID = "event.script"
	msgEvProgram      msgID = "event.program"
	msgEvSpawn        msgID = "event.spawn"
	msgEvExit         msgID = "event.exit"
	msgEvExitSig      msgID = "event.exit.signal"
	msgEvSignal       msgID = "event.signal"
	msgEvRunlevel     msgID = "event.runlevel"
	msgEvBoot         msgID = "event.boot"
	msgEvHalt         msgID = "event.halt"
	msgEvReboot       msgID = "event.reboot"
	msgEvPrograms     msgID = "event.programs"

	msgSbBooting      msgID = "sandbox.booting"
	msgSbBootFailed   msgID = "sandbox.bootfailed"
	msgSbDown         msgID = "sandbox.down"
	msgSbDownHint     msgID = "sandbox.down.hint"
	msgSbOnlyRoot     msgID = "sandbox.onlyroot"
	msgSbNoLoginHere  msgID = "sandbox.nologin"
	msgSbPanelsHidden msgID = "sandbox.panels.hidden"

	msgHelpTitle    msgID = "help.title"
	msgHelpClose    msgID = "help.close"
	msgHelpMouse    msgID = "help.mouse"
	msgHelpConsoles msgID = "help.consoles"

	msgScopeGlobal   msgID = "scope.global"
	msgScopeHome     msgID = "scope.home"
	msgScopeSandbox  msgID = "scope.sandbox"
	msgScopeTerminal msgID = "scope.terminal"
	msgScopePanel    msgID = "scope.panel"
	msgScopePs       msgID = "scope.ps"
	msgScopeEvents   msgID = "scope.events"
	msgScopeDialog   msgID = "scope.dialog"
	msgScopeGrub     msgID = "scope.grub"
	msgStatusGrub    msgID = "status.grub"
	msgKeyGrubSelect msgID = "key.grub.select"
	msgKeyGrubBoot   msgID = "key.grub.boot"
	msgKeyGrubAppend msgID = "key.grub.append"
	msgKeyGrubEdit   msgID = "key.grub.edit"
	msgKeyGrubBack   msgID = "key.grub.back"
	msgBarGrubSelect msgID = "bar.grub.select"
	msgBarGrubAppend msgID = "bar.grub.append"
	msgBarGrubEdit   msgID = "bar.grub.edit"

	msgKeyHelp        msgID = "key.help"
	msgKeyQuit        msgID = "key.quit"
	msgKeyHome        msgID = "key.home"
	msgKeyUp          msgID = "key.up"
	msgKeyDown        msgID = "key.down"
	msgKeySelect      msgID = "key.select"
	msgKeyLanguage    msgID = "key.language"
	msgKeyProcs       msgID = "key.procs"
	msgKeyRunlevels   msgID = "key.runlevels"
	msgKeyEvents      msgID = "key.events"
	msgKeySort        msgID = "key.sort"
	msgKeyKernel      msgID = "key.kernel"
	msgKeyPane        msgID = "key.pane"
	msgKeyConsole     msgID = "key.console"
	msgKeyNextConsole msgID = "key.nextconsole"
	msgKeyRun         msgID = "key.run"
	msgKeyLeft        msgID = "key.left"
	msgKeyRight       msgID = "key.right"
	msgKeyLineStart   msgID = "key.linestart"
	msgKeyLineEnd     msgID = "key.lineend"
	msgKeyBackspace   msgID = "key.backspace"
	msgKeyDelete      msgID = "key.delete"
	msgKeyKillStart   msgID = "key.killstart"
	msgKeyKillEnd     msgID = "key.killend"
	msgKeyKillWord    msgID = "key.killword"
	msgKeyHistPrev    msgID = "key.histprev"
	msgKeyHistNext    msgID = "key.histnext"
	msgKeySearch      msgID = "key.search"
	msgKeyComplete    msgID = "key.complete"
	msgKeyInterrupt   msgID = "key.interrupt"
	msgKeyEOF         msgID = "key.eof"
	msgKeyClear       msgID = "key.clear"
	msgKeyPageUp      msgID = "key.pageup"
	msgKeyPageDown    msgID = "key.pagedown"
	msgKeyCancel      msgID = "key.cancel"
	msgKeyConsoleBack msgID = "key.consoleback"
	msgKeyTop         msgID = "key.top"
	msgKeyBottom      msgID = "key.bottom"
	msgKeyPrograms    msgID = "key.programs"
	msgKeyClose       msgID = "key.close"
	msgBarProcs       msgID = "bar.procs"
	msgBarKernel      msgID = "bar.kernel"
	msgBarPane        msgID = "bar.pane"
	msgBarSort        msgID = "bar.sort"
)

// catalog holds every string the UI shows: English, then Korean. A
// string with verbs is a fmt format; both languages take the same
// arguments in the same order.
var catalog = map[msgID][numLangs]string{
	msgAppSubtitle: {"A CentOS 5 server in memory, for learning SysV init and runlevels",
		"SysV init와 런레벨을 익히는, 메모리 속 CentOS 5 서버"},
	msgHomeSandbox:      {"Sandbox", "샌드박스"},
	msgHomeSandboxDesc:  {"Boot a fresh machine and work as root on its console", "새 머신을 부팅하고 콘솔에서 root로 작업합니다"},
	msgHomeLessons:      {"Lessons", "레슨"},
	msgHomeLessonsDesc:  {"Step-by-step lessons with hints and checks", "힌트와 확인이 있는 단계별 레슨"},
	msgHomeExams:        {"Exams", "시험"},
	msgHomeExamsDesc:    {"Timed tasks graded on the machine's state", "머신의 상태로 채점하는 제한 시간 과제"},
	msgHomeLanguage:     {"Language: English", "언어: 한국어"},
	msgHomeLanguageDesc: {"Switch to 한국어", "Switch to English"},
	msgHomeQuit:         {"Quit", "종료"},
	msgHomeQuitDesc:     {"Leave rclab", "rclab을 끝냅니다"},
	msgNoLessons: {"No lessons are available yet. They will appear here once lesson content is added to rclab.",
		"아직 레슨이 없습니다. rclab에 레슨 내용이 추가되면 여기에 나타납니다."},
	msgNoExams: {"No exams are available yet. They will appear here once exam scenarios are added to rclab.",
		"아직 시험이 없습니다. rclab에 시험 시나리오가 추가되면 여기에 나타납니다."},
	msgNoticeBack: {"Press Esc or Enter to go back.", "Esc나 Enter를 누르면 돌아갑니다."},

	msgStatusHome:     {"Home", "처음 화면"},
	msgStatusBooting:  {"booting…", "부팅 중…"},
	msgStatusRunning:  {"running…", "실행 중…"},
	msgStatusRunlevel: {"runlevel %s", "런레벨 %s"},
	msgStatusDown:     {"machine off", "머신 꺼짐"},
	msgStatusScroll:   {"scrolled back %d lines", "%d줄 위를 보는 중"},

	msgPanelProcs:     {"Processes", "프로세스"},
	msgPanelRunlevels: {"Runlevels", "런레벨"},
	msgPanelEvents:    {"Events", "이벤트"},
	msgSortPID:        {"pid", "PID"},
	msgSortRSS:        {"rss", "RSS"},
	msgSortStart:      {"start", "시작 시각"},
	msgSortCommand:    {"command", "명령"},
	msgPsSorted:       {"by %s", "%s 순"},
	msgPsLegend:       {"D daemon  w worker  x on demand  k kernel", "D 데몬  w 작업자  x 요청 시 실행  k 커널"},
	msgPsKernelHidden: {"%d kernel threads hidden", "커널 스레드 %d개 숨김"},
	msgMxService:      {"SERVICE", "서비스"},
	msgMxXinetd:       {"xinetd services", "xinetd 서비스"},
	msgMxLegend:       {"* running", "* 실행 중"},
	msgMxEmpty:        {"no services", "서비스 없음"},
	msgEvScript:       {"script %s → %d", "스크립트 %s → %d"},
	msgEvProgram:      {"program %s → %d", "프로그램 %s → %d"},
	msgEvSpawn:        {"start %s [%d]", "시작 %s [%d]"},
	msgEvExit:         {"exit %s [%d]", "종료 %s [%d]"},
	msgEvExitSig:      {"exit %s [%d] by SIG%s", "종료 %s [%d] SIG%s"},
	msgEvSignal:       {"SIG%s to %s [%d]", "SIG%s → %s [%d]"},
	msgEvRunlevel:     {"entered runlevel %s", "런레벨 %s 진입"},
	msgEvBoot:         {"power on %s", "전원 켜짐 %s"},
	msgEvHalt:         {"halt: %s", "정지: %s"},
	msgEvReboot:       {"reboot", "재부팅"},
	msgEvPrograms:     {"programs", "프로그램 포함"},

	msgSbBooting:    {"rclab: powering on a fresh machine…", "rclab: 새 머신의 전원을 켜는 중…"},
	msgSbBootFailed: {"rclab: the machine could not be built: %v", "rclab: 머신을 만들 수 없습니다: %v"},
	msgSbDown:       {"rclab: the machine is off: %s", "rclab: 머신이 꺼졌습니다: %s"},
	msgSbDownHint: {"Press Enter to power on a fresh machine, or F10 for the home screen.",
		"Enter를 누르면 새 머신의 전원을 켜고, F10을 누르면 처음 화면으로 갑니다."},
	msgSbOnlyRoot: {"rclab: only root can log in on this console.", "rclab: 이 콘솔에서는 root만 로그인할 수 있습니다."},
	msgSbNoLoginHere: {"rclab: only tty1 has a login shell for now; Alt-F1 or Ctrl-] goes back to it.",
		"rclab: 지금은 tty1에만 로그인 셸이 있습니다. Alt-F1이나 Ctrl-]로 돌아가세요."},
	msgSbPanelsHidden: {"panels hidden: enlarge the window", "패널 숨김: 창을 키우세요"},

	msgHelpTitle: {"Keys", "키 안내"},
	msgHelpClose: {"Esc, Enter or F1 closes this window", "Esc, Enter, F1로 이 창을 닫습니다"},
	msgHelpMouse: {"Mouse: click a pane to focus it, the wheel scrolls, a click on the key bar presses that key.",
		"마우스: 창을 누르면 선택되고, 휠로 스크롤하며, 아래 키 막대를 누르면 그 키가 눌립니다."},
	msgHelpConsoles: {"Ctrl-Alt-F1…F6 usually reach the host, not rclab: use Alt-F1…F6, or Ctrl-] to cycle.",
		"Ctrl-Alt-F1…F6은 보통 rclab이 아닌 호스트가 받습니다. Alt-F1…F6이나 Ctrl-]를 쓰세요."},

	msgScopeGlobal:   {"Everywhere", "어디서나"},
	msgScopeHome:     {"Home screen", "처음 화면"},
	msgScopeSandbox:  {"Sandbox", "샌드박스"},
	msgScopeTerminal: {"Console line editing", "콘솔 줄 편집"},
	msgScopePanel:    {"A focused panel", "선택된 패널"},
	msgScopePs:       {"Process panel", "프로세스 패널"},
	msgScopeEvents:   {"Event panel", "이벤트 패널"},
	msgScopeDialog:   {"This window", "이 창"},
	msgScopeGrub:     {"GRUB boot menu", "GRUB 부트 메뉴"},
	msgStatusGrub:    {"boot loader: any key stops the countdown", "부트 로더: 아무 키나 누르면 카운트다운이 멈춥니다"},
	msgKeyGrubSelect: {"Boot (menu) / edit the command (entry)", "부팅 (메뉴) / 명령 편집 (항목)"},
	msgKeyGrubBoot:   {"Boot the edited entry", "편집한 항목으로 부팅"},
	msgKeyGrubAppend: {"Add kernel arguments", "커널 인자 추가"},
	msgKeyGrubEdit:   {"Edit the entry's commands", "항목의 명령 편집"},
	msgKeyGrubBack:   {"Back to the menu", "메뉴로 돌아가기"},
	msgBarGrubSelect: {"Boot", "부팅"},
	msgBarGrubAppend: {"Args", "인자"},
	msgBarGrubEdit:   {"Edit", "편집"},

	msgKeyHelp:        {"Help", "도움말"},
	msgKeyQuit:        {"Quit", "종료"},
	msgKeyHome:        {"Home", "처음 화면"},
	msgKeyUp:          {"Up", "위로"},
	msgKeyDown:        {"Down", "아래로"},
	msgKeySelect:      {"Select", "선택"},
	msgKeyLanguage:    {"Language", "언어"},
	msgKeyProcs:       {"Processes", "프로세스"},
	msgKeyRunlevels:   {"Runlevels", "런레벨"},
	msgKeyEvents:      {"Events", "이벤트"},
	msgKeySort:        {"Sort processes", "프로세스 정렬"},
	msgKeyKernel:      {"Show kernel threads", "커널 스레드 보기"},
	msgKeyPane:        {"Next pane", "다음 창"},
	msgBarProcs:       {"Procs", "프로세스"},
	msgBarKernel:      {"Kthreads", "커널"},
	msgBarPane:        {"Pane", "창"},
	msgBarSort:        {"Sort", "정렬"},
	msgKeyConsole:     {"Console tty%d", "콘솔 tty%d"},
	msgKeyNextConsole: {"Next console", "다음 콘솔"},
	msgKeyRun:         {"Run the line", "줄 실행"},
	msgKeyLeft:        {"Cursor left", "커서 왼쪽"},
	msgKeyRight:       {"Cursor right", "커서 오른쪽"},
	msgKeyLineStart:   {"Start of line", "줄 처음"},
	msgKeyLineEnd:     {"End of line", "줄 끝"},
	msgKeyBackspace:   {"Delete left", "왼쪽 글자 지우기"},
	msgKeyDelete:      {"Delete right", "오른쪽 글자 지우기"},
	msgKeyKillStart:   {"Cut to start of line", "줄 처음까지 지우기"},
	msgKeyKillEnd:     {"Cut to end of line", "줄 끝까지 지우기"},
	msgKeyKillWord:    {"Cut previous word", "앞 단어 지우기"},
	msgKeyHistPrev:    {"Previous command", "이전 명령"},
	msgKeyHistNext:    {"Next command", "다음 명령"},
	msgKeySearch:      {"Search history", "명령 기록 검색"},
	msgKeyComplete:    {"Complete", "자동 완성"},
	msgKeyInterrupt:   {"Interrupt", "중단"},
	msgKeyEOF:         {"Log out (empty line)", "로그아웃 (빈 줄에서)"},
	msgKeyClear:       {"Clear screen", "화면 지우기"},
	msgKeyPageUp:      {"Scroll up", "위로 스크롤"},
	msgKeyPageDown:    {"Scroll down", "아래로 스크롤"},
	msgKeyCancel:      {"Cancel search", "검색 취소"},
	msgKeyConsoleBack: {"Back to console", "콘솔로 돌아가기"},
	msgKeyTop:         {"Top", "맨 위"},
	msgKeyBottom:      {"Bottom", "맨 아래"},
	msgKeyPrograms:    {"Program events", "프로그램 이벤트"},
	msgKeyClose:       {"Close", "닫기"},
}
