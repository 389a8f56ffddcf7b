/**
 * How slots are written wherever a person reads them (lens, status bar, hovers, tables, the
 * simulation view): one en dash for a range, one middle dot between tiers. Pure and free of
 * imports, so the VS Code client bundles it through the protocol module.
 */

export interface SlotRange {
  min: number;
  max: number;
}

/** `3`, or `2–4` where bounds leave a range. */
export function slotsText(tier: SlotRange): string {
  return tier.min === tier.max ? `${tier.max}` : `${tier.min}–${tier.max}`;
}

/** `优秀 3 · 良好 5 · 一般 2` */
export function tierLine(tiers: readonly (SlotRange & { name: string })[]): string {
  return tiers.map((t) => `${t.name} ${slotsText(t)}`).join(' · ');
}

/** How many subjects took a tier, against the slots its own quota rules (null: no such bound). */
export interface CountedTier {
  name: string;
  count: number;
  min: number | null;
  max: number | null;
}

/** The slots a count is held to: `3`, `2–4`, `≤3`, `≥2`; empty for a tier without a quota of its own. */
export function countBounds({ min, max }: Pick<CountedTier, 'min' | 'max'>): string {
  if (min !== null && max !== null) return slotsText({ min, max });
  if (max !== null) return `≤${max}`;
  if (min !== null && min > 0) return `≥${min}`;
  return '';
}

/** A count outside its quota's slots. */
export function outsideBounds({ count, min, max }: CountedTier): boolean {
  return (max !== null && count > max) || (min !== null && count < min);
}

/**
 * `优秀 3/3 · 良好 5 · 一般 2/2`: each tier's count over its slots, marked ⚠ when outside them. The
 * one wording of the scoresheet's lens and the status bar, so that both say the same.
 */
export function tierCountLine(counts: readonly CountedTier[]): string {
  return counts
    .map((c) => {
      const bounds = countBounds(c);
      return `${c.name} ${c.count}${bounds ? `/${bounds}` : ''}${outsideBounds(c) ? ' ⚠' : ''}`;
    })
    .join(' · ');
}
