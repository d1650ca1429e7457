import type { ReactNode } from 'react';
import { formatCount } from '@/utils/format';
import { Button } from './button';
import { Dialog, DialogActions, DialogKeys } from './dialog';
import { VisibleKey } from './visible-key';

/** What to do with names that are taken, asked once per operation (uploads, copies, moves). */
export type ConflictChoice = 'overwrite' | 'skip' | 'keepBoth';

/** Keys listed by name before "and N more". */
const SHOWN = 5;

type ConflictDialogProps = {
  title: string;
  /** What exists, as a sentence; the question follows it. */
  children: ReactNode;
  /** What the new objects are called in the question: "files", "copies". */
  noun: string;
  /** The same for one: "file", "copy" (asked when `count` is 1). */
  nounOne?: string;
  /** How many names are taken, when known: one is asked about in the singular. */
  count?: number;
  /** The existing keys, when known. */
  existing?: readonly string[];
  /** "Cancel upload", "Cancel copy". */
  cancelLabel: string;
  /** False for one object (a rename): nothing would be left to do. */
  allowSkip?: boolean;
  /** null: cancel. */
  onChoose: (choice: ConflictChoice | null) => void;
};

/** Overwrite, skip or keep both ("name (1).txt")? */
export function ConflictDialog(props: ConflictDialogProps) {
  const { title, children, noun, existing = [], cancelLabel, allowSkip = true, onChoose } = props;
  const one = (props.count ?? existing.length) === 1;
  const more = existing.length - SHOWN;
  return (
    <Dialog
      title={title}
      onClose={() => {
        onChoose(null);
      }}
    >
      <p>
        {children}{' '}
        {!allowSkip
          ? 'Overwrite it, or keep both (the renamed one is then called like “name (1).txt”)?'
          : one && props.nounOne !== undefined
            ? `Overwrite it, skip it, or keep both by giving the new ${props.nounOne} a name like “name (1).txt”?`
            : `Overwrite them, skip them, or keep both by giving the new ${noun} a name like “name (1).txt”?`}
      </p>
      {existing.length > 0 ? (
        <DialogKeys>
          {existing.slice(0, SHOWN).map((key) => (
            <li key={key}>
              <VisibleKey text={key} />
            </li>
          ))}
          {more > 0 ? <li className="muted">and {formatCount(more)} more</li> : null}
        </DialogKeys>
      ) : null}
      <DialogActions>
        <Button
          onClick={() => {
            onChoose(null);
          }}
        >
          {cancelLabel}
        </Button>
        {allowSkip ? (
          <Button
            onClick={() => {
              onChoose('skip');
            }}
          >
            Skip
          </Button>
        ) : null}
        <Button
          onClick={() => {
            onChoose('keepBoth');
          }}
        >
          Keep both
        </Button>
        <Button
          variant="primary"
          onClick={() => {
            onChoose('overwrite');
          }}
        >
          Overwrite
        </Button>
      </DialogActions>
    </Dialog>
  );
}
