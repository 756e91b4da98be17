/**
 * The certificate remote admin is served with: staff's own, or one made on first start.
 *
 * Both live in `<data>/tls/`: `cert.pem` and `key.pem` (the private key readable by the owner
 * only). Staff who have a certificate from their own authority put those two files there before
 * starting the kiosk; otherwise a self-signed one is made (ECDSA P-256 with @peculiar/x509 over
 * Node's WebCrypto), naming this machine's host name and addresses, and kept for later starts.
 * Staff compare its SHA-256 fingerprint, shown on the kiosk's Status screen, when their browser asks.
 */
import { createHash, createPrivateKey, KeyObject, webcrypto, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../atomic-write.js';

/** The folder, inside the data folder, that holds the certificate and its key. */
export const TLS_DIR = 'tls';
export const CERT_FILE = 'cert.pem';
export const KEY_FILE = 'key.pem';
/** How long a generated certificate is valid. */
const VALID_DAYS = 5 * 365;

/** A certificate and its key, ready for `https.createServer`. */
export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as browsers show it (`AB:CD:…`). */
  fingerprint256: string;
  /** SHA-256 of its public key (SPKI), base64, as Chromium's `--ignore-certificate-errors-spki-list` takes it. */
  spkiSha256: string;
  /** Whether the kiosk made it (else staff provided it). */
  generated: boolean;
}

/** Read `<data>/tls/`, or make and keep a self-signed certificate when there is none. */
export async function loadOrCreateTls(dataDir: string): Promise<TlsMaterial> {
  const dir = path.join(dataDir, TLS_DIR);
  const certFile = path.join(dir, CERT_FILE);
  const keyFile = path.join(dir, KEY_FILE);
  const [cert, key] = await Promise.all([readOptional(certFile), readOptional(keyFile)]);
  if (cert !== undefined && key !== undefined) return describe(cert, key, false, dir);
  if (cert !== undefined || key !== undefined) {
    throw new Error(
      `${dir} has only one of ${CERT_FILE} and ${KEY_FILE}: put both there, or remove both to make a new certificate.`,
    );
  }
  const made = await generate();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  // The key first: a certificate without its key would stop the next start.
  await writeAtomic(keyFile, made.key, { mode: 0o600 });
  await writeAtomic(certFile, made.cert, { mode: 0o644 });
  return describe(made.cert, made.key, true, dir);
}

/** A self-signed certificate for this machine's names and addresses. */
async function generate(): Promise<{ cert: string; key: string }> {
  // Loaded only when a certificate is made; the library needs the Reflect metadata polyfill.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as ReturnType<typeof x509.cryptoProvider.get>);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const hostname = os.hostname() || 'openness-kiosk';
  const names = new Set([hostname.toLowerCase(), 'localhost']);
  const addresses = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) addresses.add(entry.address.replace(/%.*$/, ''));
  }
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=${hostname.replace(/[,=+<>#;"\\]/g, '-')}, O=openness-kiosk`,
    notBefore: new Date(now - 24 * 3600_000),
    notAfter: new Date(now + VALID_DAYS * 24 * 3600_000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...[...names].map((value) => ({ type: 'dns' as const, value })),
        ...[...addresses].map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  const key = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' });
  return { cert: certificate.toString('pem'), key: String(key) };
}

function describe(cert: string, key: string, generated: boolean, dir: string): TlsMaterial {
  let parsed: X509Certificate;
  try {
    parsed = new X509Certificate(cert);
    if (!parsed.checkPrivateKey(createPrivateKey(key))) throw new Error('they do not match');
  } catch (error) {
    throw new Error(
      `${dir}: ${CERT_FILE} and ${KEY_FILE} are not a certificate and its private key (${(error as Error).message}).`,
      { cause: error },
    );
  }
  const spki = parsed.publicKey.export({ type: 'spki', format: 'der' });
  return {
    cert,
    key,
    fingerprint256: parsed.fingerprint256,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    generated,
  };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
