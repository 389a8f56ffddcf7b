/**
 * Optimal-string-alignment distance: a swapped pair of letters (`wieght`) costs one edit. With a
 * `limit`, it stops as soon as a whole row of the table is above it (every alignment crosses
 * each row, so the distance is too) and answers that row's minimum: a bound, not the distance.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const cols = b.length + 1;
  let before: number[] = [];
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      row[j] = value;
      least = Math.min(least, value);
    }
    if (least > limit) return least;
    before = previous;
    previous = row;
  }
  return previous[cols - 1];
}

/** The closest candidate within a third of the word's length (at least one edit), if any. */
export function nearSpelling(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // Lengths further apart than the limit are further apart in edits too: no table needed
    // (a file with thousands of ids and references would otherwise build millions of them).
    if (Math.abs(candidate.length - word.length) > Math.min(limit, bestDistance)) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
