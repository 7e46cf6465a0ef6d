import { useApp } from '../state/StoresContext';

export function ConnectionStatus() {
  const status = useApp((s) => s.status);
  if (!status) return null;
  return (
    <span className="status-line" data-testid="connection-status" data-online={status.online}>
      <span className={status.online ? 'dot' : 'dot off'} aria-hidden="true" />
      {status.online ? 'Connected' : 'Offline: retrying'}
      {status.working > 0 && <span>· {status.working} working</span>}
    </span>
  );
}
