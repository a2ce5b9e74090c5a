// certcheck alone in its own process for the load bench, so that its peak RSS (worker threads
// included) is its own. Prints {"url"} once listening; when standard input ends, stops and prints
// {"maxRssMb"}.
import { startCertcheck } from './certcheck-app.js';

const [apiUrl, dir] = process.argv.slice(2) as [string, string];
const certcheck = await startCertcheck({ apiUrl, dir });
process.stdout.write(`${JSON.stringify({ url: certcheck.url })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  // Taken before stopping: the peak of the whole run, in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  await certcheck.stop();
  process.stdout.write(`${JSON.stringify({ maxRssMb })}\n`);
});
