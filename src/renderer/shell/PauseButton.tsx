import { useApp } from '../state/StoresContext';

/** Pausing stops polling and downloads; in-progress downloads stay resumable. */
export function PauseButton() {
  const paused = useApp((s) => s.status?.paused);
  const setPaused = useApp((s) => s.setPaused);
  if (paused === undefined) return null;
  return (
    <button type="button" className="button" aria-pressed={paused} data-testid="pause-toggle" onClick={() => void setPaused(!paused)}>
      {paused ? 'Resume' : 'Pause'}
    </button>
  );
}
