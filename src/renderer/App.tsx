import { DemoBanner } from './shell/DemoBanner';
import { Header } from './shell/Header';
import { Nav } from './shell/Nav';
import { Notices } from './shell/Notices';
import { useUi } from './state/StoresContext';
import { JobsView } from './views/jobs/JobsView';
import { NewExportView } from './views/new-export/NewExportView';
import { ProcessorView } from './views/processor/ProcessorView';
import { SettingsView } from './views/settings/SettingsView';

const VIEWS = {
  jobs: JobsView,
  'new-export': NewExportView,
  processor: ProcessorView,
  settings: SettingsView,
};

export function App() {
  const view = useUi((s) => s.view);
  const Current = VIEWS[view];
  return (
    <div className="app">
      <Header />
      <Nav />
      <DemoBanner />
      <main className="app-main" data-testid={`view-${view}`}>
        <Current />
      </main>
      <Notices />
    </div>
  );
}
