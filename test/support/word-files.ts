import { zipArchive, ZipInput } from './crafted-files';

/**
 * Word documents (.docx) built from a table given as rows and merged ranges, the way Word writes
 * them: a merge across as one `w:tc` with `w:gridSpan`, a merge down as `w:vMerge` (`restart` in
 * its first row, an empty continuing cell in each row below), paragraphs above the table as the
 * title and info lines. Readable by Word, WPS and LibreOffice alike.
 */

export type CellValue = string | number | null;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph; line breaks inside a cell's text become paragraphs of their own. */
const paragraphs = (value: string) =>
  value
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`)
    .join('');

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const letterColumn = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function parseRange(range: string): Range {
  const [a, b] = range.split(':');
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return { column: letterColumn(m[1]), row: Number(m[2]) };
  };
  const from = cell(a);
  const to = cell(b);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

/** The body of `word/document.xml` for one table (rows from 1, merges in A1 notation over those rows). */
export function tableXml(rows: CellValue[][], merges: string[] = []): string {
  const ranges = merges.map(parseRange);
  const width = Math.max(...rows.map((row) => row.length), ...ranges.map((r) => r.right));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(width)}</w:tblGrid>`;
  const body = rows
    .map((row, index) => {
      const r = index + 1;
      let cells = '';
      for (let c = 1; c <= width; c++) {
        const range = ranges.find((g) => r >= g.top && r <= g.bottom && c >= g.left && c <= g.right);
        if (range && c !== range.left) continue;
        const span = range ? range.right - range.left + 1 : 1;
        const vMerge = range && range.bottom > range.top ? (r === range.top ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
        const value = range && r !== range.top ? null : range ? rows[range.top - 1][range.left - 1] : row[c - 1];
        const properties = `<w:tcPr><w:tcW w:w="${1500 * span}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge}</w:tcPr>`;
        cells += `<w:tc>${properties}${paragraphs(value === null || value === undefined ? '' : String(value))}</w:tc>`;
      }
      return `<w:tr>${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('')}</w:tblBorders></w:tblPr>${grid}${body}</w:tbl>`;
}

/** `word/document.xml` with the given body (paragraphs and tables). */
export function documentXml(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`
  );
}

/** A .docx archive around a document part (and any other entries). */
export function docxArchive(document: string | ZipInput, extra: ZipInput[] = []): Buffer {
  const main: ZipInput = typeof document === 'string' ? { name: 'word/document.xml', data: document, deflate: true } : document;
  return zipArchive([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    main,
    ...extra,
  ]);
}

/** A .docx holding paragraphs (`above`) and then one table. */
export function docxWithTable(above: string[], rows: CellValue[][], merges: string[] = []): Buffer {
  return docxArchive(documentXml(above.map(paragraphs).join('') + tableXml(rows, merges)));
}
