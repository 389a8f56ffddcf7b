/** The last part of a path or a file URI, as a person names the file (`q.rubric.yaml`). */
export function fileName(location: string): string {
  const last = location.split(/[\\/]/).pop() ?? location;
  try {
    return decodeURIComponent(last);
  } catch {
    // A name with a stray % is shown as it is written.
    return last;
  }
}
