package lessons

import (
	"fmt"
	"strconv"
	"strings"
)

// The markup of lesson texts is small on purpose:
//
//   - paragraphs are separated by blank lines;
//   - a line starting with "- " or "* " is a list item, "1. " a numbered one;
//   - a line indented by four spaces (or a tab) is shown as it is, for
//     commands and their output;
//   - inside a line, `code` marks commands, paths and output, and **bold**
//     marks what matters.

// BlockKind is the kind of a block of text.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota
	Item                // a bulleted list item
	NumItem             // a numbered list item (Num)
	Pre                 // a line shown as it is (Text)
)

// Block is a paragraph, a list item or a preformatted line.
type Block struct {
	Kind  BlockKind
	Num   int    // NumItem: its number
	Spans []Span // Paragraph, Item, NumItem
	Text  string // Pre
}

// Span is a run of text with one style.
type Span struct {
	Text string
	Code bool
	Bold bool
}

// ParseMarkup splits a text into blocks. A list item goes on over the
// lines that follow it up to a blank line, another item or an indented
// block, so authors may wrap long items. It fails on an unclosed ` or **,
// naming the line (counted from 1 within the text).
func ParseMarkup(s string) ([]Block, error) {
	var out []Block
	// The block being gathered: its kind, number, first line and text.
	var (
		kind  BlockKind
		num   int
		first int
		text  []string
	)
	flush := func() error {
		if len(text) == 0 {
			return nil
		}
		spans, err := parseSpans(strings.Join(text, " "))
		text = nil
		if err != nil {
			return fmt.Errorf("line %d: %w", first, err)
		}
		out = append(out, Block{Kind: kind, Num: num, Spans: spans})
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, raw := range lines {
		n := i + 1
		if strings.HasPrefix(raw, "    ") || strings.HasPrefix(raw, "\t") {
			if err := flush(); err != nil {
				return nil, err
			}
			pre := strings.TrimPrefix(raw, "\t")
			if !strings.HasPrefix(raw, "\t") {
				pre = raw[4:]
			}
			out = append(out, Block{Kind: Pre, Text: pre})
			continue
		}
		line := strings.TrimSpace(raw)
		if line == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		k, v, rest := Paragraph, 0, line
		switch {
		case strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* "):
			k, rest = Item, strings.TrimSpace(line[2:])
		default:
			if dot := strings.Index(line, ". "); dot > 0 && dot <= 3 {
				if d, err := strconv.Atoi(line[:dot]); err == nil {
					k, v, rest = NumItem, d, strings.TrimSpace(line[dot+2:])
				}
			}
		}
		if k == Paragraph && len(text) > 0 {
			text = append(text, line) // the paragraph or item goes on
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		kind, num, first, text = k, v, n, []string{rest}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// parseSpans splits a line into code, bold and plain runs.
func parseSpans(s string) ([]Span, error) {
	var out []Span
	var cur strings.Builder
	bold := false
	emit := func(code bool) {
		if cur.Len() > 0 || code {
			out = append(out, Span{Text: cur.String(), Code: code, Bold: bold && !code})
			cur.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '`':
			emit(false)
			end := strings.IndexByte(s[i+1:], '`')
			if end < 0 {
				return nil, fmt.Errorf("a ` opens code that is never closed: %q", clip(s[i:]))
			}
			cur.WriteString(s[i+1 : i+1+end])
			emit(true)
			i += end + 1
		case strings.HasPrefix(s[i:], "**"):
			emit(false)
			bold = !bold
			i++
		default:
			cur.WriteByte(s[i])
		}
	}
	if bold {
		return nil, fmt.Errorf("a ** opens bold text that is never closed")
	}
	emit(false)
	return out, nil
}

func clip(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

// RenderPlain lays a text out for a plain terminal: bold marks dropped,
// code kept between backticks, list items bulleted, preformatted lines
// indented. A text with bad markup is returned as it is.
func RenderPlain(s string) string {
	blocks, err := ParseMarkup(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 && bl.Kind == Paragraph || i > 0 && blocks[i-1].Kind == Paragraph && bl.Kind != Paragraph {
			b.WriteString("\n")
		}
		switch bl.Kind {
		case Pre:
			b.WriteString("    " + bl.Text + "\n")
			continue
		case Item:
			b.WriteString("  • ")
		case NumItem:
			fmt.Fprintf(&b, "  %d. ", bl.Num)
		}
		for _, sp := range bl.Spans {
			if sp.Code {
				b.WriteString("`" + sp.Text + "`")
			} else {
				b.WriteString(sp.Text)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
