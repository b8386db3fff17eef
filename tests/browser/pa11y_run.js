// pa11y (WCAG2AA, its HTML_CodeSniffer and axe runners) over the pages given as
// arguments, in one browser: prints {url: [error, ...]} as JSON. Warnings and notices
// are left out: they are what a person should review, not failures.
"use strict";
const pa11y = require("pa11y");

async function main() {
  const urls = process.argv.slice(2);
  const browser = await require("puppeteer").launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const found = {};
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      // The finder draws its list after load: checked once it has.
      const actions = /\/practices\/(\?|$)/.test(url) ? ['wait for element [data-sg-results][aria-busy="false"] to be added'] : [];
      const result = await pa11y(url, { browser, page, actions, standard: "WCAG2AA", runners: ["htmlcs", "axe"], timeout: 60000 });
      found[url] = result.issues.filter((i) => i.type === "error").map((i) => ({
        runner: i.runner, code: i.code, message: i.message, selector: i.selector, context: (i.context || "").slice(0, 200),
      }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
}

main().catch((error) => { console.error(error); process.exit(1); });
