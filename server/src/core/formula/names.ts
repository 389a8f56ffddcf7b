import { text } from '../text/locale';
import { nearSpelling } from '../text/near-spelling';
import { AggregateKind, Formula, FormulaNode, FormulaProblem, FUNCTION_NAMES, isFormulaIdentifier } from './syntax';

/** What a formula's names can be: its indicator's inputs and `weight`, and what the rest of the rubric has. */
export interface FormulaScope {
  /** The inputs of the formula's own indicator, with the names people know them by. */
  inputs: readonly { id: string; name?: string }[];
  /** The rubric's other indicators' inputs: input id → the indicator that has it. */
  otherInputs?: ReadonlyMap<string, { indicator: string; indicatorName?: string }>;
  /** The rubric's indicators: id → name. */
  indicators?: ReadonlyMap<string, string | undefined>;
}

/** The most ids a message lists. */
const LISTED = 12;

/**
 * The names of a parsed formula against its scope: `unknown-name` for a name that is no input of
 * this indicator (with the near spelling, the id when the input's name was written, or that it
 * belongs to another indicator), and `formula-syntax` where an input's id cannot be written in a
 * formula at all (a number, or an id with `-` in it).
 */
export function checkNames(formula: Formula, scope: FormulaScope): FormulaProblem[] {
  const ids = new Set(scope.inputs.map((i) => i.id));
  const problems: FormulaProblem[] = [];
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case 'number': {
        const written = formula.source.slice(node.span.start, node.span.end);
        if (ids.has(written)) problems.push(numberId(node.span, written));
        return;
      }
      case 'input':
        if (!ids.has(node.id)) problems.push(unknownInput(formula.source, node.id, node.span, scope));
        return;
      case 'aggregate':
        if (!ids.has(node.input)) problems.push(unknownInput(formula.source, node.input, node.inputSpan, scope));
        return;
      case 'call':
        if (!FUNCTION_NAMES.has(node.name)) problems.push(unknownFunction(node.name, node.nameSpan, ids));
        return node.args.forEach(visit);
      case 'negate':
      case 'percent':
      case 'not':
        return visit(node.operand);
      case 'weight':
        return;
      default:
        visit(node.left);
        visit(node.right);
    }
  };
  visit(formula.root);
  // `a-b` said once, as an id that reads as a calculation: not again as the unknown name `b` in it.
  return problems.filter((p) => !problems.some((q) => q !== p && q.code === 'formula-syntax' && q.span.start <= p.span.start && p.span.end <= q.span.end));
}

function numberId(where: FormulaProblem['span'], id: string): FormulaProblem {
  return {
    code: 'formula-syntax',
    span: where,
    message: text(
      `${id} is read as the number ${id}, not as the input ${id}: an input used in a formula needs an id that starts with a letter or _`,
      `${id} 在公式中是数字 ${id}，而不是输入项 ${id}：公式中使用的输入项，id 须以字母或 _ 开头`,
    ),
  };
}

