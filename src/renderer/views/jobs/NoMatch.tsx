import { DEFAULT_QUERY } from '../../state/jobQuery';
import { useUi } from '../../state/StoresContext';

export function NoMatch() {
  const setQuery = useUi((s) => s.setJobQuery);
  return (
    <div className="empty" data-testid="jobs-no-match">
      <p>No exports match these filters.</p>
      <button type="button" className="button" onClick={() => setQuery(DEFAULT_QUERY)}>
        Clear filters
      </button>
    </div>
  );
}
