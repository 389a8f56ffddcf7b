import { displayWidth } from '../core';

/**
 * A title broken into lines as GB/T 9704 asks (标题回行时，要做到词意完整，排列对称): lines end
 * between the title's parts where they can; a part too long for a line alone is cut into lines
 * of equal length, between two Chinese characters or after a space, never inside a number or a
 * word. Widths in display columns (a Chinese character is two).
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

const wide = (ch: string | undefined) => ch !== undefined && displayWidth(ch) === 2;

/** A line cut into the fewest lines that fit, each as near the same width as the break points allow. */
function balanced(line: string, capacity: number): string[] {
  const chars = [...line];
  const count = Math.ceil(displayWidth(line) / capacity);
  const target = displayWidth(line) / count;
  const lines: string[] = [];
  let current = '';
  chars.forEach((ch, i) => {
    const canBreak = current !== '' && ((wide(chars[i - 1]) && wide(ch)) || chars[i - 1] === ' ');
    const full = displayWidth(current + ch) > capacity;
    if ((canBreak && displayWidth(current) >= target && lines.length < count - 1) || (full && current !== '')) {
      lines.push(current.trim());
      current = '';
    }
    current += ch;
  });
  if (current.trim() !== '') lines.push(current.trim());
  return lines;
}
