import { useUi } from '../state/StoresContext';
import { NoticeItem } from './NoticeItem';

/** Main's notices (downloads verified, jobs failed, links re-run) and the app's own confirmations. */
export function Notices() {
  const notices = useUi((s) => s.notices);
  return (
    <ul className="notices" aria-label="Notifications" aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </ul>
  );
}
