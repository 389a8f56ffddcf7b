import { Locale } from '../core';
import { Decimal, decimal } from '../core/decimal';
import type { QuotaAmount } from '../core/quota/allocate';
import { ROUNDING_NAMES_ZH } from '../core';
import type { QuotaRounding } from '../core/quota/rounding';
import { FORMULA_WORD, formulaLines, inputName, INPUTS_WORD, rangedRuleText, schemeFormula, WHOLE } from './measured-text';
import { DraftDeductRule, DraftExtraItem, DraftInput, DraftRangedRule, DraftQuota, DraftScoring, DraftThreshold } from './rubric-draft';

/**
 * Scoring rules in words, as a 考评表 states them (“每发现一处扣2分，扣完为止”), and the same words read
 * back. Writer and reader live together so that whatever the export writes, the import reads; the
 * reader also takes the plain phrasings offices use (“未按时报送的扣2分”), in either language.
 */

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;

/** An exact decimal as written: 14.5, never 14.50 or 1.45e1. */
export const exact = (value: Decimal): string => value.toFixed();

const points = (value: Decimal, locale: Locale): string => (locale === 'zh-CN' ? `${exact(value)}分` : `${exact(value)} point${value.eq(1) ? '' : 's'}`);

/** The condition of a per-case rule, in words that say “per case”: 每… as written, else `…，每次`. */
function perPhraseZh(per: string | undefined): string {
  if (per === undefined) return '每次';
  return per.includes('每') ? per : `${per}，每次`;
}

const floorZh = (floor: Decimal | undefined): string => (floor === undefined || floor.eq(0) ? '扣完为止' : `最低得${exact(floor)}分`);
const floorEn = (floor: Decimal | undefined): string => `not below ${floor === undefined ? '0' : exact(floor)}`;

function ruleLine(rule: DraftDeductRule, locale: Locale): string {
  if (locale === 'zh-CN') {
    if (rule.when !== undefined && rule.per === undefined) return `${rule.when}，扣${points(rule.points, locale)}`;
    return `${perPhraseZh(rule.per)}扣${points(rule.points, locale)}${rule.max ? `，最高扣${points(rule.max, locale)}` : ''}`;
  }
  if (rule.when !== undefined && rule.per === undefined) return `${points(rule.points, locale)} off once if ${rule.when}`;
  return `${points(rule.points, locale)} off per ${rule.per ?? 'case'}${rule.max ? `, at most ${exact(rule.max)}` : ''}`;
}

/**
 * The scoring rules of a leaf, one line each: levels, the formula and its inputs (`scale`: the
 * points `weight` stands for), then deductions, those set within a range, and how low the item may fall.
 */
