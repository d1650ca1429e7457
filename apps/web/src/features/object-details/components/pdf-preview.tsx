import styles from './object-preview.module.css';

/**
 * The browser's own PDF viewer in a frame on the content route. The route answers with
 * `Content-Security-Policy: sandbox` (an opaque origin, no script of the document), so nothing
 * in the PDF runs in the app's origin. No `sandbox` attribute on the frame: Chromium refuses to
 * show a PDF in a sandboxed frame at all; the header sandboxes the document instead.
 */
export function PdfPreview({ src, name }: { src: string; name: string }) {
  return <iframe className={styles.pdf} src={src} title={`PDF preview of ${name}`} />;
}
