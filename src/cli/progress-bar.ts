import type { DownloadProgress } from '../shared/domain';
import { formatBytes, formatSeconds } from './format';

const WIDTH = 24;

/** One line redrawn in place on a terminal (stderr), so stdout stays clean for results. */
export function createProgressBar(stream: NodeJS.WriteStream) {
  let shown = false;
  const draw = (text: string) => {
    const columns = stream.columns || 80;
    stream.write(`\r${text.slice(0, columns - 1).padEnd(columns - 1)}`);
    shown = true;
  };
  return {
    status(text: string): void {
      draw(text);
    },
    progress(p: DownloadProgress): void {
      const ratio = p.total ? Math.min(1, p.bytes / p.total) : 0;
      const filled = Math.round(ratio * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      const size = p.total ? `${formatBytes(p.bytes)}/${formatBytes(p.total)}` : formatBytes(p.bytes);
      const speed = p.bytesPerSecond > 0 ? ` ${formatBytes(p.bytesPerSecond)}/s` : '';
      const eta = p.etaSeconds !== null ? ` ETA ${formatSeconds(p.etaSeconds)}` : '';
      draw(`Downloading [${bar}] ${Math.floor(ratio * 100)}% ${size}${speed}${eta}`);
    },
    /** Clears the line before ordinary output. */
    clear(): void {
      if (!shown) return;
      draw('');
      stream.write('\r');
      shown = false;
    },
  };
}
export type ProgressBar = ReturnType<typeof createProgressBar>;
