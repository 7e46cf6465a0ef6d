import { useUi } from '../../state/StoresContext';

export function MissingKey() {
  const navigate = useUi((s) => s.navigate);
  return (
    <div className="warning-message row" role="alert" data-testid="missing-key">
      <span>This workspace has no API key yet, so exports cannot be created.</span>
      <button type="button" className="button" onClick={() => navigate('settings')}>
        Add the API key
      </button>
    </div>
  );
}
