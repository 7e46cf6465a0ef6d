/** The processor form: checking the draft, the patch to send, and what the change means. Pure. */
import { maxConcurrentJobsSchema, retentionDaysSchema, type ProcessorPatch } from '../../../shared/ipc';
import type { Processor } from '../../../shared/wire';

export interface ProcessorDraft {
  enabled: boolean;
  /** Kept as typed so a half-typed number is not rewritten under the user's cursor. */
  maxConcurrentJobs: string;
  retentionDays: string;
}

export type NumberField = 'maxConcurrentJobs' | 'retentionDays';

export interface Change {
  field: 'enabled' | NumberField;
  label: string;
  from: string;
  to: string;
}

export type DraftCheck =
  | { ok: true; patch: ProcessorPatch; changes: Change[] }
  | { ok: false; errors: Partial<Record<NumberField, string>> };

/** Exports of this profile that are not safely on disk yet. */
export interface PendingJobs {
  processing: number;
  awaitingDownload: number;
}

export const draftOf = (processor: Processor): ProcessorDraft => ({
  enabled: processor.enabled,
  maxConcurrentJobs: String(processor.config.maxConcurrentJobs),
  retentionDays: String(processor.config.retentionDays),
});

const SCHEMAS = { maxConcurrentJobs: maxConcurrentJobsSchema, retentionDays: retentionDaysSchema };

function parseField(field: NumberField, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  const value = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  const parsed = SCHEMAS[field].safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const bound = field === 'maxConcurrentJobs' ? 'Max concurrent jobs' : 'Retention';
  return { error: Number.isNaN(value) ? `${bound} must be a whole number.` : (parsed.error.issues[0]?.message ?? 'Out of range.') };
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function checkDraft(current: Processor, draft: ProcessorDraft): DraftCheck {
  const max = parseField('maxConcurrentJobs', draft.maxConcurrentJobs);
  const retention = parseField('retentionDays', draft.retentionDays);
  if ('error' in max || 'error' in retention) {
    return {
      ok: false,
      errors: { ...('error' in max ? { maxConcurrentJobs: max.error } : {}), ...('error' in retention ? { retentionDays: retention.error } : {}) },
    };
  }

  const patch: ProcessorPatch = {};
  const changes: Change[] = [];
  if (draft.enabled !== current.enabled) {
    patch.enabled = draft.enabled;
    const word = (on: boolean) => (on ? 'Enabled' : 'Disabled');
    changes.push({ field: 'enabled', label: 'Processor', from: word(current.enabled), to: word(draft.enabled) });
  }
  const config: NonNullable<ProcessorPatch['config']> = {};
  if (max.value !== current.config.maxConcurrentJobs) {
    config.maxConcurrentJobs = max.value;
    changes.push({ field: 'maxConcurrentJobs', label: 'Max concurrent jobs', from: String(current.config.maxConcurrentJobs), to: String(max.value) });
  }
  if (retention.value !== current.config.retentionDays) {
    config.retentionDays = retention.value;
    changes.push({ field: 'retentionDays', label: 'Retention', from: days(current.config.retentionDays), to: days(retention.value) });
  }
  if (Object.keys(config).length > 0) patch.config = config;
  return { ok: true, patch, changes };
}

const exportsWord = (n: number) => (n === 1 ? '1 export' : `${n} exports`);

/** What could go wrong for work already under way. */
export function changeWarnings(current: Processor, patch: ProcessorPatch, pending: PendingJobs): string[] {
  const warnings: string[] = [];
  if (patch.enabled === false && current.enabled && pending.processing > 0) {
    warnings.push(
      `${exportsWord(pending.processing)} of this workspace ${pending.processing === 1 ? 'is' : 'are'} still processing and may not finish while the processor is disabled. New exports will be refused until you enable it again.`,
    );
  }
  const newRetention = patch.config?.retentionDays;
  const waiting = pending.processing + pending.awaitingDownload;
  if (newRetention !== undefined && newRetention < current.config.retentionDays && waiting > 0) {
    warnings.push(
      `Retention drops to ${days(newRetention)}: the server deletes files sooner. ${exportsWord(waiting)} of this workspace ${waiting === 1 ? 'is' : 'are'} not downloaded yet; download ${waiting === 1 ? 'it' : 'them'} before then.`,
    );
  }
  return warnings;
}
