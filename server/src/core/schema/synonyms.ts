import { RoundingMode } from '../quota/rounding';

/** What officials write for each rounding mode, so a message can name the key to use instead. */
export const ROUNDING_SYNONYMS: Record<string, RoundingMode> = {
  四舍五入: 'half-up',
  向下取整: 'floor',
  去尾法: 'floor',
  进一法: 'ceil',
  向上取整: 'ceil',
  不足1个按1个: 'min-one',
  不足一个按一个: 'min-one',
  最大余数法: 'largest-remainder',
  halfup: 'half-up',
  round: 'half-up',
};
