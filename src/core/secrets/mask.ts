const VISIBLE_TAIL = 4;
/** Fewer hidden characters than this and the tail would give too much of the key away. */
const MIN_HIDDEN = 8;
const MAX_PREFIX = 8;
const FULLY_MASKED = '••••';

/**
 * A hint that lets a person recognise which key is stored without revealing it:
 * `pxe_live_3fa9…a1f3` becomes `pxe_…a1f3`. Short keys are fully masked.
 */
export function maskKey(key: string): string {
  const underscore = key.indexOf('_');
  const prefix = underscore >= 0 && underscore < MAX_PREFIX ? key.slice(0, underscore + 1) : '';
  const hidden = key.length - prefix.length - VISIBLE_TAIL;
  if (hidden < MIN_HIDDEN) return FULLY_MASKED;
  return `${prefix}…${key.slice(-VISIBLE_TAIL)}`;
}
