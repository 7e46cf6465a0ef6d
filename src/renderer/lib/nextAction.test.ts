import { describe, expect, it } from 'vitest';
import { nextActionFor } from './nextAction';

describe('nextActionFor', () => {
  it('sends key and processor problems to the screen that fixes them', () => {
    expect(nextActionFor('unauthenticated', false)).toMatchObject({ kind: 'navigate', view: 'settings' });
    expect(nextActionFor('processor_disabled', true)).toMatchObject({ kind: 'navigate', view: 'processor' });
  });

  it('offers job actions only when there is a job to act on', () => {
    expect(nextActionFor('url_expired', true)).toMatchObject({ kind: 'rerun' });
    expect(nextActionFor('url_expired', false)).toBeNull();
    expect(nextActionFor('integrity_failed', true)).toMatchObject({ kind: 'retry-download' });
    expect(nextActionFor('validation_error', true)).toBeNull();
  });
});
