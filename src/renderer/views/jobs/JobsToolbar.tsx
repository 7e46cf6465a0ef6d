import { EXPORT_TYPES } from '../../../shared/wire';
import { DISPLAY_STATUSES, SORTS, STATUS_LABELS, type JobQuery } from '../../state/jobQuery';
import { useProfiles, useUi } from '../../state/StoresContext';

export function JobsToolbar({ shown, total }: { shown: number; total: number }) {
  const query = useUi((s) => s.jobQuery);
  const setQuery = useUi((s) => s.setJobQuery);
  const profiles = useProfiles((s) => s.profiles);

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
      <div className="field">
        <label htmlFor="job-filter-status">Status</label>
        <select
          id="job-filter-status"
          className="select"
          data-testid="job-filter-status"
          value={query.status}
          onChange={(e) => setQuery({ status: e.target.value as JobQuery['status'] })}
        >
          <option value="all">All</option>
          <option value="attention">Needs attention</option>
          {DISPLAY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job-filter-type">Type</label>
        <select
          id="job-filter-type"
          className="select"
          data-testid="job-filter-type"
          value={query.type}
          onChange={(e) => setQuery({ type: e.target.value as JobQuery['type'] })}
        >
          <option value="all">All</option>
          {EXPORT_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job-filter-profile">Workspace</label>
        <select
          id="job-filter-profile"
          className="select"
          data-testid="job-filter-profile"
          value={query.profileId}
          onChange={(e) => setQuery({ profileId: e.target.value })}
        >
          <option value="all">All</option>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job-sort">Sort</label>
        <select
          id="job-sort"
          className="select"
          data-testid="job-sort"
          value={query.sort}
          onChange={(e) => setQuery({ sort: e.target.value as JobQuery['sort'] })}
        >
          {Object.entries(SORTS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="job-count muted" data-testid="job-count" aria-live="polite">
        {shown === total ? `${total.toLocaleString()} exports` : `${shown.toLocaleString()} of ${total.toLocaleString()} exports`}
      </p>
    </div>
  );
}
