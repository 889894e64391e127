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

	msgScopeLessons  msgID = "scope.lessons"
	msgScopeLesson   msgID = "scope.lesson"
	msgScopeConfirm  msgID = "scope.confirm"
	msgKeyOpenLesson msgID = "key.openlesson"
	msgBarOpen       msgID = "bar.open"
	msgKeyHint       msgID = "key.hint"
	msgKeyCheck      msgID = "key.check"
	msgBarCheck      msgID = "bar.check"
	msgKeySolution   msgID = "key.solution"
	msgBarSolution   msgID = "bar.solution"
	msgKeyUndo       msgID = "key.undo"
	msgBarUndo       msgID = "bar.undo"
	msgKeyRedo       msgID = "key.redo"
	msgBarRedo       msgID = "bar.redo"
	msgKeyReset      msgID = "key.reset"
	msgBarReset      msgID = "bar.reset"
	msgKeyLessons    msgID = "key.lessons"
	msgBarLessons    msgID = "bar.lessons"
	msgKeyPaneUp     msgID = "key.paneup"
	msgKeyPaneDown   msgID = "key.panedown"
	msgKeyYes        msgID = "key.yes"
	msgKeyNo         msgID = "key.no"

	msgLessonsTitle       msgID = "lessons.title"
	msgLessonsDone        msgID = "lessons.done"
	msgLessonsDoneHelp    msgID = "lessons.donehelp"
	msgLessonsSteps       msgID = "lessons.steps"
	msgLessonsLegend      msgID = "lessons.legend"
	msgLessonPane         msgID = "lesson.pane"
	msgLessonPreparing    msgID = "lesson.preparing"
	msgLessonComplete     msgID = "lesson.complete"
	msgLessonStepOf       msgID = "lesson.stepof"
	msgLessonTry          msgID = "lesson.try"
	msgLessonSumTime      msgID = "lesson.sum.time"
	msgLessonSumCommands  msgID = "lesson.sum.commands"
	msgLessonSumHints     msgID = "lesson.sum.hints"
	msgLessonSumAssisted  msgID = "lesson.sum.assisted"
	msgLessonSumOwn       msgID = "lesson.sum.own"
	msgLessonSumNext      msgID = "lesson.sum.next"
	msgLessonDownHint     msgID = "lesson.down.hint"
	msgLessonStepsDone    msgID = "lesson.stepsdone"
	msgLessonStepsDoneEnd msgID = "lesson.stepsdone.end"
	msgLessonNotSaved     msgID = "lesson.notsaved"
	msgLessonBusy         msgID = "lesson.busy"
	msgLessonAskSolution  msgID = "lesson.ask.solution"
	msgLessonAskReset     msgID = "lesson.ask.reset"
	msgLessonAskKeys      msgID = "lesson.ask.keys"
	msgLessonHint         msgID = "lesson.hint"
	msgLessonCheckFailed  msgID = "lesson.check.failed"
	msgLessonCheckPass    msgID = "lesson.check.pass"
	msgLessonCheckNotYet  msgID = "lesson.check.notyet"
	msgLessonExpected     msgID = "lesson.expected"
	msgLessonFound        msgID = "lesson.found"
	msgLessonSolution     msgID = "lesson.solution"
	msgLessonAssisted     msgID = "lesson.assisted"
	msgLessonNothingUndo  msgID = "lesson.nothing.undo"
	msgLessonNothingRedo  msgID = "lesson.nothing.redo"
	msgLessonUndone       msgID = "lesson.undone"
	msgLessonRedone       msgID = "lesson.redone"
	msgLessonReset        msgID = "lesson.reset"
	msgLessonHours        msgID = "lesson.hours"
	msgLessonMinutes      msgID = "lesson.minutes"
	msgLessonSeconds      msgID = "lesson.seconds"
)

