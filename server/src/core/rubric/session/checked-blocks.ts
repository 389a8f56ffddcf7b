import { keptFromBlockStart, placedAt } from '../../blocks/kept-findings';
import { Finding } from '../../findings';
import type { IndicatorContext } from '../checks/check';
import { findingsOnIndicators, indicatorInputs } from '../check-document';
import { IndicatorBlock, ownIndicators } from './indicator-blocks';

/**
 * The findings of the checks of single indicators, block by block: made for a block the first
 * time and kept (see CheckedBlock), so that a keystroke checks only the indicators whose text
 * changed and the groups above them, not the whole tree. A split block also keeps the findings
 * of everything under it (see CheckedBlock.below), so that a keystroke visits the blocks on its
 * path and their siblings, not every block.
 */
export function findingsOfBlocks(blocks: readonly IndicatorBlock[], context: IndicatorContext): { findings: Finding[]; checked: number } {
  const inputs = indicatorInputs(context);
  const findings: Finding[] = [];
  let checked = 0;
  // How many blocks visited so far made findings that read line numbers: a subtree holding one keeps nothing.
  let readingLines = 0;
  const visit = (block: IndicatorBlock): void => {
    let kept = block.checked;
    if (kept?.below && kept.inputs === inputs) {
      place(kept.below, block.start, findings);
      return;
    }
    if (!kept || kept.inputs !== inputs || kept.readsLines) {
      // A finding that read the line numbers or the rest of the rubric is made again on every version.
      let readsLines = false;
      const lineOf = (offset: number): number => {
        readsLines = true;
        return context.lineOf(offset);
      };
      const rubricNames = () => {
        readsLines = true;
        return context.rubricNames();
      };
      const own = ownIndicators(block);
      const made = findingsOnIndicators(own, { ...context, lineOf, rubricNames });
      checked += own.length;
      kept = block.checked = { inputs, readsLines, findings: made.length > 0 ? keptFromBlockStart(made, block.start) : NONE };
    }
    if (kept.readsLines) readingLines++;
    place(kept.findings, block.start, findings);
    if (block.children.length === 0) return;
    const [from, reading] = [findings.length - kept.findings.length, readingLines];
    block.children.forEach(visit);
    if (!kept.readsLines && readingLines === reading) kept.below = findings.length > from ? keptFromBlockStart(findings.slice(from), block.start) : NONE;
  };
  blocks.forEach(visit);
  return { findings, checked };
}

const NONE: Finding[] = [];

/** Kept findings placed where their block stands, added to `findings`. */
function place(kept: readonly Finding[], blockStart: number, findings: Finding[]): void {
  if (kept.length > 0) for (const finding of placedAt(kept, blockStart)) findings.push(finding);
}
