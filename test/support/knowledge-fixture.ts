// A private copy of test/fixtures/knowledge per test (tests change files), plus a PDF and a DOCX
// built on the spot so every loader is exercised with real files.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const FIXTURES = join(import.meta.dirname, '../fixtures/knowledge');

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `sco-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const sidecar = (id: string, title: string) =>
  `id: ${id}\nlang: en\ntitle: ${title}\ncategory: logistics\ncountries: [CN]\nsources: [https://example.org/${id}]\nas_of: 2025-01-31\nreview_by: 2026-01-31\n`;

export async function makeKnowledgeDir(
  opts: { binaries?: boolean } = {},
): Promise<{ path: string; remove: () => void }> {
  const dir = tempDir('knowledge');
  cpSync(FIXTURES, dir.path, { recursive: true });
  if (opts.binaries !== false) {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Reefer containers on the rail corridor', { x: 50, y: 780, size: 14, font });
    page.drawText('Refrigerated boxes need power at the gauge-change yard and a genset on long legs.', {
      x: 50,
      y: 750,
      size: 10,
      font,
    });
    writeFileSync(join(dir.path, 'logistics/reefer-guide.pdf'), await pdf.save());
    writeFileSync(
      join(dir.path, 'logistics/reefer-guide.pdf.meta.yaml'),
      sidecar('reefer-guide-en', 'Reefer containers by rail'),
    );

    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Dangerous goods by rail', heading: HeadingLevel.HEADING_1 }),
            new Paragraph(
              'Hazardous cargo on the SMGS network needs a declaration of dangerous goods and the UN number on the consignment note.',
            ),
          ],
        },
      ],
    });
    writeFileSync(join(dir.path, 'logistics/dangerous-goods.docx'), await Packer.toBuffer(docx));
    writeFileSync(
      join(dir.path, 'logistics/dangerous-goods.docx.meta.yaml'),
      sidecar('dangerous-goods-en', 'Dangerous goods by rail'),
    );
  }
  return dir;
}
