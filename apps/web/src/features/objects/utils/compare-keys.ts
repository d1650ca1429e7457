/**
 * S3 lists keys in UTF-8 byte order, which is code point order. JavaScript's `<` compares
 * UTF-16 code units, which differs for characters above U+FFFF: the shared rule compares code
 * points (the API's range delete uses the same one).
 */
export { byteOrder as compareKeys } from '@stowage/shared';
