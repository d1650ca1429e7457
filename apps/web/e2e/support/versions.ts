/**
 * Version ids as the app shows them: the app's own rule (a long id's first characters), so
 * the specs find "Version <short id>" where the panel names it.
 */
export { shortVersionId } from '../../src/features/object-versions/utils/short-version-id';
