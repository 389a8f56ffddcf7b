import { keptFromBlockStart, placedAt } from '../../blocks/kept-findings';
import { Finding } from '../../findings';
import type { IndicatorContext } from '../checks/check';
import { findingsOnIndicators, indicatorInputs } from '../check-document';
import { IndicatorBlock } from './indicator-blocks';

/**
 * The findings of the checks of single indicators, block by block: made for a block the first
 * time and kept (see CheckedBlock), so that a keystroke checks only the indicators whose text
 * changed and the groups above them, not the whole tree.
 */
export function findingsOfBlocks(blocks: readonly IndicatorBlock[], context: IndicatorContext): { findings: Finding[]; checked: number } {
  const inputs = indicatorInputs(context);
  const findings: Finding[] = [];
  let checked = 0;
  const visit = (block: IndicatorBlock): void => {
    let kept = block.checked;
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
      const own = block.children.length === 0 ? block.all : [block.indicator];
      const made = findingsOnIndicators(own, { ...context, lineOf, rubricNames });
      checked += own.length;
      kept = block.checked = { inputs, readsLines, findings: keptFromBlockStart(made, block.start) };
    }
    for (const finding of placedAt(kept.findings, block.start)) findings.push(finding);
    block.children.forEach(visit);
  };
  blocks.forEach(visit);
  return { findings, checked };
}
