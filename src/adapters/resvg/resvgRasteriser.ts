import { Resvg } from '@resvg/resvg-js';
import type { PictureRasteriser } from '../../ports/pictureRasteriser.js';

/**
 * PNG drawing with resvg (a prebuilt binary shipped in its npm package, nothing downloaded). Text
 * uses the machine's fonts: install a sans-serif family (DejaVu or Liberation) on servers without one.
 */
export function resvgRasteriser(fontFamily = 'DejaVu Sans'): PictureRasteriser {
  return {
    toPng(svg, widthPx) {
      const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, font: { loadSystemFonts: true, defaultFontFamily: fontFamily } });
      return resvg.render().asPng();
    },
  };
}
