import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import {
  HEAP_GROWING_PERCENT,
  LARGE_HEAP_BYTES,
  memoryFlagsFor,
  V8_SEMI_SPACE_GROWTH_FACTOR,
  YOUNG_GENERATION_CAP_BYTES,
} from 'rubric-studio-server/out/host/memory-policy';

/**
 * The server's memory policy (host/memory-policy.ts) in a Node process of its own, where V8's
 * flags can be watched being set: a small heap gets the tight growing factor and, once its young
 * generation reached the cap, no more young growth; a heap that keeps more than LARGE_HEAP_BYTES
 * after a full collection gets V8's own choices back, and letting go of it brings the tight
 * factor again. What the policy does to memory is the benchmark's to say.
 */
const CHILD = `
const v8 = require('v8');
const calls = [];
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flag) => { calls.push(flag); set(flag); };
const { applyMemoryPolicy, LARGE_HEAP_BYTES } = require('rubric-studio-server/out/host/memory-policy');
applyMemoryPolicy();
// Full collections until the policy's observer has set the flag since this call.
const settled = (flag) => new Promise((resolve, reject) => {
  const since = calls.length;
  let rounds = 0;
  const next = () => {
    if (calls.indexOf(flag, since) >= 0) return resolve();
    if (++rounds > 200) return reject(new Error('the policy never set ' + flag + ': ' + JSON.stringify(calls)));
    global.gc();
    setImmediate(next);
  };
  next();
});
(async () => {
  // What survives scavenges makes V8 grow the young generation, up to the cap.
  let kept = [];
  while (v8.getHeapStatistics().used_heap_size < LARGE_HEAP_BYTES / 4) kept.push(Array.from({ length: 1e5 }, (_, i) => ({ i })));
  await settled('--semi-space-growth-factor=1');
  while (v8.getHeapStatistics().used_heap_size < LARGE_HEAP_BYTES * 1.25) kept.push(Array.from({ length: 1e5 }, (_, i) => ({ i })));
  await settled('--heap-growing-percent=0');
  kept = undefined;
  await settled('--heap-growing-percent=${HEAP_GROWING_PERCENT}');
  console.log(JSON.stringify(calls));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

describe('memory policy', () => {
  it('chooses tight flags for an editor-sized heap and V8’s own above LARGE_HEAP_BYTES', () => {
    const tight = { heapGrowingPercent: HEAP_GROWING_PERCENT, semiSpaceGrowthFactor: V8_SEMI_SPACE_GROWTH_FACTOR };
    assert.deepEqual(memoryFlagsFor(0, 0), tight);
    assert.deepEqual(memoryFlagsFor(LARGE_HEAP_BYTES, YOUNG_GENERATION_CAP_BYTES - 1), tight);
    assert.deepEqual(memoryFlagsFor(LARGE_HEAP_BYTES, YOUNG_GENERATION_CAP_BYTES), { ...tight, semiSpaceGrowthFactor: 1 });
    assert.deepEqual(memoryFlagsFor(LARGE_HEAP_BYTES + 1, YOUNG_GENERATION_CAP_BYTES), {
      heapGrowingPercent: 0,
      semiSpaceGrowthFactor: V8_SEMI_SPACE_GROWTH_FACTOR,
    });
  });

  it('sets the flags at start, stops the young generation at the cap, hands back to V8 while a large heap is kept, and takes over again after', function () {
    this.timeout(60_000);
    const calls: string[] = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', CHILD], { cwd: __dirname, encoding: 'utf8' }));
    const growing = calls.filter((call) => call.startsWith('--heap-growing-percent='));
    assert.deepEqual(growing, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0', `--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    const semi = (factor: number) => `--semi-space-growth-factor=${factor}`;
    // At start the young generation is small: V8's own growth.
    assert.deepEqual(calls.slice(0, 2), [growing[0], semi(V8_SEMI_SPACE_GROWTH_FACTOR)]);
    // Stopped at the cap before the heap was large, given back with the heap.
    const large = calls.indexOf('--heap-growing-percent=0');
    assert.ok(calls.indexOf(semi(1)) > 1 && calls.indexOf(semi(1)) < large, JSON.stringify(calls));
    assert.equal(calls[large + 1], semi(V8_SEMI_SPACE_GROWTH_FACTOR), JSON.stringify(calls));
  });
});