// catalog holds every string the UI shows: English, then Korean. A
// string with verbs is a fmt format; both languages take the same
// arguments in the same order.
var catalog = map[msgID][numLangs]string{
	msgAppSubtitle: {"A CentOS 5 server in memory, for learning SysV init and runlevels",
		"SysV init과 런레벨을 익히는, 메모리 속 CentOS 5 서버"},
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
	msgSbOnlyRoot:     {"rclab: only root can log in on this console.", "rclab: 이 콘솔에서는 root만 로그인할 수 있습니다."},
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

	msgScopeLessons:  {"Lesson list", "레슨 목록"},
	msgScopeLesson:   {"Lesson", "레슨"},
	msgScopeConfirm:  {"A question in the lesson pane", "레슨 창의 질문"},
	msgKeyOpenLesson: {"Open the lesson", "레슨 열기"},
	msgBarOpen:       {"Open", "열기"},
	msgKeyHint:       {"Hint", "힌트"},
	msgKeyCheck:      {"Check the step", "단계 확인"},
	msgBarCheck:      {"Check", "확인"},
	msgKeySolution:   {"Show the solution (asks first)", "답 보기 (먼저 물어봄)"},
	msgBarSolution:   {"Solution", "답"},
	msgKeyUndo:       {"Undo the last command", "마지막 명령 되돌리기"},
	msgBarUndo:       {"Undo", "되돌리기"},
	msgKeyRedo:       {"Redo the command undone", "되돌린 명령 다시 적용"},
	msgBarRedo:       {"Redo", "다시"},
	msgKeyReset:      {"Start the lesson over (asks first)", "레슨 처음부터 다시 (먼저 물어봄)"},
	msgBarReset:      {"Reset", "처음부터"},
	msgKeyLessons:    {"Back to the lessons", "레슨 목록으로"},
	msgBarLessons:    {"Lessons", "목록"},
	msgKeyPaneUp:     {"Scroll the lesson pane up", "레슨 창 위로 스크롤"},
	msgKeyPaneDown:   {"Scroll the lesson pane down", "레슨 창 아래로 스크롤"},
	msgKeyYes:        {"Yes", "예"},
	msgKeyNo:         {"No", "아니요"},

	msgLessonsTitle:    {"Lessons", "레슨"},
	msgLessonsDone:     {"done", "완료"},
	msgLessonsDoneHelp: {"done with help", "도움 받아 완료"},
	msgLessonsSteps:    {"%d of %d steps", "%d/%d단계"},
	msgLessonsLegend:   {"✓ completed · Enter opens a lesson · Esc goes back", "✓ 완료한 레슨 · Enter로 열고 Esc로 돌아갑니다"},
	msgLessonPane:      {"Lesson", "레슨"},
	msgLessonPreparing: {"Preparing the lesson's machine…", "레슨 머신을 준비하는 중…"},
	msgLessonComplete:  {"Lesson complete", "레슨 완료"},
	msgLessonStepOf:    {"Step %d of %d", "%d단계 (전체 %d단계)"},
	msgLessonTry:       {"Try:", "해 보기:"},
	msgLessonSumTime:   {"Time: %s", "걸린 시간: %s"},
	msgLessonSumCommands: {"Commands typed: %d (the reference solution uses %d)",
		"입력한 명령: %d개 (모범 답안은 %d개)"},
	msgLessonSumHints: {"Hints shown: %d", "본 힌트: %d개"},
	msgLessonSumAssisted: {"Solutions shown: %d. The lesson counts as done with help.",
		"본 답: %d번. 도움 받아 완료한 것으로 기록됩니다."},
	msgLessonSumOwn: {"No solution shown: you did it on your own.", "답을 보지 않고 스스로 해냈습니다."},
	msgLessonSumNext: {"F10 goes back to the lessons; Alt-X starts this one over.",
		"F10을 누르면 레슨 목록으로 돌아가고, Alt-X를 누르면 이 레슨을 처음부터 다시 합니다."},
	msgLessonDownHint: {"Type boot to power the machine on, or boot ARGS to add kernel arguments as at GRUB (boot single).",
		"boot를 입력하면 전원이 켜집니다. GRUB에서처럼 커널 인자를 더하려면 boot 뒤에 인자를 붙이세요(boot single)."},
	msgLessonStepsDone:    {"✓ Step %s done. On to step %d.", "✓ %s단계 완료. 이제 %d단계입니다."},
	msgLessonStepsDoneEnd: {"✓ Step %s done: the lesson is complete!", "✓ %s단계 완료. 레슨을 마쳤습니다!"},
	msgLessonNotSaved:     {"Your progress could not be saved:", "진행 상황을 저장하지 못했습니다:"},
	msgLessonBusy: {"A command is running: wait for it to end (Ctrl-C stops it).",
		"명령이 실행 중입니다. 끝날 때까지 기다리세요(Ctrl-C로 멈출 수 있습니다)."},
	msgLessonAskSolution: {"Show the solution of this step? It counts as help.",
		"이 단계의 답을 볼까요? 도움을 받은 것으로 기록됩니다."},
	msgLessonAskReset: {"Start the lesson over on a fresh machine? What you did is lost.",
		"새 머신에서 레슨을 처음부터 다시 할까요? 지금까지 한 작업은 사라집니다."},
	msgLessonAskKeys:     {"y: yes · n or Esc: no", "y: 예 · n 또는 Esc: 아니요"},
	msgLessonHint:        {"Hint %d of %d", "힌트 %d/%d"},
	msgLessonCheckFailed: {"The check could not run:", "확인을 실행하지 못했습니다:"},
	msgLessonCheckPass:   {"✓ The check passes.", "✓ 확인을 통과했습니다."},
	msgLessonCheckNotYet: {"Not yet:", "아직 아닙니다:"},
	msgLessonExpected:    {"Expected: %s", "기대: %s"},
	msgLessonFound:       {"Found: %s", "실제: %s"},
	msgLessonSolution:    {"Solution of this step:", "이 단계의 답:"},
	msgLessonAssisted:    {"This lesson now counts as done with help.", "이제 이 레슨은 도움 받아 완료한 것으로 기록됩니다."},
	msgLessonNothingUndo: {"Nothing to undo.", "되돌릴 명령이 없습니다."},
	msgLessonNothingRedo: {"Nothing to redo.", "다시 적용할 명령이 없습니다."},
	msgLessonUndone: {"Undone: the machine is back as it was before the last command.",
		"되돌렸습니다. 머신이 마지막 명령 전 상태로 돌아갔습니다."},
	msgLessonRedone:  {"Redone: the command's effect is back.", "다시 적용했습니다. 명령의 결과가 돌아왔습니다."},
	msgLessonReset:   {"The lesson starts over on a fresh machine.", "새 머신에서 레슨을 처음부터 다시 시작합니다."},
	msgLessonHours:   {"%dh %dm", "%d시간 %d분"},
	msgLessonMinutes: {"%dm %ds", "%d분 %d초"},
	msgLessonSeconds: {"%ds", "%d초"},
}

