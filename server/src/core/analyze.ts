import { CHECKS } from './checks';
import { CheckContext } from './checks/check';
import { Finding } from './findings';
import { buildRubricModel } from './model/build-model';
import { RubricModel } from './model/rubric-model';
import { ParsedDocument, ParsedText, parseText } from './parse';
import { createIncrementalSession, IncrementalSession } from './incremental/session';
import { allocate, Allocation, QuotaAmount, TierQuotaInput } from './quota/allocate';
import { SchemaDocs, SchemaNode } from './schema/schema-docs';
import { createSchemaValidator, SchemaValidator } from './schema/schema-validator';
import { applySuppressions } from './suppressions';
import { assemble, byPosition } from './assemble';

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
  /** Parses and checks the whole text. */
  analyze(text: string): Analysis;
  /**
   * An analysis that keeps what it learnt between versions of one document (an editor's
   * keystrokes): only the indicator blocks an edit touched are parsed again.
   */
  createSession(): IncrementalSession;
  /** The schema's titles and descriptions, for hovers and completion. */
  schemaDocs: SchemaDocs;
}

/** What both analyses share: the compiled schema and the checks that run on a built model. */
export interface Analyzer {
  validator: SchemaValidator;
  analyzeWhole(text: string): Analysis;
  finish(parsedText: ParsedText, parsed: ParsedDocument, model: RubricModel, schemaFindings: Finding[]): DocumentAnalysis;
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

export function createRubricCore(options: RubricCoreOptions): RubricCore {
  const validator: SchemaValidator = createSchemaValidator(options.schema);

  function finish(parsedText: ParsedText, parsed: ParsedDocument, model: RubricModel, schemaFindings: Finding[]): DocumentAnalysis {
    const quotaInputs = quotaInputsOf(model);
    const allocation = model.subjects !== undefined ? allocate(quotaInputs, model.subjects, model.rounding) : undefined;
    const context: CheckContext = {
      model,
      quotaInputs,
      allocation,
      lineOf: (offset) => parsedText.lines.positionAt(offset).line + 1,
    };
    const syntax: Finding[] = parsed.syntaxErrors.map((error) => ({ code: 'yaml-syntax', severity: 'error', span: error.span, message: error.message }));
    const semantic = [...schemaFindings, ...CHECKS.flatMap((check) => check.run(context))];
    // Past a syntax error the text is half-typed: what depends on it is not known yet. The parser
    // often notices the error only on the next line, so the blank text before it counts too.
    const firstError = Math.min(...parsed.syntaxErrors.map((e) => e.span.start));
    const halfTypedFrom = Number.isFinite(firstError) ? parsedText.text.slice(0, firstError).trimEnd().length : Infinity;
    // A missing key cannot be judged while part of the document does not parse.
    const known = semantic.filter((f) => Math.max(f.span.end, f.dependsOn?.end ?? 0) < halfTypedFrom && !(Number.isFinite(firstError) && f.data?.missingKey));
    const findings = applySuppressions([...syntax, ...known], parsedText.text, parsedText.lines, parsed.span);
    return { parsed, model, quotaInputs, allocation, findings: findings.sort(byPosition) };
  }

  function analyzeWhole(text: string): Analysis {
    const parsed = parseText(text);
    const documents = parsed.documents
      .filter((d) => !d.tree.isBlank)
      .map((d) => finish(parsed, d, buildRubricModel(d.doc, d.span), validator.validateDocument(d.doc, parsed.text)));
    return assemble(parsed, documents);
  }

  const analyzer: Analyzer = { validator, analyzeWhole, finish };
  return {
    schemaDocs: new SchemaDocs(options.schema as SchemaNode),
    analyze: analyzeWhole,
    createSession: () => createIncrementalSession(analyzer),
  };
}
