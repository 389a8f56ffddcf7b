import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isAlias, Node, Pair, visit, YAMLMap } from 'yaml';
import { writtenDecimal } from '../decimal';
import { Finding, FindingData } from '../findings';
import { LocalizedText, text } from '../text/locale';
import { asMap, asSeq, keySpan, keyText, nodeSpan, pairsOf, valueSpan } from '../yaml/yaml-nodes';
import { nearSpelling } from '../text/near-spelling';
import { Span } from '../text/span';
import { SchemaDocs, SchemaNode, SchemaPath } from './schema-docs';
import { ROUNDING_SYNONYMS } from './synonyms';

/** Keywords of ours in the schema: bilingual titles and enum descriptions for editors. */
export const SCHEMA_VOCABULARY = [
  'x-title-zh-CN',
  'x-description-zh-CN',
  'x-enumDescriptions',
  'x-enumDescriptions-zh-CN',
  'x-patternMessage',
  'x-patternMessage-zh-CN',
];

/** Where ajv's instance paths point: a YAML node, the text it came from, its place in the schema. */
interface Target {
  root: unknown;
  source: string;
  /** Used when a path resolves to nothing with a position. */
  fallback: Span;
  /** The schema path of `root` ([] for a whole rubric, ['indicators', 0] for one indicator). */
  prefix: SchemaPath;
  /** What to say when the whole document is not a mapping; a rubric's wording unless given. */
  notADocument?: LocalizedText;
}

export interface SchemaValidator {
  /** A whole rubric document. */
  validateDocument(doc: Document.Parsed, source: string): Finding[];
  /** One top-level indicator, parsed on its own as a one-item list `doc`, for incremental analysis. */
  validateIndicator(doc: Document.Parsed, source: string, fallback: Span): Finding[];
  /** A rubric whose indicator items are checked separately: `count` items stand in for them. */
  validateSkeleton(doc: Document.Parsed, source: string, count: number): Finding[];
}

/**
 * The plain data ajv checks. Always through the document, as the whole file's data is made: a
 * key that is itself a collection then reads the same (in YAML, not JSON) either way.
 */
function toData(doc: Document.Parsed): { ok: boolean; data: unknown; findings: Finding[] } {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }), findings: [] };
  } catch {
    // An unresolved alias is already a syntax error; aliases that expand beyond the limit (the
    // "billion laughs") are not, and would otherwise leave the document silently unchecked.
    return { ok: false, data: undefined, findings: doc.errors.length > 0 ? [] : [aliasBomb(doc)] };
  }
}

/** How many nodes aliases may expand to in one document before it is refused (yaml's own measure). */
const MAX_ALIAS_EXPANSIONS = 1000;

function aliasBomb(doc: Document.Parsed): Finding {
  let span: Span = { start: doc.range?.[0] ?? 0, end: doc.range?.[0] ?? 0 };
  visit(doc, {
    Alias(_, node) {
      span = nodeSpan(node) ?? span;
      return visit.BREAK;
    },
  });
  return {
    code: 'yaml-syntax',
    severity: 'error',
    span,
    message: text(
      `The aliases (*name) of this document expand to more than ${MAX_ALIAS_EXPANSIONS} copies: it is not checked against the schema`,
      `本文档的别名（*名称）展开后超过 ${MAX_ALIAS_EXPANSIONS} 份：不再按结构要求检查`,
    ),
  };
}

/**
 * Number scalars whose value is not the number written: `1e-400` reads as 0, `9007199254740993`
 * as 9007199254740992, `0.12345678901234567891` loses its last digits. The model treats them as
 * unknown (decimalFromSource); here they are said so, once each. Aliases are not followed.
 */
function inexactNumbers(root: unknown): Finding[] {
  const findings: Finding[] = [];
  if (!root || isAlias(root)) return findings;
  visit(root as Node, {
    Scalar(_, node) {
      if (typeof node.value !== 'number' || !Number.isFinite(node.value)) return;
      const written = writtenDecimal(node.source);
      const span = nodeSpan(node);
      if (!written || !span || written.eq(node.value)) return;
      findings.push(
        schemaFinding(
          span,
          text(
            `${node.source} cannot be held exactly (it reads as ${node.value}): write at most 15 significant digits`,
            `${node.source} 无法精确表示（读作 ${node.value}）：有效数字请不超过 15 位`,
          ),
        ),
      );
    },
  });
  return findings;
}

/**
 * Compiles the rubric schema once and maps ajv's errors onto the YAML tree: a wrong type
 * underlines the value, an unknown key the key, a missing key its parent's key.
 */