// The exams' and the replay's messages (exam.go, examlist.go,
// examresult.go, replay.go).
const (
	msgScopeExams      msgID = "scope.exams"
	msgScopeExamForm   msgID = "scope.examform"
	msgScopeExam       msgID = "scope.exam"
	msgScopeExamResult msgID = "scope.examresult"
	msgScopeReplay     msgID = "scope.replay"
	msgKeyChooseExam   msgID = "key.chooseexam"
	msgBarChoose       msgID = "bar.choose"
	msgKeyStartExam    msgID = "key.startexam"
	msgBarStart        msgID = "bar.start"
	msgKeyBackToList   msgID = "key.backtolist"
	msgBarBack         msgID = "bar.back"
	msgKeySubmit       msgID = "key.submit"
	msgBarSubmit       msgID = "bar.submit"
	msgKeyExamPane     msgID = "key.exampane"
	msgKeyTaskUp       msgID = "key.taskup"
	msgKeyTaskDown     msgID = "key.taskdown"
	msgKeyQuitExam     msgID = "key.quitexam"
	msgBarQuitExam     msgID = "bar.quitexam"
	msgKeyPlay         msgID = "key.play"
	msgBarPlay         msgID = "bar.play"
	msgKeyStepFwd      msgID = "key.stepfwd"
	msgBarStep         msgID = "bar.step"
	msgKeyStepBack     msgID = "key.stepback"
	msgKeyNextChange   msgID = "key.nextchange"
	msgBarChange       msgID = "bar.change"
	msgKeyPrevChange   msgID = "key.prevchange"
	msgKeyFaster       msgID = "key.faster"
	msgBarFaster       msgID = "bar.faster"
	msgKeySlower       msgID = "key.slower"
	msgBarSlower       msgID = "bar.slower"
	msgKeyReplayStart  msgID = "key.replaystart"
	msgKeyReplayEnd    msgID = "key.replayend"

	msgExamOver          msgID = "exam.over"
	msgExamTimeUp        msgID = "exam.timeup"
	msgExamRecordFailed  msgID = "exam.recordfailed"
	msgExamPreparing     msgID = "exam.preparing"
	msgExamPreparingLong msgID = "exam.preparing.long"
	msgExamGrading       msgID = "exam.grading"
	msgExamEnded         msgID = "exam.ended"
	msgExamLeft          msgID = "exam.left"
	msgExamFailed        msgID = "exam.failed"
	msgExamDownHint      msgID = "exam.down.hint"
	msgExamTask          msgID = "exam.task"
	msgExamAskSubmit     msgID = "exam.ask.submit"
	msgExamAskQuit       msgID = "exam.ask.quit"
	msgExamAskKeys       msgID = "exam.ask.keys"
	msgExamChecks        msgID = "exam.checks"
	msgExamPoints        msgID = "exam.points"
	msgExamSubmitHint    msgID = "exam.submit.hint"
	msgExamNoName        msgID = "exam.noname"
	msgExamMinutes       msgID = "exam.minutes"
	msgExamColID         msgID = "exam.col.id"
	msgExamColTitle      msgID = "exam.col.title"
	msgExamColPoints     msgID = "exam.col.points"
	msgExamColTime       msgID = "exam.col.time"
	msgExamListHint      msgID = "exam.list.hint"
	msgExamFormTitle     msgID = "exam.form.title"
	msgExamFormInfo      msgID = "exam.form.info"
	msgExamFormName      msgID = "exam.form.name"
	msgExamFormHint      msgID = "exam.form.hint"

	msgResultTitle       msgID = "result.title"
	msgResultWho         msgID = "result.who"
	msgResultTotal       msgID = "result.total"
	msgResultRecordErr   msgID = "result.recorderr"
	msgResultRecorded    msgID = "result.recorded"
	msgResultNotRecorded msgID = "result.notrecorded"
	msgResultClose       msgID = "result.close"
	msgReasonSubmitted   msgID = "reason.submitted"
	msgReasonTimeout     msgID = "reason.timeout"
	msgReasonQuit        msgID = "reason.quit"

	msgReplayHashDiffers msgID = "replay.hashdiffers"
	msgReplayLoading     msgID = "replay.loading"
	msgReplayLoadingN    msgID = "replay.loading.n"
	msgReplayFailed      msgID = "replay.failed"
	msgReplayTitle       msgID = "replay.title"
	msgReplaySide        msgID = "replay.side"
	msgReplayWho         msgID = "replay.who"
	msgReplayVerified    msgID = "replay.verified"
	msgReplayUnverified  msgID = "replay.unverified"
	msgReplayUnsigned    msgID = "replay.unsigned"
	msgReplayEnded       msgID = "replay.ended"
	msgReplayUnfinished  msgID = "replay.unfinished"
	msgReplayMismatch    msgID = "replay.mismatch"
	msgReplayStopped     msgID = "replay.stopped"
	msgReplayAtStart     msgID = "replay.atstart"
	msgReplayStep        msgID = "replay.step"
	msgReplayHashWarn    msgID = "replay.hashwarn"
	msgReplayScore       msgID = "replay.score"
	msgActWait           msgID = "act.wait"
	msgActPowerOn        msgID = "act.poweron"
	msgActSave           msgID = "act.save"
	msgActNtsysv         msgID = "act.ntsysv"
	msgActPasswordOK     msgID = "act.password.ok"
	msgActPasswordBad    msgID = "act.password.bad"
	msgActQuit           msgID = "act.quit"
)

