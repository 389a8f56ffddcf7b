import { writeFileSync } from 'fs';

/**
 * Loaded with `node --require` into a child process (a command-line run): when the process ends, its
 * own peak memory and processor time go to the file $RUBRIC_USAGE_FILE as JSON, so a test can hold
 * one run to a budget without measuring the test runner's own process.
 */
const file = process.env.RUBRIC_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}

export interface ResourceUsage {
  maxRssKiB: number;
  cpuMs: number;
}
