// Use the system Chromium when the machine has one (Debian's `chromium`), so that
// installing needs no browser download; elsewhere puppeteer keeps its own behaviour.
const { existsSync } = require('node:fs');

const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter(Boolean)
  .find((path) => existsSync(path));

module.exports = systemChromium ? { skipDownload: true, executablePath: systemChromium } : {};
