/** Reads a downloaded zip with Python's zipfile (an independent reader): names and texts. */
import { execFileSync } from 'node:child_process';

const READ_ZIP = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    if bad is not None:
        sys.exit("bad CRC: " + bad)
    print(json.dumps({i.filename: z.read(i).decode("utf-8") for i in z.infolist()}))
`;

/** Every member's name and UTF-8 content, in the zip's order; fails on a damaged zip. */
export function readZip(file: string): Record<string, string> {
  const out = execFileSync('python3', ['-c', READ_ZIP, file], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, string>;
}
