import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
  testId?: string;
}

export function ConfirmDialog({ open, title, confirmLabel, danger, busy, onConfirm, onCancel, children, testId }: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} testId={testId}>
      {children}
      <div className="dialog-actions">
        {/* Cancel comes first: the opened dialog focuses it, so Enter never confirms by accident. */}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? 'button danger' : 'button primary'}
          onClick={onConfirm}
          disabled={busy}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
