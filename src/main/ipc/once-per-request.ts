/**
 * Remembers the answer to each request id for a while, so the same id again (a double click, a call
 * retried after its answer was lost) gets the first answer instead of doing the work twice. A
 * failed attempt is forgotten: trying again with the same id is then a real retry.
 */
export interface OncePerRequest<T> {
  /** Runs `work` for a new id; for a known id, answers what the first run answers with `replayed: true`. */
  run(requestId: string, work: () => Promise<T>): Promise<{ value: T; replayed: boolean }>;
}

export function oncePerRequest<T>(capacity = 500): OncePerRequest<T> {
  const answers = new Map<string, Promise<T>>();
  return {
    async run(requestId, work) {
      const known = answers.get(requestId);
      if (known) return { value: await known, replayed: true };
      const answer = work();
      answers.set(requestId, answer);
      // Oldest first: a Map iterates in insertion order.
      if (answers.size > capacity) answers.delete(answers.keys().next().value!);
      answer.catch(() => {
        if (answers.get(requestId) === answer) answers.delete(requestId);
      });
      return { value: await answer, replayed: false };
    },
  };
}
