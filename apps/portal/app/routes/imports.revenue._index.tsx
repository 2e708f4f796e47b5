import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form.js";
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
      <UploadForm error={result?.error} submit="Upload and choose columns" />
    </section>
  );
}
