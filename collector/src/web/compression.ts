// Compressed answers for what people read (device lists, the overview, the dashboard's scripts): a school on
// a slow line loads the dashboard in a fraction of the bytes. Only reads are compressed: an answer to a POST
// may carry a secret shown once (an enrolment secret, a token), and a compressed secret beside text the
// requester chose can be guessed byte by byte from the answer's length.
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Answers shorter than this gain little and cost a compressor each. */
const THRESHOLD_BYTES = 1024;
/** Brotli's default (11) is for files compressed once; a JSON answer is compressed on every request. */
const BROTLI_QUALITY = 4;

export const addCompression = (app: FastifyInstance): void => {
  // Runs before the plugin's own route hook (hooks run in the order added), so the plugin sees the choice.
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    if (!methods.every((method) => method === 'GET' || method === 'HEAD')) {
      (route as typeof route & { compress?: false }).compress = false;
    }
  });
  app.register(fastifyCompress, {
    global: true,
    // Request bodies stay as sent: nothing the API takes is large, and an inflated body could be.
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: THRESHOLD_BYTES,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });
};
