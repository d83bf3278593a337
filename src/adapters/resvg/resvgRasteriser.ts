import { createRequire } from 'node:module';
import type * as Resvg from '@resvg/resvg-js';
import type { PictureRasteriser } from '../../ports/pictureRasteriser.js';

let resvg: typeof Resvg | null = null;

/**
 * PNG drawing with resvg (a prebuilt binary shipped in its npm package, nothing downloaded). Text
 * uses the machine's fonts: install a sans-serif family (DejaVu or Liberation) on servers without one.
 * The native module loads with the first picture drawn, not with the server.
 *
 * resvg's native code allocates with its own mimalloc, which by default keeps pages it has freed
 * for later (a picture's pixels: 1 MB at 800 px wide, 12 MB at 2,000 px) and hands them back only
 * when it is next called: a server that drew the demo's pictures at start held them while idle.
 * MIMALLOC_PURGE_DELAY=0, read by mimalloc as the module loads, returns them as they are freed
 * (the pictures are few, so the extra system calls cost nothing measurable). An operator's own
 * setting is kept.
 */
export function resvgRasteriser(fontFamily = 'DejaVu Sans'): PictureRasteriser {
  return {
    toPng(svg, widthPx) {
      if (!resvg) {
        process.env.MIMALLOC_PURGE_DELAY ??= '0';
        resvg = createRequire(import.meta.url)('@resvg/resvg-js') as typeof Resvg;
      }
      const image = new resvg.Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, font: { loadSystemFonts: true, defaultFontFamily: fontFamily } });
      return image.render().asPng();
    },
  };
}
