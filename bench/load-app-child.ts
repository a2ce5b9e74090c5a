// certcheck alone in its own process for the load bench, so that its peak RSS (worker threads
// included) is its own. Prints {"url"} once listening; when standard input ends, stops and prints
// {"maxRssMb", "mainHeapMb"}: the peak RSS and the peak heap of the event loop's thread alone (the
// rest of the RSS is the diagnosis threads, native memory and code).
import { startCertcheck } from './certcheck-app.js';

const [apiUrl, dir] = process.argv.slice(2) as [string, string];
const certcheck = await startCertcheck({ apiUrl, dir });
let mainHeapMb = 0;
const sampler = setInterval(() => {
  mainHeapMb = Math.max(mainHeapMb, process.memoryUsage().heapTotal / 1024 / 1024);
}, 250);
process.stdout.write(`${JSON.stringify({ url: certcheck.url })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  clearInterval(sampler);
  // Taken before stopping: the peak of the whole run, in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  await certcheck.stop();
  process.stdout.write(`${JSON.stringify({ maxRssMb, mainHeapMb })}\n`);
});
