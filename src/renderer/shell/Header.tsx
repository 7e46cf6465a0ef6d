import { AttentionBadge } from './AttentionBadge';
import { ConnectionStatus } from './ConnectionStatus';
import { PauseButton } from './PauseButton';
import { WorkspaceSelect } from './WorkspaceSelect';

export function Header() {
  return (
    <header className="app-header" data-testid="app-header">
      <h1>PlatformXE Export Manager</h1>
      <WorkspaceSelect />
      <span className="spacer" />
      <ConnectionStatus />
      <AttentionBadge />
      <PauseButton />
    </header>
  );
}
