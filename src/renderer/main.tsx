import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './App';
import { StoresProvider } from './state/StoresContext';
import { connectStores, createStores } from './state/stores';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

const root = createRoot(document.getElementById('root')!);
const api = getApi();

if (api) {
  const stores = createStores(api);
  root.render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
  void connectStores(api, stores);
} else {
  root.render(<p className="empty">This page only works inside PlatformXE Export Manager. Start the app instead.</p>);
}
