/**
 * Problems found in content: what is wrong and where, as a JSON path.
 */
import * as z from 'zod/mini';

/** One thing wrong with a file or payload. */
export const Problem = z.object({
  /** The file or call the problem was found in, e.g. `content.json`. */
  source: z.string(),
  /** JSON path of the bad value, e.g. `$.playlists[0].slides[2].title`. */
  path: z.string(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

/** Turn a zod path into a JSON path such as `$.slides[2].title`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Read a JSON path such as `$.slides[2].title["nl-BE"]` back into its keys (the inverse of `jsonPath`). */
export function parseJsonPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const step = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  step.lastIndex = path.startsWith('$') ? 1 : 0;
  for (let match = step.exec(path); match; match = step.exec(path)) {
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(JSON.parse(match[3]!) as string);
  }
  return keys;
}

/** List every issue of a zod error as a problem in `source`. */
export function problemsFromZod(source: string, error: z.core.$ZodError): Problem[] {
  return error.issues.map((issue) => ({
    source,
    path: jsonPath(issue.path),
    message: issue.message,
  }));
}

/** One line per problem: `content.json: $.slides[0].title: Required`. */
export function formatProblem(problem: Problem): string {
  return `${problem.source}: ${problem.path}: ${problem.message}`;
}
