// Mocha's spec output, plus the counts written to $RUBRIC_TEST_COUNTS so scripts/test.js can
// add up every suite into the one closing line CI reads.
const fs = require('fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.RUBRIC_TEST_COUNTS;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}

module.exports = CountReporter;
