/* eslint react-hooks/incompatible-library: "off" -- TanStack Virtual is fine without React Compiler, which this app does not use. */
import { useMemo, useRef } from 'react';
import Papa from 'papaparse';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatBytes } from '@/utils/format';
import styles from './csv-preview.module.css';

/** The table shows at most this many rows (after the header), whatever the bytes read held. */
export const CSV_MAX_ROWS = 5_000;
const ROW_HEIGHT = 28;

type CsvPreviewProps = {
  text: string;
  tsv: boolean;
  /** The text is the first bytes only: its last line may be cut, so it is dropped. */
  truncated: boolean;
  size: number;
};

/** CSV/TSV as a table: parsed by papaparse, its rows virtualized, each cell plain text. */
export function CsvPreview({ text, tsv, truncated, size }: CsvPreviewProps) {
  const parsed = useMemo(() => {
    const source = truncated ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text;
    const result = Papa.parse<string[]>(source, {
      delimiter: tsv ? '\t' : '',
      skipEmptyLines: true,
      preview: CSV_MAX_ROWS + 1,
    });
    return result.data;
  }, [text, tsv, truncated]);

  const [header = [], ...rows] = parsed;
  const columns = Math.max(header.length, ...rows.slice(0, 100).map((r) => r.length));
  const capped = rows.length >= CSV_MAX_ROWS;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  if (parsed.length === 0) return <p className="muted">No rows.</p>;
  // Every row the same width and columns, so the cells line up under their header.
  const rowStyle = {
    gridTemplateColumns: `repeat(${String(columns)}, minmax(0, 1fr))`,
    width: `max(100%, ${String(columns * 16)}ch)`,
  };
  const items = virtualizer.getVirtualItems();
  return (
    <>
      {capped || truncated ? (
        <p className={styles.note}>
          Showing the first {rows.length.toLocaleString('en')} rows
          {truncated ? ` (of the first ${formatBytes(text.length)} of ${formatBytes(size)})` : ''}.
        </p>
      ) : null}
      <div
        ref={scrollRef}
        className={styles.scroll}
        role="table"
        aria-label="Preview table"
        aria-rowcount={rows.length + 1}
        tabIndex={0}
      >
        <div role="rowgroup" className={styles.head}>
          <div role="row" className={styles.row} style={rowStyle}>
            {Array.from({ length: columns }, (_, i) => (
              <div role="columnheader" key={i} className={styles.cell}>
                {header[i] ?? ''}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index] ?? [];
            return (
              <div
                role="row"
                key={item.key}
                aria-rowindex={item.index + 2}
                className={styles.row}
                style={{
                  ...rowStyle,
                  transform: `translateY(${String(item.start)}px)`,
                }}
              >
                {Array.from({ length: columns }, (_, i) => (
                  <div role="cell" key={i} className={styles.cell}>
                    {row[i] ?? ''}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
