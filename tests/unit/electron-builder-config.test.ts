import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml against electron-builder's own configuration schema (the one it checks a
 * configuration with before it builds), so a misspelt or mistyped option fails here and not on the
 * release machine; plus the promises of README "Installers" that the schema cannot express.
 */

const root = path.resolve(__dirname, '..', '..');
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
const schema = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as object;
// strict: false: the schema carries documentation keywords ajv does not know.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface Target {
  target: string;
  arch?: string[];
}
interface Config {
  win: { target: Target[]; icon: string; artifactName: string };
  nsis: { perMachine: boolean; installerIcon: string; uninstallerIcon: string };
  linux: { target: string[]; icon: string; artifactName: string; maintainer: string };
  publish: { provider: string; url: string };
  directories: { buildResources: string };
  electronFuses: Record<string, boolean>;
}

const resource = (name: string) => path.join(root, config.directories.buildResources, name);

function errorsOf(candidate: unknown): string[] {
  return validate(candidate)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it("is valid by electron-builder's own schema (app-builder-lib/scheme.json)", () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('the schema check catches a mistyped option and an unknown one', () => {
    const mistyped = { ...config, nsis: { ...config.nsis, perMachine: 'yes' } };
    expect(errorsOf(mistyped).join('\n')).toMatch(/\/nsis\/perMachine must be boolean/);
    expect(errorsOf({ ...config, windws: {} }).join('\n')).toMatch(/additional properties/);
  });

  it('builds a per-machine NSIS installer for Windows, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    // deb refuses to build without a maintainer with an e-mail address.
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
  });

  it('names an unsigned Windows installer as such (scripts/dist.mjs sets the suffix)', () => {
    expect(config.win.artifactName).toContain('${env.REGISTER_UNSIGNED}');
    const dist = readFileSync(path.join(root, 'scripts', 'dist.mjs'), 'utf8');
    expect(dist).toContain("env.REGISTER_UNSIGNED = signed ? '' : '-unsigned'");
  });

  it('reads updates only over HTTPS', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).protocol).toBe('https:');
  });

  it('keeps the fuses that stop the package from being run as plain Node', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('icons in resources/', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512])('Linux has %i×%i', (size) => {
    expect(config.linux.icon).toBe('icons');
    expect(pngSize(resource(`icons/${size}x${size}.png`))).toEqual([size, size]);
  });

  it('the Windows .ico holds 16 to 256 pixels (program, installer, uninstaller)', () => {
    expect([config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]).toEqual([
      'icon.ico',
      'icon.ico',
      'icon.ico',
    ]);
    const ico = readFileSync(resource('icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
