import type { Processor } from '../../../shared/wire';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { changeWarnings, type Change, type PendingJobs } from './processorChange';
import type { ProcessorPatch } from '../../../shared/ipc';

interface ConfirmProcessorDialogProps {
  review: { patch: ProcessorPatch; changes: Change[] } | null;
  processor: Processor;
  pending: PendingJobs;
  saving: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmProcessorDialog({ review, processor, pending, saving, onConfirm, onCancel }: ConfirmProcessorDialogProps) {
  const warnings = review ? changeWarnings(processor, review.patch, pending) : [];
  return (
    <ConfirmDialog
      open={review !== null}
      title="Save processor changes?"
      confirmLabel="Save changes"
      danger={warnings.length > 0}
      busy={saving}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="processor-confirm"
    >
      <table className="change-table">
        <caption className="visually-hidden">Changes to save</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Now</th>
            <th scope="col">After saving</th>
          </tr>
        </thead>
        <tbody>
          {review?.changes.map((change) => (
            <tr key={change.field} data-testid="processor-change">
              <th scope="row">{change.label}</th>
              <td>{change.from}</td>
              <td>
                <strong>{change.to}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {warnings.map((warning) => (
        <p key={warning} className="warning-message" data-testid="processor-warning">
          {warning}
        </p>
      ))}
    </ConfirmDialog>
  );
}
