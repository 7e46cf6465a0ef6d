import { newRequestId } from '../lib/requestId';
import { useStores } from './StoresContext';

/** Re-runs a job and moves the selection to the new export, so the user follows it. */
export function useRerun() {
  const stores = useStores();
  return async (jobId: string) => {
    const result = await stores.jobs.getState().rerun(jobId, newRequestId());
    if (result.ok) {
      stores.ui.getState().selectJob(result.value.id);
      stores.ui.getState().pushNotice({ level: 'info', message: `Re-running as ${result.value.id}.`, jobId: result.value.id });
    }
  };
}
