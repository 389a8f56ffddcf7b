#!/usr/bin/env node
// The documentation's links, checked without the network: every relative link and image in the
// README, the extension's page (MARKETPLACE.md), the CHANGELOG and docs/ leads to a file or folder that exists, every #anchor to a
// heading (GitHub's slugs) or an <a id> on the page it names, and every diagnostic code of the
// core (server/src/core/findings.ts) has its heading on docs/diagnostics.md, where the editor links
// it. Links with a scheme (https:, mailto:, command:) are not followed. Run by the lint suite of
// `npm test`; exits 1 and prints file:line for each broken link.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** Markdown files to check: the top-level pages and everything under docs/. */
function pages() {
  const found = ['README.md', 'MARKETPLACE.md', 'CHANGELOG.md'].filter((f) => fs.existsSync(path.join(root, f)));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) found.push(rel);
    }
  };
  if (fs.existsSync(path.join(root, 'docs'))) walk('docs');
  return found;
}

/** The page's lines with fenced code blocks blanked (their text is not markdown). */
function proseLines(text) {
  let fence = null;
  return text.split('\n').map((line) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = null;
      return '';
    }
    if (open) {
      fence = open[1];
      return '';
    }
    return line;
  });
}

/** GitHub's anchor for a heading's text (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

const anchorCache = new Map();
/** Every anchor a page defines: its headings' slugs (repeats numbered -1, -2…) and <a id|name>. */
function anchorsOf(file) {
  if (anchorCache.has(file)) return anchorCache.get(file);
  const anchors = new Set();
  const seen = new Map();
  for (const line of proseLines(fs.readFileSync(file, 'utf8'))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const a of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(a[1]);
  }
  anchorCache.set(file, anchors);
  return anchors;
}

/** The links of one line: inline links and images, reference definitions, <img src>. */
function linksOf(line) {
  const prose = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
  const targets = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  const definition = /^\s*\[[^\]]+\]:\s*(\S+)/.exec(prose);
  if (definition) targets.push(definition[1]);
  for (const m of prose.matchAll(/<img\s[^>]*src="([^"]+)"/g)) targets.push(m[1]);
  return targets;
}

const problems = [];
let checked = 0;
for (const page of pages()) {
  const file = path.join(root, page);
  proseLines(fs.readFileSync(file, 'utf8')).forEach((line, index) => {
    for (const target of linksOf(line)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      checked++;
      const [rawPath, anchor] = target.split('#', 2);
      const linked = rawPath === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
      const where = `${page}:${index + 1}`;
      if (!linked.startsWith(root + path.sep) && linked !== root) problems.push(`${where}: ${target} leads outside the repository`);
      else if (!fs.existsSync(linked)) problems.push(`${where}: ${target}: no such file`);
      else if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(linked).has(decodeURIComponent(anchor)))
        problems.push(`${where}: ${target}: no heading or anchor "#${anchor}" on ${path.relative(root, linked)}`);
    }
  });
}

// The editor links each diagnostic to docs/diagnostics.md#<code>: every code needs its heading.
const findings = fs.readFileSync(path.join(root, 'server/src/core/findings.ts'), 'utf8');
const union = /export type DiagnosticCode =([\s\S]*?);/.exec(findings);
const codes = union ? [...union[1].matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]) : [];
if (codes.length === 0) problems.push('server/src/core/findings.ts: no DiagnosticCode union found');
const diagnosticsPage = path.join(root, 'docs/diagnostics.md');
for (const code of codes) {
  if (!fs.existsSync(diagnosticsPage) || !anchorsOf(diagnosticsPage).has(code)) {
    problems.push(`docs/diagnostics.md: no heading for the code ${code} (the editor links to #${code})`);
  }
}

for (const problem of problems) console.log(problem);
console.log(`${checked} links in ${pages().length} pages and ${codes.length} diagnostic codes checked: ${problems.length} broken`);
process.exit(problems.length > 0 ? 1 : 0);
