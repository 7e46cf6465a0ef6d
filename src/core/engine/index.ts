export { createExportEngine } from './engine';
export type {
  ClientTuning,
  DownloadTuning,
  EngineDeps,
  EngineEvents,
  EngineNotice,
  ExportEngine,
  NoticeKind,
  NoticeLevel,
  WaitOptions,
} from './types';
export { InputError } from './input-error';
export { checkCreateInput, checkExportRequest } from './create-input';
export { checkProcessorPatch } from './processor-patch';
export { isSettled } from './wait-for';
