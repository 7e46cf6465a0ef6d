import { useEffect } from 'react';
import type { ShownNotice } from '../state/ui';
import { useUi } from '../state/StoresContext';

/** Good news fades after a while; warnings and errors stay until dismissed. */
const FADE_AFTER_MS = 8_000;

export function NoticeItem({ notice }: { notice: ShownNotice }) {
  const dismiss = useUi((s) => s.dismissNotice);
  const navigate = useUi((s) => s.navigate);
  const fades = notice.level === 'info' || notice.level === 'success';

  useEffect(() => {
    if (!fades) return;
    const timer = setTimeout(() => dismiss(notice.id), FADE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [fades, dismiss, notice.id]);

  return (
    <li className={`notice ${notice.level}`} data-testid="notice" data-level={notice.level}>
      <p role={notice.level === 'error' ? 'alert' : undefined}>{notice.message}</p>
      {notice.jobId && (
        <button
          type="button"
          className="button"
          onClick={() => {
            navigate('jobs', notice.jobId);
            dismiss(notice.id);
          }}
        >
          Show
        </button>
      )}
      <button type="button" className="button" aria-label="Dismiss notification" onClick={() => dismiss(notice.id)}>
        ✕
      </button>
    </li>
  );
}
