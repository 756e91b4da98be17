/**
 * Upload one picture made in the page through the normal media path (media:upload-begin, -chunk,
 * -finish), where the host judges its type from its bytes, names it by its sha256 and applies its
 * limits.
 */
import type { KioskApi, MediaItem } from '#core/contract';

/** Upload `blob` as `name`; an upload that fails half-way is cancelled on the host. */
export async function uploadBlob(api: KioskApi, name: string, blob: Blob): Promise<MediaItem> {
  const { uploadId, chunkSize } = await api.invoke('media:upload-begin', {
    name,
    size: blob.size,
  });
  try {
    for (let offset = 0; offset < blob.size; offset += chunkSize) {
      const bytes = new Uint8Array(await blob.slice(offset, offset + chunkSize).arrayBuffer());
      await api.invoke('media:upload-chunk', { uploadId, offset, bytes });
    }
    return await api.invoke('media:upload-finish', { uploadId });
  } catch (error) {
    void api.invoke('media:upload-cancel', { uploadId }).catch(() => undefined);
    throw error;
  }
}
