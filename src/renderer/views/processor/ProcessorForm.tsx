import { useMemo, useState, type FormEvent } from 'react';
import { PROCESSOR_BOUNDS, type Processor } from '../../../shared/wire';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatLocalTime } from '../../lib/format';
import { isAwaitingDownload } from '../../../shared/ipc';
import { useJobs, useProcessor } from '../../state/StoresContext';
import { ConfirmProcessorDialog } from './ConfirmProcessorDialog';
import { NumberField } from './NumberField';
import { checkDraft, draftOf, type DraftCheck, type PendingJobs, type ProcessorDraft } from './processorChange';

const NUMBER_FIELDS = [
  {
    field: 'maxConcurrentJobs',
    id: 'processor-max-concurrent',
    label: 'Max concurrent jobs',
    hint: 'Exports that run at once on the server; the rest wait their turn.',
  },
  {
    field: 'retentionDays',
    id: 'processor-retention',
    label: 'Retention (days)',
    hint: 'How long finished files stay on the server before they are deleted.',
  },
] as const;

export function ProcessorForm({ profileId, processor }: { profileId: string; processor: Processor }) {
  const [draft, setDraft] = useState<ProcessorDraft>(() => draftOf(processor));
  const [review, setReview] = useState<Extract<DraftCheck, { ok: true }> | null>(null);
  const [errors, setErrors] = useState<Partial<Record<(typeof NUMBER_FIELDS)[number]['field'], string>>>({});
  const saving = useProcessor((s) => s.byProfile[profileId]?.saving ?? false);
  const saveError = useProcessor((s) => s.byProfile[profileId]?.saveError ?? null);
  const save = useProcessor((s) => s.save);
  const byId = useJobs((s) => s.byId);
  const pending = useMemo<PendingJobs>(() => {
    let processing = 0;
    let awaitingDownload = 0;
    for (const job of byId.values()) {
      if (job.profileId !== profileId) continue;
      if (job.server.status === 'PROCESSING') processing += 1;
      else if (isAwaitingDownload(job)) awaitingDownload += 1;
    }
    return { processing, awaitingDownload };
  }, [byId, profileId]);

  const change = (patch: Partial<ProcessorDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const onReview = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(processor, draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok && checked.changes.length > 0) setReview(checked);
  };
  const onSave = async () => {
    if (!review) return;
    await save(profileId, review.patch);
    // Success remounts this form with the server's values; a failure keeps the draft and shows the error.
    setReview(null);
  };

  const unchanged = draft.enabled === processor.enabled && draft.maxConcurrentJobs === String(processor.config.maxConcurrentJobs) && draft.retentionDays === String(processor.config.retentionDays);

  return (
    <form className="card stack processor-form" noValidate onSubmit={onReview} data-testid="processor-form">
      <label className="check">
        <input type="checkbox" checked={draft.enabled} data-testid="processor-enabled" onChange={(e) => change({ enabled: e.target.checked })} />
        <span>
          <strong>Enabled</strong>
          <span className="field-hint block">When disabled, the server refuses new exports.</span>
        </span>
      </label>
      {NUMBER_FIELDS.map(({ field, id, label, hint }) => (
        <NumberField
          key={field}
          id={id}
          label={label}
          bounds={PROCESSOR_BOUNDS[field]}
          hint={hint}
          value={draft[field]}
          error={errors[field]}
          onChange={(value) => change({ [field]: value })}
        />
      ))}
      {saveError && <ErrorMessage error={saveError} testId="processor-error" />}
      <div className="row">
        <button type="submit" className="button primary" disabled={unchanged || saving} data-testid="processor-review">
          Review changes…
        </button>
        <button type="button" className="button" disabled={unchanged || saving} onClick={() => {
          setDraft(draftOf(processor));
          setErrors({});
        }}>
          Undo changes
        </button>
        <span className="muted">Last changed {formatLocalTime(processor.updatedAt)}</span>
      </div>
      <ConfirmProcessorDialog
        review={review}
        processor={processor}
        pending={pending}
        saving={saving}
        onConfirm={onSave}
        onCancel={() => setReview(null)}
      />
    </form>
  );
}
