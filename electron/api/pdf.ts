import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake exports an instance whose methods live on its prototype; `import * as` would lose them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfMake = require('pdfmake');

/** pdfmake's bundled Roboto has the Latvian letters (ā č ē ģ ī ķ ļ ņ š ū ž). */
const FONT_DIR = path.join(
  path.dirname(require.resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const FONTS = {
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};
let ready = false;

function setup(): void {
  if (ready) return;
  pdfMake.setFonts(FONTS);
  // A document reads only these fonts from disk and nothing from the network: the text in it
  // comes from the register, and a name must never make the program fetch a file.
  pdfMake.setLocalAccessPolicy((file) => file.startsWith(FONT_DIR));
  pdfMake.setUrlAccessPolicy(() => false);
  ready = true;
}

/** Renders a pdfmake document to PDF bytes; every PDF of the program goes through here. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  setup();
  return Buffer.from(await pdfMake.createPdf(doc).getBuffer());
}

/**
 * The same rendering on a worker thread, for long documents (the year-end archive): laying out a
 * hundred pages takes seconds, and the main thread keeps answering calls meanwhile. The document
 * crosses to the worker as data, so a function in it cannot; the page footer is a template
 * ("{page}", "{pages}") the worker turns into pdfmake's footer function. Same fonts, same policy.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const pdfMake = require(workerData.pdfmake);
pdfMake.setFonts(workerData.fonts);
pdfMake.setLocalAccessPolicy((file) => file.startsWith(workerData.fontDir));
pdfMake.setUrlAccessPolicy(() => false);
const doc = workerData.doc;
const footer = workerData.footer;
if (footer) {
  doc.footer = (page, pages) => ({
    text: footer.replace('{page}', String(page)).replace('{pages}', String(pages)),
    alignment: 'center',
    fontSize: 8,
    margin: [0, 12, 0, 0],
  });
}
pdfMake.createPdf(doc).getBuffer().then((bytes) => parentPort.postMessage(bytes));
`;

export interface PdfWork {
  done: Promise<Buffer>;
  /** Stops the worker; `done` then rejects. */
  cancel(): Promise<void>;
}

export function renderPdfOffThread(doc: TDocumentDefinitions, footer?: string): PdfWork {
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: {
      pdfmake: require.resolve('pdfmake'),
      fonts: FONTS,
      fontDir: FONT_DIR,
      doc,
      footer: footer ?? null,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    worker.once('message', (bytes: Uint8Array) => resolve(Buffer.from(bytes)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`PDF worker stopped (${code})`)));
  });
  return {
    done: done.finally(() => void worker.terminate()),
    cancel: async () => void (await worker.terminate()),
  };
}
