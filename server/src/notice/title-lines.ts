import { displayWidth } from '../core';

/**
 * A title broken into lines as GB/T 9704 asks (标题回行时，要做到词意完整，排列对称): lines end
 * between the title's parts where they can; a part too long for a line alone is cut into lines
 * as near the same length as its words allow, between words (ICU's dictionary of Chinese words,
 * through Intl.Segmenter), never after a number (2022|年度 stays whole) nor before punctuation.
 * Widths in display columns (a Chinese character is two).
 */
export function titleLines(parts: readonly string[], capacity: number): string[] {
  const whole = parts.join('');
  if (displayWidth(whole) <= capacity) return [whole];
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(lines[last] + part) <= capacity) lines[last] += part;
    else lines.push(part);
  }
  return lines.flatMap((line) => (displayWidth(line) <= capacity ? [line.trim()] : balanced(line.trim(), capacity)));
}

/** Offsets in the line where a word ends and a line may break. */
function breakPoints(line: string): number[] {
  const segments = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(line)];
  return segments.map((s) => s.index).filter((at) => at > 0 && !/[\d.]/.test(line[at - 1]) && !/^[\s，。、；：！？）》”’,.;:!?)\]]/.test(line.slice(at)));
}

/** The fewest lines that fit, each break the word boundary nearest an equal share of what is left. */
function balanced(line: string, capacity: number): string[] {
  const count = Math.ceil(displayWidth(line) / capacity);
  const points = breakPoints(line);
  const lines: string[] = [];
  let start = 0;
  for (let left = count; left > 1; left--) {
    const target = displayWidth(line.slice(start)) / left;
    const fitting = points.filter((at) => at > start && displayWidth(line.slice(start, at)) <= capacity);
    // Without a word boundary that fits, the line is cut where it is full.
    const at = fitting.length > 0 ? nearest(fitting, (p) => displayWidth(line.slice(start, p)), target) : cutAt(line, start, capacity);
    lines.push(line.slice(start, at).trim());
    start = at;
  }
  lines.push(line.slice(start).trim());
  return lines.filter((l) => l !== '');
}

function nearest(points: number[], width: (at: number) => number, target: number): number {
  return points.reduce((best, at) => (Math.abs(width(at) - target) < Math.abs(width(best) - target) ? at : best));
}

/** The offset after the last whole character that fits. */
function cutAt(line: string, start: number, capacity: number): number {
  let at = start;
  for (const ch of line.slice(start)) {
    if (displayWidth(line.slice(start, at + ch.length)) > capacity) break;
    at += ch.length;
  }
  return Math.max(at, start + 1);
}
