import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('url-shortener', {
    description: 'URL shortener: a user behind a load balancer, web servers (stacked), a Redis cache in front of a MySQL URL table, a Snowflake unique id generator with base62 conversion, and click analytics through Kafka into an analytics service.',
    style: ['product-names', 'multiline-labels'], font: 5, fontSize: 18, roughness: 1, strokeWidth: 2,
  });
  d.box('u', 'person', 0, 120, 100, 0, 'User', 'client');
  d.box('lb', 'rect', 150, 130, 150, 70, 'Load balancer', 'load-balancer', { bg: '#ffec99' });
  d.box('ws', 'rect', 380, 120, 150, 80, 'Web servers', 'web-server', { stack: { n: 3, dx: 12, dy: -12, text: 'front' }, bg: '#a5d8ff' });
  d.box('cache', 'rect', 640, 20, 150, 70, 'Cache\n(Redis)', 'cache', { bg: '#ffc9c9' });
  d.box('db', 'cyl', 640, 180, 150, 120, 'Database\n(MySQL)', 'database', { bg: '#b2f2bb' });
  d.box('idg', 'rect', 372, 320, 180, 80, 'Unique ID generator\n(Snowflake)', 'id-generator', { fontSize: 16 });
  d.box('kafka', 'rect', 380, -120, 150, 60, 'Kafka', 'message-queue');
  d.box('an', 'rect', 640, -130, 150, 70, 'Analytics\nservice', 'service');
  d.arrow('u', 'lb', { label: 'GET /abc123', heads: 'none' });
  d.arrow('lb', 'ws');
  d.arrow('ws', 'cache', { label: '1. lookup' });
  d.arrow('ws', 'db', { label: '2. on miss' });
  d.arrow('ws', 'idg', { label: 'new id' });
  d.arrow('ws', 'kafka', { bind: 'start', label: 'click events' });
  d.arrow('kafka', 'an');
  d.text(600, 360, 'shortURL = base62(id)\n301 redirect (cached by browser) vs\n302 (every click reaches us, better analytics)', { kind: 'note', fontSize: 15 });
  return d;
};
