import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';

/** The Cancel / Save footer of an edit form; both are disabled while the save runs. */
export function FormActions({ onCancel, pending }: { onCancel: () => void; pending: boolean }) {
  return (
    <ButtonRow>
      <Button onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </Button>
    </ButtonRow>
  );
}
