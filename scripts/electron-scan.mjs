#!/usr/bin/env node
// The Electron security scan of `npm run lint`: Electronegativity over the main-process and
// renderer code, offline. Every finding must be listed, with a reason, in
// electronegativity-allow.json; an unlisted finding, a file the scanner cannot parse, or a listed
// finding that no longer occurs fails the scan.
//
//   node scripts/electron-scan.mjs
//
// It calls the scanner's runner instead of its command line for two reasons: the command line
// first fetches translations from the internet (about 6 s of retries on a machine without it),
// and the runner returns the findings as data, where the command line prints a table.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The code the scan reads: the main process (with its API layer) and the renderer. */
const INPUTS = ['electron', 'renderer'];
const ALLOW_FILE = 'electronegativity-allow.json';
/** Its one online check (which Electron releases have security fixes) stays off. */
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);
const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const scannerRequire = createRequire(path.join(scannerDir, 'dist', 'runner.js'));

// The scanner's translations module asks a web server for newer texts before every run; this
// stand-in loads the English texts shipped in the package and nothing else.
const i18nModule = scannerRequire.resolve('./locales/i18n.js');
const i18n = scannerRequire('i18n');
require.cache[i18nModule] = {
  id: i18nModule,
  filename: i18nModule,
  loaded: true,
  exports: async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nModule),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  },
};
// One run over both folders, so that the global checks (CSP, navigation limits, permission
// handler) see the main process and the page together: the scanner reads one folder per run.
const { LoaderDirectory } = scannerRequire('./loader/loader_directory.js');
const loadFolder = LoaderDirectory.prototype.load;
const loadBuffer = LoaderDirectory.prototype.load_buffer;
let filesRead = 0;
LoaderDirectory.prototype.load = async function (dir) {
  for (const input of INPUTS) {
    await loadFolder.call(this, path.join(dir, input));
    // The scanner knows no .vue: each component's <script> is read as `<name>.vue.ts`.
    for (const name of readdirSync(path.join(dir, input), { recursive: true })) {
      if (name.endsWith('.vue')) this.list_files.add(`${path.join(dir, input, name)}.ts`);
    }
  }
  filesRead = this.list_files.size;
};
LoaderDirectory.prototype.load_buffer = function (file) {
  if (!file.endsWith('.vue.ts')) return loadBuffer.call(this, file);
  return Buffer.from(vueScript(readFileSync(file.slice(0, -3), 'utf8')));
};

/** The <script> blocks of a component, on their own lines (line numbers stay the file's). */
function vueScript(source) {
  const blank = (text) => text.replace(/[^\n]/g, '');
  let out = '';
  let at = 0;
  for (const match of source.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    out += blank(source.slice(at, match.index + match[1].length)) + match[2];
    at = match.index + match[0].length;
  }
  return out + blank(source.slice(at));
}
const run = scannerRequire('./runner.js');

/** The Electron the app ships with (the scanner cannot find it in a source folder). */
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

/** @typedef {{ check: string, file: string, reason: string }} Allowed */
/** @type {{ findings: Allowed[] }} */
const allow = JSON.parse(readFileSync(path.join(root, ALLOW_FILE), 'utf8'));
for (const entry of allow.findings) {
  if (!entry.check || !entry.file || !(entry.reason ?? '').trim()) {
    console.error(`${ALLOW_FILE}: every entry needs check, file and a reason:`, entry);
    process.exit(1);
  }
}

const started = Date.now();
const result = await run({
  input: root,
  excludeFromScan: EXCLUDED,
  electronVersionOverride: electronVersion,
  isRelative: true,
});
const findings = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file.split(path.sep).join('/'),
  line: issue.location.line,
  text: issue.description,
}));
const errors = result.errors
  .filter((error) => !error.tolerable)
  .map((error) => `${path.relative(root, error.file)}: ${error.message}`);

const key = (f) => `${f.check} ${f.file}`;
const allowed = new Map(allow.findings.map((entry) => [key(entry), entry]));
const seen = new Set();
const unlisted = [];
for (const finding of findings) {
  if (allowed.has(key(finding))) seen.add(key(finding));
  else unlisted.push(finding);
}
const stale = allow.findings.filter((entry) => !seen.has(key(entry)));

for (const finding of findings.filter((f) => allowed.has(key(f)))) {
  console.log(`  allowed  ${finding.check}  ${finding.file}:${finding.line}`);
}
for (const finding of unlisted) {
  console.error(`  FINDING  ${finding.check}  ${finding.file}:${finding.line}  ${finding.text}`);
}
for (const error of errors) console.error(`  UNREADABLE  ${error}`);
for (const entry of stale) {
  console.error(`  STALE  ${entry.check}  ${entry.file}: listed in ${ALLOW_FILE} but not found`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (unlisted.length + errors.length + stale.length > 0) {
  console.error(
    `Electronegativity (Electron ${electronVersion}, ${filesRead} files of ${INPUTS.join(' + ')}, ${seconds} s): ` +
      `${unlisted.length} finding(s) not in ${ALLOW_FILE}, ${errors.length} unreadable file(s), ` +
      `${stale.length} stale entr(y/ies).`,
  );
  process.exit(1);
}
console.log(
  `Electronegativity (Electron ${electronVersion}, ${filesRead} files of ${INPUTS.join(' + ')}, ${seconds} s): ` +
    `${findings.length} finding(s), all listed with a reason in ${ALLOW_FILE}.`,
);
