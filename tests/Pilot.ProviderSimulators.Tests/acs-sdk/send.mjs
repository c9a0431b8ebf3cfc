// Sends one SMS with Azure's own JavaScript SDK (@azure/communication-sms) and prints the results as JSON,
// so a C# test can prove the ACS simulator accepts exactly what the SDK sends (HMAC signature included).
// Usage: node send.mjs <connection string> <from> <to> <message> <tag>
// Prints {"results":[...]} on success, {"error":{"statusCode","code","message"}} when the SDK throws (exit code 2).
import { SmsClient } from "@azure/communication-sms";

const [connectionString, from, to, message, tag] = process.argv.slice(2);
if (!connectionString || !from || !to || !message) {
  console.error("usage: node send.mjs <connection string> <from> <to> <message> [tag]");
  process.exit(64);
}

// The simulator speaks plain HTTP on loopback; the SDK refuses that unless told otherwise.
const client = new SmsClient(connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
try {
  const results = await client.send({ from, to: [to], message }, { enableDeliveryReport: true, tag });
  console.log(JSON.stringify({ results }));
} catch (error) {
  console.log(JSON.stringify({ error: { statusCode: error.statusCode ?? null, code: error.code ?? null, message: error.message } }));
  process.exit(2);
}
