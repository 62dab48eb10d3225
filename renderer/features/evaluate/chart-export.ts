import { downloadBlob } from './download.js';

/** A chart as a standalone SVG file: the element's markup with its namespace and a white ground. */
export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  // The page's stylesheet does not travel with the file: the few rules the charts use do.
  style.textContent =
    'text{font-family:"Noto Sans",sans-serif;font-size:13px;fill:#1d232a}.axis{fill:#4a5361;font-size:12px}.grid{stroke:#e5e1d8}.whisker line{stroke:#1d232a;stroke-width:1.5}';
  clone.insertBefore(style, clone.firstChild);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, style.nextSibling);
  return new XMLSerializer().serializeToString(clone);
}

export function exportSvg(svg: SVGSVGElement, name: string): void {
  downloadBlob(name, new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
}

/** The same picture rasterised at twice its size, for slides and documents. */
export async function exportPng(svg: SVGSVGElement, name: string): Promise<void> {
  const w = svg.width.baseVal.value;
  const h = svg.height.baseVal.value;
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w * 2;
    canvas.height = h * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
    if (blob) downloadBlob(name, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
