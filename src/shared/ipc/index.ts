export * from './result';
export * from './schemas';
export * from './results';
export * from './contract';
export * from './api';
export * from './dispatch';
export * from './attention';