export function scoringLines(scoring: DraftScoring | undefined, locale: Locale, scale?: Decimal): string[] {
  if (!scoring) return [];
  const zh = locale === 'zh-CN';
  const lines = scoring.levels.map((level) => {
    const label = points(level.points, locale);
    return level.when === undefined ? label : `${label}${zh ? '：' : ': '}${level.when}`;
  });
  lines.push(...formulaLines(scoring, scale, locale));
  const ranged = (scoring.ranged ?? []).map((rule) => rangedRuleText(rule, locale));
  if (scoring.deduct) {
    const line = ruleLine({ points: scoring.deduct, per: scoring.per }, locale);
    lines.push(zh ? `${line}，${floorZh(scoring.floor)}` : `${line}, ${floorEn(scoring.floor)}`);
  } else if (scoring.rules.length > 0 || ranged.length > 0) {
    for (const rule of scoring.rules) lines.push(ruleLine(rule, locale));
    lines.push(...ranged);
    lines.push(zh ? floorZh(scoring.floor) : capitalize(floorEn(scoring.floor)));
  } else if (scoring.floor && scoring.levels.length === 0 && scoring.formula === undefined) {
    lines.push(zh ? floorZh(scoring.floor) : capitalize(floorEn(scoring.floor)));
  }
  return lines;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The 评分标准 cell of a leaf: its criteria, then its rules (`scale`: the points a formula's `weight` stands for). */
export function criteriaCellText(criteria: string | undefined, scoring: DraftScoring | undefined, locale: Locale, scale?: Decimal): string {
  return [...(criteria ? [criteria] : []), ...scoringLines(scoring, locale, scale)].join('\n');
}

type ParsedLine =
  | { kind: 'level'; points: Decimal; when?: string }
  | { kind: 'rule'; rule: DraftDeductRule; floor?: Decimal | 'zero' }
  | { kind: 'floor'; floor: Decimal | 'zero' };

const LEVEL_ZH = new RegExp(`^${NUMBER}\\s*分\\s*(?:[：:]\\s*(.*))?$`);
const LEVEL_EN = new RegExp(`^${NUMBER}\\s*points?\\s*(?::\\s*(.*))?$`, 'i');
const RULE_ZH = new RegExp(
  `^(.+?)[，,]?\\s*(?:一次性)?扣(?:除)?\\s*${NUMBER}\\s*分(?:[，,]\\s*(?:累计)?(?:最高|最多)扣\\s*${NUMBER}\\s*分)?(?:[，,]\\s*(扣完为止|最低得\\s*${NUMBER}\\s*分))?[。；;]?$`,
);
const FLOOR_ZH = new RegExp(`^(?:本项)?(扣完为止|最低得\\s*${NUMBER}\\s*分)[。；;]?$`);
const PER_EN = new RegExp(`^${NUMBER}\\s*points?\\s+off\\s+per\\s+(.+?)(?:,\\s*at most\\s*${NUMBER})?(?:,\\s*not below\\s*${NUMBER})?\\.?$`, 'i');
const WHEN_EN = new RegExp(`^${NUMBER}\\s*points?\\s+off\\s+once\\s+if\\s+(.+?)\\.?$`, 'i');
const FLOOR_EN = new RegExp(`^not below\\s*${NUMBER}(?:\\s*points?)?\\.?$`, 'i');

const floorValue = (value: string | undefined): Decimal | 'zero' => (value === undefined || decimal(value).eq(0) ? 'zero' : decimal(value));

function parseLine(line: string): ParsedLine | undefined {
  let m = LEVEL_ZH.exec(line) ?? LEVEL_EN.exec(line);
  if (m) return { kind: 'level', points: decimal(m[1]), when: m[2]?.trim() || undefined };
  m = FLOOR_ZH.exec(line);
  if (m) return { kind: 'floor', floor: m[1] === '扣完为止' ? 'zero' : floorValue(m[2]) };
  m = FLOOR_EN.exec(line);
  if (m) return { kind: 'floor', floor: floorValue(m[1]) };
  m = RULE_ZH.exec(line);
  if (m) {
    const condition = m[1].trim();
    const floor = m[4] === undefined ? undefined : m[4] === '扣完为止' ? 'zero' : floorValue(m[5]);
    if (condition.includes('每')) {
      const per = condition === '每次' ? undefined : condition.replace(/[，,]\s*每次$/, '');
      return { kind: 'rule', rule: { points: decimal(m[2]), per, max: m[3] ? decimal(m[3]) : undefined }, floor };
    }
    return { kind: 'rule', rule: { points: decimal(m[2]), when: condition }, floor };
  }
  m = PER_EN.exec(line);
  if (m) {
    const per = m[2].trim() === 'case' ? undefined : m[2].trim();
    return {
      kind: 'rule',
      rule: { points: decimal(m[1]), per, max: m[3] ? decimal(m[3]) : undefined },
      floor: m[4] === undefined ? undefined : floorValue(m[4]),
    };
  }
  m = WHEN_EN.exec(line);
  if (m) return { kind: 'rule', rule: { points: decimal(m[1]), when: m[2].trim() } };
  return undefined;
}

/**
 * What our own export wrote in the hidden column of a leaf's row (absent on an office's own table):
 * how many lines of the cell are the criteria as written, the formula as written, the ids of the
 * inputs and of the rules set within a range, in order.
 */
export interface OwnCellFacts {
  criteriaLines?: number;
  formula?: string;
  inputs?: string[];
  ranged?: string[];
  /** The points a formula's `weight` stands for (the leaf's `out_of` or weight). */
  scale?: Decimal;
}

/**
 * A 评分标准 (or 考核内容) cell read back: the lines that state a rule become scoring, the rest is
 * the criteria text, kept word for word. `ruleIds` (from our own layout) name the rules in order.
 * From our own layout (`own`), the criteria's lines are known and never read as rules, and the
 * formula's and inputs' lines (`计分公式：…`, `计分数据：…`) become `scoring: {inputs, formula}`;
 * on an office's table those lines stay criteria (their inputs have no ids to write).
 */
export function parseCriteriaCell(text: string, ruleIds: (string | null)[] = [], own?: OwnCellFacts): { criteria?: string; scoring?: DraftScoring } {
  const criteria: string[] = [];
  const scoring: DraftScoring = { levels: [], rules: [] };
  let floor: Decimal | 'zero' | undefined;
  let formulaLine: string | undefined;
  let inputsLine: string | undefined;
  const ranged: Omit<DraftRangedRule, 'id'>[] = [];
  let kept = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (own?.criteriaLines !== undefined && kept < own.criteriaLines) {
      kept++;
      criteria.push(raw.trimEnd());
      continue;
    }
    if (line === '') continue;
    if (own?.inputs) {
      const formulaText = afterWord(line, FORMULA_WORD);
      if (formulaText !== undefined && formulaLine === undefined) {
        formulaLine = formulaText;
        continue;
      }
      const inputsText = afterWord(line, INPUTS_WORD);
      if (inputsText !== undefined && inputsLine === undefined) {
        inputsLine = inputsText;
        continue;
      }
    }
    const rangedRule = parseRangedRule(line);
    if (rangedRule) {
      ranged.push(rangedRule);
      continue;
    }
    const parsed = parseLine(line);
    if (!parsed || (parsed.kind === 'rule' && own?.criteriaLines === undefined && !isRuleSentence(line))) criteria.push(raw.trimEnd());
    else if (parsed.kind === 'level') scoring.levels.push({ points: parsed.points, when: parsed.when });
    else if (parsed.kind === 'floor') floor = parsed.floor;
    else {
      scoring.rules.push(parsed.rule);
      if (parsed.floor !== undefined) floor = parsed.floor;
    }
  }
  scoring.rules.forEach((rule, index) => {
    const id = ruleIds[index];
    if (id) rule.id = id;
  });
  if (ranged.length > 0) scoring.ranged = ranged.map((rule, index) => ({ ...rule, id: own?.ranged?.[index] ?? `range-${index + 1}` }));
  if (formulaLine !== undefined && own?.inputs) {
    const measured = measuredBack(formulaLine, inputsLine, own);
    if (measured) Object.assign(scoring, measured);
    else criteria.push(`${FORMULA_WORD.zh}${formulaLine}`, ...(inputsLine !== undefined ? [`${INPUTS_WORD.zh}${inputsLine}`] : []));
  }
  const [only] = scoring.rules;
  // One per-case rule without a cap or an id is the single form `deduct: 2, per: …`.
  if (scoring.rules.length === 1 && only.when === undefined && !only.max && !only.id && !scoring.ranged) {
    scoring.deduct = only.points;
    scoring.per = only.per;
    scoring.rules = [];
  }
  if (floor !== undefined && floor !== 'zero') scoring.floor = floor;
  const hasScoring =
    scoring.levels.length > 0 ||
    scoring.rules.length > 0 ||
    scoring.deduct !== undefined ||
    scoring.floor !== undefined ||
    scoring.ranged !== undefined ||
    scoring.formula !== undefined;
  return { criteria: criteria.length > 0 ? criteria.join('\n') : undefined, scoring: hasScoring ? scoring : undefined };
}

const afterWord = (line: string, word: { zh: string; en: string }): string | undefined =>
  line.startsWith(word.zh) ? line.slice(word.zh.length).trim() : line.startsWith(word.en) ? line.slice(word.en.length).trim() : undefined;

/**
 * On an office's own table, a line is read as a rule only when it is one rule: one sentence
 * (no 。；; inside it) stating one amount. `国控断面部分月份水质反弹为劣Ⅴ类的，每月扣2分；国控断面年均水质未达到
 * 年度目标的，每个断面扣5分。` is two rules of a measured indicator, not one rule to keep: it stays criteria.
 */
function isRuleSentence(line: string): boolean {
  const body = line.replace(/[。；;.]$/, '');
  if (/[。；;]/.test(body)) return false;
  return (body.match(/[扣加减]\s*(?:除)?\s*\d/g) ?? []).length <= 1 || /最高扣|最多扣|at most/.test(body);
}

const RANGED_ONCE_ZH = new RegExp(`^(.+?)：视情节扣\\s*${NUMBER}\\s*[—–-]\\s*${NUMBER}\\s*分$`);
const RANGED_PER_ZH = new RegExp(`^(.+?)：每次视情节扣\\s*${NUMBER}\\s*[—–-]\\s*${NUMBER}\\s*分(?:，最多\\s*${NUMBER}\\s*分)?$`);
const RANGED_ONCE_EN = new RegExp(`^(.+?): ${NUMBER}\\s*[–—-]\\s*${NUMBER} points off, as the case warrants$`);
const RANGED_PER_EN = new RegExp(`^(.+?): ${NUMBER}\\s*[–—-]\\s*${NUMBER} points off per case, as it warrants(?:, at most ${NUMBER})?$`);

/** A deduction set within a range, in the words `rangedRuleText` writes. */
function parseRangedRule(line: string): Omit<DraftRangedRule, 'id'> | undefined {
  let m = RANGED_ONCE_ZH.exec(line) ?? RANGED_ONCE_EN.exec(line);
  if (m) return { when: m[1].trim(), min: decimal(m[2]), max: decimal(m[3]) };
  m = RANGED_PER_ZH.exec(line) ?? RANGED_PER_EN.exec(line);
  if (m) return { per: m[1].trim(), min: decimal(m[2]), max: decimal(m[3]), cap: m[4] ? decimal(m[4]) : undefined };
  return undefined;
}

const BACK: Record<string, string> = { '×': '*', '÷': '/', '−': '-', '≤': '<=', '≥': '>=', '≠': '!=' };

/**
 * The formula and inputs of our own export read back: the inputs' names, units and ranges from
 * their line, their ids from the hidden column. The formula as written when the line still says
 * what it said; else the line with each name put back as its id and × ÷ − as the language has them.
 */
function measuredBack(formulaLine: string, inputsLine: string | undefined, own: OwnCellFacts): Pick<DraftScoring, 'inputs' | 'formula'> | undefined {
  const ids = own.inputs ?? [];
  const specs = inputsLine === undefined ? [] : inputsLine.split(/；|; /).map(parseInputText);
  if (specs.length !== ids.length) return undefined;
  // An input without a name is shown by its id: no name to write back then.
  const inputs: DraftInput[] = ids.map((id, index) => ({ id, ...specs[index], ...(specs[index].name === id ? { name: undefined } : {}) }));
  if (own.formula !== undefined && schemeFormula(own.formula, inputs, own.scale) === formulaLine) return { inputs, formula: own.formula };
  let formula = formulaLine;
  const byLength = [...inputs].sort((a, b) => inputName(b).length - inputName(a).length);
  const marks = byLength.map((_, index) => `\u0001${index}\u0002`);
  byLength.forEach((input, index) => (formula = formula.split(inputName(input)).join(marks[index])));
  formula = formula.replace(/[×÷−≤≥≠]/g, (c) => BACK[c]);
  byLength.forEach((input, index) => (formula = formula.split(marks[index]).join(input.id)));
  return { inputs, formula };
}

/** `满意度（%，0—100）` / `满意度 (%, 0–100)`: the name, the unit and the range. */
function parseInputText(text: string): Omit<DraftInput, 'id'> {
  const m = /^(.*?)\s*[（(]([^（）()]*)[）)]$/.exec(text.trim());
  const all = m ? m[2].split(/，|, /).map((p) => p.trim()) : [];
  const integer = all.length > 0 && (all[all.length - 1] === WHOLE['zh-CN'] || all[all.length - 1] === WHOLE.en);
  const parts = integer ? all.slice(0, -1) : all;
  const range = new RegExp(`^(?:${NUMBER}\\s*[—–]\\s*${NUMBER}|≥\\s*${NUMBER}|≤\\s*${NUMBER})$`);
  const last = parts.length > 0 ? range.exec(parts[parts.length - 1]) : null;
  const unitParts = last ? parts.slice(0, -1) : parts;
  // A bracket that is neither a unit nor a range belongs to the name (`达到年度任务书要求（是 1，否 0）`).
  if (!m || unitParts.length > 1 || (!last && !integer && unitParts.length === 1 && /\s|，/.test(unitParts[0]))) return { name: text.trim() };
  const result: Omit<DraftInput, 'id'> = { name: m[1] };
  if (integer) result.integer = true;
  if (unitParts[0]) result.unit = unitParts[0];
  if (last) {
    if (last[1] !== undefined) [result.min, result.max] = [decimal(last[1]), decimal(last[2])];
    else if (last[3] !== undefined) result.min = decimal(last[3]);
    else result.max = decimal(last[4]);
  }
  return result;
}

/** A bonus or penalty item's rule: `加3分`, `每天加1分` (per case). */
export function extraItemText(item: DraftExtraItem, kind: 'bonus' | 'penalties', locale: Locale): string {
  const verb = kind === 'bonus' ? (locale === 'zh-CN' ? '加' : 'added') : locale === 'zh-CN' ? '减' : 'taken off';
  if (locale === 'zh-CN') {
    if (item.per === undefined) return `${verb}${points(item.points, locale)}`;
    return `${item.per.startsWith('每') ? item.per : `每${item.per}`}${verb}${points(item.points, locale)}`;
  }
  return item.per === undefined ? `${points(item.points, locale)} ${verb}` : `${points(item.points, locale)} ${verb} per ${item.per}`;
}

/** Reads an item's rule text back: the points and, for a per-case item, what a case is. */
export function parseExtraItemText(text: string): { points?: Decimal; per?: string } {
  const line = text.trim();
  let m = new RegExp(`^(每.+?)?[加减]\\s*${NUMBER}\\s*分[。]?$`).exec(line);
  if (m) return { points: decimal(m[2]), per: m[1] ? m[1].replace(/^每/, '') : undefined };
  m = new RegExp(`^${NUMBER}\\s*points?\\s+(?:added|taken off)(?:\\s+per\\s+(.+?))?\\.?$`, 'i').exec(line);
  if (m) return { points: decimal(m[1]), per: m[2]?.trim() };
  return {};
}

/** `满分的60%` / `6分`. */
function thresholdText(below: DraftThreshold, locale: Locale): string {
  if (locale === 'zh-CN') return below.kind === 'percent' ? `满分的${exact(below.percent)}%` : `${exact(below.points)}分`;
  return below.kind === 'percent' ? `${exact(below.percent)}% of its points` : `${exact(below.points)} points`;
}

/** What a veto does, in words: forces a tier, bars tiers, when a score falls below a threshold. */
export function vetoText(
  veto: { tier?: string; bars: string[]; when?: { indicator: string; below: DraftThreshold } },
  names: { tier: (key: string) => string; indicator: (key: string) => string },
  locale: Locale,
): string {
  const zh = locale === 'zh-CN';
  const effects: string[] = [];
  if (veto.tier !== undefined) effects.push(zh ? `直接确定为“${names.tier(veto.tier)}”等次` : `forces the tier “${names.tier(veto.tier)}”`);
  if (veto.bars.length > 0) {
    const barred = veto.bars.map((b) => `“${names.tier(b)}”`).join(zh ? '' : ', ');
    effects.push(zh ? `不得评为${barred}` : `bars ${barred}`);
  }
  const effect = effects.join(zh ? '，' : '; ');
  if (!veto.when) return zh ? effect : capitalize(effect);
  const below = thresholdText(veto.when.below, locale);
  const indicator = names.indicator(veto.when.indicator);
  return zh ? `“${indicator}”得分低于${below}时，${effect}` : `When “${indicator}” scores below ${below}: ${effect}`;
}

/** A veto's words read back, with tier and indicator names as written (the caller resolves them). */
export function parseVetoText(text: string): { tier?: string; bars: string[]; when?: { indicator: string; below: DraftThreshold } } {
  const result: ReturnType<typeof parseVetoText> = { bars: [] };
  let rest = text.trim();
  let m = new RegExp(`^“(.+?)”得分低于(?:满分的\\s*${NUMBER}\\s*%|${NUMBER}\\s*分)时[，,]\\s*`).exec(rest);
  if (m) {
    result.when = { indicator: m[1], below: m[2] ? { kind: 'percent', percent: decimal(m[2]) } : { kind: 'points', points: decimal(m[3]) } };
    rest = rest.slice(m[0].length);
  }
  m = new RegExp(`^When “(.+?)” scores below (?:${NUMBER}% of its points|${NUMBER} points?):\\s*`, 'i').exec(rest);
  if (m) {
    result.when = { indicator: m[1], below: m[2] ? { kind: 'percent', percent: decimal(m[2]) } : { kind: 'points', points: decimal(m[3]) } };
    rest = rest.slice(m[0].length);
  }
  m = /(?:直接(?:确定|评定)为|forces the tier\s*)“(.+?)”/i.exec(rest);
  if (m) result.tier = m[1];
  m = /(?:不得评为|bars\s*)((?:“[^”]+”(?:,\s*)?)+)/i.exec(rest);
  if (m) result.bars = [...m[1].matchAll(/“([^”]+)”/g)].map((x) => x[1]);
  return result;
}

const amountText = (amount: QuotaAmount, locale: Locale): string =>
  amount.kind === 'percent'
    ? `${exact(amount.percent)}%`
    : locale === 'zh-CN'
      ? `${amount.count}名`
      : `${amount.count} subject${amount.count === 1 ? '' : 's'}`;

/** A tier's quota in words: `按30%确定`, `不低于20%`, `不超过3名`; with its own rounding named. */
export function quotaText(quota: DraftQuota | undefined, locale: Locale): string {
  if (!quota) return '';
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (quota.exactly) parts.push(zh ? `按${amountText(quota.exactly, locale)}确定` : `exactly ${amountText(quota.exactly, locale)}`);
  if (quota.min) parts.push(zh ? `不低于${amountText(quota.min, locale)}` : `at least ${amountText(quota.min, locale)}`);
  if (quota.max) parts.push(zh ? `不超过${amountText(quota.max, locale)}` : `at most ${amountText(quota.max, locale)}`);
  const rounding = quota.rounding ? (zh ? `（${ROUNDING_NAMES_ZH[quota.rounding]}）` : ` (${quota.rounding})`) : '';
  return parts.join(zh ? '，' : ', ') + rounding;
}

const ROUNDING_BY_WORD: Record<string, QuotaRounding> = {
  四舍五入: 'half-up',
  向下取整: 'floor',
  进一法: 'ceil',
  不足1个按1个: 'min-one',
  'half-up': 'half-up',
  floor: 'floor',
  ceil: 'ceil',
  'min-one': 'min-one',
};

function parseAmount(text: string): QuotaAmount | undefined {
  const percent = new RegExp(`^${NUMBER}\\s*%$`).exec(text.trim());
  if (percent) return decimal(percent[1]).lte(100) ? { kind: 'percent', percent: decimal(percent[1]) } : undefined;
  const count = /^(\d+)\s*(?:名|个|人|subjects?)$/i.exec(text.trim());
  return count ? { kind: 'count', count: Number(count[1]) } : undefined;
}

/** A quota's words read back; undefined when they say none. The slot working after them is ignored. */
export function parseQuotaText(text: string): DraftQuota | undefined {
  const quota: DraftQuota = {};
  const line = text.split(/\r?\n/)[0].trim();
  const rounding = /[（(]\s*(四舍五入|向下取整|进一法|不足1个按1个|half-up|floor|ceil|min-one)\s*[)）]/i.exec(line);
  if (rounding) quota.rounding = ROUNDING_BY_WORD[rounding[1].toLowerCase()] ?? ROUNDING_BY_WORD[rounding[1]];
  const amount = String.raw`(\d+(?:\.\d+)?\s*%|\d+\s*(?:名|个|人|subjects?))`;
  const patterns: [keyof DraftQuota, RegExp][] = [
    ['exactly', new RegExp(`(?:按|exactly\\s*)${amount}(?:确定)?`, 'i')],
    ['min', new RegExp(`(?:不低于|不少于|至少|at least\\s*)${amount}`, 'i')],
    ['max', new RegExp(`(?:不超过|不高于|不多于|最多|at most\\s*)${amount}`, 'i')],
  ];
  for (const [bound, pattern] of patterns) {
    const m = pattern.exec(line);
    const value = m ? parseAmount(m[1]) : undefined;
    if (value) (quota as Record<string, unknown>)[bound] = value;
  }
  return quota.exactly || quota.min || quota.max ? quota : undefined;
}

/** `85分以上` / `85 or above`; read back from either, or `≥ 85`. */
export function minScoreText(minScore: Decimal | undefined, locale: Locale): string {
  if (minScore === undefined) return '';
  return locale === 'zh-CN' ? `${exact(minScore)}分以上` : `${exact(minScore)} or above`;
}

export function parseMinScore(text: string): Decimal | undefined {
  const m = new RegExp(`^(?:≥|>=)?\\s*${NUMBER}\\s*(?:分)?\\s*(?:以上|及以上|or above|and above)?$`, 'i').exec(text.trim());
  return m ? decimal(m[1]) : undefined;
}
