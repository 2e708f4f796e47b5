import { widgetScript } from "~/lib/widget-script.server.js";

/** The script a site owner includes with a plain <script> tag. */
export async function loader() {
  return new Response(await widgetScript(), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
