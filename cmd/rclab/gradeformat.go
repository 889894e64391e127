package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"rclab/lessons/check"
)

// This file writes rclab grade's rows: a table for reading (with the
// class's score distribution and each check's pass rate), CSV for a
// gradebook, JSON for programs.

// checkColumns are the check ids of the rows, each once, in the order
// they first appear (a batch of one scenario: the scenario's order).
func checkColumns(rows []gradeRow) []string {
	var ids []string
	seen := map[string]bool{}
	for _, r := range rows {
		for _, c := range r.Checks {
			if !seen[c.ID] {
				seen[c.ID] = true
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

func (r *gradeRow) mark(id string) (checkMark, bool) {
	for _, c := range r.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return checkMark{}, false
}

// statusText is the status with its notes, on one line.
func (r *gradeRow) statusText() string {
	if len(r.Note) == 0 {
		return r.Status
	}
	return r.Status + ": " + strings.Join(r.Note, "; ")
}

func writeGradeTable(w io.Writer, rows []gradeRow, l check.Lang) error {
	ids := checkColumns(rows)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	head := []string{msg(l, "STUDENT", "학생"), msg(l, "FILE", "파일"), msg(l, "SCENARIO", "시나리오"), msg(l, "SEED", "시드"), msg(l, "SCORE", "점수")}
	head = append(head, ids...)
	head = append(head, msg(l, "STATUS", "상태"))
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		cells := []string{orHyphen(r.Student), r.File, orHyphen(r.Scenario), "-", "-"}
		if r.Scenario != "" {
			cells[3] = strconv.FormatUint(r.Seed, 10)
		}
		if r.Scored {
			cells[4] = fmt.Sprintf("%d/%d", r.Score, r.Max)
		}
		for _, id := range ids {
			c, ok := r.mark(id)
			switch {
			case !ok:
				cells = append(cells, "")
			case c.Pass:
				cells = append(cells, "✓")
			default:
				cells = append(cells, "✗")
			}
		}
		cells = append(cells, r.statusText())
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	writeClassSummary(w, rows, l)
	return nil
}

func orHyphen(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeClassSummary ends the table, for each scenario graded: how the
// scores are distributed and how many passed each check.
func writeClassSummary(w io.Writer, rows []gradeRow, l check.Lang) {
	byScenario := map[string][]gradeRow{}
	var order []string
	notScored := 0
	for _, r := range rows {
		if !r.Scored {
			notScored++
			continue
		}
		if _, ok := byScenario[r.Scenario]; !ok {
			order = append(order, r.Scenario)
		}
		byScenario[r.Scenario] = append(byScenario[r.Scenario], r)
	}
	slices.Sort(order)
	for _, id := range order {
		rs := byScenario[id]
		fmt.Fprintf(w, msg(l, "\n== %s: %d scored ==\n", "\n== %s: %d명 채점 ==\n"), id, len(rs))
		writeHistogram(w, rs, l)
		writePassRates(w, rs, l)
	}
	if notScored > 0 {
		fmt.Fprintf(w, msg(l, "\n%d file(s) not scored.\n", "\n채점하지 못한 파일: %d개.\n"), notScored)
	}
}

// histWidth is the longest bar of the summary's charts.
const histWidth = 40

// writeHistogram draws the score distribution of rows (one scenario):
// one bar per score when the scenario has at most 20 points, else one
// per tenth of the points.
func writeHistogram(w io.Writer, rows []gradeRow, l check.Lang) {
	maxPts := 0
	for _, r := range rows {
		maxPts = max(maxPts, r.Max)
	}
	type bucket struct {
		label string
		n     int
	}
	var bs []bucket
	var index func(score, of int) int
	if maxPts <= 20 {
		for p := 0; p <= maxPts; p++ {
			bs = append(bs, bucket{label: fmt.Sprintf("%d/%d", p, maxPts)})
		}
		index = func(score, of int) int { return min(score, maxPts) }
	} else {
		for d := 0; d < 10; d++ {
			hi := d*10 + 9
			if d == 9 {
				hi = 100
			}
			bs = append(bs, bucket{label: fmt.Sprintf("%d-%d%%", d*10, hi)})
		}
		index = func(score, of int) int { return min(percent(score, of)/10, 9) }
	}
	most := 0
	for _, r := range rows {
		i := index(r.Score, r.Max)
		bs[i].n++
		most = max(most, bs[i].n)
	}
	fmt.Fprintln(w, msg(l, "Scores:", "점수 분포:"))
	width := 0
	for _, b := range bs {
		width = max(width, len(b.label))
	}
	for _, b := range bs {
		if b.n == 0 {
			fmt.Fprintf(w, "  %*s |\n", width, b.label)
			continue
		}
		fmt.Fprintf(w, "  %*s | %s %d\n", width, b.label, bar(b.n, most), b.n)
	}
}

// writePassRates lists each check with how many of rows passed it.
func writePassRates(w io.Writer, rows []gradeRow, l check.Lang) {
	fmt.Fprintln(w, msg(l, "Checks passed:", "검사별 통과:"))
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, id := range checkColumns(rows) {
		pass, of := 0, 0
		for _, r := range rows {
			if c, ok := r.mark(id); ok {
				of++
				if c.Pass {
					pass++
				}
			}
		}
		note := ""
		if 2*pass < of {
			note = msg(l, "  ← missed by most", "  ← 대부분 놓침")
		}
		fmt.Fprintf(tw, "  %s\t%d/%d\t%3d%%\t%s%s\n", id, pass, of, percent(pass, of), rateBar(pass, of), note)
	}
	tw.Flush()
}

// rateBar is pass of of as a row of #, 20 wide for all.
func rateBar(pass, of int) string {
	if of == 0 {
		return ""
	}
	return strings.Repeat("#", (pass*20+of/2)/of)
}

// bar is n of most as a row of #, the longest histWidth wide.
func bar(n, most int) string {
	if most <= histWidth {
		return strings.Repeat("#", n)
	}
	k := (n*histWidth + most/2) / most
	if n > 0 && k == 0 {
		k = 1
	}
	return strings.Repeat("#", k)
}

// writeGradeCSV writes one row per file under a header row: student,
// scenario, seed, score, max, percent, the points earned on each check,
// status, note, file. A file not scored has empty score columns.
func writeGradeCSV(w io.Writer, rows []gradeRow, _ check.Lang) error {
	ids := checkColumns(rows)
	cw := csv.NewWriter(w)
	head := append([]string{"student", "scenario", "seed", "score", "max", "percent"}, ids...)
	head = append(head, "status", "note", "file")
	cw.Write(head)
	for _, r := range rows {
		rec := []string{r.Student, r.Scenario, "", "", "", ""}
		if r.Scenario != "" {
			rec[2] = strconv.FormatUint(r.Seed, 10)
		}
		if r.Scored {
			rec[3], rec[4], rec[5] = strconv.Itoa(r.Score), strconv.Itoa(r.Max), strconv.Itoa(percent(r.Score, r.Max))
		}
		for _, id := range ids {
			c, ok := r.mark(id)
			if ok {
				rec = append(rec, strconv.Itoa(c.Earned))
			} else {
				rec = append(rec, "")
			}
		}
		rec = append(rec, r.Status, strings.Join(r.Note, "; "), r.File)
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// jsonRow is a row as rclab grade --format json writes it. The seed is a
// string, as in the transcript, so that no digit is lost.
type jsonRow struct {
	File     string      `json:"file"`
	Student  string      `json:"student"`
	Scenario string      `json:"scenario"`
	Seed     string      `json:"seed"`
	Scored   bool        `json:"scored"`
	Score    *int        `json:"score,omitempty"`
	Max      *int        `json:"max,omitempty"`
	Percent  *int        `json:"percent,omitempty"`
	Checks   []jsonCheck `json:"checks,omitempty"`
	Status   string      `json:"status"`
	Notes    []string    `json:"notes,omitempty"`
}

type jsonCheck struct {
	ID     string `json:"id"`
	Points int    `json:"points"`
	Earned int    `json:"earned"`
	Pass   bool   `json:"pass"`
}

func writeGradeJSON(w io.Writer, rows []gradeRow, _ check.Lang) error {
	out := make([]jsonRow, len(rows))
	for i, r := range rows {
		j := jsonRow{File: r.File, Student: r.Student, Scenario: r.Scenario, Scored: r.Scored, Status: r.Status, Notes: r.Note}
		if r.Scenario != "" {
			j.Seed = strconv.FormatUint(r.Seed, 10)
		}
		if r.Scored {
			score, maxPts, pct := r.Score, r.Max, percent(r.Score, r.Max)
			j.Score, j.Max, j.Percent = &score, &maxPts, &pct
		}
		for _, c := range r.Checks {
			j.Checks = append(j.Checks, jsonCheck(c))
		}
		out[i] = j
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