func init() {
	for id, e := range examCatalog {
		catalog[id] = e
	}
}

// examCatalog holds the exams' and the replay's strings, as catalog.
var examCatalog = map[msgID][numLangs]string{
	msgScopeExams:      {"Exam list", "시험 목록"},
	msgScopeExamForm:   {"Before an exam", "시험 시작 전"},
	msgScopeExam:       {"Exam", "시험"},
	msgScopeExamResult: {"Exam result", "시험 결과"},
	msgScopeReplay:     {"Replay", "다시 보기"},
	msgKeyChooseExam:   {"Choose the exam", "시험 고르기"},
	msgBarChoose:       {"Choose", "고르기"},
	msgKeyStartExam:    {"Start the exam", "시험 시작"},
	msgBarStart:        {"Start", "시작"},
	msgKeyBackToList:   {"Back to the list", "목록으로 돌아가기"},
	msgBarBack:         {"Back", "뒤로"},
	msgKeySubmit:       {"Submit the exam (asks first)", "시험 제출 (먼저 확인)"},
	msgBarSubmit:       {"Submit", "제출"},
	msgKeyExamPane:     {"Console / task pane", "콘솔 / 과제 창"},
	msgKeyTaskUp:       {"Scroll the task up", "과제 위로 스크롤"},
	msgKeyTaskDown:     {"Scroll the task down", "과제 아래로 스크롤"},
	msgKeyQuitExam:     {"Leave without submitting (asks first)", "제출하지 않고 끝내기 (먼저 확인)"},
	msgBarQuitExam:     {"Leave", "나가기"},
	msgKeyPlay:         {"Play / pause", "재생 / 일시 정지"},
	msgBarPlay:         {"Play", "재생"},
	msgKeyStepFwd:      {"Next action", "다음 동작"},
	msgBarStep:         {"Step", "다음"},
	msgKeyStepBack:     {"Previous action", "이전 동작"},
	msgKeyNextChange:   {"Next moment a check changed", "채점 항목이 바뀐 다음 시점"},
	msgBarChange:       {"Change", "변화"},
	msgKeyPrevChange:   {"Previous moment a check changed", "채점 항목이 바뀐 이전 시점"},
	msgKeyFaster:       {"Faster", "빠르게"},
	msgBarFaster:       {"Faster", "빠르게"},
	msgKeySlower:       {"Slower", "느리게"},
	msgBarSlower:       {"Slower", "느리게"},
	msgKeyReplayStart:  {"The start of the exam", "시험 시작 시점"},
	msgKeyReplayEnd:    {"The end of the recording", "기록의 끝"},

	msgExamOver:          {"the exam has ended", "시험이 끝났습니다"},
	msgExamTimeUp:        {"the time is up: the exam is being submitted", "시간이 다 되어 시험을 제출하는 중입니다"},
	msgExamRecordFailed:  {"the exam cannot be recorded, so it stops here", "시험을 기록할 수 없어 여기서 멈춥니다"},
	msgExamPreparing:     {"preparing…", "준비 중…"},
	msgExamPreparingLong: {"rclab: preparing the exam's machine…", "rclab: 시험용 머신을 준비하는 중…"},
	msgExamGrading:       {"grading…", "채점 중…"},
	msgExamEnded:         {"ended", "끝남"},
	msgExamLeft:          {"%s left", "남은 시간 %s"},
	msgExamFailed:        {"rclab: the exam cannot start: %v", "rclab: 시험을 시작할 수 없습니다: %v"},
	msgExamDownHint: {"Press Enter to power the machine on (GRUB's menu lets you add kernel arguments).",
		"Enter를 누르면 머신의 전원이 켜집니다 (GRUB 메뉴에서 커널 인자를 더할 수 있습니다)."},
	msgExamTask: {"Task", "과제"},
	msgExamAskSubmit: {"Submit now? The exam ends and the machine is graded as it is.",
		"지금 제출할까요? 시험이 끝나고 머신의 지금 상태로 채점됩니다."},
	msgExamAskQuit: {"Leave without submitting? The exam ends and the machine is graded as it is.",
		"제출하지 않고 끝낼까요? 시험이 끝나고 머신의 지금 상태로 채점됩니다."},
	msgExamAskKeys: {"y: yes · n or Esc: no", "y: 예 · n 또는 Esc: 아니요"},
	msgExamChecks:  {"Graded (%d points):", "채점 항목 (%d점):"},
	msgExamPoints:  {"%d pts", "%d점"},
	msgExamSubmitHint: {"The machine's state is graded, not the commands typed. F9 submits.",
		"입력한 명령이 아니라 머신의 상태를 채점합니다. F9로 제출합니다."},
	msgExamNoName:    {"(no name)", "(이름 없음)"},
	msgExamMinutes:   {"%d min", "%d분"},
	msgExamColID:     {"ID", "ID"},
	msgExamColTitle:  {"Title", "제목"},
	msgExamColPoints: {"Points", "배점"},
	msgExamColTime:   {"Time", "시간"},
	msgExamListHint: {"Enter asks your name, then the exam starts and its time runs.",
		"Enter를 누르면 이름을 물은 뒤 시험이 시작되고 시간이 흐릅니다."},
	msgExamFormTitle: {"Start an exam", "시험 시작"},
	msgExamFormInfo: {"%d points · %s. No hints: the machine's state is graded when you submit or the time is up.",
		"%d점 · %s. 힌트는 없으며, 제출하거나 시간이 다 되면 머신의 상태로 채점합니다."},
	msgExamFormName: {"Your name:", "이름:"},
	msgExamFormHint: {"Enter starts the exam and its time; Esc goes back. Exams started here are practice: they are not recorded.",
		"Enter를 누르면 시험과 시간이 시작되고, Esc는 돌아갑니다. 여기서 시작한 시험은 연습이라 기록되지 않습니다."},

	msgResultTitle:       {"Result", "결과"},
	msgResultWho:         {"%s · %s", "%s · %s"},
	msgResultTotal:       {"Score: %s points", "점수: %s점"},
	msgResultRecordErr:   {"The transcript could not be finished: %v", "기록을 마무리하지 못했습니다: %v"},
	msgResultRecorded:    {"The session is recorded in %s.", "이 시험은 %s에 기록되었습니다."},
	msgResultNotRecorded: {"This exam was not recorded.", "이 시험은 기록되지 않았습니다."},
	msgResultClose:       {"Enter closes this screen.", "Enter를 누르면 이 화면을 닫습니다."},
	msgReasonSubmitted:   {"submitted", "제출함"},
	msgReasonTimeout:     {"the time was up", "시간 종료"},
	msgReasonQuit:        {"left without submitting", "제출하지 않고 끝냄"},

	msgReplayHashDiffers: {"the output of action %d differs from the recording", "동작 %d의 출력이 기록과 다릅니다"},
	msgReplayLoading:     {"rclab: rebuilding the recorded session…", "rclab: 기록된 시험을 다시 만드는 중…"},
	msgReplayLoadingN:    {"loading %d/%d", "불러오는 중 %d/%d"},
	msgReplayFailed:      {"rclab: the session cannot be rebuilt: %v", "rclab: 시험을 다시 만들 수 없습니다: %v"},
	msgReplayTitle:       {"Replay", "다시 보기"},
	msgReplaySide:        {"Session", "시험 기록"},
	msgReplayWho:         {"%s · seed %d", "%s · 시드 %d"},
	msgReplayVerified:    {"Signature verified", "서명 확인됨"},
	msgReplayUnverified:  {"Signed, not verified (no key given)", "서명됨, 확인하지 않음 (키 없음)"},
	msgReplayUnsigned:    {"Not signed", "서명 없음"},
	msgReplayEnded:       {"Ended: %s (%s points in the file)", "끝: %s (파일에 적힌 점수 %s점)"},
	msgReplayUnfinished: {"Not finished: no footer (rclab stopped, or the file was cut)",
		"끝나지 않음: 마지막 줄 없음 (rclab이 멈췄거나 파일이 잘림)"},
	msgReplayMismatch: {"⚠ %d outputs differ from what the candidate saw", "⚠ 출력 %d개가 응시자가 본 것과 다릅니다"},
	msgReplayStopped:  {"⚠ the replay stops at %v", "⚠ 다시 보기가 여기서 멈춤: %v"},
	msgReplayAtStart:  {"The start of the exam", "시험 시작"},
	msgReplayStep:     {"Action %d: %s", "동작 %d: %s"},
	msgReplayHashWarn: {"⚠ This output differs from the recorded one.", "⚠ 이 출력은 기록된 것과 다릅니다."},
	msgReplayScore:    {"Checks now: %s points", "지금 채점: %s점"},
	msgActWait:        {"waited %s", "%s 기다림"},
	msgActPowerOn:     {"powered on", "전원 켬"},
	msgActSave:        {"%s saved %s", "%s로 %s 저장"},
	msgActNtsysv:      {"ntsysv Ok (levels %s)", "ntsysv 확인 (런레벨 %s)"},
	msgActPasswordOK:  {"tty%d: a password (logged in)", "tty%d: 비밀번호 (로그인 성공)"},
	msgActPasswordBad: {"tty%d: a password (Login incorrect)", "tty%d: 비밀번호 (로그인 실패)"},
	msgActQuit:        {"%s ended (exit status %d)", "%s 종료 (종료 코드 %d)"},
}

