import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createRubricCore } from './core';
import { applyMemoryPolicy } from './host/memory-policy';
import { readSamples } from './host/samples';
import { loadRubricSchema } from './host/rubric-schema';
import { loadScoresSchema } from './host/scores-schema';
import { RubricLanguageServer } from './lsp/rubric-server';

/** Entry point: `rubric-language-server --stdio` (or --node-ipc, --socket=N) for any LSP editor. */
applyMemoryPolicy();
const connection = createConnection(ProposedFeatures.all);
new RubricLanguageServer(connection, createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() }), readSamples()).listen();
