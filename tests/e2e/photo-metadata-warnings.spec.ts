// A photo whose metadata blocks contradict each other imports with the MWG reading, and the
// photo detail panel tells the photo editor what was odd and which block Newsdesk believed.

import sharp from 'sharp';
import { test, expect, shot } from './fixtures.js';

/** One IPTC IIM dataset: 0x1C, record, dataset, length, value. */
function iim(record: number, dataset: number, value: string | Buffer): Buffer {
  const v = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([Buffer.from([0x1c, record, dataset, v.length >> 8, v.length & 0xff]), v]);
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** IIM says one caption and city (UTF-8, no digest), XMP another: XMP is current, and the panel says so. */
async function contradictoryJpeg(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 640, height: 427, channels: 3, background: { r: 60, g: 110, b: 150 } } })
    .jpeg()
    .toBuffer();
  const block = Buffer.concat([iim(1, 90, Buffer.from([0x1b, 0x25, 0x47])), iim(2, 120, 'Old agency caption from the wire'), iim(2, 90, '부산')]);
  const resource = Buffer.alloc(12);
  resource.write('8BIM', 0, 'latin1');
  resource.writeUInt16BE(0x0404, 4);
  resource.writeUInt32BE(block.length, 8);
  const app13 = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource, block, block.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
  const xmp = `<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>
<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>서울에서 열린 회담에 앞서 악수하는 양국 대표</rdf:li></rdf:Alt></dc:description>
<photoshop:City>서울</photoshop:City><photoshop:Credit>연합뉴스</photoshop:Credit>
</rdf:Description></rdf:RDF></x:xmpmeta>`;
  const app1 = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  return Buffer.concat([jpeg.subarray(0, 2), segment(0xe1, app1), segment(0xed, app13), jpeg.subarray(2)]);
}

test('the photo detail panel shows the metadata warnings of a photo whose blocks disagree', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'photo_editor');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Photo library' }).click();
  await page.locator('input[type="file"]').setInputFiles([{ name: 'contradictory-blocks.jpg', mimeType: 'image/jpeg', buffer: await contradictoryJpeg() }]);
  const imported = page.getByRole('region', { name: 'Import' });
  await expect(imported.getByRole('listitem').filter({ hasText: 'contradictory-blocks.jpg' })).toHaveText('contradictory-blocks.jpg: imported', { timeout: 30_000 });
  await imported.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByRole('listbox', { name: 'Photos' }).getByRole('option').filter({ hasText: 'contradictory-blocks.jpg' }).click();
  const detail = page.getByRole('complementary', { name: 'Selected photo' });
  await expect(detail.getByLabel('Caption', { exact: true })).toHaveValue('서울에서 열린 회담에 앞서 악수하는 양국 대표');
  const warnings = detail.getByRole('region', { name: 'Check this photo’s metadata' });
  await expect(warnings).toBeVisible();
  await expect(warnings.getByRole('listitem')).toHaveText([/disagree on: caption \(XMP used\), city \(XMP used\)/]);
  await shot(page, 'photos-metadata-warning');
});
