/**
 * Draws the Teams app icons: an open book (the lessons of case reviews), white on a
 * deep teal for color.png (192×192), and white-on-transparent lines for outline.png
 * (32×32), as Teams requires. Drawn from shapes, antialiased by supersampling, so
 * they can be redrawn whenever the design changes: node scripts/draw-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Point = readonly [number, number];
type Rgba = readonly [number, number, number, number];

const OUT = join(import.meta.dirname, '..', 'manifest', 'teams');
const TEAL: Rgba = [15, 106, 116, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const SAMPLES = 4;

/** The two pages of an open book, in units of the icon's width (0–1), meeting at a spine. */
const LEFT_PAGE: Point[] = [
  [0.485, 0.33],
  [0.2, 0.26],
  [0.2, 0.72],
  [0.485, 0.79],
];
const RIGHT_PAGE: Point[] = LEFT_PAGE.map(([x, y]) => [1 - x, y] as const);

function inside(p: Point, poly: readonly Point[]): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as Point;
    const [xj, yj] = poly[j] as Point;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function distanceToEdge(p: Point, poly: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j] as Point;
    const [bx, by] = poly[i] as Point;
    const t = Math.max(
      0,
      Math.min(
        1,
        ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
      ),
    );
    best = Math.min(best, Math.hypot(p[0] - (ax + t * (bx - ax)), p[1] - (ay + t * (by - ay))));
  }
  return best;
}

/** Lines of "text" on a page: bands across it, following the page's slope. */
function onTextLine(p: Point, page: readonly Point[]): boolean {
  const [spineX, spineTop] = page[0] as Point;
  const [edgeX, edgeTop] = page[1] as Point;
  const along = (p[0] - spineX) / (edgeX - spineX);
  if (along < 0.18 || along > 0.82) return false;
  const top = spineTop + along * (edgeTop - spineTop);
  const offset = p[1] - top;
  return [0.1, 0.17, 0.24, 0.31].some((y) => offset > y && offset < y + 0.028);
}

/** Paints every pixel with the colour `shade` gives each sub-sample, averaged. */
function paint(size: number, shade: (p: Point) => Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade([(x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size]);
          // premultiplied, so transparent samples do not darken the edges
          for (let k = 0; k < 3; k++) sum[k] = (sum[k] ?? 0) + (c[k] ?? 0) * (c[3] / 255);
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = (sum[3] ?? 0) / n;
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++)
        png.data[i + k] = alpha === 0 ? 0 : Math.round(((sum[k] ?? 0) / n) * (255 / alpha));
      png.data[i + 3] = Math.round(alpha);
    }
  }
  return png;
}

function colorIcon(p: Point): Rgba {
  for (const page of [LEFT_PAGE, RIGHT_PAGE]) {
    if (inside(p, page)) return onTextLine(p, page) ? TEAL : WHITE;
  }
  return TEAL;
}

/** Outline: the pages' edges only, about 2 px wide at 32×32. */
function outlineIcon(p: Point): Rgba {
  const stroke = 1 / 32;
  const near = [LEFT_PAGE, RIGHT_PAGE].some((page) => distanceToEdge(p, page) < stroke);
  return near ? WHITE : [255, 255, 255, 0];
}

export function drawIcons(out = OUT): { color: string; outline: string } {
  const color = join(out, 'color.png');
  const outline = join(out, 'outline.png');
  writeFileSync(color, PNG.sync.write(paint(192, colorIcon)));
  writeFileSync(outline, PNG.sync.write(paint(32, outlineIcon)));
  return { color, outline };
}

if (import.meta.main) {
  const { color, outline } = drawIcons();
  process.stdout.write(`wrote ${color}\nwrote ${outline}\n`);
}
