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
}

export type SchemaPath = (string | number)[];

/** Walks the rubric schema along a YAML path, following `$ref`s, for hovers and completion. */
export class SchemaDocs {
  constructor(private readonly root: SchemaNode) {}

  private resolve(node: SchemaNode | undefined): SchemaNode | undefined {
    let current = node;
    for (let guard = 0; current?.$ref && guard < 10; guard++) {
      const name = /^#\/definitions\/(.+)$/.exec(current.$ref)?.[1];
      current = name ? this.root.definitions?.[name] : undefined;
    }
    return current;
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
