#!/usr/bin/env node
// `npm run dist [-- <electron-builder options>]`: the installers in release/, after `npm run build`.
// Decides whether the Windows installer is signed (a certificate in the environment) and names an
// unsigned one so (…-unsigned-setup.exe), then gives the tests their Node build of the driver
// back (packaging rebuilds it for Electron inside node_modules).
//
//   npm run dist                    the targets of this operating system
//   npm run dist -- --win           the Windows installer (on Linux: needs Wine for the resources)
//   npm run dist -- --linux         AppImage and deb
//
// Signing (README "Installers"): WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK +
// CSC_KEY_PASSWORD) name a .pfx file or hold it in base64; REGISTER_SIGN_SUBJECT names a
// certificate in the Windows certificate store or on a hardware token instead (Windows only).

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const env = { ...process.env };

const subject = env.REGISTER_SIGN_SUBJECT?.trim();
const pfx = env.WIN_CSC_LINK || env.CSC_LINK;
const signed = Boolean(subject || pfx);
env.REGISTER_UNSIGNED = signed ? '' : '-unsigned';

const args = process.argv.slice(2);
if (subject) args.push(`--config.win.signtoolOptions.certificateSubjectName=${subject}`);

console.log(
  signed
    ? `Windows installer: signed (${subject ? `certificate "${subject}"` : 'certificate from WIN_CSC_LINK/CSC_LINK'}).`
    : 'Windows installer: UNSIGNED (no WIN_CSC_LINK, CSC_LINK or REGISTER_SIGN_SUBJECT); its name ends in -unsigned-setup.exe.',
);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

const status = run(process.execPath, [require.resolve('electron-builder/cli.js'), ...args]);
// Whatever happened, the tests need the Node build of the driver back.
// npm_execpath is npm's own script when this runs as `npm run dist` (no .cmd shim on Windows).
const npm = env.npm_execpath ? [process.execPath, env.npm_execpath] : ['npm'];
const rebuilt = run(npm[0], [...npm.slice(1), 'rebuild', 'better-sqlite3-multiple-ciphers']);
if (rebuilt !== 0) {
  console.error('Run `npm rebuild better-sqlite3-multiple-ciphers` before the tests.');
}
process.exit(status);
