import type { components } from './openapi.gen';

type Schemas = components['schemas'];

export type ExportType = Schemas['ExportType'];
export type ExportFormat = Schemas['ExportFormat'];
export type ExportStatus = Schemas['ExportStatus'];
export type ExportFilters = Schemas['ExportFilters'];
export type CreateExportRequest = Schemas['CreateExportRequest'];
export type ExportFile = Schemas['ExportFile'];
export type ExportJobError = Schemas['ExportError'];
export type Export = Schemas['Export'];
export type ProcessorConfig = Schemas['ProcessorConfig'];
export type Processor = Schemas['Processor'];
export type UpdateProcessorRequest = Schemas['UpdateProcessorRequest'];
export type ErrorCode = Schemas['ErrorCode'];
export type ErrorDetail = Schemas['ErrorDetail'];
export type ErrorBody = Schemas['ErrorBody'];
export type ErrorResponse = Schemas['ErrorResponse'];

export const EXPORT_TYPES = ['AUDIT_LOGS'] as const satisfies readonly ExportType[];
export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const satisfies readonly ExportFormat[];
export const REQUIRED_SCOPE = 'exports:create';

/** The bounds the contract puts on the processor config (the same numbers as the OpenAPI document). */
export const PROCESSOR_BOUNDS = {
  maxConcurrentJobs: { min: 1, max: 10 },
  retentionDays: { min: 1, max: 365 },
} as const;
