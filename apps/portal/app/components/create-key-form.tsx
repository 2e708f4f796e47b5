import { Form } from "@remix-run/react";
import { Field, FormError } from "./field.js";

type Errors = Record<string, string[] | undefined> | undefined;

interface Props {
  partners: { id: number; name: string }[];
  /** Every metric a key may show, in the order a default key shows them. */
  metrics: { id: string; name: string }[];
  origin: string;
  errors: Errors;
  values: Record<string, string> | undefined;
}

/** Mirrors metricField() of embed-key-form.server.ts. */
const metricField = (id: string) => `metric_${id}`;

/**
 * A new embed key: whose figures, which metrics in which order, and the
 * origins that may show them. Works without JavaScript.
 */
export function CreateKeyForm(props: Props) {
  const { partners, metrics, origin, errors, values } = props;
  const scope = values?.scope ?? "partner";
  return (
    <Form method="post" className="stack" noValidate>
      <h2>Create a key</h2>
      <FormError errors={errors} />
      <input type="hidden" name="intent" value="create" />
      <Field
        label="Label"
        name="label"
        defaultValue={values?.label}
        errors={errors}
      />
      <fieldset>
        <legend>Shows</legend>
        <label>
          <input
            type="radio"
            name="scope"
            value="partner"
            defaultChecked={scope === "partner"}
          />{" "}
          One partner&apos;s scorecard
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            value="program"
            defaultChecked={scope === "program"}
          />{" "}
          The program badge: totals of all partners, no partner named
        </label>
      </fieldset>
      <Field label="Partner" name="partnerId" errors={errors}>
        <select
          name="partnerId"
          defaultValue={values?.partnerId}
          aria-describedby="partnerId-error"
        >
          <option value="">Choose…</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <MetricPositions metrics={metrics} errors={errors} values={values} />
      <Field
        label="Allowed origins (one a line, e.g. https://partner.example)"
        name="origins"
        errors={errors}
      >
        <textarea
          name="origins"
          rows={3}
          defaultValue={values?.origins ?? origin}
          aria-describedby="origins-error"
        />
      </Field>
      <button type="submit">Create key</button>
    </Form>
  );
}

function MetricPositions({
  metrics,
  errors,
  values,
}: Pick<Props, "metrics" | "errors" | "values">) {
  const positions = metrics.map((_, i) => String(i + 1));
  return (
    <fieldset aria-describedby="metrics-error">
      <legend>Metrics, by position (hidden ones are not shown)</legend>
      {metrics.map((m, i) => (
        <label key={m.id}>
          Position of {m.name}{" "}
          <select
            name={metricField(m.id)}
            defaultValue={values?.[metricField(m.id)] ?? String(i + 1)}
          >
            <option value="">hidden</option>
            {positions.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      ))}
      <span id="metrics-error" className="field-error">
        {errors?.metrics?.join(" ")}
      </span>
    </fieldset>
  );
}
