import { RequestType } from 'vscode-languageclient/node';
import type { RubricSummary, SimulationRow } from 'rubric-studio-server';

/** The custom requests of the contract, as the server defines them in server/src/lsp/protocol.ts. */
export type Summary = RubricSummary & { uri: string };
export type { SimulationRow };

export const SummaryRequest = new RequestType<{ uri: string }, Summary | null, void>('rubric/summary');
export const SimulateRequest = new RequestType<{ uri: string; subjects: number[]; document?: number }, SimulationRow[] | null, void>('rubric/simulate');

export const RUBRIC_FILE = /\.rubric\.ya?ml$/i;
