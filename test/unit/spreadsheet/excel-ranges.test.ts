import { strict as assert } from 'assert';
import { definedNameRanges, rangeArea, rangeBox } from 'rubric-studio-server/out/spreadsheet/excel-ranges';

describe('cell references read as exceljs reads them', () => {
  it('measures the ranges by hand', () => {
    assert.equal(rangeArea('A1:C10'), 30);
    assert.equal(rangeArea('$A$1:$XFD$1048576'), 16384 * 1048576);
    assert.equal(rangeArea('XFD1048576:A1'), 16384 * 1048576);
    assert.equal(rangeArea('a1:a1048576'), 1048576, 'lower-case letters are no column: column A');
    assert.equal(rangeArea('B7'), 1);
    assert.deepEqual(rangeBox("'My sheet'!$B$2:$D$4"), { top: 2, left: 2, bottom: 4, right: 4 });
    assert.deepEqual(rangeBox('A0:XFD1048576'), { top: 1, left: 1, bottom: 1, right: 1 }, 'no top row: exceljs takes the cell A1');
  });

  it('cuts a defined name into ranges as exceljs does, quoted sheet names kept whole', () => {
    assert.deepEqual(definedNameRanges("'a,b'!$A$1:$B$2,Sheet1!$C$3"), ["'a,b'!$A$1:$B$2", 'Sheet1!$C$3']);
    assert.deepEqual(definedNameRanges("x'A1:,X'$F$D$1048576"), ["x'A1:,X'$F$D$1048576"]);
    assert.equal(rangeArea("x'A1:,X'$F$D$1048576"), 16384 * 1048576);
  });
});
