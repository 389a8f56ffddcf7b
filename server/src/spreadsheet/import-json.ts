import { Locale } from '../core';
import { CellProblem, columnLetter } from './import-report';
import { DraftIndicator } from './rubric-draft';
import { effectiveWeight, TableFacts } from './table-figures';
import { describeLayout, shownRow } from './table-layout';
import { vetoesInNotes } from './table-notes';
import type { Imported } from './operations';

/**
 * `rubric import --format json`: what was read, by cell, for scripts — the layout recognised (its
 * hierarchy, header rows and columns), each indicator with the cells its name, points and criteria
 * came from, the 合计 row, the notes and the vetoes they speak of, and every problem by cell.
 * Figures are strings, exactly as read (`"1.5"`), never floats.
 */

export interface ImportJson {
  file: string;
  kind: 'scores' | 'rubric';
  /** The old format LibreOffice converted the file from. */
  convertedFrom?: string;
  /** The file written, or null (errors without --allow-errors, nothing read, a target that exists). */
  written: string | null;
  errors: number;
  warnings: number;
  problems: { severity: 'error' | 'warning'; address: string; message: string }[];
  /** Scores: subjects read; rubric: leaf indicators read. */
  count: number;
  rubric?: string;
  table?: TableJson;
}

interface TableJson {
  name: string;
  layout: {
    hierarchy: string;
    description: string;
    headerRows: number[];
    columns: Record<string, string | string[]>;
  };
  total: { value: string; cell: string } | null;
  leafRows: number;
  indicators: IndicatorJson[];
  notes: { text: string; cell: string }[];
  vetoesInNotes: { name: string; tier?: string; cell: string }[];
}

interface IndicatorJson {
  name: string;
  id?: string;
  cell: string | null;
  /** Its own points, or what its items add up to. */
  points: string | null;
  /** Where its own points were read; null when they are its items' sum. */
  pointsCell: string | null;
  criteriaCells: string[];
  items: IndicatorJson[];
}

function columnsJson(facts: TableFacts): Record<string, string | string[]> {
  const { columns, levelColumns } = facts.layout;
  const letters = (cs: readonly number[]) => [...new Set(cs)].map(columnLetter);
  const letter = (c: number | undefined) => (c === undefined ? undefined : columnLetter(c));
  const entries: [string, string | string[] | undefined][] = [
    ['indicators', letters(levelColumns)],
    ['points', letters(columns.weights)],
    ['criteria', letter(columns.criteria)],
    ['content', letter(columns.content)],
    ['methods', letter(columns.methods)],
    ['serial', letter(columns.serial)],
    ['remarks', letter(columns.remarks)],
    ['scores', columns.scores.length > 0 ? letters(columns.scores) : undefined],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length > 0))) as Record<string, string | string[]>;
}

function indicatorJson(indicator: DraftIndicator, facts: TableFacts): IndicatorJson {
  return {
    name: indicator.name,
    ...(indicator.id !== undefined ? { id: indicator.id } : {}),
    cell: facts.cellOf.get(indicator) ?? null,
    points: effectiveWeight(indicator)?.toFixed() ?? null,
    pointsCell: facts.pointsCellOf.get(indicator) ?? null,
    criteriaCells: facts.criteriaCellsOf.get(indicator) ?? [],
    items: indicator.items.map((item) => indicatorJson(item, facts)),
  };
}

export function importJson(file: string, imported: Imported, written: string | null, locale: Locale): ImportJson {
  const problem = (p: CellProblem) => ({ severity: p.severity, address: p.address, message: p.message[locale] });
  const errors = imported.problems.filter((p) => p.severity === 'error').length;
  const json: ImportJson = {
    file,
    kind: imported.kind,
    ...(imported.convertedFrom ? { convertedFrom: imported.convertedFrom } : {}),
    written,
    errors,
    warnings: imported.problems.length - errors,
    problems: imported.problems.map(problem),
    count: imported.count,
    ...(imported.rubricFile ? { rubric: imported.rubricFile } : {}),
  };
  const table = imported.table;
  if (table) {
    const { facts, draft } = table;
    const notes = draft.notes ?? [];
    json.table = {
      name: facts.layout.grid.name,
      layout: {
        hierarchy: facts.layout.hierarchy,
        description: describeLayout(facts.layout)[locale],
        headerRows: facts.layout.header.rows.map((r) => shownRow(facts.layout.grid, r)),
        columns: columnsJson(facts),
      },
      total: facts.total ? { value: facts.total.value.toFixed(), cell: facts.total.address } : null,
      leafRows: facts.leafRows,
      indicators: draft.indicators.map((i) => indicatorJson(i, facts)),
      notes: notes.map((n) => ({ text: n.text, cell: n.address })),
      vetoesInNotes: vetoesInNotes(notes).map((v) => ({ name: v.name, ...(v.tier ? { tier: v.tier } : {}), cell: v.note.address })),
    };
  }
  return json;
}
