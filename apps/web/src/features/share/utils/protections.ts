import type { LinkSummary } from '@stowage/shared';
import { formatBytes } from '@/utils/format';

/** What guards a link, as the Links page lists it: "Password", "Files up to 10 MB"… */
export function protections(link: LinkSummary): string[] {
  const out: string[] = [];
  if (link.passwordProtected) out.push('Password');
  if (link.maxBytes !== undefined) out.push(`Files up to ${formatBytes(link.maxBytes)}`);
  if (link.maxTotalBytes !== undefined) out.push(`Total up to ${formatBytes(link.maxTotalBytes)}`);
  if (link.kind === 'upload') out.push(link.overwrite ? 'May overwrite' : 'No overwrite');
  return out;
}
