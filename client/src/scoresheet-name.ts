/** `forest.rubric.yaml` → `forest.scores.yaml`: the name of a rubric's scoresheet, beside it. */
export function scoresheetNameFor(rubricFileName: string): string {
  return `${rubricFileName.replace(/\.rubric\.ya?ml$/i, '').replace(/\.ya?ml$/i, '')}.scores.yaml`;
}
