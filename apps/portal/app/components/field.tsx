import type { InputHTMLAttributes, ReactNode } from "react";

type Errors = Record<string, string[] | undefined> | undefined;

/** A labelled input with its error beside it, tied by aria-describedby. */
export function Field({
  label,
  name,
  errors,
  hint,
  idPrefix = "",
  children,
  ...input
}: {
  label: string;
  name: string;
  errors: Errors;
  hint?: ReactNode;
  /** Tells apart the same field in several forms of one page. */
  idPrefix?: string;
  children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  const error = errors?.[name];
  const errorId = `${idPrefix}${name}-error`;
  // The error stays outside the label, so it is not part of the
  // field's accessible name; aria-describedby ties it to the field.
  return (
    <div className="field">
      <label>
        {label}
        {hint ? <small>{hint}</small> : null}
        {children ?? (
          <input
            name={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            {...input}
          />
        )}
      </label>
      <span id={errorId} className="field-error">
        {error?.join(" ")}
      </span>
    </div>
  );
}

export function FormError({ errors }: { errors: Errors }) {
  const messages = errors?.form;
  return messages ? <p role="alert">{messages.join(" ")}</p> : null;
}
