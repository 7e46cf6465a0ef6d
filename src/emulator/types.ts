/** The emulator's public surface; index.ts re-exports it. */
export interface ProcessorSettings {
  enabled?: boolean;
  maxConcurrentJobs?: number;
  retentionDays?: number;
}

export interface EmulatorOptions {
  /** 0 = any free port (the default in-process). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** token -> scopes. Omitted: a full-scope demo key and a key without exports:create. */
  keys?: Record<string, string[]>;
  /** Signed URL lifetime, default 3600. */
  urlTtlSeconds?: number;
  /** AUDIT_LOGS rows per day of the requested range (before actor/action filters). */
  rowsPerDay?: number;
  /** Requests per second per key, burst 2x; 0 = off. Default 25. */
  rateLimit?: number;
  /** Where finished files live; default a temp dir removed on close(). */
  dataDir?: string;
  /** Expose the HTTP admin API at /__admin/* to loopback sockets. Default false. */
  admin?: boolean;
  /** A job takes at least this long so progress is observable. Default 1500. */
  jobMinDurationMs?: number;
  /** Initial processor config (default enabled, 3 concurrent jobs, 30 days retention). */
  processor?: ProcessorSettings;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** 0 when the connection was reset before a response. */
  status: number;
  idempotencyKey: string | null;
  range: string | null;
  ifRange: string | null;
  /** Emulator clock, ms. */
  at: number;
}

export interface JobErrorInput {
  code: string;
  message: string;
}

export interface EmulatorAdmin {
  failNext(count: number, status: 500 | 503): void;
  rateLimitStorm(count: number, retryAfterSeconds: number): void;
  resetNextConnections(count: number): void;
  setLatency(ms: number): void;
  cutDownloadsAfter(bytes: number, count?: number): void;
  stallDownloadsAfter(bytes: number, stallMs: number, count?: number): void;
  failJob(id: string, error?: JobErrorInput): void;
  failNextJobs(count: number, error?: JobErrorInput): void;
  corruptFile(id: string): void;
  replaceFile(id: string): void;
  advanceClock(ms: number): void;
  now(): number;
  requests(): RecordedRequest[];
  clearRequests(): void;
  setProcessor(p: ProcessorSettings): void;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  baseUrl: string;
  keys: { token: string; scopes: string[] }[];
  /** Where finished files live. */
  dataDir: string;
  admin: EmulatorAdmin;
  /** Stops, destroys open sockets, removes the temp data dir. */
  close(): Promise<void>;
}
