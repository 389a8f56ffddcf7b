import { analyzeRubricText } from './rubric/analyze';
import { createIncrementalSession } from './rubric/session/session';
import { SchemaDocs, SchemaNode } from './schema/schema-docs';
import { createDocumentValidators, createSchemaValidator, DocumentValidators } from './schema/schema-validator';
import { analyzeScoresheetText, ScoresheetValidator } from './scoresheet/analyze';
import type { EntryValidator } from './scoresheet/session/entry-blocks';
import { createScoresheetSession } from './scoresheet/session/session';
import { text } from './text/locale';
import type { RubricCore, RubricCoreOptions } from './types';

/** The core with its schemas compiled once: whole analyses and incremental sessions of both kinds, schema docs. */
export function createRubricCore(options: RubricCoreOptions): RubricCore {
  const validator = createSchemaValidator(options.schema);
  const analyze = (content: string) => analyzeRubricText(content, validator);

  // Compiled on the first scoresheet: a command line that only checks rubrics never pays for it.
  let scoresValidators: DocumentValidators | undefined;
  const scoresheetValidators = (schema: object) =>
    (scoresValidators ??= createDocumentValidators(
      schema,
      text('This document is not a scoresheet: it should start with keys such as rubric: and scores:', '此文档不是评分表：应以 rubric:、scores: 等键开头'),
    ));
  const validateScoresheet: ScoresheetValidator = (doc, source) =>
    options.scoresSchema ? scoresheetValidators(options.scoresSchema).validateDocument(doc, source) : [];
  const validateEntry: EntryValidator = (doc, source, fallback, plain) =>
    options.scoresSchema
      ? scoresheetValidators(options.scoresSchema).validateItem(doc, source, fallback, '#/definitions/subjectScores', ['scores', 0], plain)
      : [];

  return {
    schemaDocs: new SchemaDocs(options.schema as SchemaNode),
    analyze,
    createSession: () => createIncrementalSession({ validator, analyzeWhole: analyze }),
    analyzeScoresheet: (source, lookup, sheets) => analyzeScoresheetText(source, lookup, validateScoresheet, sheets),
    createScoresheetSession: () => createScoresheetSession({ validateDocument: validateScoresheet, validateEntry }),
  };
}
