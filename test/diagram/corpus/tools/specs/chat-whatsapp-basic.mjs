import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-whatsapp-basic', {
    description: 'WhatsApp-style chat: phones talk to stateless API servers through an LB and hold a websocket to a pool of chat servers; presence, message store, id generator, per-member message sync queues for group chat and push notifications.',
    style: ['product-names', 'abbreviations'],
  });
  d.box('ua', 'phone', 18, 212, 58, 104, 'User A', 'client');
  d.box('ub', 'phone', 22, 452, 58, 104, 'User B', 'client');
  d.box('lb', 'rect', 231, 96, 96, 58, 'LB', 'load-balancer', { bg: '#ffec99' });
  d.box('api', 'rect', 414, 83, 168, 74, 'API servers', 'api-server', { stack: { n: 3, dx: 13, dy: -12, text: 'front' } });
  d.box('chat', 'rect', 262, 330, 180, 82, 'Chat servers', 'gateway', { stack: { n: 3, dx: 14, dy: -14, text: 'all' }, bg: '#a5d8ff' });
  d.box('pres', 'rect', 260, 540, 170, 70, 'Presence servers', 'presence-service');
  d.box('zk', 'rect', 720, 88, 190, 80, 'Service discovery\n(Zookeeper)', 'service');
  d.box('idg', 'rect', 612, 236, 148, 62, 'ID generator', 'id-generator');
  d.box('kv', 'cyl', 660, 374, 132, 118, 'Cassandra\n(messages)', 'nosql-db');
  d.box('push', 'rect', 650, 560, 190, 72, 'Push notification\nservice', 'notification-service', { bg: '#ffc9c9' });
  d.box('kvp', 'cyl', 470, 650, 120, 96, 'Redis', 'cache', { lid: 20 });
  d.box('sqb', 'rect', 960, 150, 150, 56, 'msg sync queue\nUser B', 'sync-queue', { fontSize: 15, rounded: false });
  d.box('sqc', 'rect', 964, 236, 150, 56, 'msg sync queue\nUser C', 'sync-queue', { fontSize: 15, rounded: false });

  d.arrow('ua', 'lb', { label: 'http' });
  d.arrow('lb', 'api');
  d.arrow('api', 'zk');
  d.arrow('ua', 'chat', { label: 'ws', heads: 'both' });
  d.arrow('ub', 'chat', { label: 'ws', heads: 'both' });
  d.arrow('chat', 'idg');
  d.arrow('chat', 'kv');
  d.arrow('chat', 'pres', { heads: 'both' });
  d.arrow('chat', 'push', { via: [[560, 520]] });
  d.arrow('pres', 'kvp');
  d.arrow('chat', 'sqb', { via: [[530, 196], [880, 180]], label: 'group msg' });
  d.arrow('chat', 'sqc', { via: [[540, 206], [890, 262]] });
  d.text(962, 306, 'group chat: one copy per member', { kind: 'annotation', fontSize: 14 });
  d.arrow('push', 'ub', { bind: 'start', via: [[745, 700], [120, 700]], short: 12 });
  return d;
};
