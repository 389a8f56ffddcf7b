import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'v8';
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
 * about 155 MiB, and of the 500 × 203 scoresheet from 290–350 to about 190 MiB (with the young
 * generation's cap below: 134 and 151).
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * The size of the young generation (both semi-spaces) at which it stops growing, while the heap
 * is of an editor's size. V8 doubles the semi-spaces whenever much of what a scavenge sees
 * survives, up to 16 MiB each; opening a large file does that at once (the whole model
 * survives), and the 32 MiB stay for the rest of the session although a keystroke's garbage
 * dies young. Held at 8 MiB each, the deep 10,000-indicator rubric's peak falls from about 157 to
 * 134 MiB. The price is CPU: a keystroke scavenges twice as often and promotes more, so full
 * collections come more often too (docs/dev/performance.md, fourth round).
 */
export const YOUNG_GENERATION_CAP_BYTES = 16 * 2 ** 20;

/** V8's own factor by which the semi-spaces grow (its --semi-space-growth-factor default). */
export const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

/**
 * Above this much kept after a full collection, V8 chooses again. With a heap of hundreds of
 * megabytes (a sheet of 10,000 subjects keeps about 300 MiB) a 10 % margin leaves the collector
 * no room to mark while the server works: it stops the server for a whole collection, 300 ms
 * and more, in the middle of a request. There what is kept is most of the memory anyway.
 */
export const LARGE_HEAP_BYTES = 160 * 2 ** 20;

/** V8's flags the policy sets. */
export interface MemoryFlags {
  /** `--heap-growing-percent`: 0 is V8's own choice. */
  heapGrowingPercent: number;
  /** `--semi-space-growth-factor`: 1 stops the young generation growing. */
  semiSpaceGrowthFactor: number;
}

/**
 * The flags for a heap that kept `kept` bytes after its last full collection and whose young
 * generation is `youngGeneration` bytes now: an editor-sized heap gets the tight margin and,
 * once its young generation reached the cap, no more young growth; a large one gets V8's own.
 */
export function memoryFlagsFor(kept: number, youngGeneration: number): MemoryFlags {
  if (kept > LARGE_HEAP_BYTES) return { heapGrowingPercent: 0, semiSpaceGrowthFactor: V8_SEMI_SPACE_GROWTH_FACTOR };
  return {
    heapGrowingPercent: HEAP_GROWING_PERCENT,
    semiSpaceGrowthFactor: youngGeneration >= YOUNG_GENERATION_CAP_BYTES ? 1 : V8_SEMI_SPACE_GROWTH_FACTOR,
  };
}

/** A `gc` performance entry: its detail says which kind of collection it was. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

/** The bytes of the young generation's semi-spaces now. */
function youngGenerationSize(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Sets the server's memory policy. V8 reads both flags whenever it sizes a space after a
 * collection, so setting them at run time works without Node options on the command line: every
 * editor that starts `rubric-language-server` gets them, whatever it passes to Node. After each
 * collection the flags are chosen again: the young generation's size can change at any
 * scavenge, what is kept only at a full collection. (The observer hears of collections after the
 * task that caused them, so a long first parse may still take the young generation one step past
 * the cap.)
 */
export function applyMemoryPolicy(): void {
  let kept = 0;
  let flags: MemoryFlags | undefined;
  const choose = () => {
    const next = memoryFlagsFor(kept, youngGenerationSize());
    if (next.heapGrowingPercent !== flags?.heapGrowingPercent) setFlagsFromString(`--heap-growing-percent=${next.heapGrowingPercent}`);
    if (next.semiSpaceGrowthFactor !== flags?.semiSpaceGrowthFactor) setFlagsFromString(`--semi-space-growth-factor=${next.semiSpaceGrowthFactor}`);
    flags = next;
  };
  choose();
  const observer = new PerformanceObserver((list) => {
    const fullCollection = list.getEntries().some((entry) => (entry as GcEntry).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (fullCollection) kept = getHeapStatistics().used_heap_size;
    choose();
  });
  observer.observe({ entryTypes: ['gc'] });
}
