import { getHeapStatistics, setFlagsFromString } from 'v8';
import { constants, PerformanceEntry, PerformanceObserver } from 'perf_hooks';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent,
 * while what the server keeps is of an editor's size (V8 otherwise picks 10 % to 300 % from how
 * fast it collects). An editor keystroke in a large file leaves the old version of the text
 * behind, a few megabytes of garbage each time (the editor's copy is two bytes a character for
 * Chinese text), while what the server keeps is small (about 30 MiB for a 10,000-indicator
 * rubric, 50 MiB for a sheet of 500 subjects × 200 leaves): letting the heap run to several times
 * that before collecting is what made the server's peak memory, not what it holds. Measured in
 * docs/dev/performance.md: the peak of the deep 10,000-indicator rubric falls from 230–266 to
 * about 155 MiB, and of the 500 × 203 scoresheet from 290–350 to about 190 MiB.
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Above this much kept after a full collection, V8 chooses again. With a heap of hundreds of
 * megabytes (a sheet of 10,000 subjects keeps about 300 MiB) a 10 % margin leaves the collector
 * no room to mark while the server works: it stops the server for a whole collection, 300 ms
 * and more, in the middle of a request. There what is kept is most of the memory anyway.
 */
export const LARGE_HEAP_BYTES = 160 * 2 ** 20;

/**
 * Sets the server's memory policy. V8 reads the growing flag whenever it sizes the heap after a
 * full collection, so setting it at run time works without Node options on the command line:
 * every editor that starts `rubric-language-server` gets it, whatever it passes to Node. After
 * each full collection the policy is chosen again from what the collection kept.
 */
/** The growing percent for a heap that kept `kept` bytes after a full collection: 0 is V8's own choice. */
export function growingPercentFor(kept: number): number {
  return kept > LARGE_HEAP_BYTES ? 0 : HEAP_GROWING_PERCENT;
}

/** A `gc` performance entry: its detail says which kind of collection it was. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

export function applyMemoryPolicy(): void {
  let percent: number | undefined;
  const choose = (kept: number) => {
    const next = growingPercentFor(kept);
    if (next === percent) return;
    percent = next;
    setFlagsFromString(`--heap-growing-percent=${next}`);
  };
  choose(0);
  const observer = new PerformanceObserver((list) => {
    const fullCollection = list.getEntries().some((entry) => (entry as GcEntry).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (fullCollection) choose(getHeapStatistics().used_heap_size);
  });
  observer.observe({ entryTypes: ['gc'] });
}
