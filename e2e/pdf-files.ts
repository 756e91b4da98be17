/**
 * PDFs written by the tests, byte for byte: a valid one with a page of text per entry, a damaged
 * one and one locked by a password (standard security handler, an unknown user password).
 */
import type { TestFile } from './admin-test-files';

/** Assemble a PDF from its objects (1-based, in order), with a correct cross-reference table. */
function assemble(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The objects of a document with one US Letter page per text, each in large Helvetica. */
function documentObjects(texts: string[]): string[] {
  const pageIds = texts.map((_, index) => 4 + index * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${texts.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  texts.forEach((text, index) => {
    const stream = `BT /F1 64 Tf 72 420 Td (${text}) Tj ET\n0 0.3 0.7 rg 72 300 ${160 + index * 200} 80 re f\n`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}endstream`,
    );
  });
  return objects;
}

/** A valid PDF with a page of text per entry of `texts`. */
export function makePdf(texts: string[], name = 'flyer.pdf'): TestFile {
  return { name, mimeType: 'application/pdf', buffer: assemble(documentObjects(texts)) };
}

/** A file that starts like a PDF and then is not one. */
export function makeDamagedPdf(name = 'damaged.pdf'): TestFile {
  const buffer = Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pa\u0000\u0001garbled',
    'latin1',
  );
  return { name, mimeType: 'application/pdf', buffer };
}

/** A PDF encrypted with the standard handler whose user password is not empty. */
export function makeEncryptedPdf(name = 'locked.pdf'): TestFile {
  const objects = documentObjects(['Secret']);
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O ${hex32('5a')} /U ${hex32('a5')} /P -4 >>`);
  const id = `<${'0f'.repeat(16)}>`;
  const buffer = assemble(objects, `/Encrypt ${objects.length} 0 R /ID [${id} ${id}] `);
  return { name, mimeType: 'application/pdf', buffer };
}
