import type { ReactNode } from 'react';

export function DetailRow({ term, children, mono, testId }: { term: string; children: ReactNode; mono?: boolean; testId?: string }) {
  return (
    <div className="detail-row">
      <dt>{term}</dt>
      <dd className={mono ? 'mono' : undefined} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
