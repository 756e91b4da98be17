import { describe, expect, it } from 'vitest';
import { SHARED_SETTING_KEYS } from './bundle.js';
import { DEFAULT_SETTINGS } from './schema.js';
import {
  PIN_CONFIRMED_SETTINGS,
  pinConfirmedChanges,
  pinRequiredMessage,
} from './security-policy.js';

describe('settings that need the PIN again', () => {
  it('finds which of them a save changes, and says so in staff words', () => {
    const after = {
      ...DEFAULT_SETTINGS,
      syncManifestUrl: 'https://hq.example/manifest.json',
      idleTimeoutSec: 99,
    };
    expect(pinConfirmedChanges(DEFAULT_SETTINGS, after)).toEqual(['syncManifestUrl']);
    expect(pinRequiredMessage(['syncManifestUrl'])).toBe(
      'Enter the PIN again to change the sync server address.',
    );
    const more = { ...after, lanAdmin: true, allowedHostNames: ['kiosk.example'] };
    expect(pinConfirmedChanges(DEFAULT_SETTINGS, more)).toEqual([
      'syncManifestUrl',
      'lanAdmin',
      'allowedHostNames',
    ]);
    expect(pinRequiredMessage(['syncManifestUrl', 'syncPublicKey', 'lanAdmin'])).toBe(
      'Enter the PIN again to change the sync server address, the bundle public key and remote admin over the network.',
    );
    expect(pinRequiredMessage('publish')).toBe('Enter the PIN again to publish.');
    // Saving the same values again (or other settings only) needs no PIN.
    expect(pinConfirmedChanges(more, { ...more, idleTimeoutSec: 120 })).toEqual([]);
  });

  it('are never among the settings a fleet bundle brings, which arrive without a PIN', () => {
    const shared: readonly string[] = SHARED_SETTING_KEYS;
    for (const key of Object.keys(PIN_CONFIRMED_SETTINGS)) expect(shared).not.toContain(key);
  });
});
