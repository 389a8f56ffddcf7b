import { RequestType } from 'vscode-languageserver';
import { RubricSummary, SimulationRow } from '../core';

/** The custom requests of the contract; the VS Code client imports the same types. */
export interface SummaryParams {
  uri: string;
}

export const SummaryRequest = new RequestType<SummaryParams, (RubricSummary & { uri: string }) | null, void>('rubric/summary');

export interface SimulateParams {
  uri: string;
  subjects: number[];
  /** Which rubric of a multi-document file; the first when absent. */
  document?: number;
}

export const SimulateRequest = new RequestType<SimulateParams, SimulationRow[] | null, void>('rubric/simulate');

/** The command the quota lens runs; the client provides it (arguments: uri, document index). */
export const SHOW_SIMULATION_COMMAND = 'rubric.showSimulation';

/** More than this many N in one simulate request is refused: a request must not hang the server. */
export const MAX_SIMULATED_ROWS = 10000;
