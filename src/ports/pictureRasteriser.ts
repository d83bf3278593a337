/**
 * Draws an SVG picture as PNG. Word shows the timeline picture as SVG and keeps a PNG beside it for
 * readers that cannot; drawing text needs fonts from the machine, which is why this is a port and
 * not part of the pure document code.
 */
export interface PictureRasteriser {
  toPng(svg: string, widthPx: number): Uint8Array;
}
