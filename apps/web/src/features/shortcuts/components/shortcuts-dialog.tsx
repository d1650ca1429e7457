import { createRoot } from 'react-dom/client';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import styles from './shortcuts-dialog.module.css';

/** Every shortcut, as `?` shows them (lib/keymap.ts and the components' useShortcuts). */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['/', 'Search this folder'],
  ['j or ↓', 'Next row'],
  ['k or ↑', 'Previous row'],
  ['Home / End', 'First row / last loaded row'],
  ['Page Down / Page Up', 'A screenful down / up'],
  ['Enter', 'Open: a folder, or an object’s details'],
  ['Space', 'Select or unselect the row'],
  ['x', 'Select the row'],
  ['Delete', 'Delete the selection (asks first)'],
  ['u', 'Upload files'],
  ['Escape', 'Close the details'],
  ['g then b', 'The bucket list'],
  ['?', 'This list'],
];

/** The `?` dialog, in a root of its own (the keymap is not React); closing removes it. */
export function showShortcuts() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const close = () => {
    root.unmount();
    host.remove();
  };
  root.render(
    <Dialog title="Keyboard shortcuts" onClose={close}>
      <p className={styles.note}>Not while typing in a field, nor while a dialog is open.</p>
      <table className={styles.table}>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogActions>
        <Button onClick={close}>Close</Button>
      </DialogActions>
    </Dialog>,
  );
}
