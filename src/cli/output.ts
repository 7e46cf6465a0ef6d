import type { DownloadProgress } from '../shared/domain';
import { createProgressBar, type ProgressBar } from './progress-bar';

export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
}

/**
 * Human mode: results on stdout, warnings and the progress bar (TTY only) on stderr.
 * JSON mode (--json): one JSON object per line on stdout, `type` first; errors also on stderr.
 */
export class Output {
  readonly #bar: ProgressBar | null;

  constructor(
    readonly json: boolean,
    private readonly streams: OutputStreams = { stdout: process.stdout, stderr: process.stderr },
  ) {
    this.#bar = !json && streams.stderr.isTTY ? createProgressBar(streams.stderr) : null;
  }

  /** A line for people; in JSON mode the matching event carries the same facts. */
  line(text: string): void {
    if (this.json) return;
    this.#bar?.clear();
    this.streams.stdout.write(`${text}\n`);
  }

  warn(text: string): void {
    this.#bar?.clear();
    this.streams.stderr.write(`${text}\n`);
  }

  event(type: string, data: Record<string, unknown>): void {
    if (this.json) this.streams.stdout.write(`${JSON.stringify({ type, ...data })}\n`);
  }

  status(text: string): void {
    this.#bar?.status(text);
  }

  progress(p: DownloadProgress): void {
    this.#bar?.progress(p);
    this.event('download-progress', { ...p });
  }

  done(): void {
    this.#bar?.clear();
  }
}
