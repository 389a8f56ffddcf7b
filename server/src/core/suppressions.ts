import { Finding } from './findings';
import { text } from './text/locale';
import { LineIndex } from './text/line-index';
import { Span } from './text/span';

/** `# rubric-ignore quota-rounding` on its own line silences that code on the next line of YAML. */
const IGNORE = /^([ \t]*#[ \t]*)(rubric-ignore)\b([^\r\n]*)$/gm;

/**
 * Whether a text may hold an ignore comment: false means none. A session asks it of each block
 * once, when the block is made, so that a keystroke need not search the whole text for one.
 */
export function mayHoldIgnore(text: string): boolean {
  return text.includes('rubric-ignore');
}

interface IgnoreComment {
  span: Span;
  codes: string[];
  /** 0-based line the comment applies to. */
  targetLine: number;
}

function ignoreComments(source: string, lines: LineIndex, within: Span): IgnoreComment[] {
  const comments: IgnoreComment[] = [];
  if (source.indexOf('rubric-ignore', within.start) < 0) return comments;
  IGNORE.lastIndex = within.start;
  for (let match = IGNORE.exec(source); match && match.index < within.end; match = IGNORE.exec(source)) {
    const start = match.index + match[1].length;
    const codes = match[3].split(/[\s,]+/).filter((c) => c.length > 0 && !c.startsWith('#'));
    let target = lines.positionAt(match.index).line + 1;
    // Skip blank lines and further comments: a stack of ignore comments covers the same line.
    while (target < lines.lineCount && /^\s*(#.*)?$/.test(source.slice(lines.lineStart(target), lines.lineEnd(target)))) target++;
    comments.push({ span: { start, end: start + match[2].length + match[3].trimEnd().length }, codes, targetLine: target });
  }
  return comments;
}

/**
 * Drops the findings a person silenced on purpose; an ignore comment that silences nothing is
 * itself reported, so stale ones do not pile up.
 */
export function applySuppressions(findings: Finding[], source: string, lines: LineIndex, within: Span): Finding[] {
  const comments = ignoreComments(source, lines, within);
  if (comments.length === 0) return findings;
  const used = new Set<IgnoreComment>();
  const kept = findings.filter((finding) => {
    const line = lines.positionAt(finding.span.start).line;
    const comment = comments.find((c) => c.targetLine === line && (c.codes.length === 0 || c.codes.includes(finding.code)));
    if (comment) used.add(comment);
    return !comment;
  });
  const unused = comments
    .filter((c) => !used.has(c))
    .map((c): Finding => ({
      code: 'unused-ignore',
      severity: 'warning',
      span: c.span,
      message: text(
        `This rubric-ignore comment silences nothing${c.codes.length ? ` (${c.codes.join(', ')})` : ''} on the next line; remove it`,
        `此 rubric-ignore 注释未屏蔽下一行的任何问题${c.codes.length ? `（${c.codes.join('、')}）` : ''}，请删除`,
      ),
    }));
  return [...kept, ...unused];
}