export function createSchemaValidator(schema: object): SchemaValidator {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false, verbose: true });
  ajv.addVocabulary(SCHEMA_VOCABULARY);
  const validateRubric: ValidateFunction = ajv.compile(schema);
  // The same schema with indicator items left open: they are validated one by one.
  const skeletonSchema = JSON.parse(JSON.stringify(schema)) as { $id?: string; properties: { indicators: { items: unknown } } };
  skeletonSchema.properties.indicators.items = true;
  skeletonSchema.$id = `${(skeletonSchema.$id ?? 'rubric').replace(/\.schema\.json$/, '')}-skeleton.schema.json`;
  const validateSkeletonData: ValidateFunction = ajv.compile(skeletonSchema);
  const validateIndicatorData = ajv.getSchema(`${(schema as { $id?: string }).$id ?? ''}#/definitions/indicator`);
  if (!validateIndicatorData) throw new Error('the rubric schema has no #/definitions/indicator');
  const docs = new SchemaDocs(schema as SchemaNode);

  const run = (validate: ValidateFunction, data: unknown, target: Target): Finding[] => {
    const inexact = inexactNumbers(target.root);
    const schema = validate(data) ? [] : toFindings(validate.errors ?? [], target, docs);
    // An inexact number is one mistake: not also "must be greater than 0" for the 0 it reads as.
    const taken = new Set(inexact.map((f) => `${f.span.start}:${f.span.end}`));
    return [...inexact, ...schema.filter((f) => !taken.has(`${f.span.start}:${f.span.end}`))];
  };
  const documentFallback = (doc: Document.Parsed): Span => ({ start: doc.range?.[0] ?? 0, end: doc.range?.[0] ?? 0 });

  return {
    validateDocument(doc, source) {
      const { ok, data, findings } = toData(doc);
      return ok ? run(validateRubric, data, { root: doc.contents, source, fallback: documentFallback(doc), prefix: [] }) : findings;
    },
    validateIndicator(doc, source, fallback) {
      const { ok, data, findings } = toData(doc);
      const root = asSeq(doc.contents)?.items[0];
      return ok && Array.isArray(data) ? run(validateIndicatorData, data[0], { root, source, fallback, prefix: ['indicators', 0] }) : findings;
    },
    validateSkeleton(doc, source, count) {
      const { ok, data, findings } = toData(doc);
      if (!ok) return findings;
      if (!data || typeof data !== 'object') return [];
      const withItems = { ...(data as object), indicators: Array.from({ length: count }, () => ({})) };
      return run(validateSkeletonData, withItems, { root: doc.contents, source, fallback: documentFallback(doc), prefix: [] });
    },
  };
}

/**
 * A validator of whole documents against another schema of ours (the scoresheet's), compiled
 * once, its errors mapped onto the YAML tree as the rubric's are; `notADocument` is what a
 * document that is not a mapping is told.
 */
export function createDocumentValidator(schema: object, notADocument: LocalizedText): (doc: Document.Parsed, source: string) => Finding[] {
  return createDocumentValidators(schema, notADocument).validateDocument;
}

/** Whole documents of one of our schemas, and items of one of its lists parsed on their own. */
export interface DocumentValidators {
  validateDocument(doc: Document.Parsed, source: string): Finding[];
  /**
   * One item of a list (`definition` in the schema, `#/definitions/subjectScores`), parsed on its
   * own as a one-item list `doc`, for incremental analysis; `prefix` is where such an item sits
   * (`['scores', 0]`), for the titles in messages. The findings are those the whole document's
   * validation makes inside that item.
   */
  validateItem(doc: Document.Parsed, source: string, fallback: Span, definition: string, prefix: SchemaPath): Finding[];
}

