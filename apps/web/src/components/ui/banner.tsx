import type { ReactNode } from 'react';

type BannerProps = {
  tone?: 'error' | 'warning' | 'info';
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
};

/** A message strip; errors and warnings are announced (role="alert"). */
export function Banner({ tone = 'error', title, children, action, className }: BannerProps) {
  return (
    <div
      className={`banner banner--${tone}${className ? ` ${className}` : ''}`}
      role={tone === 'info' ? 'status' : 'alert'}
    >
      <div className="banner__text">
        {title ? <strong className="banner__title">{title}</strong> : null}
        <span className="banner__message">{children}</span>
      </div>
      {action ? <div className="banner__action">{action}</div> : null}
    </div>
  );
}
