// Package xlsx writes Office Open XML workbooks (.xlsx) as a stream: rows go out as they
// come, each sheet's beyond a little memory into an owner-only temporary file, and the
// workbook is zipped to its writer on Close. It writes what cbrn's workbooks use and no more:
// inline strings, numbers, booleans and dates; fonts, fills, bottom borders, alignment and
// number formats; column widths, row heights, a frozen header, an autofilter, colour scales,
// drop-down lists and a print setup with repeated title rows.
package xlsx

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctSheet   = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
)

// Options adjust a workbook.
type Options struct {
	// TmpDir is where sheets wait, beyond what memory keeps, until the workbook is written;
	// the system's temporary folder when empty.
	TmpDir string
}

// Workbook is a workbook being written.
type Workbook struct {
	w      io.Writer
	tmpDir string
	sheets []*Sheet
	styles *styles
	active int
	closed bool
}

// New starts a workbook that Close writes to w.
func New(w io.Writer, opts Options) *Workbook {
	return &Workbook{w: w, tmpDir: opts.TmpDir, styles: newStyles()}
}

// AddSheet adds a sheet after the others.
func (wb *Workbook) AddSheet(name string) (*Sheet, error) {
	if wb.closed {
		return nil, errors.New("xlsx: the workbook is closed")
	}
	if err := wb.validName(name); err != nil {
		return nil, err
	}
	s := &Sheet{wb: wb, name: name}
	wb.sheets = append(wb.sheets, s)
	return s, nil
}

// SetActive makes the sheet at index i (from 0) the one shown on opening.
func (wb *Workbook) SetActive(i int) { wb.active = i }

// Abort discards the workbook and removes its temporary files.
func (wb *Workbook) Abort() {
	wb.closed = true
	for _, s := range wb.sheets {
		_ = s.removeTemp()
	}
}

// Close writes the workbook to its writer and removes its temporary files, whether it
// succeeds or not.
func (wb *Workbook) Close() (err error) {
	if wb.closed {
		return errors.New("xlsx: the workbook is closed")
	}
	defer wb.Abort()
	if len(wb.sheets) == 0 {
		return errors.New("xlsx: a workbook needs a sheet")
	}
	if wb.active < 0 || wb.active >= len(wb.sheets) {
		return fmt.Errorf("xlsx: active sheet %d of %d", wb.active, len(wb.sheets))
	}
	zw := zip.NewWriter(wb.w)
	// The fastest deflate: a workbook is mostly repetitive XML, which it still shrinks well, at
	// a fraction of the time. One compressor serves every part in turn.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	part := func(name string, write func(io.Writer) error) error {
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		return write(pw)
	}
	data := func(b []byte) func(io.Writer) error {
		return func(w io.Writer) error { _, err := w.Write(b); return err }
	}
	for _, p := range []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", wb.contentTypes()},
		{"_rels/.rels", []byte(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">` +
			`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>` +
			`<Relationship Id="rId2" Type="` + nsPkgRel + `/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/></Relationships>`)},
		{"docProps/app.xml", []byte(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cbrn</Application></Properties>`)},
		{"docProps/core.xml", []byte(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>`)},
		{"xl/workbook.xml", wb.workbook()},
		{"xl/_rels/workbook.xml.rels", wb.rels()},
		{"xl/styles.xml", wb.styles.xml()},
	} {
		if err := part(p.name, data(p.data)); err != nil {
			return err
		}
	}
	for i, s := range wb.sheets {
		if err := part("xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml", func(w io.Writer) error {
			return s.writeXML(w, i == wb.active)
		}); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	return zw.Close()
}

func (wb *Workbook) contentTypes() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := range wb.sheets {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%s"/>`, i+1, ctSheet)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

func (wb *Workbook) rels() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i := range wb.sheets {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, nsRel, i+1)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/></Relationships>`, len(wb.sheets)+1, nsRel)
	return []byte(b.String())
}

// workbook is workbook.xml: the sheets, the one shown first, and the defined names that
// carry the print titles and the autofilters.
func (wb *Workbook) workbook() []byte {
	b := []byte(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><workbookPr/><bookViews><workbookView`)
	if wb.active > 0 {
		b = append(b, ` firstSheet="0" activeTab="`...)
		b = strconv.AppendInt(b, int64(wb.active), 10)
		b = append(b, '"')
	}
	b = append(b, `/></bookViews><sheets>`...)
	for i, s := range wb.sheets {
		b = append(b, `<sheet name="`...)
		b = appendAttr(b, s.name)
		b = append(b, `" sheetId="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `</sheets>`...)
	var names []byte
	for i, s := range wb.sheets {
		quoted := "'" + strings.ReplaceAll(s.name, "'", "''") + "'!"
		if s.filter[0] > 0 {
			names = append(names, `<definedName name="_xlnm._FilterDatabase" localSheetId="`...)
			names = strconv.AppendInt(names, int64(i), 10)
			names = append(names, `" hidden="1">`...)
			names = appendText(names, quoted+absoluteRange(1, 1, s.filter[0], s.filter[1]))
			names = append(names, `</definedName>`...)
		}
		if s.page != nil && s.page.TitleRows > 0 {
			names = append(names, `<definedName name="_xlnm.Print_Titles" localSheetId="`...)
			names = strconv.AppendInt(names, int64(i), 10)
			names = append(names, `">`...)
			names = appendText(names, quoted+"$1:$"+strconv.Itoa(s.page.TitleRows))
			names = append(names, `</definedName>`...)
		}
	}
	if len(names) > 0 {
		b = append(b, `<definedNames>`...)
		b = append(b, names...)
		b = append(b, `</definedNames>`...)
	}
	return append(b, `<calcPr calcId="191029"/></workbook>`...)
}
