/**
 * A small tmpfs for the disk fault tests (full disk, a bundle larger than the disk).
 *
 * Mounting needs root (or CAP_SYS_ADMIN); CI runs as root. Without it the test fails and says
 * so: a skipped fault test would prove nothing.
 */
import { execFileSync } from 'node:child_process';

/** Mounts a tmpfs of `size` (e.g. `2m`) at `dir`; returns its unmount. `test` names the caller. */
export function mountTmpfs(dir: string, size: string, test: string): () => void {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    const why = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    throw new Error(
      `${test}: cannot mount a ${size} tmpfs at ${dir} (${why}). ` +
        'It needs root or CAP_SYS_ADMIN (CI runs as root); run it there, e.g. `sudo npm run test:faults`.',
      { cause: error },
    );
  }
  return () => {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      // Still busy (a host process just killed): detach it now, the kernel frees it later.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
  };
}
