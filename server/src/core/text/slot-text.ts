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
