import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads AWS_CA_BUNDLE: a PEM file of one or more CA certificates. Returns the certificates,
 * or throws an Error whose message says what is wrong (read at start, so a bad file stops the
 * server instead of failing every request later).
 */
export function readCaBundle(file: string, label = 'AWS_CA_BUNDLE'): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`${label}: cannot read ${file} (${code})`);
  }
  const pems = text.match(PEM_BLOCK) ?? [];
  if (!pems.length) {
    throw new Error(`${label}: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  pems.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new Error(`${label}: certificate ${i + 1} in ${file} is not a valid certificate`);
    }
  });
  return pems;
}
