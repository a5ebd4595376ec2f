// Preloaded by the benchmark (node -r): writes the process's peak RSS (KiB) to the
// file named by BAOCAO_RSS_FILE when it exits.
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.BAOCAO_RSS_FILE) fs.writeFileSync(process.env.BAOCAO_RSS_FILE, String(process.resourceUsage().maxRSS));
});
