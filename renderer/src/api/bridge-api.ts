/**
 * KioskApi over the Electron preload bridge, validated on this side too.
 */
import {
  contract,
  ContentSnapshot,
  type CallInput,
  type CallName,
  type CallOutput,
  type KioskApi,
} from '#core/contract';
import { ApiError, checkInput } from './api-error';

/**
 * Wrap `window.kiosk`: parse inputs and outputs with the contract, and turn the preload's
 * errors (an Error whose message is the JSON `{ code, message, problems }`) into ApiErrors.
 */
export function createBridgeApi(bridge: KioskApi): KioskApi {
  return {
    async invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
      const spec = contract[name];
      let output: unknown;
      try {
        output = await bridge.invoke(name, checkInput(name, input) as CallInput<K>);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        let body: unknown;
        try {
          body = { error: JSON.parse(message) };
        } catch {
          body = undefined;
        }
        throw ApiError.from(body, message);
      }
      return spec.output.parse(output) as CallOutput<K>;
    },
    onContentChanged(listener) {
      return bridge.onContentChanged((snapshot) => {
        const parsed = ContentSnapshot.safeParse(snapshot);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}