// The virtual consoles', the boot speed's and the boot stepper's messages
// (vconsole.go, bootview.go, stepper.go).
const (
	msgScopeBoot       msgID = "scope.boot"
	msgScopeStepper    msgID = "scope.stepper"
	msgKeyBootSpeed    msgID = "key.bootspeed"
	msgBarBootSpeed    msgID = "bar.bootspeed"
	msgKeyStep         msgID = "key.step"
	msgKeyStepFinish   msgID = "key.stepfinish"
	msgSpeedInstant    msgID = "speed.instant"
	msgSpeedRealistic  msgID = "speed.realistic"
	msgSpeedStepper    msgID = "speed.stepper"
	msgStatusSpeed     msgID = "status.speed"
	msgStepTitle       msgID = "step.title"
	msgStepOver        msgID = "step.over"
	msgStepHint        msgID = "step.hint"
	msgStepWillRun     msgID = "step.willrun"
	msgStepSkipped     msgID = "step.skipped"
	msgStepRan         msgID = "step.ran"
	msgStepWaiting     msgID = "step.waiting"
	msgVtOff           msgID = "vt.off"
	msgSbSpeedNextBoot msgID = "sandbox.speed.nextboot"
)

func init() {
	for id, e := range consoleCatalog {
		catalog[id] = e
	}
}

