import { strict as assert } from 'assert';
import { breakLines, widthFor, wrappedLines } from 'rubric-studio-server/out/spreadsheet/page-layout';

/**
 * Headings broken where a reader expects (issue 23's printed forms): spreadsheets wrap Chinese at
 * any character, so 林地保护利用 came out 林地保护利 / 用 and （1.5分） as （1.5分 / ）.
 */
describe('printed headings: line breaks between words', () => {
  it('breaks between words, never inside 保护 or 利用', () => {
    // Width 11 at 11 points: 8 units a line, four Chinese characters.
    assert.equal(breakLines('林地保护利用', 11, 11), '林地保护\n利用');
  });

  it('keeps a bracketed figure whole and a closing mark with the word before it', () => {
    assert.equal(breakLines('检疫执法（1.5分）', 12, 11), '检疫执法\n（1.5分）');
    const lines = breakLines('按要求完成年度任务，台账规范。', 14, 11).split('\n');
    assert.ok(lines.length > 1);
    assert.ok(
      lines.every((line) => !/^[。，]/.test(line)),
      lines.join(' / '),
    );
    assert.equal(lines.join(''), '按要求完成年度任务，台账规范。');
  });

  it('leaves a text that fits alone, and the lines it makes each fit their column', () => {
    assert.equal(breakLines('总分', 10, 11), '总分');
    const broken = breakLines('林长制工作在省级以上媒体宣传报道', 12, 11);
    assert.equal(broken.replace(/\n/g, ''), '林长制工作在省级以上媒体宣传报道');
    assert.equal(wrappedLines(broken, 12, 11), broken.split('\n').length);
  });

  it('gives a column width that holds a points figure on one line', () => {
    for (const points of ['（1.5分）', '（12分）', '(1.5)']) assert.equal(breakLines(points, widthFor(points), 11), points);
  });
});
