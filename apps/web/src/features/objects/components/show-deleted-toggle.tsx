import styles from './show-deleted-toggle.module.css';

type ShowDeletedToggleProps = { checked: boolean; onChange: (checked: boolean) => void };

/** "Show deleted": the listing adds keys whose current version is a delete marker. */
export function ShowDeletedToggle({ checked, onChange }: ShowDeletedToggleProps) {
  return (
    <label className={styles.toggle} title="Also list deleted objects (their older versions stay)">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      Show deleted
    </label>
  );
}
