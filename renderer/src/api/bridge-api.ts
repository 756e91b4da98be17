/**
 * KioskApi over the Electron preload bridge, validated on this side too.
 */
import { ContentSnapshot, type KioskApi, type KioskBridge } from '#core/contract';
import { checkedInvoke } from './api-error';

/**
 * Wrap `window.kiosk`: parse inputs and outputs with the contract, and turn the Reply of a failed
 * call (a KioskFailure, as the main process sent it) into an ApiError.
 */
export function createBridgeApi(bridge: KioskBridge): KioskApi {
  return {
    invoke: checkedInvoke((name, input) => bridge.invoke(name, input as never)),
    onContentChanged(listener) {
      return bridge.onContentChanged((snapshot) => {
        const parsed = ContentSnapshot.safeParse(snapshot);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}
