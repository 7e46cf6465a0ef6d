import { useId, type CSSProperties } from 'react';
import { PROFILE_COLORS } from './profileForm';

/** A few named colours: enough to tell production from sandbox, each with a name for screen readers. */
export function ColorChoice({ value, onChange }: { value: string; onChange(color: string): void }) {
  const name = useId();
  return (
    <fieldset className="color-choice">
      <legend>Badge colour</legend>
      <div className="row">
        {PROFILE_COLORS.map((color) => (
          <label key={color.value} className="swatch" style={{ '--swatch': color.value } as CSSProperties}>
            <input
              type="radio"
              name={name}
              value={color.value}
              checked={value.toLowerCase() === color.value}
              data-testid={`profile-color-${color.name.toLowerCase()}`}
              onChange={() => onChange(color.value)}
            />
            {color.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
