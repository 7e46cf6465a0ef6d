import { selectActiveProfile } from '../state/profiles';
import { useProfiles, useUi } from '../state/StoresContext';

export function DemoBanner() {
  const isDemo = useProfiles((s) => selectActiveProfile(s)?.demo === true);
  const navigate = useUi((s) => s.navigate);
  const setAddingProfile = useUi((s) => s.setAddingProfile);
  if (!isDemo) return null;
  return (
    <section className="demo-banner" aria-label="Demo workspace" data-testid="demo-banner">
      <strong>Demo</strong>
      <span>These exports come from a simulator on this computer, not from your PlatformXE account.</span>
      <button
        type="button"
        className="button"
        data-testid="demo-add-profile"
        onClick={() => {
          setAddingProfile(true);
          navigate('settings');
        }}
      >
        Connect your workspace
      </button>
    </section>
  );
}
