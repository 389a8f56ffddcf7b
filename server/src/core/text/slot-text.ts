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

/**
 * A tier's quota `target` for the N at hand, as the server words it: the figure N × target
 * (exact, as `core/quota/target.ts` computes it) and whether the figure before it is above.
 */
export interface TargetFigure {
  /** `2`, `1.8`; absent for a tier whose quota states no target. */
  target?: string;
  /** The count (or the most slots) is above the target: marked as other problems are. */
  aboveTarget?: boolean;
}

/** How a target reads after a tier's figure, in the reader's language: `(target 2)` / `（一般掌握 2）`. */
export type TargetWording = (figure: string) => string;

function targetSuffix(tier: TargetFigure, wording: TargetWording | undefined): string {
  return wording && tier.target !== undefined ? wording(tier.target) : '';
}

/** `优秀 3 · 良好 5 · 一般 2`; with a wording, each target after its slots: `优秀 3（一般掌握 2） ⚠ · …`. */
export function tierLine(tiers: readonly (SlotRange & TargetFigure & { name: string })[], wording?: TargetWording): string {
  return tiers.map((t) => `${t.name} ${slotsText(t)}${targetSuffix(t, wording)}${wording && t.aboveTarget ? ' ⚠' : ''}`).join(' · ');
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
 * one wording of the scoresheet's lens and the status bar, so that both say the same. With a
 * wording, a tier's target follows its count (`优秀 3/3（一般掌握 2） ⚠`), marked when above it.
 */
export function tierCountLine(counts: readonly (CountedTier & TargetFigure)[], wording?: TargetWording): string {
  return counts
    .map((c) => {
      const bounds = countBounds(c);
      const marked = outsideBounds(c) || (wording !== undefined && c.aboveTarget === true);
      return `${c.name} ${c.count}${bounds ? `/${bounds}` : ''}${targetSuffix(c, wording)}${marked ? ' ⚠' : ''}`;
    })
    .join(' · ');
}
