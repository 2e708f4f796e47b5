// The baseline for throughput: a bare Node HTTP server in a process of
// its own (as the portal is), sending the bytes and headers it is given
// on standard input as JSON { headers, body }.
import { createServer } from "node:http";

const port = Number(process.argv[2]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { headers, body } = JSON.parse(input);
  const bytes = Buffer.from(body);
  createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(bytes);
  }).listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
});
