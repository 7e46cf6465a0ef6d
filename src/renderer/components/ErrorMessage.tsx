import type { IpcError } from '../../shared/ipc';
import { nextActionFor } from '../lib/nextAction';
import { useStores } from '../state/StoresContext';
import { useRerun } from '../state/useRerun';

interface ErrorMessageProps {
  error: IpcError;
  /** The job the error is about: enables Re-run / Retry download as the next action. */
  jobId?: string;
  testId?: string;
  /** Off where the user is already at the fix (the key form itself). */
  offerAction?: boolean;
}

/** An error in plain words with the button for the next step. */
export function ErrorMessage({ error, jobId, testId = 'error-message', offerAction = true }: ErrorMessageProps) {
  const stores = useStores();
  const rerun = useRerun();
  const action = offerAction ? nextActionFor(error.code, jobId !== undefined) : null;

  const run = () => {
    if (!action) return;
    if (action.kind === 'navigate') stores.ui.getState().navigate(action.view);
    else if (jobId && action.kind === 'rerun') void rerun(jobId);
    else if (jobId) void stores.jobs.getState().retryDownload(jobId);
  };

  return (
    <div className="error-message" role="alert" data-testid={testId} data-error-code={error.code}>
      <p>{error.message}</p>
      {action && (
        <button type="button" className="button" onClick={run}>
          {action.label}
        </button>
      )}
    </div>
  );
}
