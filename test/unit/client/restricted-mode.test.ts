import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * In Restricted Mode VS Code boxes every character outside basic ASCII
 * (`editor.unicodeHighlight.nonBasicASCII: "inUntrustedWorkspace"`) and, for a reader whose
 * interface is not Chinese, the full-width punctuation it takes for look-alikes of `:` and `(`
 * (`ambiguousCharacters`, unless a Chinese locale is allowed): every name of a rubric or a
 * scoresheet. The manifest's defaults for YAML, the language both are opened in, turn the first
 * off and allow Chinese for the second; invisible characters and other look-alikes stay flagged.
 */
describe('the manifest: Chinese text in rubrics and scoresheets is not boxed in Restricted Mode', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
    contributes: { configurationDefaults?: Record<string, Record<string, unknown>>; yamlValidation: { fileMatch: string[] }[] };
  };

  it('both kinds of file are YAML to VS Code, which is where the defaults apply', () => {
    assert.deepEqual(
      manifest.contributes.yamlValidation.map((v) => v.fileMatch),
      [
        ['*.rubric.yaml', '*.rubric.yml'],
        ['*.scores.yaml', '*.scores.yml'],
      ],
    );
  });

  it('non-ASCII text is not highlighted, Chinese punctuation is not a look-alike, the rest stays on', () => {
    const yaml = manifest.contributes.configurationDefaults?.['[yaml]'] ?? {};
    assert.equal(yaml['editor.unicodeHighlight.nonBasicASCII'], false);
    assert.deepEqual(yaml['editor.unicodeHighlight.allowedLocales'], { _os: true, _vscode: true, 'zh-hans': true, 'zh-hant': true });
    assert.equal(yaml['editor.unicodeHighlight.invisibleCharacters'], undefined);
    assert.equal(yaml['editor.unicodeHighlight.ambiguousCharacters'], undefined);
  });
});
