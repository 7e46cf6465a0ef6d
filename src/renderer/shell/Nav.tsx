import type { View } from '../../shared/ipc';
import { useUi } from '../state/StoresContext';

const ITEMS: ReadonlyArray<{ view: View; label: string }> = [
  { view: 'jobs', label: 'Exports' },
  { view: 'new-export', label: 'New export' },
  { view: 'processor', label: 'Processor' },
  { view: 'settings', label: 'Settings' },
];

export function Nav() {
  const view = useUi((s) => s.view);
  const navigate = useUi((s) => s.navigate);
  return (
    <nav className="app-nav" aria-label="Main">
      {ITEMS.map((item) => (
        <button
          key={item.view}
          type="button"
          aria-current={view === item.view ? 'page' : undefined}
          data-testid={`nav-${item.view}`}
          onClick={() => navigate(item.view)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
