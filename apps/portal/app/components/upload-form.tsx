import { Form } from "@remix-run/react";

/** A CSV file and its text encoding; the next page maps its columns. */
export function UploadForm({
  error,
  submit,
}: {
  error: string | undefined;
  submit: string;
}) {
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      {error ? <p role="alert">{error}</p> : null}
      <label>
        CSV file
        <input
          type="file"
          name="file"
          accept=".csv,.txt,.tsv,text/csv"
          required
        />
      </label>
      <label>
        Text encoding
        <select name="encoding" defaultValue="auto">
          <option value="auto">
            Detect (UTF-8 or UTF-16 with a byte-order mark)
          </option>
          <option value="utf-8">UTF-8</option>
          <option value="windows-1252">
            Windows-1252 (Excel &quot;CSV&quot; on Windows)
          </option>
          <option value="utf-16le">
            UTF-16LE (Excel &quot;Unicode text&quot;)
          </option>
          <option value="utf-16be">UTF-16BE</option>
        </select>
      </label>
      <button type="submit">{submit}</button>
    </Form>
  );
}
