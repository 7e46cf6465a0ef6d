/** One id per user attempt; main uses it to recognise a repeated click or a retried call. */
export const newRequestId = (): string => crypto.randomUUID();