export function createDocumentValidators(schema: object, notADocument: LocalizedText): DocumentValidators {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false, verbose: true });
  ajv.addVocabulary(SCHEMA_VOCABULARY);
  const validate = ajv.compile(schema);
  const docs = new SchemaDocs(schema as SchemaNode);
  const run = (check: ValidateFunction, data: unknown, target: Target): Finding[] => {
    const inexact = inexactNumbers(target.root);
    const errors = check(data) ? [] : toFindings(check.errors ?? [], target, docs);
    const taken = new Set(inexact.map((f) => `${f.span.start}:${f.span.end}`));
    return [...inexact, ...errors.filter((f) => !taken.has(`${f.span.start}:${f.span.end}`))];
  };
  return {
    validateDocument(doc, source) {
      const { ok, data, findings } = toData(doc);
      if (!ok) return findings;
      return run(validate, data, { root: doc.contents, source, fallback: { start: doc.range?.[0] ?? 0, end: doc.range?.[0] ?? 0 }, prefix: [], notADocument });
    },
    validateItem(doc, source, fallback, definition, prefix) {
      const check = ajv.getSchema(`${(schema as { $id?: string }).$id ?? ''}${definition}`);
      if (!check) throw new Error(`the schema has no ${definition}`);
      const { ok, data, findings } = toData(doc);
      const root = asSeq(doc.contents)?.items[0];
      return ok && Array.isArray(data) ? run(check, data[0], { root, source, fallback, prefix, notADocument }) : findings;
    },
  };
}

interface Resolved {
  node: unknown;
  /** The pair whose value is the node, when the node is a mapping value. */
  pair?: Pair;
  found: boolean;
}

/**
 * The keys of each mapping met while mapping one validation's errors, indexed once: a mapping
 * with thousands of unknown keys has an error for each, and a scan per error was quadratic.
 */
class KeyIndex {
  private readonly pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  private readonly dataKeys = new WeakMap<object, Set<string>>();

  pair(map: YAMLMap | undefined, key: string): Pair | undefined {
    if (!map) return undefined;
    let index = this.pairs.get(map);
    if (!index) {
      index = new Map();
      for (const pair of pairsOf(map)) {
        const text = keyText(pair);
        // The last pair of a repeated key, as the data ajv validated holds (yaml keeps the last value).
        if (text !== undefined) index.set(text, pair);
      }
      this.pairs.set(map, index);
    }
    return index.get(key);
  }

  /** The keys written in a mapping, as they read (for suggestions that must not repeat one). */
  written(map: YAMLMap | undefined): Set<string> {
    return this.data(map ?? {}, () => new Set(pairsOf(map).map((p) => String((p.key as { value?: unknown } | null)?.value))));
  }

  /** The keys of a plain object ajv validated. */
  of(data: unknown): Set<string> {
    const object = data && typeof data === 'object' ? data : {};
    return this.data(object, () => new Set(Object.keys(object)));
  }

  private data(owner: object, make: () => Set<string>): Set<string> {
    let keys = this.dataKeys.get(owner);
    if (!keys) this.dataKeys.set(owner, (keys = make()));
    return keys;
  }
}

function resolvePointer(root: unknown, pointer: string, keys: KeyIndex): Resolved {
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  let pair: Pair | undefined;
  for (const segment of segments) {
    const map = asMap(node);
    const seq = asSeq(node);
    if (map) {
      pair = keys.pair(map, segment);
      if (!pair) return { node, pair, found: false };
      node = pair.value;
    } else if (seq) {
      node = seq.items[Number(segment)];
      pair = undefined;
    } else {
      return { node, pair, found: false };
    }
  }
  return { node, pair, found: true };
}

