/**
 * Microsoft's quickXorHash (OneDrive and SharePoint report it in driveItem.file.hashes): each byte
 * is XORed into a 160-bit block at a bit offset that moves 11 bits per byte, wrapping round; the
 * length, as 64 bits little-endian, is XORed into the block's last 8 bytes; the result is base64.
 * Comparing it and the size with ours tells whether a file already holds our bytes without
 * downloading it.
 */
const WIDTH_BYTES = 20;
const WIDTH_BITS = WIDTH_BYTES * 8;
const SHIFT = 11;

export function quickXorHash(content: Uint8Array): string {
  const block = new Uint8Array(WIDTH_BYTES);
  let bit = 0;
  for (let i = 0; i < content.length; i++) {
    const at = bit >> 3;
    const spread = content[i]! << (bit & 7); // up to 15 bits: this byte of the block and the next
    block[at]! ^= spread & 0xff;
    block[(at + 1) % WIDTH_BYTES]! ^= spread >> 8;
    bit = (bit + SHIFT) % WIDTH_BITS;
  }
  let length = BigInt(content.length);
  for (let i = 0; i < 8; i++) {
    block[WIDTH_BYTES - 8 + i]! ^= Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(block).toString('base64');
}
