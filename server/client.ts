// Who is at the other end of a request, as the core is told (ClientInfo): the address (the
// proxy's word for it only behind --behind-proxy) and what the person signs in with, in words for
// their session list ("Chrome on Linux"), from the User-Agent header. Labels only: the core
// throttles sign-in by the address; nothing is decided on the device.

import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../core/dispatch.js';

const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bElectron\//, 'Newsdesk desktop'],
  [/\bHeadlessChrome\//, 'Headless Chrome'],
  [/\bChrom(e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

const MAX_LENGTH = 100;

export function deviceOf(userAgent: string | undefined): string {
  const ua = (userAgent ?? '').slice(0, 1000);
  if (!ua.trim()) return 'Unknown device';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser) return system ? `${browser} on ${system}` : browser;
  // A script or tool ("curl/8.5.0", "node"): its first product name, printable characters only.
  const product = /^[\x21-\x7e]+/.exec(ua)?.[0]?.split('/')[0] ?? 'Unknown device';
  return `${product} (script)`.slice(0, MAX_LENGTH);
}

/** The address as people read it (an IPv4 client of a dual-stack socket without its ::ffff: prefix). */
export function clientAddress(request: FastifyRequest): string {
  return request.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export function clientInfo(request: FastifyRequest): ClientInfo {
  return { address: clientAddress(request), device: deviceOf(request.headers['user-agent']) };
}
