import type { CSSProperties } from 'react';
import type { Profile } from '../../shared/domain';

/** The colour tells production from sandbox at a glance; the name says it for everyone else. */
export function ProfileBadge({ profile }: { profile: Pick<Profile, 'name' | 'color'> | null }) {
  if (!profile) return <span className="muted">Unknown workspace</span>;
  // A CSSOM custom property, which the page's CSP permits (unlike a style attribute in the HTML).
  const style = { '--badge-color': profile.color ?? 'transparent' } as CSSProperties;
  return (
    <span className="profile-badge" style={style}>
      {profile.name}
    </span>
  );
}
