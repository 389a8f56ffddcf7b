import { isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import { Span } from '../text/span';
import { keySpan, keyText, nodeSpan } from './yaml-nodes';

/** Keys and list indexes from the top of a document: ['indicators', 0, 'items', 1, 'weight']. */
export type YamlPath = (string | number)[];

export interface PathStep {
  /** The key or list index that leads here. */
  segment: string | number;
  pair?: Pair;
  node: unknown;
}

export interface NodeAtOffset {
  steps: PathStep[];
  /** The deepest pair whose key or value holds the offset. */
  pair?: Pair;
  inKey: boolean;
  /** The scalar under the offset, when there is one. */
  scalar?: { value: unknown; span: Span };
}

function within(span: Span | undefined, offset: number): boolean {
  return !!span && offset >= span.start && offset <= span.end;
}

function strictlyWithin(span: Span | undefined, offset: number): boolean {
  return !!span && offset >= span.start && offset < span.end;
}

/**
 * The first item that holds the offset, preferring one that holds it strictly: where one node
 * ends and the next begins (a list's end and the key after it), the offset is the next one's;
 * only at the very end of a value (the cursor after its last character) is it the value's.
 */
export function findAt<T>(items: readonly T[], offset: number, spansOf: (item: T) => (Span | undefined)[]): number {
  const strict = items.findIndex((item) => spansOf(item).some((span) => strictlyWithin(span, offset)));
  return strict >= 0 ? strict : items.findIndex((item) => spansOf(item).some((span) => within(span, offset)));
}

/** The YAML path down to the offset: which key, which list item, key or value. */
export function nodeAtOffset(root: unknown, offset: number): NodeAtOffset {
  const steps: PathStep[] = [];
  let node: unknown = root;
  let result: NodeAtOffset = { steps, inKey: false };
  for (let guard = 0; guard < 200; guard++) {
    if (isMap(node)) {
      const pair = node.items[findAt(node.items, offset, (p) => (isPair(p) ? [keySpan(p), nodeSpan(p.value as Node)] : []))] as Pair | undefined;
      if (!pair) break;
      const key = keyText(pair) ?? '';
      if (within(keySpan(pair), offset)) {
        steps.push({ segment: key, pair, node: pair.value });
        const k = pair.key as Node;
        result = { steps, pair, inKey: true, scalar: isScalar(k) ? { value: k.value, span: nodeSpan(k)! } : undefined };
        break;
      }
      steps.push({ segment: key, pair, node: pair.value });
      result = { steps, pair, inKey: false };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = findAt(node.items, offset, (item) => [nodeSpan(item as Node)]);
      if (index < 0) break;
      steps.push({ segment: index, node: node.items[index] });
      node = node.items[index];
    } else {
      if (isScalar(node)) result = { ...result, steps, scalar: { value: node.value, span: nodeSpan(node)! } };
      break;
    }
  }
  return result;
}

/** Path segments without the nodes: ['indicators', 0, 'items', 1, 'weight']. */
export function segmentsOf(at: NodeAtOffset): YamlPath {
  return at.steps.map((s) => s.segment);
}
