import { Locale } from '../text/locale';

/** A JSON Schema node as the editor features read it: bilingual titles, descriptions, enums. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  'x-title-zh-CN'?: string;
  'x-description-zh-CN'?: string;
  'x-enumDescriptions'?: string[];
  'x-enumDescriptions-zh-CN'?: string[];
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  /** A union of types, one branch per type with its own keywords (strict schemas allow no `type: [a, b]`). */
  anyOf?: SchemaNode[];
  pattern?: string;
}

/** `anyOf` whose every branch names a type: a union of types, not a choice of required keys. */
export function isTypeUnion(anyOf: unknown): anyOf is SchemaNode[] {
  return Array.isArray(anyOf) && anyOf.length > 0 && anyOf.every((branch: SchemaNode | undefined) => branch?.type !== undefined);
}

export type SchemaPath = (string | number)[];

/**
 * Walks the rubric schema along a YAML path, following `$ref`s, for hovers and completion. A
 * union of types reads as one node: its types together, and the keywords of all its branches
 * (a list's items, a mapping's keys, a quota's pattern).
 */
export class SchemaDocs {
  private readonly merged = new WeakMap<SchemaNode, SchemaNode>();

  constructor(private readonly root: SchemaNode) {}

  private resolve(node: SchemaNode | undefined): SchemaNode | undefined {
    let current = node;
    for (let guard = 0; current?.$ref && guard < 10; guard++) {
      const name = /^#\/definitions\/(.+)$/.exec(current.$ref)?.[1];
      current = name ? this.root.definitions?.[name] : undefined;
    }
    return current && isTypeUnion(current.anyOf) ? this.union(current, current.anyOf) : current;
  }

  private union(node: SchemaNode, branches: SchemaNode[]): SchemaNode {
    let merged = this.merged.get(node);
    if (!merged) {
      const { anyOf: _, ...own } = node;
      merged = { ...Object.assign({}, ...branches.map((b) => this.resolve(b) ?? {})), ...own } as SchemaNode;
      merged.type = branches.flatMap((b) => ([] as string[]).concat(b.type ?? []));
      merged.properties = Object.assign({}, ...branches.map((b) => b.properties ?? {})) as Record<string, SchemaNode>;
      this.merged.set(node, merged);
    }
    return merged;
  }

  nodeAt(path: SchemaPath): SchemaNode | undefined {
    let node = this.resolve(this.root);
    for (const segment of path) {
      if (!node) return undefined;
      node = this.resolve(typeof segment === 'number' ? node.items : node.properties?.[segment]);
    }
    return node;
  }

  title(node: SchemaNode, locale: Locale): string | undefined {
    return locale === 'zh-CN' ? (node['x-title-zh-CN'] ?? node.title) : node.title;
  }

  description(node: SchemaNode, locale: Locale): string | undefined {
    return locale === 'zh-CN' ? (node['x-description-zh-CN'] ?? node.description) : node.description;
  }

  enumDescriptions(node: SchemaNode, locale: Locale): string[] | undefined {
    return locale === 'zh-CN' ? (node['x-enumDescriptions-zh-CN'] ?? node['x-enumDescriptions']) : node['x-enumDescriptions'];
  }
}
