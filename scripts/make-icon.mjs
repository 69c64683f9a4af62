// Draws the app icon (build/icon.png, 1024×1024) from an SVG with sharp. Run once; the PNG is committed.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// A folded newspaper page: a masthead bar, a headline block and column rules on deep blue.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d4e89"/>
      <stop offset="1" stop-color="#12325a"/>
    </linearGradient>
  </defs>
  <rect x="32" y="32" width="960" height="960" rx="200" fill="url(#bg)"/>
  <rect x="232" y="196" width="560" height="640" rx="36" fill="#fbfaf6"/>
  <rect x="288" y="256" width="448" height="64" rx="10" fill="#12325a"/>
  <rect x="288" y="360" width="448" height="28" rx="8" fill="#c0392b"/>
  <rect x="288" y="412" width="340" height="28" rx="8" fill="#c0392b"/>
  <rect x="288" y="488" width="204" height="140" rx="8" fill="#8aa6c8"/>
  <g fill="#9aa3ad">
    <rect x="532" y="488" width="204" height="18" rx="6"/>
    <rect x="532" y="528" width="204" height="18" rx="6"/>
    <rect x="532" y="568" width="204" height="18" rx="6"/>
    <rect x="532" y="608" width="150" height="18" rx="6"/>
    <rect x="288" y="664" width="448" height="18" rx="6"/>
    <rect x="288" y="704" width="448" height="18" rx="6"/>
    <rect x="288" y="744" width="300" height="18" rx="6"/>
  </g>
</svg>`;

mkdirSync(path.join(root, 'build'), { recursive: true });
await sharp(Buffer.from(svg))
  .png()
  .toFile(path.join(root, 'build', 'icon.png'));
console.log('build/icon.png written');
