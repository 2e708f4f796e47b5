import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireOwnerStaff } from "~/lib/auth.server.js";
import { MAX_UPLOAD_LABEL } from "~/lib/lead-import.server.js";
import { receiveUpload } from "~/lib/upload.server.js";

export const meta: MetaFunction = () => [{ title: "Import revenue · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOwnerStaff(request);
  return { maxSize: MAX_UPLOAD_LABEL };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  return receiveUpload(request, member, "revenue");
}

export default function ImportRevenue() {
  const { maxSize } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Import revenue events from a CSV file</h1>
      <p>
        One row per event: the customer, the day, the amount, and optionally the
        partner the customer came through and the kind (new, expansion, renewal,
        contraction). At most {maxSize}. Next you choose the columns; nothing is
        imported before you confirm.
      </p>
      <Form method="post" encType="multipart/form-data" className="stack">
        {result?.error ? <p role="alert">{result.error}</p> : null}
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
            <option value="windows-1252">Windows-1252</option>
            <option value="utf-16le">UTF-16LE</option>
            <option value="utf-16be">UTF-16BE</option>
          </select>
        </label>
        <button type="submit">Upload and choose columns</button>
      </Form>
    </section>
  );
}
