import type { Finding } from '../findings';
import type { Span } from '../text/span';

/**
 * Findings made from one block alone are kept with it at offsets from its start: a move leaves
 * them as they are, and each version reads copies placed where the block now stands.
 */

/** Findings at offsets in the text, kept at offsets from the start of a block at `blockStart`. */
export function keptFromBlockStart(findings: readonly Finding[], blockStart: number): Finding[] {
  return findings.map((finding) => movedFinding(finding, -blockStart));
}

/** Kept findings, placed where their block now starts. */
export function placedAt(findings: readonly Finding[], blockStart: number): Finding[] {
  return findings.map((finding) => movedFinding(finding, blockStart));
}

/** A copy of a finding `delta` characters further on. */
function movedFinding(finding: Finding, delta: number): Finding {
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return finding.dependsOn ? { ...finding, span: move(finding.span), dependsOn: move(finding.dependsOn) } : { ...finding, span: move(finding.span) };
}
