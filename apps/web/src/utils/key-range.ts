/**
 * A range of one folder in S3 (byte) order, both ends included: a windowed listing's "all N
 * keys from A to B", deleted server-side by the API's range delete.
 */
export type KeyRange = {
  prefix: string;
  from: string;
  to: string;
  /** How many keys (an estimate unless `exact`). */
  count: number;
  exact: boolean;
};
