/**
 * electron-builder afterPack hook: flip Electron's fuses in the packed executable, then check them.
 *
 * Fuses are bits in the Electron binary that switch features off for good, whatever the command
 * line or environment says. A kiosk never needs Electron to run as plain Node, to read
 * NODE_OPTIONS, to open an inspector port, or to give file:// extra rights (the player is served
 * from kiosk://), and it should load its code only from app.asar and refuse a tampered archive.
 * EnableEmbeddedAsarIntegrityValidation acts on macOS and Windows, where electron-builder embeds
 * the archive's hash; Electron does not check it on Linux. Cookie encryption stays off: on Linux
 * it needs a keyring, which would prompt on an auto-login kiosk account.
 *
 * afterPack runs before signing, so a signed build carries the flipped fuses.
 */
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** The fuses the kiosk ships with, by @electron/fuses option name. */
export const KIOSK_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  GrantFileProtocolExtraPrivileges: false,
  OnlyLoadAppFromAsar: true,
  EnableEmbeddedAsarIntegrityValidation: true,
};

// builder-util's Arch enum: flipping fuses breaks the ad-hoc signature of Apple-silicon binaries.
const ARM64 = 3;
const UNIVERSAL = 4;
const ENABLE = '1'.charCodeAt(0);
const DISABLE = '0'.charCodeAt(0);

/** Path of the packed Electron executable (the .app bundle on macOS). */
function packedExecutable({ appOutDir, electronPlatformName, packager }) {
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${product}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${product}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** Flip the kiosk's fuses and fail the build if any did not take. */
export default async function afterPack(context) {
  const file = packedExecutable(context);
  const config = { version: FuseVersion.V1 };
  for (const [name, on] of Object.entries(KIOSK_FUSES)) config[FuseV1Options[name]] = on;
  config.resetAdHocDarwinSignature =
    context.electronPlatformName === 'darwin' &&
    (context.arch === ARM64 || context.arch === UNIVERSAL);
  await flipFuses(file, config);

  const wire = await getCurrentFuseWire(file);
  const wrong = Object.entries(KIOSK_FUSES).filter(
    ([name, on]) => wire[FuseV1Options[name]] !== (on ? ENABLE : DISABLE),
  );
  if (wrong.length > 0) {
    throw new Error(`fuses did not flip in ${file}: ${wrong.map(([name]) => name).join(', ')}`);
  }
  console.log(
    `  • fuses flipped  file=${path.basename(file)} ${Object.keys(KIOSK_FUSES).join(' ')}`,
  );
}
