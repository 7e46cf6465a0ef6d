import { useId, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSettings } from '../../state/StoresContext';
import { FileNameTemplate } from './FileNameTemplate';

type Toggle = Exclude<keyof Settings, 'fileNameTemplate'>;

const TOGGLES: ReadonlyArray<{ key: Toggle; label: string; hint: string }> = [
  { key: 'autoDownload', label: 'Download finished exports automatically', hint: 'Each file is checked against its sha256 and saved with a manifest.' },
  { key: 'rerunExpiredLinks', label: 'Re-run exports whose link expired', hint: 'Download links last one hour; a re-run creates a fresh export with the same filters.' },
  { key: 'notifications', label: 'Show notifications', hint: 'When a download is verified, an export fails or a link was re-run.' },
  { key: 'launchAtLogin', label: 'Launch at login', hint: 'The app starts in the tray when you sign in.' },
  { key: 'startHidden', label: 'Start hidden in the tray', hint: 'Open the window from the tray icon when you need it.' },
];

export function PreferencesSection() {
  const id = useId();
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const saveError = useSettings((s) => s.saveError);
  const update = useSettings((s) => s.update);
  const [saving, setSaving] = useState<keyof Settings | null>(null);

  const apply = async (patch: Partial<Settings>, key: keyof Settings) => {
    setSaving(key);
    await update(patch);
    setSaving(null);
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Preferences</h3>
      {loadError && <ErrorMessage error={loadError} testId="settings-error" />}
      {settings && (
        <>
          {TOGGLES.map(({ key, label, hint }) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={settings[key]}
                disabled={saving === key}
                data-testid={`setting-${key}`}
                aria-describedby={`${id}-${key}-hint`}
                onChange={(e) => void apply({ [key]: e.target.checked }, key)}
              />
              <span>
                {label}
                <span id={`${id}-${key}-hint`} className="field-hint block">
                  {hint}
                </span>
              </span>
            </label>
          ))}
          <FileNameTemplate value={settings.fileNameTemplate} onSave={(fileNameTemplate) => apply({ fileNameTemplate }, 'fileNameTemplate')} />
        </>
      )}
      {saveError && <ErrorMessage error={saveError} testId="settings-error" />}
    </section>
  );
}
