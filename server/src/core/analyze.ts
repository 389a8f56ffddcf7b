import { isScalar } from 'yaml';
import { CHECKS } from './checks';
import { CheckContext } from './checks/check';
import { Finding, text } from './findings';
import { buildRubricModel } from './model/build-model';
import { RubricModel } from './model/rubric-model';
import { ParsedDocument, ParsedText, parseText } from './parse';
import { allocate, Allocation, QuotaAmount, TierQuotaInput } from './quota/allocate';
import { SchemaDocs, SchemaNode } from './schema/schema-docs';
import { createSchemaValidator, SchemaValidator } from './schema/schema-validator';
import { applySuppressions } from './suppressions';

export interface DocumentAnalysis {
  parsed: ParsedDocument;
  model: RubricModel;
  quotaInputs: TierQuotaInput[];
  /** Slots for the rubric's own N, when it states one. */
  allocation: Allocation | undefined;
  findings: Finding[];
}

export interface Analysis {
  parsed: ParsedText;
  documents: DocumentAnalysis[];
  /** Every document's findings, in text order. */
  findings: Finding[];
}

export interface RubricCoreOptions {
  /** The parsed `schemas/rubric.schema.json`; the host reads it, the core never touches disk. */
  schema: object;
}

export interface RubricCore {
  analyze(text: string): Analysis;
  /** The schema's titles and descriptions, for hovers and completion. */
  schemaDocs: SchemaDocs;
}

export function quotaInputsOf(model: RubricModel): TierQuotaInput[] {
  return model.tiers.items.map((tier, index) => {
    const bounds = tier.quota?.bounds ?? {};
    const amount = (key: 'exactly' | 'min' | 'max'): QuotaAmount | undefined => bounds[key]?.value;
    return {
      id: tier.key ?? `#${index + 1}`,
      name: tier.name?.value ?? tier.key ?? `#${index + 1}`,
      exactly: amount('exactly'),
      min: amount('min'),
      max: amount('max'),
      rounding: tier.quota?.rounding?.value,
    };
  });
}

/** An empty document (a stray `---`, a new file) is not a rubric yet and gets no findings. */
function isEmpty(parsed: ParsedDocument): boolean {
  const contents = parsed.doc.contents;
  const blank = contents === null || (isScalar(contents) && contents.value === null && !contents.source);
  return blank && parsed.syntaxErrors.length === 0;
}

export function createRubricCore(options: RubricCoreOptions): RubricCore {
  const validateSchema: SchemaValidator = createSchemaValidator(options.schema);

  function analyzeDocument(parsedText: ParsedText, parsed: ParsedDocument): DocumentAnalysis {
    const model = buildRubricModel(parsed.doc, parsed.span);
    const quotaInputs = quotaInputsOf(model);
    const allocation = model.subjects !== undefined ? allocate(quotaInputs, model.subjects, model.rounding) : undefined;
    const context: CheckContext = {
      model,
      quotaInputs,
      allocation,
      lineOf: (offset) => parsedText.lines.positionAt(offset).line + 1,
    };
    const syntax: Finding[] = parsed.syntaxErrors.map((error) => ({ code: 'yaml-syntax', severity: 'error', span: error.span, message: error.message }));
    const semantic = [...validateSchema(parsed.doc, parsedText.text), ...CHECKS.flatMap((check) => check.run(context))];
    // Past a syntax error the text is half-typed: what depends on it is not known yet. The parser
    // often notices the error only on the next line, so the blank text before it counts too.
    const firstError = Math.min(...parsed.syntaxErrors.map((e) => e.span.start));
    const halfTypedFrom = Number.isFinite(firstError) ? parsedText.text.slice(0, firstError).trimEnd().length : Infinity;
    // A missing key cannot be judged while part of the document does not parse.
    const known = semantic.filter((f) => Math.max(f.span.end, f.dependsOn?.end ?? 0) < halfTypedFrom && !(Number.isFinite(firstError) && f.data?.missingKey));
    const findings = applySuppressions([...syntax, ...known], parsedText.text, parsedText.lines, parsed.span);
    return { parsed, model, quotaInputs, allocation, findings: findings.sort(byPosition) };
  }

  return {
    schemaDocs: new SchemaDocs(options.schema as SchemaNode),
    analyze(text) {
      const parsed = parseText(text);
      const documents = parsed.documents.filter((d) => !isEmpty(d)).map((d) => analyzeDocument(parsed, d));
      const findings = documents.flatMap((d) => d.findings).sort(byPosition);
      if (documents.length === 0) findings.push(noRubric());
      return { parsed, documents, findings };
    },
  };
}

/** A rubric file with nothing in it (or only comments) is reported once, at its start. */
function noRubric(): Finding {
  return {
    code: 'schema',
    severity: 'error',
    span: { start: 0, end: 0 },
    message: text('This file holds no rubric yet: start with rubric:, indicators: and tiers:', '此文件中还没有考核细则：请从 rubric:、indicators:、tiers: 开始填写'),
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}
