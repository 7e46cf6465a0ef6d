import { interceptors, request, type Dispatcher } from 'undici';
import { SOURCE_BUFFER_BYTES, type HttpGet } from './http-get';

/** fetch follows redirects; a download URL behind a CDN may rely on that, so this does too. */
const MAX_REDIRECTIONS = 5;

/**
 * The Node hosts' GET: undici's request hands the body over as a Node stream, without the web
 * stream layer fetch adds; that saves about a third of the CPU a verified download spends per byte.
 */
export function createUndiciHttpGet(dispatcher: Dispatcher): HttpGet {
  const following = dispatcher.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }));
  return async (url, init) => {
    const response = await request(url, { dispatcher: following, headers: init.headers, signal: init.signal, highWaterMark: SOURCE_BUFFER_BYTES });
    const { headers, body } = response;
    return {
      status: response.statusCode,
      headers: { get: (name) => headerValue(headers[name.toLowerCase()]) },
      body,
      discard: () => body.destroy(),
    };
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
