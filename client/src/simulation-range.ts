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

/**
 * The only message the simulation page may send: `{ type: 'range', from, to }` with whole numbers
 * between 0 and MAX_SUBJECTS, nothing else. The page's form cannot send anything else, so anything
 * else came from somewhere it should not have: dropped. `from > to` passes (the page's two inputs
 * are independent; subjectsBetween orders them).
 */
export function parseRangeMessage(message: unknown): { from: number; to: number } | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const keys = Object.keys(message).sort();
  if (keys.length !== 3 || keys[0] !== 'from' || keys[1] !== 'to' || keys[2] !== 'type') return undefined;
  const { type, from, to } = message as { type: unknown; from: unknown; to: unknown };
  const isSubjects = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SUBJECTS;
  return type === 'range' && isSubjects(from) && isSubjects(to) ? { from, to } : undefined;
}
