package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ducha/ducha/generator/model"
)

// The rows of a sheet are most of a workbook: 30,000 rows, 32 MB of XML,
// at 10,000 findings. excelize's StreamWriter builds each cell as a
// struct, escapes its text through three copies and keeps the whole XML
// of every sheet in memory until the workbook is written, then
// compresses it. So Write has excelize write each sheet with its header
// row alone, and writes the rows here, straight into the sheet's
// compressed part: in the bytes the StreamWriter writes for the values a
// column gives (a string, an int, a model.Date or nothing; see
// TestRowsAsExcelize), compressed as archive/zip compresses (deflate at
// level 5). A value it cannot write as excelize would is unusual
// (errUnusual), and Write then writes the whole workbook through
// excelize.

// errUnusual is a cell that the rows here do not write: the workbook is
// written by excelize instead.
var errUnusual = errors.New("workbook: a cell for excelize")

// sheetRows are the rows of one sheet, below its header.
type sheetRows struct {
	w        *writer
	cols     []column
	findings []*model.Finding
}

// compressed is a part of the zip archive, compressed.
type compressed struct {
	data []byte
	crc  uint32
	size uint64 // uncompressed
}

// part returns the sheet's part zf, which excelize wrote with the header
// row alone, with the rows written after the header.
func (sr sheetRows) part(zf *zip.File) (compressed, error) {
	rc, err := zf.Open()
	if err != nil {
		return compressed{}, err
	}
	xml, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return compressed{}, err
	}
	end := bytes.Index(xml, []byte("</sheetData>"))
	if end < 0 {
		return compressed{}, errors.New("workbook: " + zf.Name + " has no sheetData")
	}
	var out bytes.Buffer
	out.Grow(len(sr.findings)*120 + len(xml))
	// A compressor holds about 1 MB: each is used for part after part,
	// not made anew for each sheet.
	z := compressors.Get().(*compressor)
	defer compressors.Put(z)
	fw := z.fw
	fw.Reset(&out)
	crc := crc32.NewIEEE()
	cw := &countWriter{w: io.MultiWriter(fw, crc)}
	bw := z.bw
	bw.Reset(cw)
	bw.Write(xml[:end])
	var cell []byte
	for n, f := range sr.findings {
		row := strconv.Itoa(n + 2)
		bw.WriteString(`<row r="`)
		bw.WriteString(row)
		bw.WriteString(`">`)
		for i, c := range sr.cols {
			if cell, err = sr.w.appendCell(cell[:0], c, f, i, row); err != nil {
				return compressed{}, err
			}
			bw.Write(cell)
		}
		bw.WriteString(`</row>`)
	}
	bw.Write(xml[end:])
	if err := bw.Flush(); err != nil {
		return compressed{}, err
	}
	if err := fw.Close(); err != nil {
		return compressed{}, err
	}
	return compressed{data: out.Bytes(), crc: crc.Sum32(), size: uint64(cw.n)}, nil
}

// compressor is a deflate writer at archive/zip's level, with the
// buffer rows are written through.
type compressor struct {
	fw *flate.Writer
	bw *bufio.Writer
}

var compressors = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, 5) // archive/zip's level: never fails
	return &compressor{fw: fw, bw: bufio.NewWriterSize(nil, 64<<10)}
}}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// appendCell appends the cell of column c (the i-th, 0-based) of the
// finding f, on the row numbered row, as excelize's StreamWriter writes
// an excelize.Cell with the column's style and cellValue as its value.
func (w *writer) appendCell(b []byte, c column, f *model.Finding, i int, row string) ([]byte, error) {
	v := cellValue(c, c.value(w, f))
	var (
		t, val string
		str    bool
	)
	switch v := v.(type) {
	case nil:
	case string:
		str, val = true, v
	case int:
		val = strconv.Itoa(v)
	case time.Time:
		serial, ok := excelDay(v)
		if !ok {
			return b, errUnusual
		}
		val = strconv.Itoa(serial)
	default:
		return b, errUnusual
	}
	if str {
		t = "inlineStr"
		if !plainText(val) {
			return b, errUnusual
		}
	}
	b = append(b, `<c r="`...)
	b = appendColName(b, i)
	b = append(b, row...)
	b = append(b, '"')
	if s := w.style(c); s != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(s), 10)
		b = append(b, '"')
	}
	if t != "" {
		b = append(b, ` t="`...)
		b = append(b, t...)
		b = append(b, '"')
	}
	b = append(b, '>')
	switch {
	case str:
		b = append(b, `<is><t`...)
		if preserve(val) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendEscaped(b, val)
		b = append(b, `</t></is>`...)
	case val != "":
		b = append(b, `<v>`...)
		b = append(b, val...) // digits and a minus sign: nothing to escape
		b = append(b, `</v>`...)
	}
	return append(b, `</c>`...), nil
}

// appendColName appends the name of the 0-based column i: A, B, ..., AA.
func appendColName(b []byte, i int) []byte {
	if i < 26 {
		return append(b, byte('A'+i))
	}
	name, _ := excelize.ColumnNumberToName(i + 1)
	return append(b, name...)
}

// excelDay is the serial number Excel gives the start of the day t (UTC
// midnight, a model.Date's time), for days from 1 March 1900 on, where
// excelize's conversion is a whole number of days since 30 December
// 1899; ok is false for an earlier day or another time of day.
func excelDay(t time.Time) (serial int, ok bool) {
	if t.Location() != time.UTC || t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 {
		return 0, false
	}
	if t.Before(time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC)) || t.Year() > 9999 {
		return 0, false
	}
	return int(t.Sub(time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour)), true
}

// plainText reports whether excelize writes the text s as its escaped
// self: valid UTF-8 of at most 32,767 UTF-16 units (a cell's limit, where
// excelize cuts), without "_x", which excelize escapes further as the
// start of an _xHHHH_ code.
func plainText(s string) bool {
	if len(s) > 32767 {
		n := 0
		for _, r := range s {
			n += utf16.RuneLen(r)
		}
		if n > 32767 {
			return false
		}
	}
	return utf8.ValidString(s) && !strings.Contains(s, "_x")
}

// preserve reports whether excelize marks the text s xml:space="preserve":
// when it starts or ends with a tab, newline, carriage return or space.
func preserve(s string) bool {
	if s == "" {
		return false
	}
	ws := func(c byte) bool { return c == 9 || c == 10 || c == 13 || c == 32 }
	return ws(s[0]) || ws(s[len(s)-1])
}

// appendEscaped appends s escaped as encoding/xml's EscapeText escapes it,
// but for newlines, which excelize puts back.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '\n':
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
			if esc != "" {
				b = append(append(b, s[last:i]...), esc...)
				last = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !inCharacterRange(r) || (r == utf8.RuneError && size == 1) {
			b = append(append(b, s[last:i]...), "\uFFFD"...)
			last = i + size
		}
		i += size
	}
	return append(b, s[last:]...)
}

// inCharacterRange is encoding/xml's: the characters XML allows.
func inCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
