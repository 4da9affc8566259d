import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-presence', {
    description: 'Online presence for a chat app: three unlabelled phones send heartbeats through an LB to presence servers that keep last_seen in Redis and publish status changes over Redis pub/sub to the websocket servers; friends list in a database.',
    style: ['product-names', 'abbreviations', 'typos'], font: 3, fontSize: 16, roughness: 1, strokeWidth: 1,
  });
  d.box('p1', 'phone', 0, 0, 48, 86, '', 'client');
  d.box('p2', 'phone', 8, 140, 48, 86, '', 'client');
  d.box('p3', 'phone', 2, 282, 48, 86, '', 'client');
  d.box('lb', 'rect', 150, 150, 64, 64, 'LB', 'load-balancer');
  d.box('ws', 'rect', 300, 10, 170, 70, 'Websocket\nsevers', 'gateway', { stack: { n: 2, dx: 10, dy: -10, text: 'front' } });
  d.box('pres', 'rect', 300, 160, 170, 70, 'Presence\nservers', 'presence-service', { bg: '#c3fae8' });
  d.box('redis', 'cyl', 560, 150, 150, 100, 'Redis\n(last_seen)', 'cache');
  d.box('pub', 'rect', 560, 0, 160, 60, 'Redis pub/sub', 'message-queue');
  d.box('fdb', 'cyl-lines', 300, 320, 160, 90, 'Friends DB\n(MySQL)', 'database');

  d.arrow('p1', 'lb', { bind: 'end' });
  d.arrow('p2', 'lb', { bind: 'end', label: 'heartbeat' });
  d.arrow('p3', 'lb', { bind: 'end' });
  d.arrow('lb', 'pres');
  d.arrow('p1', 'ws', { heads: 'both', bind: 'end' });
  d.arrow('pres', 'redis', { label: 'SET last_seen' });
  d.arrow('pres', 'pub');
  d.arrow('pub', 'ws');
  d.arrow('pres', 'fdb', { label: 'friends of user' });
  d.text(560, 290, 'A user is offline when no heartbeat arrived\nfor 30 s (the key expires); presence servers then\npublish "offline" to every friend\'s channel.', { kind: 'note', fontSize: 14 });
  return d;
};
