import { text } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { CellProblem } from './import-report';
import { DraftIndicator, DraftRubric, walkDraft } from './rubric-draft';
import { TableLayout } from './table-layout';

/**
 * A table's own figures held against the rubric read from it, so that a table read wrongly is never
 * taken silently: the 合计 row against what the first-level points add up to, each group's stated
 * points against its items', and every points cell of the indicator rows against the points the
 * rubric took (a row with points that became no indicator's is a figure lost). Each disagreement
 * is an error at the cell that states the figure.
 */

/** What was read where: the report, `--format json` and the checks read it. */
export interface TableFacts {
  layout: TableLayout;
  /** The cell each indicator's name was read from. */
  cellOf: Map<DraftIndicator, string>;
  /** The cell each indicator's points were read from: a points cell, or its name (`基础工作（50分）`). */
  pointsCellOf: Map<DraftIndicator, string>;
  /** The cells each indicator's criteria came from. */
  criteriaCellsOf: Map<DraftIndicator, string[]>;
  /** The 合计 row's figure. */
  total?: { value: Decimal; address: string };
  /** The points cells whose figure went into the rubric (or was reported). */
  usedPoints: Set<string>;
  /** The rows read as indicator rows (not the header, sections or notes). */
  indicatorRows: number[];
  /** Rows that made a leaf. */
  leafRows: number;
}

/** An indicator's points: its own, else what its items add up to (undefined when any is unknown). */
export function effectiveWeight(indicator: DraftIndicator): Decimal | undefined {
  if (indicator.weight) return indicator.weight;
  return itemsSum(indicator);
}

function itemsSum(indicator: DraftIndicator): Decimal | undefined {
  if (indicator.items.length === 0) return undefined;
  let total = decimal(0);
  for (const item of indicator.items) {
    const w = effectiveWeight(item);
    if (w === undefined) return undefined;
    total = total.plus(w);
  }
  return total;
}

export function checkFigures(draft: DraftRubric, facts: TableFacts, addressed: Set<string>, problems: CellProblem[]): void {
  const error = (address: string, en: string, zh: string) => {
    addressed.add(address);
    problems.push({ severity: 'error', address, message: text(en, zh) });
  };

  if (facts.total) {
    const weights = draft.indicators.map(effectiveWeight);
    if (weights.every((w) => w !== undefined)) {
      const sum = weights.reduce((a, b) => a.plus(b!), decimal(0));
      if (!sum.eq(facts.total.value)) {
        error(
          facts.total.address,
          `the 合计 row says ${facts.total.value.toFixed()}, the ${draft.indicators.length} first-level indicators read add up to ${sum.toFixed()}`,
          `合计行为 ${facts.total.value.toFixed()} 分，读出的 ${draft.indicators.length} 个一级指标合计 ${sum.toFixed()} 分`,
        );
      }
    }
  }

  for (const { indicator } of walkDraft(draft.indicators)) {
    if (indicator.items.length === 0 || indicator.weight === undefined) continue;
    const stated = indicator.outOf ?? indicator.weight;
    const sum = itemsSum(indicator);
    if (sum === undefined || sum.eq(stated)) continue;
    const address = facts.pointsCellOf.get(indicator) ?? facts.cellOf.get(indicator) ?? facts.layout.grid.name;
    error(
      address,
      `“${indicator.name}” states ${stated.toFixed()} points, its ${indicator.items.length} items read add up to ${sum.toFixed()}`,
      `“${indicator.name}”标明 ${stated.toFixed()} 分，读出的 ${indicator.items.length} 个下级指标合计 ${sum.toFixed()} 分`,
    );
  }

  const { grid, columns } = facts.layout;
  const withPoints: string[] = [];
  const lost: { address: string; value: string }[] = [];
  for (const r of facts.indicatorRows) {
    for (const c of columns.weights) {
      const origin = grid.mergeOrigin(r, c);
      if (origin && (origin.row !== r || origin.column !== c)) continue;
      const reading = grid.reading(r, c);
      if (reading.kind === 'empty') continue;
      const address = grid.address(r, c);
      withPoints.push(address);
      if (!facts.usedPoints.has(address) && !addressed.has(address)) lost.push({ address, value: grid.text(r, c) });
    }
  }
  for (const cell of lost) {
    error(
      cell.address,
      `${cell.value} points here are in no indicator of the rubric: the table has ${withPoints.length} points cells on its indicator rows, the rubric took ${withPoints.length - lost.length}`,
      `此处的 ${cell.value} 分未计入细则的任何指标：表中指标行共有 ${withPoints.length} 个分值单元格，细则只取用了 ${withPoints.length - lost.length} 个`,
    );
  }
}
