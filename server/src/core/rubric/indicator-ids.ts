import type { IndicatorModel } from './model/rubric-model';

/**
 * The ids of a rubric's indicators, each with the indicators that have it: what the checks ask
 * of the whole tree (is an id written twice, does an id exist) answered without walking it. A
 * session keeps one up to date as blocks of indicators come and go (see the block engine's
 * changes), so a keystroke in a 10,000-indicator rubric touches the few indicators it changed.
 */
export class IndicatorIds {
  /** One indicator, or the several that share the id (the rare case: then it is a finding). */
  private readonly byKey = new Map<string, IndicatorModel | IndicatorModel[]>();
  /** The ids more than one indicator has. */
  private readonly repeated = new Set<string>();

  add(indicators: readonly IndicatorModel[]): void {
    for (const indicator of indicators) {
      const key = indicator.key;
      if (key === undefined) continue;
      const held = this.byKey.get(key);
      if (held === undefined) this.byKey.set(key, indicator);
      else {
        this.byKey.set(key, Array.isArray(held) ? [...held, indicator] : [held, indicator]);
        this.repeated.add(key);
      }
    }
  }

  remove(indicators: readonly IndicatorModel[]): void {
    for (const indicator of indicators) {
      const key = indicator.key;
      if (key === undefined) continue;
      const held = this.byKey.get(key);
      if (held === indicator) this.byKey.delete(key);
      else if (Array.isArray(held)) {
        const rest = held.filter((other) => other !== indicator);
        this.byKey.set(key, rest.length === 1 ? rest[0] : rest);
        if (rest.length === 1) this.repeated.delete(key);
      }
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /**
   * The indicators whose id another indicator also has, in the order of the tree (depth first,
   * which is the order they are written in): the first of each id is where the others point.
   */
  sharingAnId(): IndicatorModel[] {
    if (this.repeated.size === 0) return [];
    const sharing = [...this.repeated].flatMap((key) => this.byKey.get(key) as IndicatorModel[]);
    return sharing.sort((a, b) => a.span.start - b.span.start);
  }
}
