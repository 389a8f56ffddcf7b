import { keptFromBlockStart, placedAt } from '../../blocks/kept-findings';
import { Finding } from '../../findings';
import type { IndicatorContext } from '../checks/check';
import { findingsOnIndicators, indicatorInputs } from '../check-document';
import { IndicatorBlock, ownIndicators } from './indicator-blocks';

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
      let readsLines = false;
      const lineOf = (offset: number): number => {
        readsLines = true;
        return context.lineOf(offset);
      };
      const own = ownIndicators(block);
      const made = findingsOnIndicators(own, { ...context, lineOf });
      checked += own.length;
      kept = block.checked = { inputs, readsLines, findings: keptFromBlockStart(made, block.start) };
    }
    for (const finding of placedAt(kept.findings, block.start)) findings.push(finding);
    block.children.forEach(visit);
  };
  blocks.forEach(visit);
  return { findings, checked };
}
