import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app';
import type { JobsState } from './jobs';
import type { ProcessorState } from './processor';
import type { ProfilesState } from './profiles';
import type { SettingsState } from './settings';
import type { Stores } from './stores';
import type { UiState } from './ui';

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs a StoresProvider above it.');
  return stores;
}

export const useJobs = <T,>(selector: (state: JobsState) => T): T => useStore(useStores().jobs, selector);
export const useProfiles = <T,>(selector: (state: ProfilesState) => T): T => useStore(useStores().profiles, selector);
export const useProcessor = <T,>(selector: (state: ProcessorState) => T): T => useStore(useStores().processor, selector);
export const useSettings = <T,>(selector: (state: SettingsState) => T): T => useStore(useStores().settings, selector);
export const useApp = <T,>(selector: (state: AppState) => T): T => useStore(useStores().app, selector);
export const useUi = <T,>(selector: (state: UiState) => T): T => useStore(useStores().ui, selector);
