import { Decimal } from '../core/decimal';
import { AggregateKind, FormulaNode, parseFormula } from '../core/formula';
import { exact } from './criteria-text';

/**
 * A rubric's formula (`reached / sections × weight × 80%`) as an Excel formula over the template's
 * cells, so that the sheet shows a measured indicator's points while it is filled. Every node of
 * the formula language has an Excel spelling; `best(x)` / `worst(x)` / `mean(x)` are MAX / MIN /
 * AVERAGE of the input's column over the rows of the subject's group. The sheet's figure is a
 * preview in floating point: `rubric import` records the inputs and the scoresheet works the points
 * out in exact decimals.
 */

export interface ExcelFormulaCells {
  /** The cell holding an input on this row: `C7`. */
  input: (id: string) => string;
  /** The input's cells on the rows of this subject's group: `C$7:C$11`. */
  group: (id: string) => string;
  /** The indicator's points on its own scale (`weight` in the formula). */
  scale: Decimal;
  /** The lowest its points go (the rubric's `floor`, 0 when not written). */
  floor: Decimal;
}

const AGGREGATE: Record<AggregateKind, string> = { best: 'MAX', worst: 'MIN', mean: 'AVERAGE' };
const COMPARE: Record<string, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '=': '=', '!=': '<>' };

/** The Excel formula giving the points, limited to floor..scale; undefined when the formula does not parse. */
export function excelPointsFormula(source: string, cells: ExcelFormulaCells): string | undefined {
  const parsed = parseFormula(source);
  if (!parsed.formula) return undefined;
  const expression = excelOf(parsed.formula.root, cells);
  return expression === undefined ? undefined : `MIN(${exact(cells.scale)},MAX(${exact(cells.floor)},${expression}))`;
}

function excelOf(node: FormulaNode, cells: ExcelFormulaCells): string | undefined {
  const of = (n: FormulaNode) => excelOf(n, cells);
  const all = (nodes: FormulaNode[]): string[] | undefined => {
    const out = nodes.map(of);
    return out.every((x): x is string => x !== undefined) ? out : undefined;
  };
  switch (node.kind) {
    case 'number':
      return exact(node.value);
    case 'input':
      return cells.input(node.id);
    case 'weight':
      return exact(cells.scale);
    case 'negate': {
      const operand = of(node.operand);
      return operand === undefined ? undefined : `(-${operand})`;
    }
    case 'percent': {
      const operand = of(node.operand);
      return operand === undefined ? undefined : `(${operand}/100)`;
    }
    case 'arithmetic':
    case 'compare': {
      const [left, right] = [of(node.left), of(node.right)];
      if (left === undefined || right === undefined) return undefined;
      const operator = node.kind === 'compare' ? COMPARE[node.operator] : node.operator;
      return `(${left}${operator}${right})`;
    }
    case 'logic': {
      const both = all([node.left, node.right]);
      return both && `${node.operator === 'and' ? 'AND' : 'OR'}(${both.join(',')})`;
    }
    case 'not': {
      const operand = of(node.operand);
      return operand === undefined ? undefined : `NOT(${operand})`;
    }
    case 'aggregate':
      return `${AGGREGATE[node.aggregate]}(${cells.group(node.input)})`;
    case 'call': {
      const args = all(node.args);
      if (!args) return undefined;
      switch (node.name) {
        case 'if':
          return `IF(${args.join(',')})`;
        case 'min':
        case 'max':
        case 'abs':
          return `${node.name.toUpperCase()}(${args.join(',')})`;
        case 'round':
          return `ROUND(${args[0]},${args[1] ?? '0'})`;
        case 'floor':
          return `INT(${args[0]})`;
        case 'ceil':
          return `(-INT(-${args[0]}))`;
        case 'clamp':
          return `MIN(MAX(${args[0]},${args[1]}),${args[2]})`;
        default:
          return undefined;
      }
    }
  }
}
