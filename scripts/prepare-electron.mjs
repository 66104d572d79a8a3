#!/usr/bin/env node
// Builds the native SQLite driver for Electron's ABI into .electron-native/better_sqlite3.node,
// beside (not instead of) the Node build in node_modules that the tests use. main.ts passes it to
// the router as `nativeBinding`. Run by `npm start` after the build; does nothing when the stamp
// shows a build for this Electron, driver, platform and arch.
//
//   node scripts/prepare-electron.mjs [--force]

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DRIVER = 'better-sqlite3-multiple-ciphers';
const BINARY = 'better_sqlite3.node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.electron-native');
const outFile = path.join(outDir, BINARY);
const stampFile = path.join(outDir, 'stamp.json');

function log(line) {
  console.log(`[prepare-electron] ${line}`);
}

/** Thrown for a failure the user can act on; printed without a stack trace. */
class PrepareError extends Error {}

function fail(line) {
  throw new PrepareError(line);
}

function readVersion(packageDir, what) {
  const file = path.join(packageDir, 'package.json');
  if (!existsSync(file)) fail(`${what} is not installed (${file} is missing). Run npm install.`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

/** The build is reusable only if everything that decides its ABI is unchanged. */
function upToDate(stamp, wanted) {
  return (
    stamp !== null &&
    existsSync(outFile) &&
    Object.keys(wanted).every((key) => stamp[key] === wanted[key])
  );
}

/** The environment for the build tools, without `npm start`'s description of OUR package. */
function toolEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // prebuild-install reads npm_package_resolved as the driver's origin and may skip the
    // download when it looks like a git install.
    if (key.startsWith('npm_package_')) delete env[key];
  }
  return env;
}

/**
 * Runs a package's CLI: the copy in our node_modules when there is one (works offline and
 * needs no shell), else through npx.
 */
function runTool(name, binPath, args, cwd) {
  const local = path.join(root, 'node_modules', name, binPath);
  const [command, fullArgs, shell] = existsSync(local)
    ? [process.execPath, [local, ...args], false]
    : // npx is npx.cmd on Windows, which Node only starts through a shell.
      ['npx', ['--yes', name, ...args], process.platform === 'win32'];
  log(`$ ${existsSync(local) ? name : 'npx --yes ' + name} ${args.join(' ')}`);
  const result = spawnSync(command, fullArgs, { cwd, stdio: 'inherit', env: toolEnv(), shell });
  if (result.error) log(`${name} could not start: ${result.error.message}`);
  return result.status === 0;
}

function main() {
  const force = process.argv.includes('--force');
  const driverDir = path.join(root, 'node_modules', DRIVER);
  const wanted = {
    electron: readVersion(path.join(root, 'node_modules', 'electron'), 'Electron'),
    driver: readVersion(driverDir, DRIVER),
    platform: process.platform,
    arch: process.arch,
  };
  const label = `${DRIVER} ${wanted.driver} for Electron ${wanted.electron} (${wanted.platform}-${wanted.arch})`;

  if (!force && upToDate(readStamp(), wanted)) {
    log(`Up to date: ${label}.`);
    return;
  }
  log(`Preparing ${label}…`);
  // A build for another Electron must not survive a failed rebuild: it would crash at load.
  rmSync(outFile, { force: true });
  rmSync(stampFile, { force: true });

  const work = mkdtempSync(path.join(tmpdir(), 'register-electron-native-'));
  try {
    // A private copy: building in node_modules would replace the Node build the tests load.
    // build/ is left behind so that a Node binary can never be mistaken for the Electron one.
    const source = path.join(work, DRIVER);
    log(`Copying the driver's sources to ${source}`);
    cpSync(driverDir, source, {
      recursive: true,
      filter: (from) => path.relative(driverDir, from).split(path.sep)[0] !== 'build',
    });

    const target = wanted.electron;
    const arch = wanted.arch;
    log('Trying a prebuilt binary (needs internet)…');
    let built = runTool(
      'prebuild-install',
      'bin.js',
      ['--runtime', 'electron', '--target', target, '--arch', arch, '--verbose'],
      source,
    );
    if (!built) {
      log('No prebuilt binary; compiling from source (needs Python and a C++ compiler)…');
      built = runTool(
        'node-gyp',
        path.join('bin', 'node-gyp.js'),
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${target}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
          // Electron headers in their own cache, as @electron/rebuild keeps them, so that they
          // never mix with Node's headers of a similar version number.
          `--devdir=${path.join(homedir(), '.electron-gyp')}`,
        ],
        source,
      );
    }
    const binary = path.join(source, 'build', 'Release', BINARY);
    if (!built || !existsSync(binary)) {
      fail(
        `Could not build ${label}. Check the internet connection (prebuilt binaries and Electron ` +
          'headers are downloaded) or install the build tools (Python 3, a C++ compiler), then ' +
          'run npm start again.',
      );
    }

    mkdirSync(outDir, { recursive: true });
    // Copy then rename, so an interrupted run never leaves half a binary that looks finished.
    const partial = `${outFile}.partial`;
    copyFileSync(binary, partial);
    renameSync(partial, outFile);
    writeFileSync(
      stampFile,
      `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
    log(`Done: ${path.relative(root, outFile)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  console.error(
    `[prepare-electron] ERROR: ${err instanceof PrepareError ? err.message : (err?.stack ?? err)}`,
  );
  process.exitCode = 1;
}
