import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'react';
import clsx from 'clsx';
import styles from './button.module.css';

type Look = {
  variant?: 'default' | 'primary' | 'ghost' | 'danger';
  size?: 'sm' | 'md';
};

function buttonClass({ variant = 'default', size = 'md' }: Look, className: string | undefined) {
  return clsx(
    styles.button,
    variant !== 'default' && styles[variant],
    size === 'sm' && styles.sm,
    className,
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & Look;

/** A plain button. */
export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size }, className)} {...props} />;
}

type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & Look;

/** A link that looks like a button (a download, say). */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <a className={buttonClass({ variant, size }, className)} {...props} />;
}
