import { strict as assert } from 'assert';
import { parseRangeMessage } from 'rubric-studio-client/out/simulation-range';

/** The simulation view's guard on what its page posts: only `{ type: 'range', from, to }`, whole N in 0..100000. */
describe('simulation view message guard (pure)', () => {
  it("accepts the page's own message", () => {
    assert.deepEqual(parseRangeMessage({ type: 'range', from: 1, to: 30 }), { from: 1, to: 30 });
    // The form's inputs have min 0 and max MAX_SUBJECTS (100000): both ends pass.
    assert.deepEqual(parseRangeMessage({ type: 'range', from: 0, to: 100000 }), { from: 0, to: 100000 });
    // Two independent inputs: a reversed pair passes, subjectsBetween orders it.
    assert.deepEqual(parseRangeMessage({ to: 5, from: 60, type: 'range' }), { from: 60, to: 5 });
  });

  it('drops what is not an object', () => {
    for (const message of [undefined, null, 'range', '{"type":"range","from":1,"to":30}', 42, true, [], ['range', 1, 30]]) {
      assert.equal(parseRangeMessage(message), undefined, JSON.stringify(message));
    }
  });

  it('drops another type, a missing key or an extra key', () => {
    const malformed: unknown[] = [
      { type: 'Range', from: 1, to: 30 },
      { type: 'export', from: 1, to: 30 },
      { type: ['range'], from: 1, to: 30 },
      { from: 1, to: 30 },
      { type: 'range', from: 1 },
      { type: 'range', to: 30 },
      { type: 'range', from: 1, to: 30, command: 'workbench.action.terminal.new' },
      // An own `__proto__` key, as JSON.parse makes it.
      JSON.parse('{"type":"range","from":1,"to":30,"__proto__":{"polluted":true}}'),
    ];
    for (const message of malformed) assert.equal(parseRangeMessage(message), undefined, JSON.stringify(message));
  });

  it('drops a bound that is not a whole number of subjects from 0 to 100000', () => {
    const bounds: unknown[] = [
      '1',
      '30',
      '',
      NaN,
      Infinity,
      -Infinity,
      1.5,
      -1,
      -0.5,
      100001,
      1e308,
      Number.MAX_SAFE_INTEGER + 2,
      null,
      undefined,
      {},
      [5],
      10n,
    ];
    for (const bad of bounds) {
      assert.equal(parseRangeMessage({ type: 'range', from: bad, to: 30 }), undefined, `from ${String(bad)}`);
      assert.equal(parseRangeMessage({ type: 'range', from: 1, to: bad }), undefined, `to ${String(bad)}`);
    }
  });
});