// consoleCatalog holds the strings of the virtual consoles, the boot
// speed and the stepper, as catalog.
var consoleCatalog = map[msgID][numLangs]string{
	msgScopeBoot:      {"Boot", "부팅"},
	msgScopeStepper:   {"Boot stepper", "부팅 단계 실행"},
	msgKeyBootSpeed:   {"Boot speed: instant, realistic, or one rc script per key (stepper)", "부팅 속도: 즉시, 실제처럼, 키마다 rc 스크립트 하나씩(단계 실행)"},
	msgBarBootSpeed:   {"Speed", "속도"},
	msgKeyStep:        {"Next rc step", "다음 rc 단계"},
	msgKeyStepFinish:  {"Run rc to the end at full speed", "rc를 끝까지 바로 실행"},
	msgSpeedInstant:   {"instant", "즉시"},
	msgSpeedRealistic: {"realistic", "실제처럼"},
	msgSpeedStepper:   {"stepper", "단계 실행"},
	msgStatusSpeed:    {"boot: %s", "부팅: %s"},
	msgStepTitle:      {"rc %s · link %d of %d", "rc %s · 링크 %d/%d"},
	msgStepOver:       {"rc %s is done · %d links", "rc %s 끝 · 링크 %d개"},
	msgStepHint:       {"Space: next · c: to the end", "Space: 다음 · c: 끝까지"},
	msgStepWillRun:    {"runs next", "다음에 실행"},
	msgStepSkipped:    {"skipped", "건너뜀"},
	msgStepRan:        {"ran, exit %d", "실행됨, 종료 코드 %d"},
	msgStepWaiting:    {"rc waits for your key", "rc가 키를 기다립니다"},
	msgVtOff:          {"rclab: no getty runs on this console now (runlevel 1 or S, or the machine is off).", "rclab: 지금 이 콘솔에는 getty가 없습니다(런레벨 1이나 S, 또는 머신이 꺼짐)."},
	msgSbSpeedNextBoot: {"rclab: boot speed %s: it applies from the next boot or runlevel change.",
		"rclab: 부팅 속도 %s: 다음 부팅이나 런레벨 변경부터 적용됩니다."},
}
