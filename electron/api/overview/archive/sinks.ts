import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Where an archive's files go. Each file is whole or absent: the folder sink writes under a
 * temporary name and renames it when complete; discarding (a cancel, a failure) removes every
 * file the job wrote and the one being written.
 */
export interface ArchiveSink {
  write(fileName: string, bytes: Buffer): Promise<void>;
  read(index: number): Promise<Buffer>;
  discard(): Promise<void>;
  readonly files: readonly { fileName: string; bytes: number }[];
}

/**
 * Finished files kept in memory until downloaded: browser mode and, until the native Save
 * dialog lands, the desktop too. Nothing personal touches the disk outside the encrypted file.
 */
export class MemorySink implements ArchiveSink {
  readonly files: { fileName: string; bytes: number }[] = [];
  private readonly buffers: Buffer[] = [];

  async write(fileName: string, bytes: Buffer): Promise<void> {
    this.buffers.push(bytes);
    this.files.push({ fileName, bytes: bytes.length });
  }

  async read(index: number): Promise<Buffer> {
    return this.buffers[index];
  }

  async discard(): Promise<void> {
    this.buffers.splice(0);
    this.files.splice(0);
  }
}

/** A folder the user chose (the desktop's Save dialog): `name.pdf.part`, then `name.pdf`. */
export class FolderSink implements ArchiveSink {
  readonly files: { fileName: string; bytes: number }[] = [];
  private writing: string | null = null;

  constructor(readonly folder: string) {}

  async write(fileName: string, bytes: Buffer): Promise<void> {
    const final = path.join(this.folder, fileName);
    this.writing = `${final}.part`;
    const handle = await fs.open(this.writing, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(this.writing, final);
    this.writing = null;
    this.files.push({ fileName, bytes: bytes.length });
  }

  async read(index: number): Promise<Buffer> {
    return fs.readFile(path.join(this.folder, this.files[index].fileName));
  }

  async discard(): Promise<void> {
    const names = [...this.files.map((f) => path.join(this.folder, f.fileName))];
    if (this.writing) names.push(this.writing);
    await Promise.all(names.map((name) => fs.rm(name, { force: true })));
    this.files.splice(0);
    this.writing = null;
  }
}
