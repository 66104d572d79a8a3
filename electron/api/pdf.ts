import path from 'node:path';
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
let ready = false;

function setup(): void {
  if (ready) return;
  pdfMake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
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
