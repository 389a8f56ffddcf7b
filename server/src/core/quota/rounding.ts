import { ceil, Decimal, floor, halfUp, ZERO } from '../decimal';

/** The rubric-wide rounding modes; a single quota may use any but `largest-remainder`. */
export const ROUNDING_MODES = ['half-up', 'floor', 'ceil', 'min-one', 'largest-remainder'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export type QuotaRounding = Exclude<RoundingMode, 'largest-remainder'>;
export const QUOTA_ROUNDING_MODES: readonly QuotaRounding[] = ['half-up', 'floor', 'ceil', 'min-one'];

/** What officials call each mode. */
export const ROUNDING_NAMES_ZH: Record<RoundingMode | 'count', string> = {
  'half-up': '四舍五入',
  floor: '向下取整',
  ceil: '进一法',
  'min-one': '不足1个按1个',
  'largest-remainder': '最大余数法',
  count: '名额',
};

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

/** R(raw) for the per-quota modes of the contract. */
export function roundSlots(raw: Decimal, mode: QuotaRounding): number {
  switch (mode) {
    case 'floor':
      return floor(raw).toNumber();
    case 'ceil':
      return ceil(raw).toNumber();
    case 'min-one': {
      const rounded = halfUp(raw).toNumber();
      return rounded === 0 && raw.gt(ZERO) ? 1 : rounded;
    }
    case 'half-up':
      return halfUp(raw).toNumber();
  }
}

/** A rounding as a person reads it in their language: `half-up` in English, 四舍五入 in Chinese. */
export function roundingName(mode: RoundingMode | 'count', locale: 'en' | 'zh-CN'): string {
  return locale === 'zh-CN' ? ROUNDING_NAMES_ZH[mode] : mode;
}
