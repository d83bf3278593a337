import { createRequire } from 'node:module';
import type * as Resvg from '@resvg/resvg-js';
import type { PictureRasteriser } from '../../ports/pictureRasteriser.js';

let resvg: typeof Resvg | null = null;

/**
 * PNG drawing with resvg (a prebuilt binary shipped in its npm package, nothing downloaded). Text
 * uses the machine's fonts: install a sans-serif family (DejaVu or Liberation) on servers without one.
 * The native module loads with the first picture drawn, not with the server.
 */
export function resvgRasteriser(fontFamily = 'DejaVu Sans'): PictureRasteriser {
  return {
    toPng(svg, widthPx) {
      resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof Resvg;
      const image = new resvg.Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, font: { loadSystemFonts: true, defaultFontFamily: fontFamily } });
      return image.render().asPng();
    },
  };
}
