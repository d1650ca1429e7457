import type { ShareMode } from '@stowage/shared';

/** How the dialogs name a download link's kind. */
export const MODE_LABEL: Record<ShareMode, string> = {
  relay: 'Through Stowage',
  direct: 'Direct from the store',
};