function segmentsOf(pointer: string): SchemaPath {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

function lastKey(path: SchemaPath): string {
  const named = path.filter((s): s is string => typeof s === 'string');
  return named.length > 0 ? named[named.length - 1] : 'rubric';
}

/** `weight (Points)` / `weight（分值）`: the key with the schema's title in each language. */
function titleOf(schema: SchemaNode | undefined, key: string): LocalizedText {
  return text(schema?.title ? `${key} (${schema.title})` : key, schema?.['x-title-zh-CN'] ? `${key}（${schema['x-title-zh-CN']}）` : key);
}

/** A key as people typed it, on one line and not too long (a broken line can make a huge "key"). */
function shown(key: string): string {
  const line = key.split(/\r?\n/)[0];
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** Where the object at `resolved` is named: its key, else (a list item) its first key, else itself. */
function ownerSpan(resolved: Resolved, target: Target): Span {
  if (resolved.pair) return keySpan(resolved.pair) ?? target.fallback;
  const first = pairsOf(asMap(resolved.node))[0];
  if (first) return keySpan(first) ?? target.fallback;
  return nodeSpan(resolved.node as Node) ?? target.fallback;
}

function valueSpanOf(resolved: Resolved, target: Target): Span {
  const source = target.source;
  if (resolved.pair) return valueSpan(resolved.pair) ?? target.fallback;
  const own = nodeSpan(resolved.node as Node);
  if (own && own.end > own.start) return own;
  // An empty list item (`-` alone): underline its dash.
  if (own) {
    const dash = source.lastIndexOf('-', own.start);
    if (dash >= 0 && !source.slice(dash + 1, own.start).includes('\n')) return { start: dash, end: dash + 1 };
  }
  return target.fallback;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  number: ['a number', '数字'],
  integer: ['a whole number', '整数'],
  string: ['text', '文本'],
  array: ['a list (lines starting with "- ")', '列表（以“- ”开头的各行）'],
  object: ['keys below it (key: value)', '在其下逐行填写“键: 值”'],
  boolean: ['true or false', '是或否'],
  null: ['empty', '空'],
};

/** A number written in Chinese numerals (三十, 二十五点五): a person meant a number. */
const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万亿点]+$/;

function describeValue(value: unknown): [string, string] {
  if (value === null || value === undefined) return ['nothing', '空值'];
  if (Array.isArray(value)) return ['a list', '列表'];
  if (typeof value === 'number' && Number.isNaN(value)) return ['NaN ("not a number")', 'NaN（非数字）'];
  if (typeof value === 'number' && !Number.isFinite(value)) return ['a number too large to hold', '超出表示范围的数字'];
  if (typeof value === 'number') return [`the number ${value}`, `数字 ${value}`];
  if (typeof value === 'string' && CHINESE_NUMERAL.test(value.trim())) {
    return [`the text "${value}" (write it in digits)`, `文本“${value}”（请用阿拉伯数字填写）`];
  }
  if (typeof value === 'string') return [`the text "${value}"`, `文本“${value}”`];
  if (typeof value === 'object') return ['keys and values', '“键: 值”内容'];
  return [String(value), String(value)];
}

function schemaFinding(span: Span, message: LocalizedText, data?: FindingData['schema']): Finding {
  return { code: 'schema', severity: 'error', span, message, data };
}

function toFindings(errors: ErrorObject[], target: Target, docs: SchemaDocs): Finding[] {
  const keys = new KeyIndex();
  const findings: Finding[] = [];
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // `wieght: 30` on a scored item is one mistake: the unknown key (with its fix), not also a missing `weight`.
  const misspelt = new Set(
    errors.flatMap((e) => {
      if (e.keyword !== 'additionalProperties') return [];
      const allowed = Object.keys((e.parentSchema as SchemaNode | undefined)?.properties ?? {});
      const present = keys.of(e.data);
      const near = nearSpelling(
        String(e.params.additionalProperty),
        allowed.filter((k) => !present.has(k)),
      );
      return near ? [`${e.instancePath}/${near}`] : [];
    }),
  );
  const seen = new Set<string>();
  // `anyOf: [{required: [tier]}, {required: [bars]}]` fails with one `required` per branch: said once, by the anyOf.
  const alternatives = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  const branchOfAnyOf = (e: ErrorObject) => e.keyword === 'required' && alternatives.some((prefix) => e.schemaPath.startsWith(prefix));
  for (const error of errors) {
    // `if` only says a `then` failed; the `then` error itself is the useful one.
    if (error.keyword === 'if' || branchOfAnyOf(error)) continue;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${String(error.params.missingProperty)}`)) continue;
    // A value of the wrong type is reported once, by its type.
    if (error.keyword !== 'type' && error.keyword !== 'required' && error.keyword !== 'additionalProperties' && typed.has(error.instancePath)) continue;
    const finding = error.keyword === 'anyOf' ? missingAlternative(error, errors, target, docs, keys) : toFinding(error, target, docs, keys);
    if (!finding) continue;
    const identity = `${finding.span.start}:${finding.span.end}:${finding.message.en}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    findings.push(finding);
  }
  return findings;
}

/** An object that needs one key of several (`tier` or `bars`): which ones, with their titles. */
function missingAlternative(anyOf: ErrorObject, errors: readonly ErrorObject[], target: Target, docs: SchemaDocs, index: KeyIndex): Finding | undefined {
  const keys = errors.filter((e) => e.keyword === 'required' && e.schemaPath.startsWith(anyOf.schemaPath + '/')).map((e) => String(e.params.missingProperty));
  if (keys.length === 0) return undefined;
  const path = [...target.prefix, ...segmentsOf(anyOf.instancePath)];
  const labels = keys.map((key) => titleOf(docs.nodeAt([...path, key]), key));
  return schemaFinding(
    ownerSpan(resolvePointer(target.root, anyOf.instancePath, index), target),
    text(`Needs one of ${labels.map((l) => l.en).join(' or ')}`, `须填写 ${labels.map((l) => l['zh-CN']).join(' 或 ')} 之一`),
    { missingKey: keys[0] },
  );
}

const QUOTA_HINT = text(
  'write a percentage such as 30% (at most 100%) or a whole number of subjects such as 3',
  '应写百分比（如 30%，不超过 100%）或整数名额（如 3）',
);

function isQuotaValue(schema: SchemaNode | undefined): boolean {
  return typeof (schema as { pattern?: unknown } | undefined)?.pattern === 'string';
}

/** A schema error with where it points: the YAML node it resolves to, its path, and its schema. */
interface ErrorAt {
  error: ErrorObject;
  target: Target;
  docs: SchemaDocs;
  keys: KeyIndex;
  resolved: ReturnType<typeof resolvePointer>;
  path: SchemaPath;
  ownSchema: SchemaNode | undefined;
  label: LocalizedText;
}

function toFinding(error: ErrorObject, target: Target, docs: SchemaDocs, keys: KeyIndex): Finding | undefined {
  const path = [...target.prefix, ...segmentsOf(error.instancePath)];
  const ownSchema = docs.nodeAt(path);
  const at: ErrorAt = {
    error,
    target,
    docs,
    keys,
    resolved: resolvePointer(target.root, error.instancePath, keys),
    path,
    ownSchema,
    label: titleOf(ownSchema, lastKey(path)),
  };
  const { resolved, label } = at;
  switch (error.keyword) {
    case 'required':
      return missingKey(at);
    case 'dependencies':
      return missingDependency(at);
    case 'additionalProperties':
      return strayKey(at);
    case 'type':
      return wrongType(at);
    case 'enum':
      return notAllowed(at);
    case 'pattern':
    case 'not':
      return patternMessage(at) ?? notAQuota(at);
    case 'minimum':
    case 'exclusiveMinimum':
      return belowMinimum(at);
    case 'maximum':
      return schemaFinding(
        valueSpanOf(resolved, target),
        text(`${label.en} must be at most ${String(error.params.limit)}`, `${label['zh-CN']}不能大于 ${String(error.params.limit)}`),
      );
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return schemaFinding(valueSpanOf(resolved, target), text(`${label.en} must not be empty`, `${label['zh-CN']}不能为空`));
    default:
      return schemaFinding(
        valueSpanOf(resolved, target),
        text(`${label.en}: ${error.message ?? 'invalid'}`, `${label['zh-CN']}：不符合格式要求（${error.message ?? ''}）`),
      );
  }
}

function missingKey({ error, target, docs, resolved, path }: ErrorAt): Finding {
  const missing = String(error.params.missingProperty);
  const missingLabel = titleOf(docs.nodeAt([...path, missing]), missing);
  return schemaFinding(ownerSpan(resolved, target), text(`Missing required key ${missingLabel.en}`, `缺少必填项 ${missingLabel['zh-CN']}`), {
    missingKey: missing,
  });
}

/** `out_of: 100` needs the `weight` the group counts for. */
function missingDependency({ error, target, docs, resolved, path }: ErrorAt): Finding {
  const missing = String(error.params.missingProperty);
  const present = String(error.params.property);
  const missingLabel = titleOf(docs.nodeAt([...path, missing]), missing);
  return schemaFinding(
    ownerSpan(resolved, target),
    text(`${present} needs ${missingLabel.en} beside it`, `填写 ${present} 时须同时填写 ${missingLabel['zh-CN']}`),
    { missingKey: missing },
  );
}

function strayKey({ error, target, keys, resolved, ownSchema }: ErrorAt): Finding {
  const unknownKey = String(error.params.additionalProperty);
  const pair = keys.pair(asMap(resolved.node), unknownKey);
  const span = (pair && keySpan(pair)) ?? ownerSpan(resolved, target);
  const allowed = Object.keys(ownSchema?.properties ?? {});
  // A key already in the mapping is no suggestion: renaming to it would duplicate it.
  const present = keys.written(asMap(resolved.node));
  const suggestion = nearSpelling(
    unknownKey,
    allowed.filter((k) => !present.has(k)),
  );
  const typed = shown(unknownKey);
  const message = suggestion
    ? text(`Unknown key "${typed}": did you mean "${suggestion}"?`, `未知的键“${typed}”：是否应为“${suggestion}”？`)
    : text(`Unknown key "${typed}"; allowed here: ${allowed.join(', ')}`, `未知的键“${typed}”；此处可用：${allowed.join('、')}`);
  return schemaFinding(span, message, { unknownKey, suggestion });
}

function wrongType(at: ErrorAt): Finding {
  const { error, target, resolved, path, ownSchema, label } = at;
  if (path.length === 0) {
    return schemaFinding(
      valueSpanOf(resolved, target),
      target.notADocument ??
        text(
          'This document is not a rubric: it should start with keys such as rubric:, indicators: and tiers:',
          '此文档不是考核细则：应以 rubric:、indicators:、tiers: 等键开头',
        ),
    );
  }
  // A number where an input's id goes (`id: 3`): the id's own rule says what it may be.
  const worded = error.data !== null && error.data !== undefined ? patternMessage(at) : undefined;
  if (worded) return worded;
  if (isQuotaValue(ownSchema) && error.data !== null && error.data !== undefined) {
    return schemaFinding(
      valueSpanOf(resolved, target),
      text(`"${String(error.data)}" is not a quota: ${QUOTA_HINT.en}`, `“${String(error.data)}”不是有效的名额：${QUOTA_HINT['zh-CN']}`),
    );
  }
  const expected = ([] as string[]).concat(error.params.type as string | string[]);
  const en = expected.map((t) => TYPE_NAMES[t]?.[0] ?? t).join(' or ');
  const zh = expected.map((t) => TYPE_NAMES[t]?.[1] ?? t).join('或');
  const [actualEn, actualZh] = describeValue(error.data);
  if (error.data === null || error.data === undefined) {
    return schemaFinding(valueSpanOf(resolved, target), text(`${label.en} has no value: expected ${en}`, `${label['zh-CN']}未填写：应为${zh}`));
  }
  return schemaFinding(valueSpanOf(resolved, target), text(`${label.en} must be ${en}, not ${actualEn}`, `${label['zh-CN']}应为${zh}，而不是${actualZh}`));
}

function notAllowed({ error, target, resolved, label }: ErrorAt): Finding {
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const typed = typeof error.data === 'string' ? error.data.trim() : undefined;
  const synonym = typed !== undefined ? ROUNDING_SYNONYMS[typed] : undefined;
  const suggestion = typed === undefined ? undefined : synonym && allowed.includes(synonym) ? synonym : nearSpelling(typed, allowed);
  const hintEn = suggestion ? `; did you mean "${suggestion}"?` : '';
  const hintZh = suggestion ? `；是否应为“${suggestion}”？` : '';
  return schemaFinding(
    valueSpanOf(resolved, target),
    text(
      `"${String(error.data)}" is not allowed for ${label.en}; use one of ${allowed.join(', ')}${hintEn}`,
      `${label['zh-CN']}不能取“${String(error.data)}”，可选：${allowed.join('、')}${hintZh}`,
    ),
    { suggestion },
  );
}

/** A value its schema words the rule for itself (`x-patternMessage`): an input's id that a formula cannot name. */
function patternMessage({ error, target, resolved, ownSchema }: ErrorAt): Finding | undefined {
  const own = ownSchema as { 'x-patternMessage'?: string; 'x-patternMessage-zh-CN'?: string } | undefined;
  const [en, zh] = [own?.['x-patternMessage'], own?.['x-patternMessage-zh-CN']];
  if (en === undefined || zh === undefined) return undefined;
  const value = String(error.data);
  return schemaFinding(valueSpanOf(resolved, target), text(`"${value}" ${en}`, `“${value}”${zh}`));
}

function notAQuota({ error, target, resolved }: ErrorAt): Finding {
  const value = String(error.data);
  const fullWidth = /[\uFF05\u3000]/.test(value);
  return schemaFinding(
    valueSpanOf(resolved, target),
    fullWidth
      ? text(`"${value}" is not a quota: use the half-width % sign, as in 30%`, `“${value}”不是有效的名额：请使用半角百分号，如 30%`)
      : text(`"${value}" is not a quota: ${QUOTA_HINT.en}`, `“${value}”不是有效的名额：${QUOTA_HINT['zh-CN']}`),
    fullWidth ? { suggestion: value.replace(/\uFF05/g, '%').replace(/[\u3000\s]/g, '') } : undefined,
  );
}

function belowMinimum({ error, target, resolved, label }: ErrorAt): Finding {
  const limit = String(error.params.limit);
  const strict = error.keyword === 'exclusiveMinimum';
  return schemaFinding(
    valueSpanOf(resolved, target),
    text(`${label.en} must be ${strict ? 'greater than' : 'at least'} ${limit}`, `${label['zh-CN']}必须${strict ? '大于' : '不小于'} ${limit}`),
  );
}
