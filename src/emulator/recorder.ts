/** The log of API and download requests that tests inspect (admin requests are not recorded). */
import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from './types';

export function createRecorder(now: () => number) {
  let log: RecordedRequest[] = [];
  const header = (req: IncomingMessage, name: string): string | null => {
    const value = req.headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  return {
    start(req: IncomingMessage, path: string): RecordedRequest {
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        status: 0,
        idempotencyKey: header(req, 'idempotency-key'),
        range: header(req, 'range'),
        ifRange: header(req, 'if-range'),
        at: now(),
      };
      log.push(record);
      return record;
    },
    list: (): RecordedRequest[] => log.map((r) => ({ ...r })),
    clear(): void {
      log = [];
    },
  };
}
export type Recorder = ReturnType<typeof createRecorder>;
