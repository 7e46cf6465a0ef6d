import { useId } from 'react';
import { ColorChoice } from './ColorChoice';
import type { ProfileFieldErrors, ProfileFieldValues } from './profileForm';

interface ProfileFieldsProps {
  values: ProfileFieldValues;
  errors: ProfileFieldErrors;
  onChange(patch: Partial<ProfileFieldValues>): void;
}

export function ProfileFields({ values, errors, onChange }: ProfileFieldsProps) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="input"
          maxLength={80}
          data-testid="profile-name"
          value={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {errors.name && (
          <span id={`${id}-name-error`} className="field-error">
            {errors.name}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>API address</label>
        <input
          id={`${id}-url`}
          className="input"
          type="url"
          inputMode="url"
          maxLength={2048}
          placeholder="https://api.platformxe.com"
          data-testid="profile-base-url"
          value={values.baseUrl}
          aria-invalid={errors.baseUrl ? true : undefined}
          aria-describedby={errors.baseUrl ? `${id}-url-error` : undefined}
          onChange={(e) => onChange({ baseUrl: e.target.value })}
        />
        {errors.baseUrl && (
          <span id={`${id}-url-error`} className="field-error">
            {errors.baseUrl}
          </span>
        )}
      </div>
      <ColorChoice value={values.color} onChange={(color) => onChange({ color })} />
    </>
  );
}