function unknownInput(source: string, id: string, where: FormulaProblem['span'], scope: FormulaScope): FormulaProblem {
  // `rate-2` reads as rate − 2: the input's whole id is written here.
  const hyphenated = scope.inputs.find((i) => i.id.length > id.length && !isFormulaIdentifier(i.id) && source.startsWith(i.id, where.start));
  if (hyphenated) {
    return {
      code: 'formula-syntax',
      span: { start: where.start, end: where.start + hyphenated.id.length },
      message: text(
        `${hyphenated.id} reads as a calculation here: in a formula "-" is always minus, so the input needs an id of letters, digits and _ (${hyphenated.id.replace(/[^\p{L}\p{M}\p{Nd}_]/gu, '_')})`,
        `${hyphenated.id} 在公式中会被当作算式：“-”在公式中总是减号，输入项的 id 须只含字母、数字和 _（如 ${hyphenated.id.replace(/[^\p{L}\p{M}\p{Nd}_]/gu, '_')}）`,
      ),
    };
  }
  const unknown = (en: string, zh: string, suggestion?: string): FormulaProblem => ({ code: 'unknown-name', span: where, message: text(en, zh), suggestion });
  const other = scope.otherInputs?.get(id);
  if (other) {
    const indicator = other.indicatorName ? `${other.indicator} (${other.indicatorName})` : other.indicator;
    const indicatorZh = other.indicatorName ? `“${other.indicatorName}”（${other.indicator}）` : `“${other.indicator}”`;
    return unknown(
      `${id} is an input of the indicator ${indicator}: a formula uses only its own indicator's inputs and weight (formulas cannot refer to other indicators)`,
      `${id} 是指标${indicatorZh}的输入项：公式只能使用本指标的输入项和 weight（公式不能引用其他指标）`,
    );
  }
  if (scope.indicators?.has(id)) {
    const name = scope.indicators.get(id);
    return unknown(
      `${id} is an indicator${name ? ` (${name})` : ''}: a formula cannot use an indicator's points, only its own inputs and weight (formulas cannot refer to other indicators)`,
      `${id} 是指标${name ? `“${name}”` : ''}：公式不能使用指标的得分，只能使用本指标的输入项和 weight（公式不能引用其他指标）`,
    );
  }
  const byName = scope.inputs.find((i) => i.name === id);
  if (byName) {
    return unknown(
      `"${id}" is the name of the input ${byName.id}: a formula uses its id, ${byName.id}`,
      `“${id}”是输入项 ${byName.id} 的名称：公式中须写其 id“${byName.id}”`,
      byName.id,
    );
  }
  const usable = scope.inputs.map((i) => i.id).filter(isFormulaIdentifier);
  const suggestion = nearSpelling(id, [...usable, 'weight']);
  if (suggestion) {
    const name = scope.inputs.find((i) => i.id === suggestion)?.name;
    const named = name && name !== suggestion ? name : undefined;
    return unknown(
      `No input of this indicator has the id ${id}: did you mean ${suggestion}${named ? ` (${named})` : ''}?`,
      `本指标没有 id 为“${id}”的输入项：是否应为“${suggestion}”${named ? `（${named}）` : ''}？`,
      suggestion,
    );
  }
  if (usable.length === 0) {
    return unknown(
      `No input of this indicator has the id ${id}: it has no inputs a formula can use (scoring: inputs)`,
      `本指标没有 id 为“${id}”的输入项：本指标没有可在公式中使用的输入项（scoring: inputs）`,
    );
  }
  const shown = usable.slice(0, LISTED);
  const more = usable.length - shown.length;
  return unknown(
    `No input of this indicator has the id ${id}; its inputs: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}, and weight`,
    `本指标没有 id 为“${id}”的输入项；可用的输入项：${shown.join('、')}${more > 0 ? ` 等（另有 ${more} 个）` : ''}，以及 weight`,
  );
}

function unknownFunction(name: string, where: FormulaProblem['span'], inputs: ReadonlySet<string>): FormulaProblem {
  if (inputs.has(name) || name === 'weight') {
    return {
      code: 'unknown-name',
      span: where,
      message: text(`${name} is not a function: to multiply, put × between ${name} and (`, `${name} 不是函数：如要相乘，请在 ${name} 与（之间加 ×`),
    };
  }
  const suggestion = nearSpelling(name, [...FUNCTION_NAMES]);
  const all = [...FUNCTION_NAMES].join(', ');
  return {
    code: 'unknown-name',
    span: where,
    message: suggestion
      ? text(`No function is called ${name}: did you mean ${suggestion}?`, `没有名为“${name}”的函数：是否应为“${suggestion}”？`)
      : text(`No function is called ${name}; a formula has ${all}`, `没有名为“${name}”的函数；公式可用的函数：${[...FUNCTION_NAMES].join('、')}`),
    suggestion,
  };
}

/** The input ids a formula uses, alone or inside `best(…)`/`worst(…)`/`mean(…)`, each once, in text order. */
export function namesUsed(formula: Formula): string[] {
  const used = new Set<string>();
  for (const reference of formula.references) {
    if (reference.kind === 'input') used.add(reference.id);
    else if (reference.kind === 'aggregate') used.add(reference.input);
  }
  return [...used];
}

/** The group aggregates a formula needs from its caller, each once, in text order. */
export function aggregatesUsed(formula: Formula): { aggregate: AggregateKind; input: string }[] {
  const seen = new Set<string>();
  const used: { aggregate: AggregateKind; input: string }[] = [];
  for (const reference of formula.references) {
    if (reference.kind !== 'aggregate') continue;
    const key = `${reference.aggregate}\u0000${reference.input}`;
    if (seen.has(key)) continue;
    seen.add(key);
    used.push({ aggregate: reference.aggregate, input: reference.input });
  }
  return used;
}
