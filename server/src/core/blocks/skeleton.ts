import { isScalar } from 'yaml';
import { mayHoldIgnore } from '../suppressions';
import { Span } from '../text/span';
import { nestingBeyondLimit } from '../yaml/nesting';
import { parseText, YamlDocument } from '../yaml/parse';
import { asMap, findPair } from '../yaml/yaml-nodes';
import { errorsStayInSkeleton } from './contained-errors';
import { ownCopy } from './spans';

/** Everything around the list, parsed once while only the list's items change. */
export interface Skeleton {
  /** The text before the list and the text after it, joined: a copy of its own. */
  text: string;
  /** Where the list was cut out: skeleton offsets at or after it move by the list's length. */
  cut: number;
  parsed: YamlDocument;
  /** Whether it may hold a `rubric-ignore` comment (see mayHoldIgnore). */
  holdsIgnore: boolean;
}

/** Where an offset of a skeleton stands in the text it was cut from: at or after the cut, the list's length further on. */
export function skeletonToText(skeleton: Skeleton, region: Span): (offset: number) => number {
  const delta = region.end - region.start;
  return (offset) => (offset >= skeleton.cut ? offset + delta : offset);
}

/**
 * The skeleton of the last version, kept while the text around the list is unchanged. A skeleton
 * must be one mapping whose list key the cut leaves empty: otherwise the cut changed what the
 * text means, and the text is analysed whole.
 */
export class SkeletonCache {
  private key: string | undefined;
  private skeleton: Skeleton | undefined;

  constructor(private readonly listKey: string) {}

  /** The skeleton of a text cut at its list; undefined when it does not read as it does in the file. `parsed` counts what it parses. */
  for(head: string, tail: string, parsed: (characters: number) => void): Skeleton | undefined {
    const key = `${head}\u0000${tail}`;
    if (this.key === key) return this.skeleton;
    parsed(key.length);
    // A copy: with nothing after the list `head + tail` is `head`, a slice of this version, which
    // the cached skeleton would keep in memory for as long as it is reused.
    const text = ownCopy(head + tail);
    if (nestingBeyondLimit(text) >= 0) return undefined;
    const whole = parseText(text);
    const document = whole.documents[0];
    if (whole.documents.length !== 1 || !errorsStayInSkeleton(document.doc.errors, tail)) return undefined;
    const root = asMap(document.doc.contents);
    const list = findPair(root, this.listKey)?.value;
    if (!root || !(isScalar(list) && list.value === null)) return undefined;
    this.key = ownCopy(key);
    this.skeleton = { text, cut: head.length, parsed: document, holdsIgnore: mayHoldIgnore(text) };
    return this.skeleton;
  }
}
