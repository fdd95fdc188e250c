import type { Child, FC } from 'hono/jsx';

/*
 * One form field in the Utrecht markup (NL Design System): label, description, the error
 * next to the field, and the control — whose id, name and aria attributes come from here,
 * so the label, the description and the error are always tied to it. Every form of the
 * public side and the back office uses it.
 */

export type FieldErrors = Record<string, string>;

/** A field's element id from its name (names may hold dots and brackets: `meetings.0.startsAt`). */
export const idOf = (field: string) => `veld-${field.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/** The ids a control's aria-describedby names: its description and its error, when shown. */
export const describedByOf = (id: string, description?: unknown, error?: string) =>
  [description ? `${id}-uitleg` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;

/** A field's description and its error, with the ids `describedByOf` names. */
export const FieldHelp: FC<{ id: string; description?: Child | undefined; error?: string | undefined }> = ({ id, description, error }) => (
  <>
    {description ? (
      <div class="utrecht-form-field__description" id={`${id}-uitleg`}>
        {description}
      </div>
    ) : null}
    {error ? (
      <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
        {error}
      </div>
    ) : null}
  </>
);

export type ControlAttributes = { id: string; name: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

export const FormField: FC<{
  field: string;
  label: Child;
  errors: FieldErrors;
  description?: Child;
  /** The Utrecht modifier: text (inputs), textarea or select. */
  kind?: 'text' | 'textarea' | 'select';
  /** The control's id, when a form has its own scheme (default: `idOf(field)`). */
  id?: string;
  /** Shown below the control (a Markdown preview). */
  after?: Child;
  /** A label only screen readers read (the control's purpose is clear from the table row). */
  hiddenLabel?: boolean;
  children: (attrs: ControlAttributes) => Child;
}> = ({ field, label, errors, description, kind = 'text', id = idOf(field), hiddenLabel, after, children }) => {
  const error = errors[field];
  return (
    <div class={`utrecht-form-field utrecht-form-field--${kind}${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class={`utrecht-form-field__label${hiddenLabel ? ' bijeen-visually-hidden' : ''}`}>
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <FieldHelp id={id} description={description} error={error} />
      <div class="utrecht-form-field__input">
        {children({ id, name: field, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedByOf(id, description, error) })}
      </div>
      {after}
    </div>
  );
};
