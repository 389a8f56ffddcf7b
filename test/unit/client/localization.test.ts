import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every message the client shows exists in Chinese too: the sources are read, not a list kept by hand. */
describe('client strings in both languages', () => {
  it('every t(…) message of client/src has a Chinese translation in the l10n bundle', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const folder = path.join(ROOT, 'client/src');
    const messages = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(folder, f), 'utf8').matchAll(/\bt\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\'/g, "'")));
    assert.ok(messages.length > 40, `found only ${messages.length} messages: the pattern no longer matches the sources`);
    const missing = [...new Set(messages)].filter((m) => !(m in bundle) || bundle[m].trim() === '');
    assert.deepEqual(missing, []);
    // The placeholders survive translation.
    for (const [english, chinese] of Object.entries(bundle)) {
      assert.deepEqual((chinese.match(/\{\d+\}/g) ?? []).sort(), (english.match(/\{\d+\}/g) ?? []).sort(), english);
    }
  });

  it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.includes('command.showRanking') && keys.includes('command.newScoresheet'));
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(read(file)) as Record<string, string>;
      assert.deepEqual(
        keys.filter((k) => !nls[k]),
        [],
        file,
      );
    }
  });
});
