// The XMP packet embedded in every rendition, so a picture carries its caption and credit
// wherever it travels (dc:description, photoshop:Credit, plus creator and rights when known).

function xml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface XmpFields {
  caption: string;
  credit: string;
  creator?: string;
  copyright?: string;
  headline?: string;
}

export function buildXmp(f: XmpFields): string {
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">',
    `<photoshop:Credit>${xml(f.credit)}</photoshop:Credit>`,
  ];
  if (f.headline) lines.push(`<photoshop:Headline>${xml(f.headline)}</photoshop:Headline>`);
  lines.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.caption)}</rdf:li></rdf:Alt></dc:description>`);
  if (f.creator) lines.push(`<dc:creator><rdf:Seq><rdf:li>${xml(f.creator)}</rdf:li></rdf:Seq></dc:creator>`);
  if (f.copyright) lines.push(`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.copyright)}</rdf:li></rdf:Alt></dc:rights>`);
  lines.push('</rdf:Description>', '</rdf:RDF>', '</x:xmpmeta>', '<?xpacket end="w"?>');
  return lines.join('\n');
}
