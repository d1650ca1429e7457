/** The labels of user-metadata rows, the same in every form that edits metadata. */
export const METADATA_ROW_LABELS = {
  legend: 'User metadata',
  nameLabel: 'Metadata name',
  valueLabel: 'Metadata value',
  namePlaceholder: 'name',
  addLabel: 'Add metadata',
  emptyText: 'No user metadata.',
} as const;
