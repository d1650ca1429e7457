/** One file of the upload page: queued, on its way, stored, or refused with the reason. */
export type FileState =
  | { status: 'waiting' }
  | { status: 'sending'; loaded: number; total: number }
  | { status: 'stored'; size: number }
  | { status: 'refused'; message: string };

/** "2 stored, 1 refused, 3 to go" for the page's status line. */
export function uploadSummary(states: readonly FileState[]): string {
  const count = (status: FileState['status']) => states.filter((s) => s.status === status).length;
  const stored = count('stored');
  const refused = count('refused');
  const left = states.length - stored - refused;
  const parts = [`${String(stored)} stored`];
  if (refused > 0) parts.push(`${String(refused)} refused`);
  if (left > 0) parts.push(`${String(left)} to go`);
  return parts.join(', ');
}
