import { useApp, useUi } from '../state/StoresContext';

/** The same counts as the tray icon (main computes both); a click lists those jobs. */
export function AttentionBadge() {
  const attention = useApp((s) => s.status?.attention);
  const navigate = useUi((s) => s.navigate);
  const setJobQuery = useUi((s) => s.setJobQuery);
  if (!attention) return null;

  const { notDownloaded, expiringSoon } = attention;
  const parts = [
    notDownloaded > 0 && `${notDownloaded} not downloaded`,
    expiringSoon > 0 && `${expiringSoon} link${expiringSoon === 1 ? '' : 's'} expiring soon`,
  ].filter(Boolean);
  const calm = parts.length === 0;

  return (
    <button
      type="button"
      className={calm ? 'attention-badge calm' : 'attention-badge'}
      data-testid="attention-badge"
      data-not-downloaded={notDownloaded}
      data-expiring-soon={expiringSoon}
      onClick={() => {
        setJobQuery({ status: 'attention' });
        navigate('jobs');
      }}
    >
      {calm ? 'Nothing needs attention' : `Needs attention: ${parts.join(', ')}`}
    </button>
  );
}
