/**
 * Test ids: profile-list, profile-card (data-profile-id, data-active), profile-use, profile-edit,
 * profile-remove, profile-remove-dialog(-confirm), add-profile-open, add-profile-form, profile-name,
 * profile-base-url, profile-color-<name>, profile-key, profile-activate, profile-submit, profile-error,
 * key-status, key-edit, key-input, key-save, key-remove, key-remove-dialog(-confirm), key-error,
 * download-folder, choose-download-folder, setting-<name> (one per toggle), setting-fileNameTemplate,
 * settings-error, app-version.
 */
import { useApp } from '../../state/StoresContext';
import { PreferencesSection } from './PreferencesSection';
import { ProfilesSection } from './ProfilesSection';
import './settings.css';

export function SettingsView() {
  const info = useApp((s) => s.info);
  return (
    <div className="view stack settings-view">
      <h2>Settings</h2>
      <ProfilesSection />
      <PreferencesSection />
      {info && (
        <p className="muted" data-testid="app-version">
          {info.productName} {info.version}
        </p>
      )}
    </div>
  );
}
