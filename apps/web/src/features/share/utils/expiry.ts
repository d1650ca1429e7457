import { MIN_LINK_SECONDS } from '@stowage/shared';

/** The expiry choices of the share and upload-link dialogs: three presets, or a date. */
export type ExpiryChoice =
  | { kind: 'preset'; preset: ExpiryPreset }
  | {
      kind: 'custom';
      /** A datetime-local value, "2026-12-08T10:30" (local time). */ local: string;
    };

export const EXPIRY_PRESETS = [
  { id: '1h', label: '1 hour', seconds: 3600 },
  { id: '1d', label: '1 day', seconds: 24 * 3600 },
  { id: '7d', label: '7 days', seconds: 7 * 24 * 3600 },
] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number]['id'];

/** "7 days", "12 hours", "90 minutes", "45 seconds": a limit as the user reads it. */
export function formatDuration(seconds: number): string {
  const unit = (n: number, name: string) => `${String(n)} ${name}${n === 1 ? '' : 's'}`;
  if (seconds >= 86400 && seconds % 86400 === 0) return unit(seconds / 86400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return unit(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return unit(seconds / 60, 'minute');
  return unit(seconds, 'second');
}

/** A datetime-local value for a moment (local time, to the minute): the custom field's default. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

export type ExpiryResult = { seconds: number } | { problem: string };

/**
 * The link's lifetime in seconds for a choice, checked against the longest this mode allows
 * (`max`, from the session's `links.maxSeconds`), or what is wrong with it.
 */
export function expirySeconds(choice: ExpiryChoice, max: number, now: Date): ExpiryResult {
  let seconds: number;
  if (choice.kind === 'preset') {
    const preset = EXPIRY_PRESETS.find((p) => p.id === choice.preset);
    if (!preset) return { problem: 'Choose when the link expires' };
    seconds = preset.seconds;
  } else {
    // "YYYY-MM-DDTHH:MM" without an offset is local time (ECMAScript date-time forms).
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(choice.local)
      ? new Date(choice.local)
      : null;
    if (!at || Number.isNaN(at.getTime())) return { problem: 'Enter a date and time' };
    seconds = Math.round((at.getTime() - now.getTime()) / 1000);
    if (seconds < MIN_LINK_SECONDS) return { problem: 'Choose a time at least a minute from now' };
  }
  if (seconds > max) {
    return { problem: `A link of this kind lasts at most ${formatDuration(max)} on this store` };
  }
  return { seconds };
}
