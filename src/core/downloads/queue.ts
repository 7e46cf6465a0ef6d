/** A task gets a signal that fires when the queue is cancelled. */
export type QueueTask<T> = (signal: AbortSignal) => Promise<T>;

export class QueueCancelledError extends Error {
  override readonly name = 'QueueCancelledError';
  readonly code = 'cancelled';
}

interface Entry {
  key: string;
  promise: Promise<unknown>;
  start: () => void;
  cancel: (reason: Error) => void;
}

export interface DownloadQueue {
  /** Runs `task` when a slot is free; while the same key is queued or running, returns that run. */
  run<T>(key: string, task: QueueTask<T>): Promise<T>;
  /** Aborts running tasks and rejects waiting ones. The queue stays usable afterwards. */
  cancelAll(): void;
  has(key: string): boolean;
  readonly running: number;
  readonly waiting: number;
}

export function createDownloadQueue(options: { concurrency: number }): DownloadQueue {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const entries = new Map<string, Entry>();
  const waiting: Entry[] = [];
  const running = new Map<string, AbortController>();

  const next = () => {
    while (running.size < concurrency && waiting.length > 0) waiting.shift()?.start();
  };

  const run = <T>(key: string, task: QueueTask<T>): Promise<T> => {
    const existing = entries.get(key);
    if (existing) return existing.promise as Promise<T>;
    let start!: () => void;
    let cancel!: (reason: Error) => void;
    const promise = new Promise<T>((resolve, reject) => {
      cancel = reject;
      start = () => {
        const controller = new AbortController();
        running.set(key, controller);
        // Free the key before settling, so a caller awaiting this run can start a new one at once.
        const release = () => {
          running.delete(key);
          entries.delete(key);
          next();
        };
        Promise.resolve()
          .then(() => task(controller.signal))
          .then(
            (value) => {
              release();
              resolve(value);
            },
            (err: unknown) => {
              release();
              reject(err);
            },
          );
      };
    });
    const entry: Entry = { key, promise, start, cancel };
    entries.set(key, entry);
    waiting.push(entry);
    next();
    return promise;
  };

  return {
    run,
    cancelAll() {
      for (const entry of waiting.splice(0)) {
        entries.delete(entry.key);
        entry.cancel(new QueueCancelledError('The download was cancelled before it started.'));
      }
      for (const controller of running.values()) controller.abort(new QueueCancelledError('The download was cancelled.'));
    },
    has: (key) => entries.has(key),
    get running() {
      return running.size;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
