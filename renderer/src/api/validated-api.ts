/**
 * The KioskApi that checks every payload with the contract (loaded lazily, see index.ts).
 */
import type { KioskApi, KioskBridge } from '#core/contract';
import { createBridgeApi } from './bridge-api';
import { createHttpApi } from './http-api';

/** The Electron bridge when the preload exposed it, else HTTP to the host that served the page. */
export function validatedApi(bridge: KioskBridge | undefined): KioskApi {
  return bridge ? createBridgeApi(bridge) : createHttpApi();
}
