import { strict as assert } from 'assert';
import { decimal, decimalFromSource, formatDecimal, sum } from 'rubric-studio-server/out/core/decimal';

describe('exact decimals', () => {
  it('adds 16.4 + 47.8 + 35.8 to exactly 100 (floats give 99.99999999999999)', () => {
    assert.notEqual(16.4 + 47.8 + 35.8, 100);
    assert.equal(sum([decimal('16.4'), decimal('47.8'), decimal('35.8')]).toString(), '100');
  });

  it('takes the value a YAML scalar spells, not its float', () => {
    assert.equal(decimalFromSource('0.1', 0.1)?.plus(decimalFromSource('0.2', 0.2)!).toString(), '0.3');
    assert.equal(decimalFromSource('1_000', 1000)?.toString(), '1000');
    assert.equal(decimalFromSource('0x1F', 31)?.toString(), '31');
    assert.equal(decimalFromSource('"30"', '30'), undefined);
  });

  it('formats for people without trailing zeros', () => {
    assert.equal(formatDecimal(decimal('33.30')), '33.3');
    assert.equal(formatDecimal(decimal('1').div(3), 1), '0.3');
  });
});
