import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetPolicy, RequestBudget } from './request-budget';
import { maxInWindow } from '../../../test/support/polling-windows';

describe('RequestBudget', () => {
  it('never lets more than burst + rate - 1 requests into any one-second window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 300 }),
        (requestsPerSecond, burst, gaps) => {
          const budget = new RequestBudget(budgetPolicy({ requestsPerSecond, burst }));
          const granted: number[] = [];
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            while (budget.take(now)) granted.push(now);
          }
          expect(maxInWindow(granted, 1_000)).toBeLessThanOrEqual(burst + requestsPerSecond - 1);
        },
      ),
    );
  });

  it('says exactly when the next request is allowed', () => {
    const budget = new RequestBudget(budgetPolicy({ requestsPerSecond: 4 }));
    expect(budget.take(0)).toBe(true);
    expect(budget.nextAvailableAt()).toBe(250);
    expect(budget.take(249)).toBe(false);
    expect(budget.take(250)).toBe(true);
  });

  it('rejects a budget that is zero, negative or fractional in burst', () => {
    expect(() => budgetPolicy({ requestsPerSecond: 0 })).toThrow(/requestsPerSecond/);
    expect(() => budgetPolicy({ requestsPerSecond: 5, burst: 1.5 })).toThrow(/burst/);
  });
});
