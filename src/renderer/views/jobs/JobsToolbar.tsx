import { EXPORT_TYPES } from '../../../shared/wire';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { DISPLAY_STATUSES, SORTS, STATUS_LABELS, type JobQuery, type SortKey } from '../../state/jobQuery';
import { useProfiles, useUi } from '../../state/StoresContext';

const ALL = { value: 'all', label: 'All' } as const;

const STATUS_OPTIONS: SelectOption<JobQuery['status']>[] = [
  ALL,
  { value: 'attention', label: 'Needs attention' },
  ...DISPLAY_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
];
const TYPE_OPTIONS: SelectOption<JobQuery['type']>[] = [ALL, ...EXPORT_TYPES.map((type) => ({ value: type, label: type }))];
const SORT_OPTIONS = (Object.entries(SORTS) as [SortKey, string][]).map(([value, label]) => ({ value, label }));

export function JobsToolbar({ shown, total }: { shown: number; total: number }) {
  const query = useUi((s) => s.jobQuery);
  const setQuery = useUi((s) => s.setJobQuery);
  const profiles = useProfiles((s) => s.profiles);
  const profileOptions = [ALL, ...profiles.map((profile) => ({ value: profile.id, label: profile.name }))];

  return (
    <div className="jobs-toolbar" role="search" aria-label="Filter exports">
      <div className="field grow">
        <label htmlFor="job-search">Search</label>
        <input
          id="job-search"
          type="search"
          className="input"
          placeholder="Export id or label"
          maxLength={200}
          data-testid="job-search"
          value={query.search}
          onChange={(e) => setQuery({ search: e.target.value })}
        />
      </div>
      <SelectField label="Status" testId="job-filter-status" value={query.status} options={STATUS_OPTIONS} onChange={(status) => setQuery({ status })} />
      <SelectField label="Type" testId="job-filter-type" value={query.type} options={TYPE_OPTIONS} onChange={(type) => setQuery({ type })} />
      <SelectField label="Workspace" testId="job-filter-profile" value={query.profileId} options={profileOptions} onChange={(profileId) => setQuery({ profileId })} />
      <SelectField label="Sort" testId="job-sort" value={query.sort} options={SORT_OPTIONS} onChange={(sort) => setQuery({ sort })} />
      <p className="job-count muted" data-testid="job-count" aria-live="polite">
        {shown === total ? `${total.toLocaleString()} exports` : `${shown.toLocaleString()} of ${total.toLocaleString()} exports`}
      </p>
    </div>
  );
}
