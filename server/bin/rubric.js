#!/usr/bin/env node
// Thin launcher so the bin link exists before the first build; the command line lives in out/cli.
// A reader that stops early (`rubric check . | head`) closes the pipe: that ends the run quietly,
// as it does for any Unix tool, instead of an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// Bundled, this file is also what a worker thread of `rubric check` runs (see cli/check-workers.ts):
// it then serves checks, and the command line does not start again.
if (require('worker_threads').isMainThread)
  require('../out/cli/main.js')
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
else require('../out/cli/check-command.js');
