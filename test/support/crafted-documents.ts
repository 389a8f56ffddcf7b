import { deflatedZeros, zipArchive, ZipInput } from './crafted-files';
import { CraftedWorkbook } from './crafted-workbooks';
import { random } from './generate-rubric';
import { docxArchive, documentXml, tableXml } from './word-files';

/**
 * Hostile Word documents (.docx), the crafted-workbook families applied to the other zip the import
 * reads: zip bombs and entries that lie about their sizes, bytes in front of the archive, the
 * document part twice, entity and nesting bombs in its XML, and tables too wide, too many, too
 * long in a cell or too tall — with a seed, each case saying what the import must answer.
 */

const TABLE = tableXml([
  ['指标', '分值', '评分标准'],
  ['任务完成率', 40, '按时完成年度任务'],
  ['台账规范', 30, '台账规范、数据准确'],
  ['群众满意度', 30, '满意度达到 90% 以上'],
]);

const cell = (value: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}<w:p><w:r><w:t>${value}</w:t></w:r></w:p></w:tc>`;

type Pick = <T>(choices: readonly T[]) => T;

const CASES: ((pick: Pick) => CraftedWorkbook)[] = [
  (pick) => {
    // The document part declares a kilobyte and inflates to 600 MiB.
    const bytes = docxArchive({ name: 'word/document.xml', data: '', deflated: deflatedZeros(pick([600, 64])), declaredSize: 1024 });
    return {
      name: 'word/document.xml declares 1 KiB and inflates past 32 MB',
      family: 'docx',
      extension: 'docx',
      bytes,
      refusal: /^unpacks to more than 32 MB/,
    };
  },
  (pick) => {
    const xml = documentXml(TABLE);
    const declared = pick([1, xml.length * 3, 600 * 1024 * 1024]);
    const bytes = docxArchive({ name: 'word/document.xml', data: xml, deflate: pick([false, true]), declaredSize: declared });
    return {
      name: `word/document.xml declares ${declared} bytes it does not have`,
      family: 'docx',
      extension: 'docx',
      bytes,
      refusal: /^is damaged: word\/document\.xml declares \d+ bytes but unpacks to/,
    };
  },
  () => {
    // A bomb in a part the import never unpacks: read, at no cost.
    const bytes = docxArchive(documentXml(TABLE), [{ name: 'word/media/image1.png', data: '', deflated: deflatedZeros(600), declaredSize: 1024 }]);
    return { name: 'a 600 MiB bomb in word/media, the document a plain table', family: 'docx', extension: 'docx', bytes };
  },
  (pick) => {
    const bytes = Buffer.concat([Buffer.from('MZ'.padEnd(pick([64, 512]), '\0')), docxArchive(documentXml(TABLE))]);
    return { name: 'bytes before the archive', family: 'docx', extension: 'docx', bytes, refusal: /^is damaged: bytes before or inside the archive/ };
  },
  () => {
    const bytes = docxArchive(documentXml(TABLE), [{ name: 'word/document.xml', data: documentXml(''), deflate: true }]);
    return { name: 'word/document.xml twice', family: 'docx', extension: 'docx', bytes, refusal: /^is damaged: it holds word\/document\.xml twice/ };
  },
  (pick) => {
    // Billion laughs: no DTD is processed, so the entity is undefined and the part is not read.
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "${pick(['lol', '哈'])}">${entities}]>${documentXml(TABLE)
      .replace(/^<\?xml[^>]*\?>/, '')
      .replace('任务完成率', '&l10;')}`;
    return {
      name: 'an entity bomb in word/document.xml',
      family: 'docx',
      extension: 'docx',
      bytes: docxArchive(xml),
      refusal: /^is damaged: word\/document\.xml is not well-formed XML/,
    };
  },
  (pick) => {
    const span = pick(['1000000000', '4294967295', '64000']);
    const row = `<w:tr>${cell('指标', `<w:gridSpan w:val="${span}"/>`)}${cell('分值')}</w:tr>`;
    const xml = documentXml(`<w:tbl>${row}</w:tbl>`);
    return {
      name: `a cell spanning ${span} columns`,
      family: 'docx',
      extension: 'docx',
      bytes: docxArchive(xml),
      refusal: /^has a table row [\d,]+ columns wide/,
    };
  },
  (pick) => {
    const width = pick([10, 50]);
    const row = `<w:tr>${Array.from({ length: width }, () => cell('x')).join('')}</w:tr>`;
    const xml = documentXml(`<w:tbl>${row.repeat(Math.ceil(300_000 / width))}</w:tbl>`);
    return {
      name: `300,000 table cells, ${width} a row`,
      family: 'docx',
      extension: 'docx',
      bytes: docxArchive(xml),
      refusal: /^holds tables of more than 200,000 cells/,
    };
  },
  (pick) => {
    const long = pick(['（', '分', 'a ']).repeat(40_000).slice(0, 40_000);
    const xml = documentXml(
      tableXml([
        ['指标', '分值'],
        [long, 1],
      ]),
    );
    return {
      name: 'a table cell of 40,000 characters',
      family: 'docx',
      extension: 'docx',
      bytes: docxArchive(xml),
      refusal: /^has a table cell holding more than 32,767 characters/,
    };
  },
  () => {
    // A name merged down 100,000 rows: within the cell budget, read, and refused by the table's row limit.
    const rows = [`<w:tr>${cell('指标')}${cell('分值')}</w:tr>`, `<w:tr>${cell('任务', '<w:vMerge w:val="restart"/>')}${cell('1')}</w:tr>`];
    const continued = `<w:tr>${cell('', '<w:vMerge/>')}${cell('1')}</w:tr>`;
    const xml = documentXml(`<w:tbl>${rows.join('')}${continued.repeat(60_000)}</w:tbl>`);
    return { name: 'a merge down 60,000 rows', family: 'docx', extension: 'docx', bytes: docxArchive(xml) };
  },
  (pick) => {
    // Tables nested 20,000 deep inside one cell: text of the outer cell, nothing built per level.
    const depth = pick([20_000, 5_000]);
    const open = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(depth);
    const close = '</w:tc></w:tr></w:tbl>'.repeat(depth);
    return { name: `tables nested ${depth} deep`, family: 'docx', extension: 'docx', bytes: docxArchive(documentXml(TABLE + open + close)) };
  },
  () => ({ name: 'a plain 考评表 table (control)', family: 'docx', extension: 'docx', bytes: docxArchive(documentXml(TABLE)) }),
  () => {
    const entries: ZipInput[] = Array.from({ length: 1_200 }, (_, i) => ({ name: `word/media/image${i + 1}.png`, data: 'x' }));
    const bytes = zipArchive([{ name: 'word/document.xml', data: documentXml(TABLE), deflate: true }, ...entries]);
    return { name: '1,200 entries beside the document', family: 'docx', extension: 'docx', bytes };
  },
];

/** Every crafted Word document once, its choices made by the seed. */
export function craftedDocuments(seed: number): CraftedWorkbook[] {
  const next = random(seed);
  const pick: Pick = (choices) => choices[Math.floor(next() * choices.length)];
  return CASES.map((make) => make(pick));
}
