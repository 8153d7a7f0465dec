/**
 * Draws the Teams app icons (appPackage/color.png 192x192, appPackage/outline.png 32x32).
 * Run once after changing the design: `npx tsx scripts/icons/draw-icons.ts`; the PNGs are committed.
 *
 * The symbol is a speech bubble (social media) holding a shield (stewardship) with a check mark (approved).
 * Shapes are described in a 192-unit design space and rasterised with 8x8 supersampling.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Pt = readonly [number, number];
type Rgb = readonly [number, number, number];
type Coverage = (x: number, y: number) => boolean;

const CITY_BLUE: Rgb = [0x1d, 0x4f, 0x91]; // same as accentColor in manifest.json
const WHITE: Rgb = [255, 255, 255];
const CITY_BLUE_DARK: Rgb = [0x16, 0x3f, 0x75];

/** Flattens a cubic Bézier from p0 (exclusive) to p3 (inclusive). */
function cubic(p0: Pt, p1: Pt, p2: Pt, p3: Pt, steps = 24): Pt[] {
  const out: Pt[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return out;
}

/** The shield outline in design units (192 x 192), clockwise from the top point. */
function shield(): Pt[] {
  const top: Pt = [96, 26];
  const pts: Pt[] = [top];
  pts.push(...cubic(top, [114, 38], [134, 44], [154, 44]));
  pts.push([154, 90]);
  pts.push(...cubic([154, 90], [154, 128], [130, 152], [96, 168]));
  pts.push(...cubic([96, 168], [62, 152], [38, 128], [38, 90]));
  pts.push([38, 44]);
  pts.push(...cubic([38, 44], [58, 44], [78, 38], top));
  return pts;
}

const CHECK: Pt[] = [
  [68, 97],
  [88, 117],
  [125, 78],
];

function insidePolygon(poly: Pt[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distToSegment(a: Pt, b: Pt, x: number, y: number): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/** A polyline stroked with round caps and joins. */
function stroke(line: Pt[], width: number): Coverage {
  return (x, y) => line.slice(1).some((b, i) => distToSegment(line[i], b, x, y) <= width / 2);
}

/** A rounded rectangle as a polygon. */
function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Pt[] {
  const pts: Pt[] = [];
  const corner = (cx: number, cy: number, from: number) => {
    for (let i = 0; i <= 12; i++) {
      const a = from + (i / 12) * (Math.PI / 2);
      pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  };
  corner(x1 - r, y1 - r, 0);
  corner(x0 + r, y1 - r, Math.PI / 2);
  corner(x0 + r, y0 + r, Math.PI);
  corner(x1 - r, y0 + r, (3 * Math.PI) / 2);
  return pts;
}

/** Scales points about the design centre (96, 97), then moves them by (dx, dy). */
function transform(points: Pt[], scale: number, dx: number, dy: number): Pt[] {
  return points.map(([x, y]) => [96 + (x - 96) * scale + dx, 97 + (y - 97) * scale + dy] as const);
}

function fill(poly: Pt[]): Coverage {
  return (x, y) => insidePolygon(poly, x, y);
}

/** Paints opaque layers (bottom first) onto a size x size RGBA image; the 192-unit design space fills it. */
function render(size: number, layers: { cover: Coverage; rgb: Rgb }[], background?: Rgb): PNG {
  const png = new PNG({ width: size, height: size });
  const ss = 8;
  const unit = 192 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the sub-samples (a transparent sample adds nothing).
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * unit;
          const y = (py + (sy + 0.5) / ss) * unit;
          let cr = 0, cg = 0, cb = 0, ca = 0;
          if (background) [cr, cg, cb, ca] = [...background, 1];
          for (const layer of layers) {
            if (layer.cover(x, y)) [cr, cg, cb, ca] = [...layer.rgb, 1];
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const n = ss * ss;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      png.data[i] = alpha ? Math.round(r / n / alpha) : 0;
      png.data[i + 1] = alpha ? Math.round(g / n / alpha) : 0;
      png.data[i + 2] = alpha ? Math.round(b / n / alpha) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return png;
}

function main(): void {
  const outDir = join(__dirname, '..', '..', 'appPackage');

  // Colour icon: a white speech bubble (social media) holding a blue shield (stewardship) with a white check
  // (approved), on City blue. The symbol stays inside the central ~136 px so Teams' rounded mask never clips it.
  const bubble = fill(roundRect(30, 38, 162, 136, 26));
  const tail = fill([[54, 128], [44, 164], [94, 128]]);
  const inBubble = (p: Pt[]) => transform(p, 0.56, 0, -10);
  const shieldBody = inBubble(shield());
  const color = render(
    192,
    [
      { cover: bubble, rgb: WHITE },
      { cover: tail, rgb: WHITE },
      { cover: fill(shieldBody), rgb: CITY_BLUE },
      { cover: (x, y) => x >= 96 && insidePolygon(shieldBody, x, y), rgb: CITY_BLUE_DARK },
      { cover: stroke(inBubble(CHECK), 10), rgb: WHITE },
    ],
    CITY_BLUE,
  );
  writeFileSync(join(outDir, 'color.png'), PNG.sync.write(color));

  // Outline icon (32 x 32): the same bubble in white with the shield knocked out, no background.
  // A check mark inside would be under 2 px wide here, so the outline keeps the two main shapes only.
  const outlineBubble = fill(roundRect(8, 18, 184, 148, 30));
  const outlineTail = fill([[36, 140], [24, 184], [88, 140]]);
  const outlineShield = fill(transform(shield(), 0.66, 0, -14));
  const outlineCheck = stroke(transform(CHECK, 0.66, 0, -14), 14);
  const outline = render(32, [
    {
      cover: (x, y) =>
        ((outlineBubble(x, y) || outlineTail(x, y)) && !outlineShield(x, y)) || outlineCheck(x, y),
      rgb: WHITE,
    },
  ]);
  // Teams wants only white and transparent: every pixel is white, only alpha varies.
  for (let i = 0; i < outline.data.length; i += 4) outline.data.fill(255, i, i + 3);
  writeFileSync(join(outDir, 'outline.png'), PNG.sync.write(outline));
  console.log(`wrote ${join(outDir, 'color.png')} and ${join(outDir, 'outline.png')}`);
}

main();
