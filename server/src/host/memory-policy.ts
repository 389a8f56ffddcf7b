import { setFlagsFromString } from 'v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent
 * (V8 otherwise picks 10 % to 300 % from how fast it collects). An editor keystroke in a large
 * file leaves the old version of the text behind, a few megabytes of garbage each time (the
 * editor's copy is two bytes a character for Chinese text), while what the server keeps is small
 * (about 30 MiB for a 10,000-indicator rubric): letting the heap run to several times that
 * before collecting is what made the server's peak memory, not what it holds. Measured in
 * docs/dev/performance.md: the peak of the deep 10,000-indicator rubric falls from 230–266 to
 * about 155 MiB, and of the 500 × 203 scoresheet from 347 to about 190 MiB, with the keystroke's
 * time inside the run-to-run noise.
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Sets the server's memory policy. V8 reads this flag whenever it sizes the heap after a full
 * collection, so setting it at start-up works without Node options on the command line: every
 * editor that starts `rubric-language-server` gets it, whatever it passes to Node.
 */
export function applyMemoryPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
