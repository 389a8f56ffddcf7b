import { Span } from '../text/span';

/**
 * A value read from YAML as a model keeps it: the value when it has the expected type, and where
 * its key and its value are written, for diagnostics, hovers and edits. Types only.
 */
export interface Field<T> {
  /** `undefined` when the value is missing or not of the expected type. */
  value: T | undefined;
  keySpan: Span;
  /** The value, or the key when the value is empty. */
  span: Span;
}

/** A list under a key: the key as written (absent when the key is) and the items read from it. */
export interface ListField<T> {
  field?: Field<unknown>;
  items: T[];
}
