/**
 * Ed25519 keys for signing fleet bundles (node:crypto): generate a pair, sign a manifest, verify.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { signedText, type Manifest } from '#core/bundle';
import { KioskError } from '#core/errors';

export const PRIVATE_KEY_FILE = 'bundle-signing.key';
export const PUBLIC_KEY_FILE = 'bundle-signing.pub';

/** The short id of a public key: the first 16 hex digits of the sha256 of its SPKI DER form. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Make a new key pair in `outDir`; refuses to overwrite an existing key. */
export async function generateKeys(
  outDir: string,
): Promise<{ privateFile: string; publicFile: string; keyId: string }> {
  await mkdir(outDir, { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const privateFile = path.join(outDir, PRIVATE_KEY_FILE);
  const publicFile = path.join(outDir, PUBLIC_KEY_FILE);
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' });
  try {
    // `wx`: never replace a key that exists; the private key is readable by its owner only.
    await writeFile(privateFile, privatePem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KioskError(
        'conflict',
        `${privateFile} already exists; choose another --out folder (keys are never overwritten).`,
      );
    }
    throw error;
  }
  await writeFile(publicFile, publicPem, { flag: 'w' });
  return { privateFile, publicFile, keyId: keyIdOf(publicKey) };
}

/** Read an Ed25519 private key (PEM, PKCS#8). */
export function parsePrivateKey(text: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new KioskError('invalid-input', `${where} is not a private key in PEM form.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KioskError(
      'invalid-input',
      `${where} is a ${key.asymmetricKeyType} key; bundles are signed with Ed25519 keys (openness-kiosk keys generate).`,
    );
  }
  return key;
}

/** Read an Ed25519 public key: PEM, or the base64 of its SPKI DER form. */
export function parsePublicKey(text: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = text.includes('-----BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new KioskError(
      'invalid-input',
      `${where} is not a public key (PEM, or base64 of its SPKI form).`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KioskError(
      'invalid-input',
      `${where} is a ${key.asymmetricKeyType} key; bundles are signed with Ed25519 keys.`,
    );
  }
  return key;
}

/** The manifest with its signature. */
export function signManifest(manifest: Manifest, privateKey: KeyObject): Manifest {
  const publicKey = createPublicKey(privateKey);
  const value = sign(null, Buffer.from(signedText(manifest)), privateKey).toString('base64');
  return { ...manifest, signature: { algorithm: 'ed25519', keyId: keyIdOf(publicKey), value } };
}

/** Why a manifest's signature is not acceptable to `publicKey`, or undefined when it is. */
export function signatureProblem(manifest: Manifest, publicKey: KeyObject): string | undefined {
  const { signature } = manifest;
  const keyId = keyIdOf(publicKey);
  if (!signature) {
    return `the bundle is not signed, but this kiosk only accepts bundles signed with key ${keyId}`;
  }
  if (signature.keyId !== keyId) {
    return `the bundle is signed with key ${signature.keyId}, but this kiosk only accepts key ${keyId}`;
  }
  const ok = verify(
    null,
    Buffer.from(signedText(manifest)),
    publicKey,
    Buffer.from(signature.value, 'base64'),
  );
  return ok
    ? undefined
    : `the signature does not match: the manifest was changed after it was signed`;
}
