// Draws the Teams app icons once; the PNGs are committed under teams/ and zipped by package-teams-app.js.
// color.png: 192×192, the accent colour with a white "O" ring and a receipt's tear-off edge (Teams shows it full
// bleed). outline.png: 32×32, the same ring in white on transparent, as Teams requires for the app bar.
// Run: node scripts/make-teams-icons.js
import { writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';

const ACCENT = '#2F6F4E';
const WHITE = '#FFFFFF';

/** A ring (the O of Outlay) with a zigzag under it, scaled to a `size`-pixel square. */
const drawMark = (context, size, lineWidth) => {
  const centre = size / 2;
  context.strokeStyle = WHITE;
  context.lineWidth = lineWidth;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.beginPath();
  context.arc(centre, centre * 0.9, size * 0.27, 0, Math.PI * 2);
  context.stroke();
  const teeth = 4;
  const left = centre - size * 0.27;
  const width = size * 0.54;
  const baseline = centre * 0.9 + size * 0.4;
  context.beginPath();
  for (let i = 0; i <= teeth * 2; i += 1) {
    const x = left + (width * i) / (teeth * 2);
    const y = baseline - (i % 2 === 0 ? 0 : size * 0.06);
    if (i === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  }
  context.stroke();
};

const colorIcon = () => {
  const canvas = createCanvas(192, 192);
  const context = canvas.getContext('2d');
  context.fillStyle = ACCENT;
  context.fillRect(0, 0, 192, 192);
  drawMark(context, 192, 14);
  return canvas.toBuffer('image/png');
};

const outlineIcon = () => {
  const canvas = createCanvas(32, 32);
  drawMark(canvas.getContext('2d'), 32, 2.5);
  return canvas.toBuffer('image/png');
};

writeFileSync(new URL('../teams/color.png', import.meta.url), colorIcon());
writeFileSync(new URL('../teams/outline.png', import.meta.url), outlineIcon());
console.log('wrote teams/color.png (192×192) and teams/outline.png (32×32)');
