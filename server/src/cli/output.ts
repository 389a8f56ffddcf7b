/** Where a command writes: standard output and standard error, one line at a time (tests pass their own). */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}
