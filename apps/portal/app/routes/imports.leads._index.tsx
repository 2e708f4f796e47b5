import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form.js";
import { requireOwnerStaff } from "~/lib/auth.server.js";
import { MAX_UPLOAD_LABEL } from "~/lib/lead-import.server.js";
import { receiveUpload } from "~/lib/upload.server.js";

export const meta: MetaFunction = () => [{ title: "Import leads · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOwnerStaff(request);
  return { maxSize: MAX_UPLOAD_LABEL };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  return receiveUpload(request, member, "leads");
}

export default function ImportLeads() {
  const { maxSize } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Import leads from a CSV file</h1>
      <p>
        Export opportunities or deals from your CRM or spreadsheet as CSV (at
        most {maxSize}). Next you map its columns to lead fields; nothing is
        imported before you confirm.
      </p>
      <UploadForm error={result?.error} submit="Upload and map columns" />
    </section>
  );
}
