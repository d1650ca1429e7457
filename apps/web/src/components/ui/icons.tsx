import type { ReactNode } from 'react';
import clsx from 'clsx';
import styles from './icons.module.css';

type IconProps = { className?: string };

/** The frame every icon shares: decorative, square, drawn in the text colour. */
function Svg(props: { className?: string; size?: number; viewBox?: string; children: ReactNode }) {
  const size = props.size ?? 16;
  return (
    <svg
      className={props.className}
      width={size}
      height={size}
      viewBox={props.viewBox ?? '0 0 16 16'}
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  );
}

/** In the folder colour. */
export function FolderIcon({ className }: IconProps) {
  return (
    <Svg className={clsx(styles.icon, styles.folder, className)}>
      <path
        d="M1.5 3.5A1 1 0 0 1 2.5 2.5h3.6l1.5 1.5h5.9a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z"
        fill="currentColor"
      />
    </Svg>
  );
}

/** In the muted text colour. */
export function FileIcon({ className }: IconProps) {
  return (
    <Svg className={clsx(styles.icon, styles.file, className)}>
      <path
        d="M3.5 1.5h5.8l3.2 3.2v9.3a.5.5 0 0 1-.5.5h-8.5a.5.5 0 0 1-.5-.5V2a.5.5 0 0 1 .5-.5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.2"
      />
      <path d="M9.3 1.5v3.2h3.2" fill="none" stroke="currentColor" strokeWidth="1.2" />
    </Svg>
  );
}

/** In the accent colour. */
export function BucketIcon({ className }: IconProps) {
  return (
    <Svg className={clsx(styles.icon, styles.bucket, className)}>
      <path
        d="M2 4c0-1.1 2.7-2 6-2s6 .9 6 2l-1.3 9c-.1.8-2.2 1.5-4.7 1.5s-4.6-.7-4.7-1.5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.2"
      />
      <ellipse cx="8" cy="4" rx="6" ry="2" fill="currentColor" opacity=".35" />
    </Svg>
  );
}

export function CloseIcon({ className }: IconProps) {
  return (
    <Svg className={className} size={14} viewBox="0 0 14 14">
      <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </Svg>
  );
}

export function TrashIcon({ className }: IconProps) {
  return (
    <Svg className={className} size={14}>
      <path
        d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.2a1 1 0 0 0 1 .8h4.6a1 1 0 0 0 1-.8L12 4M6.8 6.5v5M9.2 6.5v5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Svg>
  );
}

/** Three dots: "more actions". */
export function MoreIcon({ className }: IconProps) {
  return (
    <Svg className={className} size={14}>
      <circle cx="3" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="13" cy="8" r="1.4" fill="currentColor" />
    </Svg>
  );
}
