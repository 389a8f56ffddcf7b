import * as os from 'os';
import { Worker } from 'worker_threads';
import type { Locale } from '../core';
import type { FileReport } from './check-report';
import type { Format } from './options';

/**
 * `rubric check` over many files on every core: this thread and worker threads each check a
 * share of the files, taking the next few as they finish, and send back each file's report and the lines it wrote
 * on standard error; the main thread puts them back in the files' order, so the output is the
 * serial run's, line for line (test/cli/check-workers.test.ts holds it to it).
 */

/** What a worker is started with: the run's settings, the same for every file. */
export interface CheckSettings {
  format: Format;
  locale: Locale;
  maxFileSize: number;
}

/** One file checked: its report, and what the serial run would have written on standard error for it (already made safe for a terminal). */
export interface CheckedFile {
  report: FileReport;
  err: string[];
}

/** The mark in a worker's data that makes check-command.ts serve checks in it. */
export const CHECK_WORKER = 'rubric-check-worker';

/** Messages between the main thread and a worker: files to check (by their place in the run), and their results. */
export type ToWorker = { files: [number, string][] } | { done: true };
export type FromWorker = { results: [number, CheckedFile][] };

/** Below this many files a run stays on one thread: starting a worker (and its core) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 24;
/** A worker takes this many files at a time: few enough to share out evenly, enough to keep messages rare. */
const BATCH = 4;

/** How many threads a run of `files` files uses: every core, never more than the files allow. */
export function threadsFor(files: number, requested?: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = requested ?? (files >= MIN_FILES_FOR_WORKERS ? cores : 1);
  return Math.max(1, Math.min(wanted, Math.ceil(files / BATCH)));
}

/**
 * The files checked on `threads` threads: this one (with `checkHere`) and worker threads running
 * `script` (check-command's own module: the command line's bundle when bundled), all taking the
 * next few files as they free up; the results in the files' order.
 */
export async function checkInWorkers(
  script: string,
  files: readonly string[],
  settings: CheckSettings,
  threads: number,
  checkHere: (file: string) => Promise<CheckedFile>,
): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array<CheckedFile>(files.length);
  let next = 0;
  const take = (): [number, string][] => {
    const batch: [number, string][] = [];
    for (; next < files.length && batch.length < BATCH; next++) batch.push([next, files[next]]);
    return batch;
  };
  const workers: Worker[] = [];
  const inWorkers = new Promise<void>((resolve, reject) => {
    let running = threads - 1;
    const fail = (error: unknown) => {
      for (const worker of workers) void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const give = (worker: Worker) => {
      const batch = take();
      worker.postMessage((batch.length > 0 ? { files: batch } : { done: true }) satisfies ToWorker);
    };
    for (let i = 0; i < threads - 1; i++) {
      const worker = new Worker(script, { workerData: { [CHECK_WORKER]: settings } });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        for (const [index, result] of message.results) results[index] = result;
        give(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) return fail(new Error(`a checking thread stopped with code ${code}`));
        if (--running === 0) resolve();
      });
      give(worker);
    }
  });
  // This thread checks its share too (its core is made already); reading a file lets the workers' messages in.
  for (let batch = take(); batch.length > 0; batch = take()) for (const [index, file] of batch) results[index] = await checkHere(file);
  await inWorkers;
  return results;
}
