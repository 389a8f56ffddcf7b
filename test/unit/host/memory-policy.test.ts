import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { growingPercentFor, HEAP_GROWING_PERCENT, LARGE_HEAP_BYTES } from 'rubric-studio-server/out/host/memory-policy';

/**
 * The server's memory policy (host/memory-policy.ts) in a Node process of its own, where V8's
 * flags can be watched being set: a small heap gets the tight growing factor, a heap that keeps
 * more than LARGE_HEAP_BYTES after a full collection gets V8's own choice back, and letting go
 * of it brings the tight factor again. What the policy does to memory is the benchmark's to say.
 */
const CHILD = `
const v8 = require('v8');
const calls = [];
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flag) => { calls.push(flag); set(flag); };
const { applyMemoryPolicy, LARGE_HEAP_BYTES } = require('rubric-studio-server/out/host/memory-policy');
applyMemoryPolicy();
// Full collections until the policy's observer has seen one that leaves it at \`flags\` calls.
const settled = (flags) => new Promise((resolve, reject) => {
  let rounds = 0;
  const next = () => {
    if (calls.length >= flags) return resolve();
    if (++rounds > 200) return reject(new Error('the policy never answered: ' + JSON.stringify(calls)));
    global.gc();
    setImmediate(next);
  };
  next();
});
(async () => {
  let kept = [];
  while (v8.getHeapStatistics().used_heap_size < LARGE_HEAP_BYTES * 1.25) kept.push(Array.from({ length: 1e5 }, (_, i) => ({ i })));
  await settled(2);
  kept = undefined;
  await settled(3);
  console.log(JSON.stringify(calls));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

describe('memory policy', () => {
  it('chooses a tight growing factor for an editor-sized heap and V8’s own above LARGE_HEAP_BYTES', () => {
    assert.equal(growingPercentFor(0), HEAP_GROWING_PERCENT);
    assert.equal(growingPercentFor(LARGE_HEAP_BYTES), HEAP_GROWING_PERCENT);
    assert.equal(growingPercentFor(LARGE_HEAP_BYTES + 1), 0);
  });

  it('sets the flag at start, hands back to V8 while a large heap is kept, and takes it again after', function () {
    this.timeout(60_000);
    const output = execFileSync(process.execPath, ['--expose-gc', '-e', CHILD], { cwd: __dirname, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), [
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
      '--heap-growing-percent=0',
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    ]);
  });
});
