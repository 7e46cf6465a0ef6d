/**
 * Test ids: new-export-form, export-type, export-format, range-preset-<preset>, range-from, range-to,
 * range-preview, filter-row, filter-key, filter-value, filter-remove, add-filter, export-label,
 * create-export-submit, new-export-error.
 */
import { useState, type FormEvent } from 'react';
import type { IpcError } from '../../../shared/ipc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProfileBadge } from '../../components/ProfileBadge';
import { newRequestId } from '../../lib/requestId';
import { selectActiveProfile } from '../../state/profiles';
import { useJobs, useProfiles, useStores } from '../../state/StoresContext';
import { DateRangeField } from './DateRangeField';
import { buildCreateInput, INITIAL_VALUES, type ExportFormValues, type FormErrors } from './exportForm';
import { FilterRows } from './FilterRows';
import { KindFields } from './KindFields';
import { MissingKey } from './MissingKey';
import './new-export.css';

export function NewExportView() {
  const stores = useStores();
  const profile = useProfiles(selectActiveProfile);
  const keyMissing = useProfiles((s) => (profile ? s.keys[profile.id]?.hasKey === false : false));
  const creating = useJobs((s) => s.creating);
  const [values, setValues] = useState<ExportFormValues>(INITIAL_VALUES);
  const [errors, setErrors] = useState<FormErrors>({});
  const [serverError, setServerError] = useState<IpcError | null>(null);
  const change = (patch: Partial<ExportFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stores.jobs.getState().creating) return;
    const built = buildCreateInput(values, profile?.id ?? null, new Date());
    setErrors(built.ok ? {} : built.errors);
    setServerError(null);
    if (!built.ok) return;

    // A fresh id per submit; the disabled button and the store stop a second submit while this one runs.
    const result = await stores.jobs.getState().create(built.input, newRequestId());
    if (!result.ok) return setServerError(result.error);
    const { job, duplicateOf, replayed } = result.value;
    const ui = stores.ui.getState();
    ui.pushNotice({
      level: 'success',
      message: replayed ? `That export was already created: ${job.id}.` : `Export ${job.id} started.`,
      jobId: job.id,
    });
    if (duplicateOf) ui.pushNotice({ level: 'info', message: `An identical export already exists: ${duplicateOf}.`, jobId: duplicateOf });
    ui.navigate('jobs', job.id);
  };

  return (
    <div className="view">
      <div className="view-header">
        <h2>New export</h2>
        {profile && (
          <span className="muted">
            in <ProfileBadge profile={profile} />
          </span>
        )}
      </div>
      <form className="stack new-export-form card" noValidate onSubmit={submit} data-testid="new-export-form" aria-busy={creating}>
        {errors.profile && <p className="field-error" role="alert">{errors.profile}</p>}
        {keyMissing && <MissingKey />}
        <KindFields values={values} onChange={change} />
        <DateRangeField values={values} error={errors.range} onChange={change} />
        <FilterRows rows={values.filters} error={errors.filters} onChange={(filters) => change({ filters })} />
        <div className="field">
          <label htmlFor="export-label">Label (optional)</label>
          <input
            id="export-label"
            className="input"
            maxLength={120}
            data-testid="export-label"
            value={values.label}
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={errors.label ? 'export-label-error' : 'export-label-hint'}
            onChange={(e) => change({ label: e.target.value })}
          />
          <span id="export-label-hint" className="field-hint">
            Helps you find it later, such as “Q1 access review”.
          </span>
          {errors.label && (
            <span id="export-label-error" className="field-error">
              {errors.label}
            </span>
          )}
        </div>
        {serverError && <ErrorMessage error={serverError} testId="new-export-error" />}
        <div className="row">
          <button type="submit" className="button primary" disabled={creating || keyMissing || !profile} data-testid="create-export-submit">
            {creating ? 'Creating…' : 'Create export'}
          </button>
        </div>
      </form>
    </div>
  );
}
