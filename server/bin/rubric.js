#!/usr/bin/env node
// Thin launcher so the bin link exists before the first build; the command line lives in out/cli.
require('../out/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
