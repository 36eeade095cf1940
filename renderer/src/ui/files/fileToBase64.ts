/** Bytes encoded per step: a multiple of 3, so the steps' base64 join without padding in between. */
const STEP = 3 * 64 * 1024;
/** Bytes handed to String.fromCharCode at once, well under the engine's argument limit. */
const SLICE = 16 * 1024;
/** How often the work pauses so the window stays responsive and the progress can be drawn. */
const STEPS_BETWEEN_PAUSES = 16;

/**
 * Reads a file the person dropped or picked and encodes it as base64 for the bridge, a step at a time: a 50 MB
 * file is never turned into one giant binary string, and the window keeps painting while it is encoded.
 */
export async function fileToBase64(file: Blob, onProgress?: (done: number, total: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  for (let offset = 0, step = 0; offset < bytes.length; offset += STEP, step++) {
    const chunk = bytes.subarray(offset, offset + STEP);
    let binary = '';
    for (let i = 0; i < chunk.length; i += SLICE) binary += String.fromCharCode(...chunk.subarray(i, i + SLICE));
    parts.push(btoa(binary));
    if (step % STEPS_BETWEEN_PAUSES === STEPS_BETWEEN_PAUSES - 1) {
      onProgress?.(offset + chunk.length, bytes.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  onProgress?.(bytes.length, bytes.length);
  return parts.join('');
}
