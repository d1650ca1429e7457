import { createRoot } from 'react-dom/client';
import { Toaster, toast } from 'sonner';
import 'sonner/dist/styles.css';
import type { NotifyOptions } from '@/lib/notify';
import styles from './toaster.module.css';

let mounted = false;

/** Mounts the one <Toaster/> (its own root, beside the app's) on the first toast. */
function mountToaster(): void {
  if (mounted) return;
  mounted = true;
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(
    <Toaster
      position="bottom-center"
      closeButton
      containerAriaLabel="Notifications"
      toastOptions={{ className: styles.toast ?? '', duration: 8000 }}
    />,
  );
}

/** Shows one toast (lib/notify.ts loads this module on first use). */
export function showToast(message: string, { tone = 'success', action }: NotifyOptions): void {
  mountToaster();
  const show = tone === 'error' ? toast.error : toast.success;
  show(message, action ? { action: { label: action.label, onClick: action.onClick } } : {});
}
