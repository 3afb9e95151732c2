import * as cs from './lib/code-server.ts';
import fs from 'node:fs';
const t0 = Date.now(); const ts = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const server = await cs.startCodeServer({ settings: { 'markdown.validate.enabled': true } });
console.log(ts(), 'started', server.baseUrl);
const ui = await cs.launchBrowser();
try {
  await cs.openWorkbench(ui.page, server, '/tmp/e2e-explore/ws');
  console.log(ts(), 'workbench');
  fs.writeFileSync('/tmp/e2e-explore/explorer.html', await ui.page.locator('.explorer-folders-view').innerHTML());
  await cs.openFileFromExplorer(ui.page, 'docs/notes.md');
  console.log(ts(), 'opened');
  console.log(await cs.waitForMarkers(ui.page, 'any', 30000).catch(e => String(e)));
  await cs.screenshot(ui.page, 'explore1');
  fs.writeFileSync('/tmp/e2e-explore/problems.html', '');
  const probs = await cs.readProblems(ui.page).catch(e => String(e));
  console.log(ts(), 'problems', probs);
  fs.writeFileSync('/tmp/e2e-explore/problems.html', await ui.page.locator('.markers-panel').innerHTML().catch(e=>String(e)));
  await cs.screenshot(ui.page, 'explore2');
  const comp = await cs.triggerCompletion(ui.page, { line: 5, column: 23 }).catch(e => String(e));
  console.log(ts(), 'completion', comp);
  fs.writeFileSync('/tmp/e2e-explore/suggest.html', await ui.page.locator('.suggest-widget').innerHTML().catch(e=>String(e)));
  await cs.screenshot(ui.page, 'explore3');
  await cs.dismissWidgets(ui.page);
  const hov = await cs.hoverText(ui.page, 'missing', { occurrence: 1 }).catch(e => String(e));
  console.log(ts(), 'hover', hov);
  fs.writeFileSync('/tmp/e2e-explore/hover.html', await ui.page.locator('.monaco-hover').first().evaluate((e: any) => e.outerHTML).catch(e=>String(e)));
  await cs.screenshot(ui.page, 'explore4');
} finally {
  console.log(ui.consoleErrors.slice(0, 10));
  await ui.close(); await server.stop();
  console.log(ts(), 'stopped');
}
