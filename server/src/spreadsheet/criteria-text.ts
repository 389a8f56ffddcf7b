import { Locale } from '../core';
import { Decimal, decimal } from '../core/decimal';
import type { QuotaAmount } from '../core/quota/allocate';
import { ROUNDING_NAMES_ZH } from '../core';
import type { QuotaRounding } from '../core/quota/rounding';
import { DraftDeductRule, DraftExtraItem, DraftQuota, DraftScoring, DraftThreshold } from './rubric-draft';

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

/** The scoring rules of a leaf, one line each: levels, then deductions and how low the item may fall. */
export function scoringLines(scoring: DraftScoring | undefined, locale: Locale): string[] {
  if (!scoring) return [];
  const zh = locale === 'zh-CN';
  const lines = scoring.levels.map((level) => {
    const label = points(level.points, locale);
    return level.when === undefined ? label : `${label}${zh ? '：' : ': '}${level.when}`;
  });
  if (scoring.deduct) {
    const line = ruleLine({ points: scoring.deduct, per: scoring.per }, locale);
    lines.push(zh ? `${line}，${floorZh(scoring.floor)}` : `${line}, ${floorEn(scoring.floor)}`);
  } else if (scoring.rules.length > 0) {
    for (const rule of scoring.rules) lines.push(ruleLine(rule, locale));
    lines.push(zh ? floorZh(scoring.floor) : capitalize(floorEn(scoring.floor)));
  } else if (scoring.floor && scoring.levels.length === 0) {
    lines.push(zh ? floorZh(scoring.floor) : capitalize(floorEn(scoring.floor)));
  }
  return lines;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The 评分标准 cell of a leaf: its criteria, then its rules. */
export function criteriaCellText(criteria: string | undefined, scoring: DraftScoring | undefined, locale: Locale): string {
  return [...(criteria ? [criteria] : []), ...scoringLines(scoring, locale)].join('\n');
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
 * A 评分标准 (or 考核内容) cell read back: the lines that state a rule become scoring, the rest is
 * the criteria text, kept word for word. `ruleIds` (from our own layout) name the rules in order.
 */
export function parseCriteriaCell(text: string, ruleIds: (string | null)[] = []): { criteria?: string; scoring?: DraftScoring } {
  const criteria: string[] = [];
  const scoring: DraftScoring = { levels: [], rules: [] };
  let floor: Decimal | 'zero' | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseLine(line);
    if (!parsed) criteria.push(raw.trimEnd());
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
  const [only] = scoring.rules;
  // One per-case rule without a cap or an id is the single form `deduct: 2, per: …`.
  if (scoring.rules.length === 1 && only.when === undefined && !only.max && !only.id) {
    scoring.deduct = only.points;
    scoring.per = only.per;
    scoring.rules = [];
  }
  if (floor !== undefined && floor !== 'zero') scoring.floor = floor;
  const hasScoring = scoring.levels.length > 0 || scoring.rules.length > 0 || scoring.deduct !== undefined || scoring.floor !== undefined;
  return { criteria: criteria.length > 0 ? criteria.join('\n') : undefined, scoring: hasScoring ? scoring : undefined };
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
