import { assemble } from './assemble';
import { checkDocument } from './check-document';
import { createIncrementalSession } from './incremental/session';
import { buildRubricModel } from './model/build-model';
import { parseText } from './parse';
import { SchemaDocs, SchemaNode } from './schema/schema-docs';
import { createSchemaValidator } from './schema/schema-validator';
import type { Analysis, RubricCore, RubricCoreOptions } from './types';

/** The core with its schema compiled once: whole analyses, incremental sessions, schema docs. */
export function createRubricCore(options: RubricCoreOptions): RubricCore {
  const validator = createSchemaValidator(options.schema);

  function analyze(text: string): Analysis {
    const source = parseText(text);
    const documents = source.documents
      .filter((d) => !d.tree.isBlank)
      .map((d) => checkDocument(source, d, buildRubricModel(d.doc, d.span), validator.validateDocument(d.doc, source.text)));
    return assemble(source, documents);
  }

  return {
    schemaDocs: new SchemaDocs(options.schema as SchemaNode),
    analyze,
    createSession: () => createIncrementalSession({ validator, analyzeWhole: analyze }),
  };
}
