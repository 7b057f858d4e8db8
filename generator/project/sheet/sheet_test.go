package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ducha/ducha/generator/model"
)

func TestParseDate(t *testing.T) {
	want := model.Date{Year: 2016, Month: 1, Day: 31}
	for _, s := range []string{"42400", "42400.75", " 2016-01-31 ", "2016/1/31", "2016.01.31", "2016年1月31日", "２０１６年１月３１日", "20160131", "2016-1-31 00:00:00", "2016 年 1 月 31 日\u3000"} {
		if got, err := parseDate(s, false); err != nil || got != want {
			t.Errorf("parseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if got, err := parseDate("40938", true); err != nil || got != want {
		t.Errorf("parseDate(40938, 1904) = %v, %v", got, err)
	}
	for _, s := range []string{"2016-02-30", "tomorrow", "0", "-3", "1e5", "2016-13-01"} {
		if _, err := parseDate(s, false); err == nil {
			t.Errorf("parseDate(%q) is a date", s)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{" zj-01 ": "zj-01", "ＺＪ－０１": "ZJ-01", "\u3000已销号\u00a0": "已销号", "a\u200b": "a"} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cellText(" 第一行  \r\n第二行\u3000\n"); got != "第一行\n第二行" {
		t.Errorf("cellText = %q", got)
	}
}

// FuzzRead: no workbook, however broken, makes Read panic.
func FuzzRead(f *testing.F) {
	x := excelize.NewFile()
	x.SetCellStr("Sheet1", "A1", "编号")
	x.SetCellStr("Sheet1", "B1", "标题")
	x.SetCellStr("Sheet1", "A2", "zj-01")
	x.MergeCell("Sheet1", "A2", "A9")
	var b bytes.Buffer
	x.Write(&b)
	f.Add(b.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(data)
	})
}
