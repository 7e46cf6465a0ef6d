import { useId } from 'react';
import { TextField } from '../../components/TextField';
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
      <TextField
        id={`${id}-name`}
        label="Name"
        maxLength={80}
        data-testid="profile-name"
        value={values.name}
        error={errors.name}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <TextField
        id={`${id}-url`}
        label="API address"
        type="url"
        inputMode="url"
        maxLength={2048}
        placeholder="https://api.platformxe.com"
        data-testid="profile-base-url"
        value={values.baseUrl}
        error={errors.baseUrl}
        onChange={(e) => onChange({ baseUrl: e.target.value })}
      />
      <ColorChoice value={values.color} onChange={(color) => onChange({ color })} />
    </>
  );
}
