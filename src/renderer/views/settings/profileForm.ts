/** Checking the workspace form with the schemas main parses with. Pure. */
import { apiKeySchema, baseUrlSchema, profileNameSchema } from '../../../shared/ipc';

export interface ProfileFieldValues {
  name: string;
  baseUrl: string;
  color: string;
}

export type ProfileFieldErrors = Partial<Record<'name' | 'baseUrl' | 'apiKey', string>>;

export const PROFILE_COLORS = [
  { value: '#c0392b', name: 'Red' },
  { value: '#d35400', name: 'Orange' },
  { value: '#1e8449', name: 'Green' },
  { value: '#2471a3', name: 'Blue' },
  { value: '#7d3c98', name: 'Purple' },
  { value: '#5d6d7e', name: 'Grey' },
] as const;

export const DEFAULT_COLOR = PROFILE_COLORS[3].value;

const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

export function checkProfileFields(values: ProfileFieldValues, apiKey?: string): ProfileFieldErrors {
  const errors: ProfileFieldErrors = {};
  if (!values.name.trim()) errors.name = 'Give the workspace a name, such as “Production”.';
  else if (values.name.trim().length > 80) errors.name = 'Keep the name under 80 characters.';
  else if (!profileNameSchema.safeParse(values.name).success) errors.name = 'That name cannot be used.';

  const url = values.baseUrl.trim();
  if (!url) errors.baseUrl = 'Enter the API address, such as https://api.platformxe.com.';
  else if (!URL.canParse(url)) errors.baseUrl = 'That is not a web address: it should start with https://.';
  else {
    const message = firstMessage(baseUrlSchema.safeParse(url));
    if (message) errors.baseUrl = message.startsWith('Use ') ? message : 'Use an https:// address.';
  }

  const keyProblem = apiKey ? checkApiKey(apiKey) : undefined;
  if (keyProblem) errors.apiKey = keyProblem;
  return errors;
}

export function checkApiKey(apiKey: string): string | undefined {
  if (!apiKey.trim()) return 'Paste the API key first.';
  return firstMessage(apiKeySchema.safeParse(apiKey));
}

/** The key is write-only: masked, never autofilled or spell-checked (which could send it to a dictionary service). */
export const API_KEY_INPUT = { type: 'password', autoComplete: 'off', spellCheck: false, maxLength: 1024 } as const;
