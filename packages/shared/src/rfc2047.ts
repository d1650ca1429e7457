/**
 * RFC 2047 encoded words for user-metadata values: S3 headers carry ASCII only, so
 * non-ASCII text is stored as `=?UTF-8?B?<base64>?=` and shown decoded. The format boto3,
 * the AWS console and s3rver round-trip verbatim.
 */
const WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** ASCII values pass unchanged; anything else becomes one UTF-8 B encoded word. */
export function encodeMetadataValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${toBase64(new TextEncoder().encode(value))}?=`;
}

/** Decodes UTF-8 (and ASCII/Latin-1) B and Q encoded words; anything undecodable stays as is. */
export function decodeMetadataValue(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(WORD, (word, charset: string, enc: string, text: string) => {
    try {
      const bytes =
        enc.toUpperCase() === 'B'
          ? fromBase64(text)
          : Uint8Array.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) =>
                  String.fromCharCode(parseInt(h, 16)),
                ),
              (c) => c.charCodeAt(0),
            );
      return new TextDecoder(charset.toLowerCase(), { fatal: true }).decode(bytes);
    } catch {
      return word;
    }
  });
}
