// Lint for every TypeScript source (run by `npm test` and `npm run lint`). Formatting is
// prettier's job; these rules catch what a reader or the compiler would miss.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'dist/**', '.cache/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The core answers `undefined` for half-typed input; `!` after a check the compiler cannot follow is deliberate.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // The command line, the test runners and the benchmark print by design.
    files: ['test/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  ...layers(),
);

/**
 * The layers, as import rules: a wrong import fails `npx eslint .`.
 *
 *   core          pure: text in, findings and figures out; imports nothing of the other layers, and
 *                 no editor, language-server library, file system, process or network
 *                 (LSP *types* from vscode-languageserver-protocol / -types are allowed)
 *   host          the file system for the core (reads rubrics, resolves paths); nothing of lsp, cli, protocol
 *   spreadsheet   workbooks in and out; nothing of lsp, cli, protocol
 *   notice        the results notice (通报), .docx and text; nothing of lsp, cli, protocol
 *   cli           the command line; nothing of lsp
 *   lsp           the language server; may use all of the above
 *   protocol.ts   the contract with the clients, bundled into the VS Code client: only the core
 *   client        the VS Code extension: of the server only `rubric-studio-server/out/protocol`
 *
 * Paths are matched as written (`../lsp/settings`, `../../host/x`): a climb out of the folder
 * into a forbidden sibling is refused at any depth. `require()` is not an import to this rule;
 * the core forbids it (and `import()`) outright.
 */
function layers() {
  const climbInto = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
  const impure = {
    regex: '^(node:)?(fs|fs/promises|child_process|net|http|https|worker_threads)$|^vscode$|^vscode-languageserver(/|$)',
    message:
      'The core is pure: no file system, process, network, editor or language-server library (LSP types come from vscode-languageserver-protocol or -types).',
  };
  // Until the file kinds and limits move into the core (issue 19), these names are still read from
  // protocol.ts and lsp/settings.ts; nothing else may be.
  const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
  return [
    restrict(
      ['server/src/core/**/*.ts'],
      [
        {
          regex: climbInto('host', 'lsp', 'cli', 'spreadsheet', 'notice', 'protocol'),
          message: 'The core imports nothing of host, lsp, cli, spreadsheet, notice or protocol.',
        },
        impure,
      ],
    ),
    {
      files: ['server/src/core/**/*.ts'],
      rules: {
        'no-restricted-syntax': [
          'error',
          { selector: "CallExpression[callee.name='require']", message: 'The core is pure: it loads nothing at run time.' },
          { selector: 'ImportExpression', message: 'The core is pure: it loads nothing at run time.' },
        ],
      },
    },
    restrict(
      ['server/src/host/**/*.ts', 'server/src/spreadsheet/**/*.ts', 'server/src/notice/**/*.ts'],
      [
        { regex: climbInto('lsp', 'cli'), message: 'host, spreadsheet and notice import nothing of lsp or cli.' },
        { regex: climbInto('protocol'), message: 'host, spreadsheet and notice import nothing of protocol.ts.' },
      ],
    ),
    restrict(['server/src/cli/**/*.ts'], [{ regex: climbInto('lsp'), message: 'The command line imports nothing of lsp.' }]),
    restrict(
      ['server/src/protocol.ts'],
      [
        { regex: '^\\./(?!core(/|$))', message: 'protocol.ts imports only the core (the client bundles it).' },
        { ...impure, message: 'protocol.ts is bundled into the client: no file system, process or language-server library.' },
      ],
    ),
    restrict(
      ['client/src/**/*.ts'],
      [
        { regex: '^rubric-studio-server(?!/out/protocol$)', message: 'The client imports of the server only rubric-studio-server/out/protocol.' },
        { regex: climbInto('server'), message: 'The client imports of the server only rubric-studio-server/out/protocol.' },
      ],
    ),
  ];
}
