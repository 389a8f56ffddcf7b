import { Decimal, floor } from '../decimal';
import { fmt } from '../rubric/checks/check';

/** A figure exactly as computed, without trailing zeros (16.4, 100, 59.5): workings show the real arithmetic. */
export function fig(value: Decimal): string {
  return fmt(value);
}

export function isWhole(value: Decimal): boolean {
  return floor(value).eq(value);
}
