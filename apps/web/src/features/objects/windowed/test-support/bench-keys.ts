/**
 * The browser bench's folder of 1,000,000 names, for the estimator's tests: the bench's own
 * generator (tools/bench/src/keys-1m.ts, pure, no import), so both use the same names.
 */
// eslint-disable-next-line no-restricted-imports -- test data shared with the bench, not app code
export { FOLDER_1M, keyAt1m } from '../../../../../../../tools/bench/src/keys-1m';
