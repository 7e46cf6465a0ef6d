import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomId(prefix: string, length = 20): string {
  let id = prefix;
  for (let i = 0; i < length; i++) id += BASE62[randomInt(62)];
  return id;
}

export const newExportId = (): string => randomId('exp_');
export const newRequestId = (): string => randomId('req_', 16);
