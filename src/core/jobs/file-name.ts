import type { JobRecord } from '../../shared/domain';
import { UserError } from '../errors';
import { compactTimestamp } from './time';

export const FILE_NAME_PLACEHOLDERS = ['type', 'format', 'from', 'to', 'id', 'ext', 'label'] as const;
type Placeholder = (typeof FILE_NAME_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
// A control character cannot survive `safe`, so it can mark an empty value.
const EMPTY = '\u0000';
// eslint-disable-next-line no-control-regex
const LEADING_EMPTY = /^\u0000[_\-. ]?/;
// eslint-disable-next-line no-control-regex
const EMPTY_WITH_SEPARATOR = /[_\-. ]?\u0000/g;
// Path separators, characters Windows refuses, control and bidi characters: a value is never a path.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Null when the template is usable, otherwise a one-line reason. */
export function checkFileNameTemplate(template: string): string | null {
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(FILE_NAME_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
      return `The file name template uses {${name}}, which is not a placeholder; use ${FILE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
    }
  }
  return null;
}

/**
 * The local file name for a job from a template such as `{type}_{from}_{to}_{id}.{ext}`. Times
 * become `20260301T000000Z`. Each value is made safe on its own, and the extension for the format
 * is added when the template leaves it out. The downloader still sanitises the result as a whole.
 */
export function renderFileName(template: string, job: Pick<JobRecord, 'label' | 'server'>): string {
  const problem = checkFileNameTemplate(template);
  if (problem) throw new UserError('file_name_template_invalid', problem);
  // Every format's name is also its usual extension (csv, json, ndjson).
  const ext = safe(job.server.format);
  const values: Record<Placeholder, string> = {
    type: job.server.type,
    format: job.server.format,
    from: time(job.server.filters.from),
    to: time(job.server.filters.to),
    id: job.server.id,
    ext,
    label: job.label ?? '',
  };
  // An empty value takes one separator with it, so `{label}_{type}` without a label is not `_AUDIT_LOGS`.
  const rendered = template
    .replace(PLACEHOLDER, (_, name: Placeholder) => safe(values[name]) || EMPTY)
    .replace(LEADING_EMPTY, '')
    .replace(EMPTY_WITH_SEPARATOR, '')
    .replace(UNSAFE, '-')
    .replace(/^[_\-. ]+|[_\-. ]+$/g, '');
  const base = rendered.endsWith(`.${ext}`) ? rendered.slice(0, -ext.length - 1) : rendered;
  return `${base || safe(job.server.id)}.${ext}`;
}

function time(value: string): string {
  return Number.isNaN(Date.parse(value)) ? value : compactTimestamp(value);
}

function safe(value: string): string {
  return value.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim();
}
