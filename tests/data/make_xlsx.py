"""Writes acd.xlsx, the XLSX fixture of the import tests (standard library only).

One worksheet: Date (Excel date serials, 45901 = 2025-09-01), Interval Start (time as a
fraction of a day), Queue, Calls Offered. 2 days x 96 fifteen-minute intervals for queue
"999 Emergency" (calls = interval index % 4) and "101" (1 call); then a blank row and a
"Total" row. Run: python3 make_xlsx.py
"""
import zipfile

rows = [["Date", "Interval Start", "Queue", "Calls Offered"]]
for day in range(2):
    for i in range(96):
        rows.append([45901 + day, i / 96, "999 Emergency", i % 4])
        rows.append([45901 + day, i / 96, "101", 1])
rows.append([None, None, None, None])
rows.append(["Total", None, None, 2 * 96 * 1 + 2 * 24 * 6])


def col(c):
    return "ABCD"[c]


def cell(r, c, v):
    ref = f"{col(c)}{r}"
    if v is None:
        return ""
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<c r="{ref}"><v>{v!r}</v></c>'


sheet_rows = []
for r, row in enumerate(rows, start=1):
    cells = "".join(cell(r, c, v) for c, v in enumerate(row))
    sheet_rows.append(f'<row r="{r}">{cells}</row>')

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {RNS}>'
    '<sheets><sheet name="Intervals" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>'
    f'<sheetData>{"".join(sheet_rows)}</sheetData></worksheet>',
}
with zipfile.ZipFile("acd.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in files.items():
        z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
