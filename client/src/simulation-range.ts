import { MAX_SUBJECTS } from 'rubric-studio-server/out/protocol';

/** The N range of the simulation: `rubric.simulation.range` ("A..B") or 1 to twice N, at least 30. */
export function defaultRange(subjects: number | null | undefined): { from: number; to: number } {
  return { from: 1, to: Math.max(30, 2 * (subjects ?? 0)) };
}

export function parseRange(setting: string | undefined, subjects: number | null | undefined): { from: number; to: number } {
  const match = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(setting ?? '');
  if (!match) return defaultRange(subjects);
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from <= to && to <= MAX_SUBJECTS ? { from, to } : defaultRange(subjects);
}

export function subjectsBetween(from: number, to: number): number[] {
  const lo = Math.max(0, Math.min(from, to));
  const hi = Math.min(MAX_SUBJECTS, Math.max(from, to), lo + 1999);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
