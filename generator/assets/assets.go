// Package assets holds the third-party files that ducha embeds, so that a
// build needs no network: the ECharts script the site's charts run on, and
// the CJK fonts of the PDF briefing.
//
// The files are pinned in package-lock.json (ECharts 5.4.3, the version
// go-echarts v2.6.7 targets; Noto Serif SC and Noto Sans SC 2.x as TrueType,
// SIL Open Font License 1.1) and copied into dist/ by "make assets".
package assets

import _ "embed"

// ECharts is echarts.min.js, ECharts 5.4.3 (Apache-2.0).
//
//go:embed dist/echarts.min.js
var ECharts []byte

// ECharts version, as pinned in package-lock.json.
const EChartsVersion = "5.4.3"

// SerifRegular is Noto Serif SC Regular, a Song (宋体) style face with
// Latin, for body text.
//
//go:embed dist/NotoSerifSC-Regular.ttf
var SerifRegular []byte

// SerifBold is Noto Serif SC Bold, a heavy Song face: the stand-in for
// 小标宋 in the titles of the official layout (package gongwen).
//
//go:embed dist/NotoSerifSC-Bold.ttf
var SerifBold []byte

// SansRegular is Noto Sans SC Regular, a Hei (黑体) style face with Latin,
// for tables and small text.
//
//go:embed dist/NotoSansSC-Regular.ttf
var SansRegular []byte

// SansBold is Noto Sans SC Bold, for headings and emphasis.
//
//go:embed dist/NotoSansSC-Bold.ttf
var SansBold []byte
