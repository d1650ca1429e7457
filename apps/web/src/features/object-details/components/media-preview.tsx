import { useState } from 'react';
import styles from './object-preview.module.css';

type MediaPreviewProps = { kind: 'video' | 'audio'; src: string };

/**
 * An HTML5 <video> or <audio> on the content route: the browser asks for the bytes it plays
 * with Range requests (the route answers 206), so seeking fetches from there, never the whole file.
 */
export function MediaPreview({ kind, src }: MediaPreviewProps) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return <p className="muted">This {kind} could not be played here. Download it instead.</p>;
  }
  const onError = () => {
    setFailed(true);
  };
  return kind === 'video' ? (
    <video
      className={styles.video}
      src={src}
      controls
      preload="metadata"
      aria-label="Video preview"
      onError={onError}
    />
  ) : (
    <audio
      className={styles.audio}
      src={src}
      controls
      preload="metadata"
      aria-label="Audio preview"
      onError={onError}
    />
  );
}
