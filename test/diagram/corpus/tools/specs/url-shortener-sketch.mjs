import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('url-shortener-sketch', {
    description: 'A URL shortener sketched with every label written next to its box, not in it: browser, HAProxy, two API servers, memcached, a Postgres drawn as a rounded rectangle with a lid line, and a ticket server for ids.',
    style: ['product-names'], font: 1, fontSize: 20, roughness: 1, strokeWidth: 1, labelMode: 'right',
  });
  d.box('br', 'rect', 0, 100, 80, 60, 'browser', 'client', { labelMode: 'below' });
  d.box('ha', 'rect', 180, 100, 60, 60, 'HAProxy', 'load-balancer', { labelMode: 'above' });
  d.box('a1', 'rect', 360, 20, 90, 56, 'api-1', 'api-server');
  d.box('a2', 'rect', 364, 180, 90, 56, 'api-2', 'api-server');
  d.box('mc', 'rect', 620, 0, 80, 60, 'memcached', 'cache');
  d.box('pg', 'cyl-lines', 620, 150, 100, 110, 'Postgres\nurls(id, long, short)', 'database', { fontSize: 16 });
  d.box('ts', 'rect', 360, 340, 90, 60, 'ticket server', 'id-generator');
  d.arrow('br', 'ha', { bind: 'both' });
  d.arrow('ha', 'a1', { bind: 'start' });
  d.arrow('ha', 'a2', { bind: 'start' });
  d.arrow('a1', 'mc', { bind: 'none' });
  d.arrow('a1', 'pg', { bind: 'none' });
  d.arrow('a2', 'pg', { bind: 'none' });
  d.arrow('a2', 'ts', { bind: 'end' });
  d.text(0, 300, 'redirect 301\n(long URL in Location header)', { kind: 'annotation', fontSize: 16 });
  return d;
};
