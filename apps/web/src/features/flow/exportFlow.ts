import { download } from '../../ui/download.ts';

/** The diagram as a standalone SVG document: no focus handles, white background, fonts named inline. */
export function svgDocument(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.removeAttribute('class');
  for (const el of Array.from(clone.querySelectorAll('[tabindex], [role], [aria-pressed], [class]'))) {
    for (const name of ['tabindex', 'role', 'aria-pressed', 'class']) el.removeAttribute(name);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  download(new Blob([svgDocument(svg)], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Draws the SVG into a canvas at `scale`× (sharp on slides) and saves it as PNG. */
export async function downloadPng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgDocument(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  download(blob, `${fileName}.png`);
}
