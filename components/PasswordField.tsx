export interface PasswordFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  testId: string;
  /** 'new-password' when choosing one, 'off' when typing an existing one. */
  autocomplete: 'new-password' | 'off';
}

/** A labelled password input. */
export function PasswordField({ label, value, onInput, testId, autocomplete }: PasswordFieldProps) {
  return (
    <label class="field">
      {label}
      <input
        type="password"
        autocomplete={autocomplete}
        data-testid={testId}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
