// A test file moved or deleted leaves its compiled copy in test/out, where mocha's glob would still
// find and run it: before a run, drop every compiled test whose TypeScript source is gone.
const fs = require('fs');
const path = require('path');

function removeStaleTests(root) {
  const out = path.join(root, 'test/out');
  const removed = [];
  const walk = (folder) => {
    if (!fs.existsSync(folder)) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.js')) {
        const source = path.join(root, 'test', path.relative(out, full)).replace(/\.js$/, '.ts');
        if (fs.existsSync(source)) continue;
        for (const suffix of ['.js', '.js.map', '.d.ts']) fs.rmSync(full.replace(/\.js$/, suffix), { force: true });
        removed.push(path.relative(root, full));
      }
    }
  };
  // The editor suite compiles to test/out/editor from its own tsconfig, with the same layout.
  walk(out);
  return removed;
}

module.exports = { removeStaleTests };
