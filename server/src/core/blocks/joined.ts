/**
 * `first` followed by each block's part, in one new array. A keystroke joins the parts of every
 * block (a 10,000-indicator rubric's indicators, its findings): a loop over arrays copies them
 * several times faster than `flatMap`, which V8 runs through its generic path.
 */
export function joined<B, T>(first: readonly T[], blocks: readonly B[], part: (block: B) => readonly T[]): T[] {
  const all = first.slice();
  for (const block of blocks) {
    const items = part(block);
    for (let i = 0; i < items.length; i++) all.push(items[i]);
  }
  return all;
}
