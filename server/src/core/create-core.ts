import { assemble } from './assemble';
import { checkDocument } from './check-document';
import { createIncrementalSession } from './incremental/session';
import { buildRubricModel } from './model/build-model';
import { nestingBeyondLimit, parserExhausted, parseText, SyntaxError, tooDeepFinding } from './parse';
import { LineIndex } from './text/line-index';
import { SchemaDocs, SchemaNode } from './schema/schema-docs';
import { createSchemaValidator } from './schema/schema-validator';
import type { Analysis, RubricCore, RubricCoreOptions } from './types';

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

  return {
    schemaDocs: new SchemaDocs(options.schema as SchemaNode),
    analyze,
    createSession: () => createIncrementalSession({ validator, analyzeWhole: analyze }),
  };
}

/** A text the parser cannot take (see MAX_NESTING): one finding, no documents. */
function refused(text: string, at: number, { span, message }: SyntaxError): Analysis {
  return { source: { text, lines: new LineIndex(text), documents: [] }, documents: [], findings: [{ code: 'yaml-syntax', severity: 'error', span, message }] };
}
