import { assemble } from './rubric/assemble';
import { checkDocument } from './rubric/check-document';
import { createIncrementalSession } from './rubric/session';
import { buildRubricModel } from './rubric/model/build-model';
import { nestingBeyondLimit, parserExhausted, parseText, SyntaxError, tooDeepFinding } from './yaml/parse';
import { LineIndex } from './text/line-index';
import { SchemaDocs, SchemaNode } from './schema/schema-docs';
import { createSchemaValidator } from './schema/schema-validator';
import type { Analysis, RubricCore, RubricCoreOptions } from './types';
import { analyzeScoresheetText, ScoresheetValidator } from './scoresheet/analyze';
import { createDocumentValidators, DocumentValidators } from './schema/schema-validator';
import { createScoresheetSession } from './scoresheet/session';
import { Span } from './text/span';
import type { Document } from 'yaml';
import { text } from './text/locale';

/** The core with its schema compiled once: whole analyses, incremental sessions, schema docs. */
export function createRubricCore(options: RubricCoreOptions): RubricCore {
  const validator = createSchemaValidator(options.schema);

  function analyze(text: string): Analysis {
    const tooDeep = nestingBeyondLimit(text);
    if (tooDeep >= 0) return refused(text, tooDeep, tooDeepFinding(tooDeep));
    let source: ReturnType<typeof parseText>;
    try {
      source = parseText(text);
    } catch (error) {
      // The parser recurses once per line in some broken texts (a stray line in a long list): past
      // the stack it throws, and the file is said to be unreadable rather than left without findings.
      if (error instanceof RangeError) return refused(text, 0, parserExhausted());
      throw error;
    }
    const documents = source.documents
      .filter((d) => !d.tree.isBlank)
      .map((d) => checkDocument(source, d, buildRubricModel(d.doc, d.span), validator.validateDocument(d.doc, source.text)));
    return assemble(source, documents);
  }

  // Compiled on the first scoresheet: a command line that only checks rubrics never pays for it.
  let scoresValidators: DocumentValidators | undefined;
  const scoresheetValidators = (schema: object) =>
    (scoresValidators ??= createDocumentValidators(
      schema,
      text('This document is not a scoresheet: it should start with keys such as rubric: and scores:', '此文档不是评分表：应以 rubric:、scores: 等键开头'),
    ));
  const validateScoresheet: ScoresheetValidator = (doc, source) =>
    options.scoresSchema ? scoresheetValidators(options.scoresSchema).validateDocument(doc, source) : [];
  const validateEntry = (doc: Document.Parsed, source: string, fallback: Span) =>
    options.scoresSchema ? scoresheetValidators(options.scoresSchema).validateItem(doc, source, fallback, '#/definitions/subjectScores', ['scores', 0]) : [];

  return {
    schemaDocs: new SchemaDocs(options.schema as SchemaNode),
    analyze,
    createSession: () => createIncrementalSession({ validator, analyzeWhole: analyze }),
    analyzeScoresheet: (source, lookup) => analyzeScoresheetText(source, lookup, validateScoresheet),
    createScoresheetSession: () => createScoresheetSession({ validateDocument: validateScoresheet, validateEntry }),
  };
}

/** A text the parser cannot take (see MAX_NESTING): one finding, no documents. */
function refused(text: string, at: number, { span, message }: SyntaxError): Analysis {
  return { source: { text, lines: new LineIndex(text), documents: [] }, documents: [], findings: [{ code: 'yaml-syntax', severity: 'error', span, message }] };
}
