export { PollScheduler } from './poll-scheduler';
export type { PollOutcome, PollSchedulerOptions, PollStats, PollTarget } from './poll-scheduler';
export type { BackoffOptions } from './backoff';
export type { BudgetOptions } from './request-budget';
